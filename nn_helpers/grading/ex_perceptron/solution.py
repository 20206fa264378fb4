"""As contas de referência de ``ex_perceptron`` (numpy puro) e os dados aleatórios dos casos."""

import numpy as np

from ..checking import rng
from ..common import rule_update
from ..reference import step

__all__ = ["update", "train", "separable"]


def update(x, y, w, b, lr):
    """Um passo da regra de Rosenblatt numa amostra: ``(w, b)`` novos."""
    return rule_update(x, y, w, b, lr, step)


def train(X, y, lr, epochs, histories=False):
    """Zeros, uma atualização por amostra na ordem dada; devolve ``(w, b, erros por época)``.

    Com ``histories=True``, devolve também os históricos de três contagens erradas: depois da
    época inteira, de cada amostra depois da sua atualização, e a soma de ``y − ŷ`` (com sinal).
    """
    w, b = np.zeros(X.shape[1]), 0.0
    during, after, after_update, signed = [], [], [], []
    for _ in range(epochs):
        counts = np.zeros(3)
        for x_i, y_i in zip(X, y):
            delta = y_i - step(x_i @ w + b)
            w, b = update(x_i, y_i, w, b, lr)
            counts += [delta != 0, step(x_i @ w + b) != y_i, delta]
        during.append(counts[0])
        after_update.append(counts[1])
        signed.append(counts[2])
        after.append(int(np.sum(step(X @ w + b) != y)))
    if histories:
        return w, b, np.array(during), np.array(after, dtype=float), np.array(after_update), \
            np.array(signed)
    return w, b, np.array(during)


def separable(seed, n):
    """Pontos em [−1, 1]² separáveis por uma reta, com folga de 0,15 (rótulos 0 e 1)."""
    g = rng(seed)
    X = g.uniform(-1, 1, size=(4 * n, 2))
    z = X @ np.array([1.0, -2.0]) + 0.3
    keep = np.abs(z) / np.sqrt(5) > 0.15
    return X[keep][:n], step(z[keep][:n])
