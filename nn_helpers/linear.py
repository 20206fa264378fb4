"""Regressão linear: o modelo ``ŷ = X·c + b`` (capítulo 1) e o gradiente descendente
(capítulo 2).

Notação do curso: ``c`` são os coeficientes, um por atributo, e ``b`` é o viés
(*bias*; na estatística, o *intercepto*) — o valor previsto quando todos os
atributos valem zero.

As funções trazem só a conta (o que o livro mostra com ``show_source``); a conferência das
entradas vem antes, nas funções ``_*_args`` (veja ``doors.checked``).
"""

import numpy as np

from .doors import checked, outside
from .losses import mse
from .validation import as_array, positive, same_length, seed_value, whole_number

__all__ = ["predict", "least_squares", "loss_grid", "mse_gradient", "gradient_descent",
           "gradient_descent_epoch"]


# --- As conferências (doors.checked) ------------------------------------------------------

def _data(X, y, where):
    """X: (n, d) e y: (n,), com o mesmo número de linhas (n ≥ 1)."""
    X, y = as_array(X, "X", where, ndim=2), as_array(y, "y", where, ndim=1)
    same_length(X, y, "X", "y", where)
    if len(X) == 0:
        raise ValueError(f"{where}: `X` não tem nenhuma amostra.")
    return X, y


def _coefficients(X, c, b, where, names=("c", "b")):
    """c: (d,), um coeficiente por coluna de X, e b: um número."""
    c, b = as_array(c, names[0], where, ndim=1), float(as_array(b, names[1], where, ndim=0))
    if X.shape[1] != c.shape[0]:
        raise ValueError(f"{where}: `X` tem {X.shape[1]} coluna(s), mas `{names[0]}` tem "
                         f"{c.shape[0]} coeficiente(s); deve haver um coeficiente por coluna.")
    return c, b


def _model_args(where, X, c, b):
    X = as_array(X, "X", where, ndim=2)
    return (X, *_coefficients(X, c, b, where))


def _data_args(where, X, y):
    return _data(X, y, where)


def _gradient_args(where, X, y, c, b):
    X, y = _data(X, y, where)
    return (X, y, *_coefficients(X, c, b, where))


def _grid_args(where, x, y, c0_values, b_values, loss):
    x, y = as_array(x, "x", where, ndim=1), as_array(y, "y", where, ndim=1)
    same_length(x, y, "x", "y", where)
    if not callable(loss):
        raise ValueError(f"{where}: `loss` deve ser uma função de custo, como mse, não {loss!r}.")
    x_and_y = (x, y, as_array(c0_values, "c0_values", where, ndim=1),
               as_array(b_values, "b_values", where, ndim=1))
    if hasattr(loss, "__wrapped__") and loss.__module__ == "nn_helpers.losses":
        return (*x_and_y, loss)        # um custo da biblioteca: a grade já está conferida
    loss = outside(loss)               # o custo de quem chamou: o resultado tem de ser um número

    def checked_loss(y, y_hat):
        return float(as_array(loss(y, y_hat), "loss(y, ŷ)", where, ndim=0))
    return (*x_and_y, checked_loss)


def _batch(batch_size, where):
    if batch_size is None:
        return None
    if isinstance(batch_size, (bool, np.bool_)) or not isinstance(batch_size, (int, np.integer)) \
            or batch_size < 1:
        raise ValueError(f"{where}: `batch_size` deve ser None (lote completo) ou um inteiro ≥ 1, "
                         f"não {batch_size!r}.")
    return int(batch_size)


def _descent_args(where, X, y, lr, epochs, batch_size, seed, c_init, b_init):
    X, y = _data(X, y, where)
    c = (np.zeros(X.shape[1]) if c_init is None else
         _coefficients(X, c_init, 0.0, where, ("c_init", "b_init"))[0].copy())
    return (X, y, positive(lr, "lr", where), whole_number(epochs, "epochs", where),
            _batch(batch_size, where), seed_value(seed, where), c,
            _coefficients(X, c, b_init, where, ("c_init", "b_init"))[1])


def _epoch_args(where, X, y, c, b, lr, batch_size, rng):
    X, y = _data(X, y, where)
    if not isinstance(rng, np.random.Generator):
        raise ValueError(f"{where}: `rng` deve ser um gerador: np.random.default_rng(semente).")
    return (X, y, *_coefficients(X, c, b, where), positive(lr, "lr", where),
            whole_number(batch_size, "batch_size", where, 1), rng)


@checked(_model_args)
def predict(X, c, b):
    """Previsões de um modelo linear: ``ŷ = X·c + b``.

    X: (n, d) atributos; c: (d,) coeficientes; b: número (viés).
    Retorna ŷ: (n,).
    """
    return X @ c + b


@checked(_data_args)
def least_squares(X, y):
    """Coeficientes de mínimos quadrados (*least squares*): o menor MSE possível.

    Resolve ``min_{c, b} (1/n) Σ (y_i − x_i·c − b)²`` de forma exata
    (``np.linalg.lstsq``, com uma coluna de uns para o viés).

    X: (n, d); y: (n,). Retorna ``(c, b)`` com c: (d,) e b: float.
    """
    A = np.column_stack([X, np.ones(len(X))])       # a coluna de uns multiplica b
    theta, *_ = np.linalg.lstsq(A, y, rcond=None)
    return theta[:-1], float(theta[-1])


@checked(_grid_args)
def loss_grid(x, y, c0_values, b_values, loss=mse):
    """Erro de ``ŷ = c0·x + b`` para cada par ``(c0, b)`` de uma grade.

    x: (n,) um único atributo; y: (n,); c0_values: (p,); b_values: (q,).
    Retorna uma matriz (q, p): linha ``i`` para ``b_values[i]``, coluna ``j``
    para ``c0_values[j]`` (a ordem que ``plt.contour`` espera).
    """
    grid = np.empty((len(b_values), len(c0_values)))
    for i, b in enumerate(b_values):
        for j, c0 in enumerate(c0_values):
            grid[i, j] = loss(y, c0 * x + b)
    return grid


@checked(_gradient_args)
def mse_gradient(X, y, c, b):
    """Gradiente do MSE de ``ŷ = X·c + b`` em relação a ``c`` e a ``b``.

    Com o resíduo ``r = y − ŷ``:
    ``∂MSE/∂c = −(2/n)·Xᵀr``   e   ``∂MSE/∂b = −(2/n)·Σ r_i``.

    X: (n, d); y: (n,); c: (d,); b: número.
    Retorna ``(grad_c, grad_b)`` com grad_c: (d,) e grad_b: float.
    """
    residual = y - predict(X, c, b)
    n = len(y)
    grad_c = -2 / n * (X.T @ residual)
    grad_b = -2 / n * float(np.sum(residual))
    return grad_c, grad_b


@checked(_descent_args)
def gradient_descent(X, y, lr, epochs, batch_size=None, seed=0, c_init=None,
                     b_init=0.0):
    """Gradiente descendente para o MSE do modelo linear: em lote, estocástico ou em
    mini-lotes.

    Em cada época (*epoch*) os dados são percorridos uma vez (veja
    ``gradient_descent_epoch``). Com ``batch_size=None`` (lote completo, *batch*) há
    um passo por época, com o gradiente de todos os dados; com ``batch_size=1``
    (estocástico, SGD) há um passo por exemplo; com ``batch_size=k`` (mini-lote,
    *mini-batch*), um passo a cada ``k`` exemplos. Fora do lote completo, a ordem
    dos exemplos é embaralhada a cada época com ``np.random.default_rng(seed)``.

    X: (n, d); y: (n,); lr: taxa de aprendizado η (> 0); epochs: número de épocas;
    c_init: (d,) coeficientes iniciais (zeros se ``None``); b_init: viés inicial.
    Retorna ``(c, b, history)``: c: (d,); b: float; history: dicionário com
    ``"loss"``: (epochs + 1,) o MSE em todos os dados antes da 1ª época e ao fim
    de cada época, ``"c"``: (epochs + 1, d) e ``"b"``: (epochs + 1,) os
    parâmetros nesses mesmos momentos (o caminho percorrido). Se a taxa for
    grande demais e o MSE estourar (virar infinito ou NaN), o laço para ali e o
    histórico fica mais curto, terminando no valor que estourou.
    """
    c = np.zeros(X.shape[1]) if c_init is None else c_init
    b = b_init
    rng = np.random.default_rng(seed)
    history = {"loss": [mse(y, X @ c + b)], "c": [c.copy()], "b": [b]}
    for _ in range(epochs):
        with np.errstate(over="ignore", invalid="ignore"):   # divergir é permitido
            c, b = gradient_descent_epoch(X, y, c, b, lr, batch_size or len(y), rng)
            loss = float(np.mean((y - (X @ c + b)) ** 2))
        history["loss"].append(loss)
        history["c"].append(c.copy())
        history["b"].append(b)
        if not np.isfinite(loss):
            break                                # divergiu: não adianta continuar
    return c, b, {key: np.array(values) for key, values in history.items()}


@checked(_epoch_args)
def gradient_descent_epoch(X, y, c, b, lr, batch_size, rng):
    """Uma época: uma passada pelos dados, em lotes de ``batch_size`` exemplos.

    X: (n, d); y: (n,); c: (d,); b: número; lr: η; rng: o gerador que embaralha.
    Retorna ``(c, b)`` depois dos passos.
    """
    n = len(y)
    if batch_size >= n:
        batches = [(X, y)]                            # lote completo: um passo só
    else:
        order = rng.permutation(n)
        batches = [(X[order[i:i + batch_size]], y[order[i:i + batch_size]])
                   for i in range(0, n, batch_size)]
    for X_batch, y_batch in batches:
        grad_c, grad_b = mse_gradient(X_batch, y_batch, c, b)     # o gradiente do lote
        c = c - lr * grad_c                           # o passo, contra o gradiente
        b = b - lr * grad_b
    return c, b
