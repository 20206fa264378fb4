"""Funções de perda (*loss functions*): quanto o modelo está errando.

Capítulo 1 do livro: erro quadrático médio (MSE), erro absoluto médio (MAE)
e a raiz do erro quadrático médio (RMSE). Todas recebem ``y`` (valores
verdadeiros) e ``y_hat`` (previsões) com a mesma forma e devolvem um número.
"""

import numpy as np

from .validation import as_array

__all__ = ["mse", "mae", "rmse"]


def _pair(y, y_hat, where):
    """Valida ``y`` e ``y_hat``: vetores ``(n,)`` (ou matrizes ``(n, k)``) de mesma forma."""
    y = as_array(y, "y", where, ndim=(1, 2))
    y_hat = as_array(y_hat, "y_hat", where, ndim=(1, 2))
    if y.shape != y_hat.shape:
        raise ValueError(
            f"{where}: `y` e `y_hat` devem ter a mesma forma, mas `y` tem forma "
            f"{y.shape} e `y_hat` tem forma {y_hat.shape}."
        )
    if y.size == 0:
        raise ValueError(f"{where}: `y` está vazio; não há erro médio de zero amostras.")
    return y, y_hat


def mse(y, y_hat):
    """Erro quadrático médio (*mean squared error*).

    ``MSE = (1/n) · Σ (y_i − ŷ_i)²``

    y: (n,) valores verdadeiros; y_hat: (n,) previsões.
    Retorna um ``float``.
    """
    y, y_hat = _pair(y, y_hat, "mse")
    return float(np.mean((y - y_hat) ** 2))


def mae(y, y_hat):
    """Erro absoluto médio (*mean absolute error*).

    ``MAE = (1/n) · Σ |y_i − ŷ_i|``

    y: (n,) valores verdadeiros; y_hat: (n,) previsões.
    Retorna um ``float``.
    """
    y, y_hat = _pair(y, y_hat, "mae")
    return float(np.mean(np.abs(y - y_hat)))


def rmse(y, y_hat):
    """Raiz do erro quadrático médio (*root mean squared error*).

    ``RMSE = √MSE`` — na mesma unidade de ``y``.

    y: (n,) valores verdadeiros; y_hat: (n,) previsões.
    Retorna um ``float``.
    """
    y, y_hat = _pair(y, y_hat, "rmse")
    return float(np.sqrt(np.mean((y - y_hat) ** 2)))
