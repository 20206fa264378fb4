"""Funções de custo (*cost functions*, também *loss functions*): quanto o modelo está errando.

* capítulo 1 — erro quadrático médio (MSE), erro absoluto médio (MAE) e a raiz
  do erro quadrático médio (RMSE);
* capítulos 3 e 5 — entropia cruzada binária e multiclasse (*cross-entropy*).

Todas recebem os valores verdadeiros e as previsões com a mesma forma e
devolvem um número (a média sobre as amostras).
"""

import numpy as np

from .validation import as_array

__all__ = ["mse", "mae", "rmse", "binary_cross_entropy", "cross_entropy"]


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


def _probabilities(p, where, eps):
    """Corta as probabilidades em [eps, 1 − eps]: log(0) seria −infinito."""
    if np.any((p < 0) | (p > 1)):
        raise ValueError(f"{where}: as probabilidades devem estar entre 0 e 1; recebi "
                         f"valores de {p.min():.4g} a {p.max():.4g}.")
    return np.clip(p, eps, 1 - eps)


def binary_cross_entropy(y, p, eps=1e-12):
    """Entropia cruzada binária (*binary cross-entropy*), a média sobre as amostras.

    ``BCE = −(1/n) · Σ [ y_i·ln(p_i) + (1 − y_i)·ln(1 − p_i) ]``

    y: (n,) rótulos 0 ou 1; p: (n,) probabilidades previstas de a classe ser 1.
    Retorna um ``float`` (≥ 0; 0 só para previsões perfeitas).
    """
    y, p = _pair(y, p, "binary_cross_entropy")
    p = _probabilities(p, "binary_cross_entropy", eps)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def cross_entropy(y_onehot, probs, eps=1e-12):
    """Entropia cruzada multiclasse (*categorical cross-entropy*), média nas amostras.

    ``CE = −(1/n) · Σ_i Σ_j y_ij · ln(p_ij)``

    y_onehot: (n, k) rótulos em *one-hot*; probs: (n, k) probabilidades (cada
    linha soma 1, como as da softmax). Um único exemplo (k,) também é aceito.
    Retorna um ``float``.
    """
    y, p = _pair(y_onehot, probs, "cross_entropy")
    p = _probabilities(p, "cross_entropy", eps)
    if y.ndim == 1:
        y, p = y[None, :], p[None, :]
    return float(-np.mean(np.sum(y * np.log(p), axis=-1)))
