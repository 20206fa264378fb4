"""O perceptron de Rosenblatt (capítulo 3): soma ponderada, degrau e a regra de aprendizado.

O perceptron prevê ``ŷ = degrau(x·w + b)``, com o degrau do deck 004
(1 se ``z >= 0``, senão 0), e aprende exemplo a exemplo com a regra

    ``w ← w + lr·(y − ŷ)·x``   e   ``b ← b + lr·(y − ŷ)``.

Quando acerta (``y = ŷ``), nada muda; quando erra, empurra a fronteira na
direção do exemplo. Se os dados são linearmente separáveis, para de errar
depois de um número finito de correções (e então para de aprender).
"""

import numpy as np

from .activations import step
from .validation import as_array, same_length

__all__ = ["perceptron_predict", "perceptron_update", "Perceptron"]


def perceptron_predict(X, w, b):
    """Previsões do perceptron: ``ŷ = degrau(X·w + b)``, com degrau(z) = 1 se ``z >= 0``.

    X: (n, d) ou um único exemplo (d,); w: (d,) pesos; b: número (intercepto).
    Retorna ŷ: (n,) (ou um número, para um único exemplo) com valores 0.0 ou 1.0.
    """
    X = as_array(X, "X", "perceptron_predict", ndim=(1, 2))
    w = as_array(w, "w", "perceptron_predict", ndim=1)
    b = float(as_array(b, "b", "perceptron_predict", ndim=0))
    if X.shape[-1] != w.shape[0]:
        raise ValueError(f"perceptron_predict: cada exemplo de `X` tem {X.shape[-1]} atributo(s), "
                         f"mas `w` tem {w.shape[0]} peso(s); deve haver um peso por atributo.")
    y_hat = step(X @ w + b)
    return float(y_hat) if X.ndim == 1 else y_hat


def perceptron_update(x, y, w, b, lr):
    """Um passo da regra do perceptron para um exemplo ``(x, y)``.

    ``ŷ = degrau(x·w + b)``;  ``w ← w + lr·(y − ŷ)·x``;  ``b ← b + lr·(y − ŷ)``.

    x: (d,) um exemplo; y: 0 ou 1; w: (d,); b: número; lr: taxa de aprendizado (> 0).
    Retorna ``(w_novo, b_novo)`` — arrays novos; ``w`` não é alterado.
    """
    x = as_array(x, "x", "perceptron_update", ndim=1)
    y = float(as_array(y, "y", "perceptron_update", ndim=0))
    if y not in (0.0, 1.0):
        raise ValueError(f"perceptron_update: o rótulo `y` deve ser 0 ou 1, não {y:g}.")
    lr = float(as_array(lr, "lr", "perceptron_update", ndim=0))
    if lr <= 0:
        raise ValueError(f"perceptron_update: a taxa de aprendizado `lr` deve ser positiva, "
                         f"não {lr:g}.")
    perceptron_predict(x, w, b)                    # confere as formas de x, w e b
    w, b, _ = _rule(x, y, as_array(w, "w", "perceptron_update", ndim=1), float(b), lr)
    return w, b


def _rule(x, y, w, b, lr):
    """A regra em si, sem validação: devolve ``(w_novo, b_novo, erro)``, erro = y − ŷ."""
    y_hat = 1.0 if x @ w + b >= 0 else 0.0        # o degrau, com o empate z = 0 indo para 1
    error = y - y_hat                              # 0 (acertou), +1 ou −1
    return w + lr * error * x, b + lr * error, error


class Perceptron:
    """O perceptron com a interface do scikit-learn: ``fit`` e ``predict``.

    lr: taxa de aprendizado (> 0); epochs: máximo de épocas (passadas pelos
    dados); shuffle: embaralhar a ordem dos exemplos a cada época (com
    ``np.random.default_rng(seed)``) ou seguir a ordem de ``X``;
    fit_intercept: aprender o intercepto ``b`` (com ``False``, ``b`` fica em 0,
    como o "viés constante e 0" do deck 002). Os pesos começam em zero. O
    treino para antes de ``epochs`` se uma época inteira passar sem erros.

    Depois de ``fit``: ``w_`` (d,) pesos, ``b_`` intercepto e ``errors_``, uma
    lista com o número de exemplos classificados errado (e corrigidos) em
    cada época.
    """

    def __init__(self, lr=1.0, epochs=100, shuffle=True, seed=0, fit_intercept=True):
        self.lr = lr
        self.epochs = epochs
        self.shuffle = shuffle
        self.seed = seed
        self.fit_intercept = fit_intercept

    def fit(self, X, y):
        """Treina com a regra do perceptron. X: (n, d); y: (n,) com 0 e 1. Retorna ``self``."""
        X = as_array(X, "X", "Perceptron.fit", ndim=2)
        y = as_array(y, "y", "Perceptron.fit", ndim=1)
        same_length(X, y, "X", "y", "Perceptron.fit")
        if not np.all(np.isin(y, (0.0, 1.0))):
            raise ValueError("Perceptron.fit: os rótulos `y` devem ser 0 ou 1.")
        if isinstance(self.epochs, bool) or not isinstance(self.epochs, (int, np.integer)) \
                or self.epochs < 1:
            raise ValueError(f"Perceptron.fit: `epochs` deve ser um inteiro ≥ 1, "
                             f"não {self.epochs!r}.")
        lr = float(as_array(self.lr, "lr", "Perceptron.fit", ndim=0))
        if lr <= 0:
            raise ValueError(f"Perceptron.fit: a taxa de aprendizado `lr` deve ser positiva, "
                             f"não {lr:g}.")
        rng = np.random.default_rng(self.seed)
        w, b = np.zeros(X.shape[1]), 0.0
        self.errors_ = []
        for _ in range(self.epochs):
            order = rng.permutation(len(y)) if self.shuffle else np.arange(len(y))
            mistakes = 0
            for i in order:
                w, new_b, error = _rule(X[i], y[i], w, b, lr)  # perceptron_update sem validar
                b = new_b if self.fit_intercept else b
                mistakes += int(error != 0)
            self.errors_.append(mistakes)
            if mistakes == 0:
                break
        self.w_, self.b_ = w, b
        return self

    def predict(self, X):
        """Classes previstas (0.0 ou 1.0). X: (n, d). Retorna (n,)."""
        if not hasattr(self, "w_"):
            raise ValueError("Perceptron.predict: chame `fit` antes de `predict`.")
        return perceptron_predict(X, self.w_, self.b_)
