"""Regressão linear: o modelo ``ŷ = X·c + b`` (capítulo 1) e o gradiente descendente
(capítulo 2).

Notação do curso: ``c`` são os coeficientes, um por atributo, e ``b`` é o viés
(*bias*; na estatística, o *intercepto*) — o valor previsto quando todos os
atributos valem zero.

As funções que o livro mostra com ``show_source`` trazem só a conta; a validação
das entradas fica nas funções ``_checked_*``, no fim do módulo.
"""

import numpy as np

from .losses import mse
from .validation import as_array, same_length

__all__ = ["predict", "least_squares", "loss_grid", "mse_gradient", "gradient_descent",
           "gradient_descent_epoch"]


def predict(X, c, b):
    """Previsões de um modelo linear: ``ŷ = X·c + b``.

    X: (n, d) atributos; c: (d,) coeficientes; b: número (viés).
    Retorna ŷ: (n,).
    """
    X, c, b = _checked_model(X, c, b, "predict")
    return X @ c + b


def least_squares(X, y):
    """Coeficientes de mínimos quadrados (*least squares*): o menor MSE possível.

    Resolve ``min_{c, b} (1/n) Σ (y_i − x_i·c − b)²`` de forma exata
    (``np.linalg.lstsq``, com uma coluna de uns para o viés).

    X: (n, d); y: (n,). Retorna ``(c, b)`` com c: (d,) e b: float.
    """
    X, y = _checked_data(X, y, "least_squares")
    A = np.column_stack([X, np.ones(len(X))])       # a coluna de uns multiplica b
    theta, *_ = np.linalg.lstsq(A, y, rcond=None)
    return theta[:-1], float(theta[-1])


def loss_grid(x, y, c0_values, b_values, loss=mse):
    """Erro de ``ŷ = c0·x + b`` para cada par ``(c0, b)`` de uma grade.

    x: (n,) um único atributo; y: (n,); c0_values: (p,); b_values: (q,).
    Retorna uma matriz (q, p): linha ``i`` para ``b_values[i]``, coluna ``j``
    para ``c0_values[j]`` (a ordem que ``plt.contour`` espera).
    """
    x = as_array(x, "x", "loss_grid", ndim=1)
    y = as_array(y, "y", "loss_grid", ndim=1)
    same_length(x, y, "x", "y", "loss_grid")
    c0_values = as_array(c0_values, "c0_values", "loss_grid", ndim=1)
    b_values = as_array(b_values, "b_values", "loss_grid", ndim=1)
    grid = np.empty((len(b_values), len(c0_values)))
    for i, b in enumerate(b_values):
        for j, c0 in enumerate(c0_values):
            grid[i, j] = loss(y, c0 * x + b)
    return grid


def mse_gradient(X, y, c, b):
    """Gradiente do MSE de ``ŷ = X·c + b`` em relação a ``c`` e a ``b``.

    Com o resíduo ``r = y − ŷ``:
    ``∂MSE/∂c = −(2/n)·Xᵀr``   e   ``∂MSE/∂b = −(2/n)·Σ r_i``.

    X: (n, d); y: (n,); c: (d,); b: número.
    Retorna ``(grad_c, grad_b)`` com grad_c: (d,) e grad_b: float.
    """
    X, y = _checked_data(X, y, "mse_gradient")
    residual = y - predict(X, c, b)          # predict confere a forma de c
    n = len(y)
    grad_c = -2 / n * (X.T @ residual)
    grad_b = -2 / n * float(np.sum(residual))
    return grad_c, grad_b


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
    X, y, lr, epochs, batch_size, c, b = _checked_gd(X, y, lr, epochs, batch_size,
                                                      c_init, b_init)
    rng = np.random.default_rng(seed)
    history = {"loss": [mse(y, X @ c + b)], "c": [c.copy()], "b": [b]}
    for _ in range(epochs):
        with np.errstate(over="ignore", invalid="ignore"):   # divergir é permitido
            c, b = gradient_descent_epoch(X, y, c, b, lr, batch_size, rng)
            loss = float(np.mean((y - (X @ c + b)) ** 2))
        history["loss"].append(loss)
        history["c"].append(c.copy())
        history["b"].append(b)
        if not np.isfinite(loss):
            break                                # divergiu: não adianta continuar
    return c, b, {key: np.array(values) for key, values in history.items()}


def gradient_descent_epoch(X, y, c, b, lr, batch_size, rng):
    """Uma época: uma passada pelos dados, em lotes de ``batch_size`` exemplos.

    X: (n, d); y: (n,); c: (d,); b: número; lr: η; rng: o gerador que embaralha.
    Retorna ``(c, b)`` depois dos passos. Não valida as entradas (quem valida é
    ``gradient_descent``).
    """
    n = len(y)
    if batch_size == n:
        batches = [(X, y)]                            # lote completo: um passo só
    else:
        order = rng.permutation(n)
        batches = [(X[order[i:i + batch_size]], y[order[i:i + batch_size]])
                   for i in range(0, n, batch_size)]
    for X_batch, y_batch in batches:
        residual = y_batch - (X_batch @ c + b)                 # o erro do lote
        grad_c = -2 / len(y_batch) * (X_batch.T @ residual)    # o gradiente
        grad_b = -2 / len(y_batch) * float(np.sum(residual))
        c = c - lr * grad_c                           # o passo, contra o gradiente
        b = b - lr * grad_b
    return c, b


# --- Validação na fronteira: mensagens em português, antes de qualquer conta ---------------------

def _checked_data(X, y, where):
    """``X``: (n, d) e ``y``: (n,) como arrays de floats, com o mesmo número de linhas."""
    X = as_array(X, "X", where, ndim=2)
    y = as_array(y, "y", where, ndim=1)
    same_length(X, y, "X", "y", where)
    return X, y


def _checked_model(X, c, b, where):
    """``X``: (n, d), ``c``: (d,) e ``b``: número, com um coeficiente por coluna de ``X``."""
    X = as_array(X, "X", where, ndim=2)
    c = as_array(c, "c", where, ndim=1)
    b = float(as_array(b, "b", where, ndim=0))
    if X.shape[1] != c.shape[0]:
        raise ValueError(
            f"{where}: `X` tem {X.shape[1]} coluna(s), mas `c` tem {c.shape[0]} "
            f"coeficiente(s); deve haver um coeficiente por coluna."
        )
    return X, c, b


def _checked_gd(X, y, lr, epochs, batch_size, c_init, b_init):
    """Os argumentos de ``gradient_descent`` validados; ``c_init=None`` vira zeros."""
    X, y = _checked_data(X, y, "gradient_descent")
    n, d = X.shape
    if n == 0:
        raise ValueError("gradient_descent: `X` não tem nenhuma amostra.")
    lr = float(as_array(lr, "lr", "gradient_descent", ndim=0))
    if lr <= 0:
        raise ValueError(f"gradient_descent: a taxa de aprendizado `lr` deve ser positiva, "
                         f"não {lr:g}.")
    epochs = _whole(epochs, "epochs", "um inteiro ≥ 0", minimum=0)
    if batch_size is None:
        batch_size = n
    batch_size = _whole(batch_size, "batch_size", "None (lote completo) ou um inteiro ≥ 1",
                        minimum=1)
    if c_init is None:
        c = np.zeros(d)
    else:
        c = as_array(c_init, "c_init", "gradient_descent", ndim=1).copy()
    if c.shape != (d,):
        raise ValueError(f"gradient_descent: `c_init` deve ter {d} coeficiente(s), um por coluna "
                         f"de `X`, mas tem {c.shape[0]}.")
    b = float(as_array(b_init, "b_init", "gradient_descent", ndim=0))
    return X, y, lr, epochs, min(batch_size, n), c, b


def _whole(value, name, wanted, minimum):
    """``value`` como ``int``, se for um inteiro ≥ ``minimum``; senão, ``ValueError``."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)) \
            or value < minimum:
        raise ValueError(f"gradient_descent: `{name}` deve ser {wanted}, não {value!r}.")
    return int(value)
