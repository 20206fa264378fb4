"""Uma rede neural do zero, só com numpy: camadas densas, dropout e o MLP (capítulos 6 e 7).

Cada camada tem ``forward`` (guarda no ``cache`` o que a volta vai precisar) e
``backward`` (recebe o gradiente do custo em relação à sua saída e devolve o
gradiente em relação à sua entrada), lado a lado. Formas: ``n`` amostras,
``d`` atributos, ``k`` classes.

O custo (entropia cruzada) entra junto com a última camada: softmax + entropia
cruzada, ou sigmoide + entropia cruzada binária, têm juntas o gradiente simples
``∂C/∂z = (P − Y)/n``.

Os tipos são preservados: um MLP em float32 faz todas as contas em float32
(mais rápido), em float64 todas em float64 (para a verificação de gradientes).
"""

import sys
import warnings

import numpy as np

from .activations import ACTIVATIONS
from .optimizers import get_optimizer
from .validation import as_array, same_length

__all__ = ["init_weights", "Dense", "Dropout", "MLP", "cross_entropy_and_grad"]


def _softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _sigmoid(z):
    e = np.exp(-np.abs(z))                      # em (0, 1]: nunca estoura
    return np.where(z >= 0, 1, e) / (1 + e)


# nome → (f(z), f'(z) escrita com z e a = f(z)). São as contas de nn_helpers.activations
# sem a validação da entrada, que custaria uma passada extra sobre os dados a cada lote
# (tests/test_nn.py confere que os valores coincidem).
_FAST = {
    "sigmoid": (_sigmoid, lambda z, a: a * (1 - a)),
    "tanh": (np.tanh, lambda z, a: 1 - a * a),
    "relu": (lambda z: np.maximum(z, 0), lambda z, a: z > 0),
    "leaky_relu": (lambda z: np.where(z > 0, z, 0.01 * z),
                   lambda z, a: np.where(z > 0, 1, 0.01).astype(z.dtype)),
    "elu": (lambda z: np.where(z > 0, z, np.expm1(np.minimum(z, 0))),
            lambda z, a: np.where(z > 0, 1, np.exp(np.minimum(z, 0))).astype(z.dtype)),
    "linear": (lambda z: z, lambda z, a: 1),
    "softmax": (_softmax, None),   # derivada: ver Dense.backward
}


def init_weights(n_in, n_out, activation="relu", init=None, seed=None):
    """Pesos iniciais de uma camada densa: W: (n_in, n_out), sorteados em float64.

    init: ``"he"`` — N(0, 2/n_in), o padrão para ReLU, leaky ReLU e ELU;
    ``"xavier"`` — N(0, 2/(n_in + n_out)), o padrão para as demais;
    ``"normal"`` — N(0, 0,01²). seed: int ou ``np.random.Generator``.
    """
    if init is None:
        init = "he" if activation in ("relu", "leaky_relu", "elu") else "xavier"
    std = {"he": np.sqrt(2 / n_in),
           "xavier": np.sqrt(2 / (n_in + n_out)),
           "normal": 0.01}[init]
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n_in, n_out)) * std


class Dense:
    """Camada densa (*fully connected*): ``A = f(X·W + b)``.

    n_in, n_out: tamanhos da entrada e da saída; activation: um nome de
    ``nn_helpers.activations.ACTIVATIONS`` ou ``"softmax"`` (última camada).
    init: ``"he"`` (N(0, 2/n_in), o padrão das ReLU), ``"xavier"``
    (N(0, 2/(n_in + n_out)), o padrão das demais) ou ``"normal"`` (N(0, 0,01²)).
    seed: int ou ``np.random.Generator``. Parâmetros: W: (n_in, n_out), b: (n_out,).
    """

    def __init__(self, n_in, n_out, activation="relu", seed=None, dtype=np.float32,
                 init=None):
        _check_layer(activation, init)
        self.W = init_weights(n_in, n_out, activation, init, seed).astype(dtype)
        self.b = np.zeros(n_out, dtype=dtype)
        self.dW, self.db = np.zeros_like(self.W), np.zeros_like(self.b)
        self.activation = activation
        self.f, self.f_grad = _FAST[activation]
        self.cache = None

    @property
    def params(self):
        """[W, b] — os próprios arrays (o otimizador os altera no lugar)."""
        return [self.W, self.b]

    @property
    def grads(self):
        """[dW, db] da última chamada a ``backward``."""
        return [self.dW, self.db]

    def forward(self, X, training=False):
        """X: (n, n_in) → A: (n, n_out). Guarda (X, Z, A) para a volta."""
        Z = X @ self.W
        Z += self.b
        A = self.f(Z)
        self.cache = (X, Z, A)
        return A

    def backward(self, dA, input_grad=True):
        """dA: (n, n_out) = ∂C/∂A → ∂C/∂X: (n, n_in).

        Guarda dW: (n_in, n_out) e db: (n_out,). Regra da cadeia:
        ``∂C/∂Z = ∂C/∂A ⊙ f'(Z)``; na softmax, cuja saída depende da linha toda,
        ``∂C/∂Z = A ⊙ (∂C/∂A − Σ_j (∂C/∂A)_j·A_j)``.
        """
        _, Z, A = self.cache
        if self.activation == "softmax":
            dZ = A * (dA - (dA * A).sum(axis=1, keepdims=True))
        else:
            dZ = dA * self.f_grad(Z, A)
        return self.backward_z(dZ, input_grad)

    def backward_z(self, dZ, input_grad=True):
        """A parte linear da volta: dZ: (n, n_out) = ∂C/∂Z → ∂C/∂X: (n, n_in).

        ``dW = Xᵀ·dZ``, ``db = Σ_linhas dZ``, ``dX = dZ·Wᵀ``. Com
        ``input_grad=False`` (a primeira camada: ninguém usa ∂C/∂X) devolve ``None``.
        """
        X = self.cache[0]
        np.matmul(X.T, dZ, out=self.dW)
        np.sum(dZ, axis=0, out=self.db)
        return dZ @ self.W.T if input_grad else None

    def __repr__(self):
        return f"Dense({self.W.shape[0]}, {self.W.shape[1]}, activation={self.activation!r})"


class Dropout:
    """Dropout invertido: no treino, zera cada unidade com probabilidade ``rate`` e
    multiplica as restantes por ``1/(1 − rate)`` (a média não muda); na inferência,
    não faz nada.

    rate: em [0, 1); seed: int ou ``np.random.Generator``.
    """

    def __init__(self, rate, seed=None):
        self.rate = _checked_dropout_rate(rate)
        self.rng = np.random.default_rng(seed)
        self.mask = None
        self.params, self.grads = [], []

    def forward(self, X, training=False):
        """X: (n, m) → (n, m). Sorteia uma máscara nova a cada chamada de treino."""
        if not training or self.rate == 0:
            self.mask = None
            return X
        keep = self.rng.random(X.shape, dtype=X.dtype) >= self.rate
        self.mask = keep * X.dtype.type(1 / (1 - self.rate))
        return X * self.mask

    def backward(self, dA, input_grad=True):
        """dA: (n, m) → ∂C/∂X: (n, m) — as unidades zeradas não recebem gradiente."""
        return dA if self.mask is None else dA * self.mask

    def __repr__(self):
        return f"Dropout({self.rate})"


def cross_entropy_and_grad(P, Y, eps=1e-12):
    """Entropia cruzada média e o seu gradiente em relação a ``z`` da última camada.

    P: (n, k) saída da softmax, com Y: (n, k) one-hot — ``C = −(1/n)·Σ Y·ln P``;
    ou P: (n, 1) saída da sigmoide, com Y: (n, 1) de 0/1 — a binária
    ``C = −(1/n)·Σ [Y·ln P + (1 − Y)·ln(1 − P)]``. Nos dois casos a derivada da
    ativação cancela a do custo e sobra ``∂C/∂z = (P − Y)/n``. Como em
    ``nn_helpers.losses``, ``ln`` recebe no mínimo ``eps`` (ln 0 seria −∞).
    Retorna ``(custo, dZ)``: um float e um array (n, k).
    """
    n = P.shape[0]
    loss = -(Y * np.log(np.maximum(P, eps))).sum()
    if P.shape[1] == 1:
        loss -= ((1 - Y) * np.log(np.maximum(1 - P, eps))).sum()
    return float(loss / n), (P - Y) / n


class MLP:
    """Perceptron multicamadas (*multilayer perceptron*) para classificação.

    layer_sizes: ``[d, h1, ..., k]`` — atributos, camadas escondidas, saída.
    activation: ativação das camadas escondidas. output: ``"softmax"`` (k ≥ 2
    classes, entropia cruzada) ou ``"sigmoid"`` (k = 1, duas classes, entropia
    cruzada binária). dropout: taxa de dropout depois de cada camada escondida.
    seed: pesos iniciais, máscaras de dropout e embaralhamento. dtype: float32 ou float64.
    """

    def __init__(self, layer_sizes, activation="relu", output="softmax", dropout=0.0,
                 seed=0, dtype=np.float32, init=None):
        sizes = list(layer_sizes)
        if len(sizes) < 2 or not all(isinstance(s, (int, np.integer)) and s > 0 for s in sizes):
            raise ValueError("MLP: `layer_sizes` deve ser uma lista de inteiros positivos "
                             f"[entrada, escondidas..., saída], recebi {layer_sizes!r}.")
        if activation not in ACTIVATIONS or activation not in _FAST:
            raise ValueError(f"MLP: ativação desconhecida {activation!r} para as camadas "
                             f"escondidas; use uma de {', '.join(ACTIVATIONS)}.")
        if output not in ("softmax", "sigmoid"):
            raise ValueError(f"MLP: `output` deve ser 'softmax' ou 'sigmoid', não {output!r}.")
        if (output == "sigmoid") != (sizes[-1] == 1):
            raise ValueError(f"MLP: com output={output!r} a última camada deve ter "
                             + ("1 unidade" if output == "sigmoid" else "2 ou mais unidades")
                             + f", mas `layer_sizes` termina em {sizes[-1]}.")
        self.dtype, self.output = np.dtype(dtype), output
        self.rng = np.random.default_rng(seed)
        # As máscaras do dropout têm o seu próprio gerador: ligar o dropout não muda a ordem
        # dos mini-lotes nem a inicialização dos pesos (comparações justas com e sem dropout).
        masks = np.random.SeedSequence(seed if isinstance(seed, (int, np.integer)) else None)
        self.layers = []
        for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
            last = i == len(sizes) - 2
            self.layers.append(Dense(n_in, n_out, output if last else activation,
                                     seed=self.rng, dtype=self.dtype, init=init))
            if dropout and not last:
                self.layers.append(Dropout(dropout, seed=np.random.default_rng(masks.spawn(1)[0])))
        self.history = None

    @property
    def params(self):
        """Todos os parâmetros, em ordem: [W1, b1, W2, b2, ...]."""
        return [p for layer in self.layers for p in layer.params]

    @property
    def grads(self):
        """Os gradientes da última retropropagação, na ordem de ``params``."""
        return [g for layer in self.layers for g in layer.grads]

    # ---------- as contas: ida, custo e volta ----------

    def forward(self, X, training=False):
        """X: (n, d) → P: (n, k) probabilidades (sem validar X: é o caminho rápido)."""
        for layer in self.layers:
            X = layer.forward(X, training)
        return X

    def backward(self, dZ):
        """Retropropagação a partir de dZ: (n, k) = ∂C/∂z da última camada."""
        grad = self.layers[-1].backward_z(dZ, input_grad=len(self.layers) > 1)
        for i in range(len(self.layers) - 2, -1, -1):
            grad = self.layers[i].backward(grad, input_grad=i > 0)

    def loss_and_gradients(self, X, y, training=False):
        """Uma ida e uma volta em (X, y): ``(custo, grads)``, na ordem de ``params``.

        Os arrays de ``grads`` são reaproveitados na próxima volta: copie-os para guardar.
        """
        X, labels = self._data(X, y, "MLP.loss_and_gradients")
        loss, dZ = cross_entropy_and_grad(self.forward(X, training), self._targets(labels))
        self.backward(dZ)
        return loss, self.grads

    # ---------- a fronteira: validação, uma vez por chamada ----------

    def _data(self, X, y, where):
        """X: (n, d); y: (n,) rótulos ou (n, k) one-hot (ou None) → (X, rótulos (n,) int)."""
        n_in = self.layers[0].W.shape[0]
        if not (isinstance(X, np.ndarray) and X.dtype.kind in "fiu"):
            X = as_array(X, "X", where)
        if X.ndim != 2 or X.shape[1] != n_in:
            raise ValueError(f"{where}: `X` deve ter forma (n, {n_in}) — uma linha por amostra, "
                             f"{n_in} atributos —, mas recebi forma {X.shape}.")
        X = np.ascontiguousarray(X, dtype=self.dtype)
        if not np.isfinite(X.sum()):         # NaN ou infinito (ou uma soma enorme): confere
            as_array(X, "X", where)          # e levanta a mensagem com a posição do NaN/infinito
        if y is None:
            return X, None
        y = as_array(y, "y", where, ndim=(1, 2))
        same_length(X, y, "X", "y", where)
        k = self.layers[-1].W.shape[1]
        if self.output == "softmax" and y.ndim == 2:
            if y.shape[1] != k or not (np.isin(y, (0, 1)).all() and (y.sum(axis=1) == 1).all()):
                raise ValueError(f"{where}: `y` com forma {y.shape} deveria ser one-hot (n, {k}): "
                                 "cada linha com um único 1 e o resto 0.")
            return X, y.argmax(axis=1)
        if y.ndim == 2 and y.shape[1] != 1:
            raise ValueError(f"{where}: com saída sigmoide, `y` deve ter forma (n,) ou (n, 1) "
                             f"com rótulos 0 ou 1, mas recebi forma {y.shape}.")
        labels, classes = y.reshape(-1), max(k, 2)
        bad = (labels != np.round(labels)) | (labels < 0) | (labels >= classes)
        if bad.any():
            i = int(np.argmax(bad))
            raise ValueError(f"{where}: os rótulos devem ser inteiros de 0 a {classes - 1}, "
                             f"mas y[{i}] = {labels[i]:g}.")
        return X, labels.astype(np.int64)

    def _targets(self, labels):
        """Rótulos (n,) → alvos Y como a saída: (n, k) one-hot ou (n, 1) de 0/1."""
        if self.output == "sigmoid":
            return labels[:, None].astype(self.dtype)
        return np.eye(self.layers[-1].W.shape[1], dtype=self.dtype)[labels]

    def _labels(self, P):
        """Probabilidades → classe prevista (n,)."""
        return (P[:, 0] >= 0.5).astype(np.int64) if self.output == "sigmoid" else P.argmax(axis=1)

    # ---------- a interface do scikit-learn ----------

    def fit(self, X, y, epochs=10, batch_size=32, lr=None, optimizer="sgd",
            validation_data=None, verbose=True, seed=None):
        """Treina por ``epochs`` épocas de mini-lotes embaralhados.

        X: (n, d); y: (n,) rótulos inteiros ou (n, k) one-hot. optimizer: ``"sgd"``,
        ``"momentum"``, ``"rmsprop"``, ``"adam"`` ou um objeto de
        ``nn_helpers.optimizers`` (lr=None: a taxa padrão do otimizador).
        validation_data: ``(X_val, y_val)``, avaliado ao fim de cada época.
        seed: semente do embaralhamento (None: a do modelo). verbose: uma linha de
        progresso (no Jupyter, atualizada no lugar).
        Retorna o histórico: dict com listas por época ``loss``, ``accuracy``
        (médias nos lotes do treino) e, com validação, ``val_loss``, ``val_accuracy``.
        """
        X, labels = self._data(X, y, "MLP.fit")
        val = (None if validation_data is None
               else self._data(*validation_data, "MLP.fit (validation_data)"))
        for name, value in (("epochs", epochs), ("batch_size", batch_size)):
            if not (isinstance(value, (int, np.integer)) and value > 0):
                raise ValueError(f"MLP.fit: `{name}` deve ser um inteiro positivo, "
                                 f"recebi {value!r}.")
        opt = get_optimizer(optimizer, lr)
        rng = self.rng if seed is None else np.random.default_rng(seed)
        Y = self._targets(labels)
        self.history = {"loss": [], "accuracy": []} | (
            {"val_loss": [], "val_accuracy": []} if val is not None else {})
        progress = _Progress(verbose, epochs)
        for epoch in range(1, epochs + 1):
            results = self.train_epoch(X, Y, labels, batch_size, opt, rng)
            if val is not None:
                results += self._evaluate(*val)
            for key, value in zip(self.history, results):
                self.history[key].append(value)
            progress.update(epoch, self.history)
            if not np.isfinite(results[0]):
                warnings.warn(f"MLP.fit: o custo virou {results[0]} na época {epoch}: o treino "
                              "divergiu e foi interrompido. Tente uma taxa de aprendizado menor.",
                              RuntimeWarning, stacklevel=2)
                break
        return self.history

    @np.errstate(over="ignore", invalid="ignore")   # se divergir, `fit` avisa uma vez
    def train_epoch(self, X, Y, labels, batch_size, opt, rng):
        """Uma época de mini-lotes embaralhados, sem validar as entradas (quem valida:
        ``fit``).

        X: (n, d); Y: (n, k) alvos; labels: (n,) classes; opt: um otimizador.
        Retorna ``(custo médio, acurácia)`` nos lotes da época.
        """
        params, n = self.params, len(X)
        order = rng.permutation(n)
        total_loss, hits = 0.0, 0
        for start in range(0, n, batch_size):
            idx = order[start:start + batch_size]
            P = self.forward(X[idx], training=True)
            loss, dZ = cross_entropy_and_grad(P, Y[idx])
            self.backward(dZ)
            opt.step(params, self.grads)
            total_loss += loss * len(idx)
            hits += int((self._labels(P) == labels[idx]).sum())
        return total_loss / n, hits / n

    def predict_proba(self, X):
        """X: (n, d) → probabilidades: (n, k) com softmax; (n, 1) = P(classe 1) com sigmoide."""
        return self.forward(self._data(X, None, "MLP.predict_proba")[0])

    def predict(self, X):
        """X: (n, d) → classes previstas: (n,) inteiros."""
        return self._labels(self.predict_proba(X))

    def _evaluate(self, X, labels):
        P = self.forward(X)
        loss = cross_entropy_and_grad(P, self._targets(labels))[0]
        return loss, float(np.mean(self._labels(P) == labels))

    def evaluate(self, X, y):
        """Custo (entropia cruzada média) e acurácia em (X, y): ``(loss, accuracy)``."""
        return self._evaluate(*self._data(X, y, "MLP.evaluate"))

    def __repr__(self):
        return "MLP([" + ", ".join(map(repr, self.layers)) + f"], dtype={self.dtype.name})"


class _Progress:
    """Uma linha de progresso: no Jupyter, uma barra atualizada no lugar (no livro
    construído fica só a última); fora dele, uma linha de texto por época."""

    NAMES = {"loss": "custo", "accuracy": "acurácia",
             "val_loss": "custo (validação)", "val_accuracy": "acurácia (validação)"}

    def __init__(self, verbose, epochs):
        self.verbose, self.epochs, self.handle = verbose, epochs, None
        ipython = sys.modules.get("IPython")
        if verbose and type(ipython and ipython.get_ipython()).__name__ == "ZMQInteractiveShell":
            from IPython.display import display
            self.handle = display(self._bundle(0, "treinando..."), raw=True, display_id=True)

    def _bundle(self, epoch, text):
        return {"text/plain": text, "text/html": f"<progress value='{epoch}' "
                f"max='{self.epochs}'></progress> <code>{text}</code>"}

    def update(self, epoch, history):
        numbers = (f"{self.NAMES[key]} {values[-1]:.4f}".replace(".", ",")   # vírgula decimal
                   for key, values in history.items())
        text = f"época {epoch}/{self.epochs} — " + " — ".join(numbers)
        if self.handle is not None:
            self.handle.update(self._bundle(epoch, text), raw=True)
        elif self.verbose:
            print(text, flush=True)


# --- Validação na fronteira: mensagens em português, antes de qualquer conta ---------------------

def _check_layer(activation, init):
    if activation not in _FAST:
        raise ValueError(f"Dense: ativação desconhecida {activation!r}; use uma de "
                         f"{', '.join(_FAST)}.")
    if init not in (None, "he", "xavier", "normal"):
        raise ValueError(f"Dense: `init` deve ser 'he', 'xavier' ou 'normal', não {init!r}.")


def _checked_dropout_rate(rate):
    if not 0 <= rate < 1:
        raise ValueError(f"Dropout: `rate` deve estar em [0, 1), recebi {rate!r}.")
    return rate
