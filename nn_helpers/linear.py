"""Regressão linear: o modelo ``ŷ = X·c + b`` (capítulo 1).

Notação do curso (a do deck 000): ``c`` são os coeficientes, um por atributo,
e ``b`` é o intercepto (*bias*) — o valor previsto quando todos os atributos
valem zero.
"""

import numpy as np

from .losses import mse
from .validation import as_array, same_length

__all__ = ["predict", "least_squares", "loss_grid"]


def predict(X, c, b):
    """Previsões de um modelo linear: ``ŷ = X·c + b``.

    X: (n, d) atributos; c: (d,) coeficientes; b: número (intercepto).
    Retorna ŷ: (n,).
    """
    X = as_array(X, "X", "predict", ndim=2)
    c = as_array(c, "c", "predict", ndim=1)
    b = float(as_array(b, "b", "predict", ndim=0))
    if X.shape[1] != c.shape[0]:
        raise ValueError(
            f"predict: `X` tem {X.shape[1]} coluna(s), mas `c` tem {c.shape[0]} "
            f"coeficiente(s); deve haver um coeficiente por coluna."
        )
    return X @ c + b


def least_squares(X, y):
    """Coeficientes de mínimos quadrados (*least squares*): o menor MSE possível.

    Resolve ``min_{c, b} (1/n) Σ (y_i − x_i·c − b)²`` de forma exata
    (via ``np.linalg.lstsq`` com uma coluna de uns para o intercepto).

    X: (n, d); y: (n,). Retorna ``(c, b)`` com c: (d,) e b: float.
    """
    X = as_array(X, "X", "least_squares", ndim=2)
    y = as_array(y, "y", "least_squares", ndim=1)
    same_length(X, y, "X", "y", "least_squares")
    A = np.column_stack([X, np.ones(len(X))])
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
