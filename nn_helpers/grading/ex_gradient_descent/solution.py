"""As contas de referência de ``ex_gradient_descent`` (numpy puro) e os dados aleatórios dos casos."""

import numpy as np

from ..checking import rng
from ..reference import sigmoid
from ..common import rule_update

__all__ = ["bce", "cost", "update", "train", "blobs"]


def bce(y, p):
    """A entropia cruzada binária de cada amostra: −y·ln(p) − (1 − y)·ln(1 − p)."""
    return -y * np.log(p) - (1 - y) * np.log(1 - p)


def cost(X, y, w, b):
    """O custo médio: a entropia cruzada binária média das amostras."""
    return float(np.mean(bce(y, sigmoid(X @ w + b))))


def update(x, y, w, b, lr):
    """Um passo do gradiente descendente numa amostra: ``(w, b)`` novos."""
    return rule_update(x, y, w, b, lr, sigmoid)


def train(X, y, epochs, lr, batch=None):
    """Treino de referência: zeros, uma atualização por amostra, erro médio depois de cada época.

    ``batch`` ("mean" ou "sum") dá a variante errada em lote, usada só nas dicas.
    Devolve ``(w, b, erros depois de cada época, erros antes de cada época)``.
    """
    w, b = np.zeros(X.shape[1]), 0.0
    errors = [cost(X, y, w, b)]          # o erro antes de cada época é o depois da anterior
    for _ in range(epochs):
        if batch is None:
            for x_i, y_i in zip(X, y):
                w, b = update(x_i, y_i, w, b, lr)
        else:
            delta = y - sigmoid(X @ w + b)
            scale = 1 / len(y) if batch == "mean" else 1.0
            w, b = w + lr * scale * (X.T @ delta), b + lr * scale * np.sum(delta)
        errors.append(cost(X, y, w, b))
    return w, b, np.array(errors[1:]), np.array(errors[:-1])


def blobs(seed, n, d):
    """Duas nuvens de pontos que se sobrepõem um pouco (rótulos 0 e 1)."""
    g = rng(seed)
    y = (np.arange(n) % 2).astype(float)
    X = g.normal(size=(n, d)) + np.outer(2 * y - 1, np.linspace(1.0, 0.5, d))
    return X, y
