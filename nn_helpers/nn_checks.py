"""As conferências das portas públicas de ``nn_helpers.nn`` (veja ``doors.checked``).

Cada função recebe o nome da porta e os argumentos da chamada e devolve os argumentos
conferidos, na ordem da assinatura — ou levanta ``ValueError`` em português. Ficam aqui, fora de
``nn.py``, para que a rede se leia só com as contas.
"""

import numpy as np

from .activations import ACTIVATIONS
from .optimizers import get_optimizer
from .validation import (as_array, class_labels, flag, number_between, numbers, one_of,
                         same_length, seed_value, whole_number)

LAYER_ACTIVATIONS = (*ACTIVATIONS, "softmax")
INITS = ("he", "xavier", "normal")


def _float_dtype(dtype, where):
    try:
        checked_dtype = np.dtype(dtype)
    except (TypeError, ValueError):
        checked_dtype = np.dtype(object)
    if checked_dtype not in (np.float32, np.float64):
        raise ValueError(f"{where}: `dtype` deve ser np.float32 ou np.float64, não {dtype!r}.")
    return checked_dtype


def weights_args(where, n_in, n_out, activation, init, seed):
    init = None if init is None else one_of(init, "init", where, INITS)
    return (whole_number(n_in, "n_in", where, 1), whole_number(n_out, "n_out", where, 1),
            one_of(activation, "activation", where, LAYER_ACTIVATIONS), init,
            seed_value(seed, where))


def dense_args(where, self, n_in, n_out, activation, seed, dtype, init):
    n_in, n_out, activation, init, seed = weights_args(where, n_in, n_out, activation, init, seed)
    return self, n_in, n_out, activation, seed, _float_dtype(dtype, where), init


def _matrix(X, n_cols, where, dtype=None):
    """X: (n, n_cols) de números finitos (no ``dtype``, se dado)."""
    X = numbers(X, "X", where)
    if X.ndim != 2 or X.shape[1] != n_cols:
        raise ValueError(f"{where}: `X` deve ter forma (n, {n_cols}) — uma linha por amostra, "
                         f"{n_cols} atributos —, mas recebi forma {X.shape}.")
    if dtype is not None:
        with np.errstate(over="ignore"):
            X = np.ascontiguousarray(X, dtype=dtype)
        if not np.isfinite(X.sum()) and not np.isfinite(X).all():
            raise ValueError(f"{where}: `X` tem valores grandes demais para {X.dtype.name}; "
                             "padronize `X` (com standardize).")
    return X


def forward_args(where, self, X, training):
    """A ida de uma ``Dense`` ou de um ``MLP``: X (n, n_in) no dtype dos pesos."""
    W = (self.layers[0] if hasattr(self, "layers") else self).W
    return self, _matrix(X, W.shape[0], where, W.dtype), flag(training, "training", where)


def _gradient(G, name, where, like):
    """O gradiente que volta por uma camada: números finitos com a forma de ``like``."""
    if like is None:
        raise ValueError(f"{where}: chame `forward` antes: a volta usa o que a ida guardou.")
    G = numbers(G, name, where)
    if G.shape != like.shape:
        raise ValueError(f"{where}: `{name}` deve ter a forma da saída da última ida, "
                         f"{like.shape}, mas tem forma {G.shape}.")
    return G


def backward_args(where, self, dA, input_grad):
    like = None if self.cache is None else self.cache[2]
    return self, _gradient(dA, "dA", where, like), flag(input_grad, "input_grad", where)


def backward_z_args(where, self, dZ, input_grad):
    like = None if self.cache is None else self.cache[1]
    return self, _gradient(dZ, "dZ", where, like), flag(input_grad, "input_grad", where)


def dropout_args(where, self, rate, seed):
    return self, number_between(rate, "rate", where, 0, 1, below_high=True), seed_value(seed, where)


def dropout_forward_args(where, self, X, training):
    X, training = numbers(X, "X", where), flag(training, "training", where)
    if training and X.dtype not in (np.float32, np.float64):     # o sorteio é em float
        X = X.astype(np.float64)
    return self, X, training


def dropout_backward_args(where, self, dA, input_grad):
    dA = numbers(dA, "dA", where)
    if self.mask is not None and dA.shape != self.mask.shape:
        raise ValueError(f"{where}: `dA` deve ter a forma da saída da última ida, "
                         f"{self.mask.shape}, mas tem forma {dA.shape}.")
    return self, dA, flag(input_grad, "input_grad", where)


def mlp_args(where, self, layer_sizes, activation, output, dropout, seed, dtype, init):
    sizes = list(layer_sizes) if isinstance(layer_sizes, (list, tuple, range, np.ndarray)) else []
    if len(sizes) < 2 or not all(isinstance(s, (int, np.integer)) and not isinstance(s, bool)
                                 and s > 0 for s in sizes):
        raise ValueError(f"{where}: `layer_sizes` deve ser uma lista de inteiros positivos "
                         f"[entrada, escondidas..., saída], recebi {layer_sizes!r}"
                         + (" (numa lista só: MLP([2, 4, 2]), não MLP(2, 4, 2))."
                            if isinstance(layer_sizes, (int, np.integer)) else "."))
    activation = one_of(activation, "activation", where, tuple(ACTIVATIONS))
    output = one_of(output, "output", where, ("softmax", "sigmoid"))
    if (output == "sigmoid") != (sizes[-1] == 1):
        raise ValueError(f"{where}: com output={output!r} a última camada deve ter "
                         + ("1 unidade" if output == "sigmoid" else "2 ou mais unidades")
                         + f", mas `layer_sizes` termina em {sizes[-1]}.")
    init = None if init is None else one_of(init, "init", where, INITS)
    return (self, [int(s) for s in sizes], activation, output,
            number_between(0.0 if dropout is None else dropout, "dropout", where, 0, 1,
                           below_high=True), seed_value(seed, where),
            _float_dtype(dtype, where), init)


def labelled(model, X, y, where):
    """X: (n, d); y: (n,) rótulos ou (n, k) one-hot → (X no dtype do modelo, rótulos (n,) int)."""
    X = _matrix(X, model.layers[0].W.shape[0], where, model.dtype)
    if len(X) == 0:
        raise ValueError(f"{where}: `X` não tem nenhuma amostra (forma {X.shape}).")
    if y is None:
        raise ValueError(f"{where}: falta `y`, os rótulos de `X` ((n,) ou (n, k) one-hot).")
    y = as_array(y, "y", where, ndim=(1, 2))
    same_length(X, y, "X", "y", where)
    k = model.layers[-1].W.shape[1]
    if y.ndim == 2 and k > 1:
        if y.shape[1] != k or not np.all((y == 0) | (y == 1)) or not np.all(y.sum(axis=1) == 1):
            raise ValueError(f"{where}: `y` com forma {y.shape} deveria ser one-hot "
                             f"(n, {k}): um único 1 por linha.")
        y = y.argmax(axis=1)
    if y.ndim == 2 and y.shape[1] != 1:
        raise ValueError(f"{where}: com saída sigmoide, `y` deve ter forma (n,) ou (n, 1) "
                         f"com rótulos 0 ou 1, mas recebi forma {y.shape}.")
    return X, class_labels(y.reshape(-1), "y", where, max(k, 2))


def data_args(where, self, X, y):
    return (self, *labelled(self, X, y, where))


def inputs_args(where, self, X):
    return self, _matrix(X, self.layers[0].W.shape[0], where, self.dtype)


def loss_args(where, self, X, y, training):
    return (self, *labelled(self, X, y, where), flag(training, "training", where))


def mlp_backward_args(where, self, dZ):
    last = self.layers[-1]
    return self, _gradient(dZ, "dZ", where, None if last.cache is None else last.cache[1])


def train_epoch_args(where, self, X, Y, labels, batch_size, opt, rng):
    X, labels = labelled(self, X, labels, where)
    Y, k = numbers(Y, "Y", where), self.layers[-1].W.shape[1]
    if Y.shape != (len(X), k):
        raise ValueError(f"{where}: `Y` deve ter forma ({len(X)}, {k}), os alvos como a saída "
                         f"(one-hot ou 0/1), mas tem forma {Y.shape}.")
    if not callable(getattr(opt, "step", None)):
        raise ValueError(f"{where}: `opt` deve ser um otimizador (com `step`), como SGD(lr=0.1).")
    if not isinstance(rng, np.random.Generator):
        raise ValueError(f"{where}: `rng` deve ser um gerador, como np.random.default_rng(0).")
    return self, X, Y, labels, whole_number(batch_size, "batch_size", where, 1), opt, rng


def fit_args(where, self, X, y, epochs, batch_size, lr, optimizer, validation_data, verbose,
              seed):
    X, labels = labelled(self, X, y, where)
    if validation_data is not None:
        if not (isinstance(validation_data, (tuple, list)) and len(validation_data) == 2):
            raise ValueError(f"{where}: `validation_data` deve ser um par (X_val, y_val), não "
                             f"{type(validation_data).__name__}.")
        validation_data = labelled(self, *validation_data, f"{where} (validation_data)")
    if isinstance(verbose, (int, np.integer)) and verbose in (0, 1):    # o costume do Keras
        verbose = bool(verbose)
    return (self, X, labels, whole_number(epochs, "epochs", where, 1),
            whole_number(batch_size, "batch_size", where, 1), None, get_optimizer(optimizer, lr),
            validation_data, flag(verbose, "verbose", where), seed_value(seed, where))
