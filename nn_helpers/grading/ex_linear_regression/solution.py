"""As contas de referência de ``ex_linear_regression`` (numpy puro), a tabela de 3 meses e os
casos aleatórios."""

import numpy as np

from ..checking import rng

__all__ = ["TOY_X", "TOY_Y", "regression_case", "loss_cases", "LOSSES", "gradient", "fit"]

# A tabela de 3 meses (Mansano, Gengo e Caridá, 2022): investido (R$) → venda (R$).
TOY_X = np.array([[200.0], [100.0], [150.0]])
TOY_Y = np.array([600.0, 400.0, 580.0])


def regression_case(seed, n, d):
    """Um problema aleatório (sempre o mesmo para a mesma semente): ``(X, y, c, b)``."""
    g = rng(seed)
    X = g.normal(size=(n, d))
    c = g.normal(size=d)
    b = float(g.normal())
    y = X @ c + b + 0.3 * g.normal(size=n)
    return X, y, c, b


def loss_cases(seed):
    """Os trios ``(y, ŷ, caso)`` das três verificações de erro."""
    g = rng(seed)
    y_rand = g.normal(size=7) * 3
    # O caso de 4 valores vem primeiro: os seus erros têm os dois sinais, e nele cada engano
    # das dicas dá um número diferente (na tabela de 3 meses os erros são todos positivos, e a
    # média dos erros coincide com o MAE).
    return [
        (np.array([1.0, 0.0, 1.0, 0.0]), np.array([0.8, 0.3, 0.8, 0.5]),
         "4 valores com erros 0,2, 0,3, 0,2 e 0,5"),
        (TOY_Y, np.array([403.0, 203.0, 303.0]),
         "tabela de 3 meses, b = 3, c0 = 2 (ŷ = 403, 203, 303)"),
        (TOY_Y, np.array([610.0, 310.0, 460.0]),
         "tabela de 3 meses, b = 10, c0 = 3 (ŷ = 610, 310, 460)"),
        (y_rand, y_rand + g.normal(size=7), "7 valores aleatórios"),
        (np.array([1.5, -2.0]), np.array([1.5, -2.0]), "previsão perfeita (ŷ = y)"),
    ]


# As três medidas de erro, de ``(y, ŷ)``.
LOSSES = {
    "mse": lambda y, y_hat: np.mean((y - y_hat) ** 2),
    "mae": lambda y, y_hat: np.mean(np.abs(y - y_hat)),
    "rmse": lambda y, y_hat: np.sqrt(np.mean((y - y_hat) ** 2)),
}


def gradient(X, y, c, b):
    """O gradiente do MSE: ``(∂MSE/∂c (d,), ∂MSE/∂b)``."""
    r = y - (X @ c + b)
    n = len(y)
    return -2.0 / n * (X.T @ r), -2.0 / n * np.sum(r)


def fit(X, y, lr, epochs, variant=None):
    """Gradiente descendente em lote, partindo de c = 0 e b = 0.

    ``variant`` dá um engano conhecido, usado só nas dicas: ``"new_c"`` (o gradiente de b
    calculado de novo, com o c já atualizado) ou ``"per_sample"`` (uma atualização por amostra).
    Devolve ``(c, b, MSE antes de cada época, MSE depois de cada época)``.
    """
    c, b = np.zeros(X.shape[1]), 0.0
    before, after = [], []
    for _ in range(epochs):
        before.append(np.mean((y - X @ c - b) ** 2))
        if variant == "per_sample":
            for x_i, y_i in zip(X, y):
                r_i = y_i - x_i @ c - b
                c, b = c + lr * 2 * r_i * x_i, b + lr * 2 * r_i
        else:
            gc, gb = gradient(X, y, c, b)
            c = c - lr * gc
            if variant == "new_c":
                gb = gradient(X, y, c, b)[1]
            b = b - lr * gb
        after.append(np.mean((y - X @ c - b) ** 2))
    return c, b, np.array(before), np.array(after)
