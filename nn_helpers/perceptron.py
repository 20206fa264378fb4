"""O perceptron de Rosenblatt (capítulo 3): soma ponderada, degrau e a regra de aprendizado.

O perceptron prevê ``ŷ = degrau(x·w + b)``, com o degrau 1 se ``z >= 0``, senão 0,
e aprende exemplo a exemplo com a regra (η é a taxa de aprendizado, ``lr``)

    ``w ← w + η·(y − ŷ)·x``   e   ``b ← b + η·(y − ŷ)``.

Quando acerta (``y = ŷ``), nada muda; quando erra, empurra a fronteira na
direção do exemplo. Se os dados são linearmente separáveis, para de errar
depois de um número finito de correções (e então para de aprender).
"""

import numpy as np

from .activations import step
from .doors import checked
from .validation import as_array, flag, positive, same_length, seed_value, whole_number

__all__ = ["perceptron_predict", "perceptron_update", "perceptron_rule", "Perceptron"]


# --- As conferências (doors.checked) ------------------------------------------------------

def _model_args(where, X, w, b):
    """X: (n, d) ou (d,); w: (d,), um peso por atributo; b: um número."""
    X, w = as_array(X, "X", where, ndim=(1, 2)), as_array(w, "w", where, ndim=1)
    if X.shape[-1] != w.shape[0]:
        raise ValueError(f"{where}: cada exemplo de `X` tem {X.shape[-1]} atributo(s), "
                         f"mas `w` tem {w.shape[0]} peso(s); deve haver um peso por atributo.")
    return X, w, float(as_array(b, "b", where, ndim=0))


def _label(y, where):
    y = float(as_array(y, "y", where, ndim=0))
    if y not in (0.0, 1.0):
        raise ValueError(f"{where}: o rótulo `y` deve ser 0 ou 1, não {y:g}.")
    return y


def _rule_args(where, x, y, w, b, lr):
    x, w, b = _model_args(where, as_array(x, "x", where, ndim=1), w, b)
    return x, _label(y, where), w, b, positive(lr, "lr", where)


def _init_args(where, self, lr, epochs, shuffle, seed, fit_intercept):
    return (self, positive(lr, "lr", where), whole_number(epochs, "epochs", where, 1),
            flag(shuffle, "shuffle", where), seed_value(seed, where),
            flag(fit_intercept, "fit_intercept", where))


def _fit_args(where, self, X, y):
    X, y = as_array(X, "X", where, ndim=2), as_array(y, "y", where, ndim=1)
    same_length(X, y, "X", "y", where)
    if not np.all(np.isin(y, (0.0, 1.0))):
        raise ValueError(f"{where}: os rótulos `y` devem ser 0 ou 1.")
    return self, X, y


def _predict_args(where, self, X):
    if not hasattr(self, "w_"):
        raise ValueError(f"{where}: chame `fit` antes de `predict`.")
    return self, _model_args(where, X, self.w_, self.b_)[0]


@checked(_model_args)
def perceptron_predict(X, w, b):
    """Previsões do perceptron: ``ŷ = degrau(X·w + b)``, degrau(z) = 1 se ``z >= 0``.

    X: (n, d) ou um único exemplo (d,); w: (d,) pesos; b: número (viés).
    Retorna ŷ: (n,) (ou um número, para um único exemplo) com valores 0.0 ou 1.0.
    """
    y_hat = step(X @ w + b)
    return float(y_hat) if X.ndim == 1 else y_hat


@checked(_rule_args)
def perceptron_update(x, y, w, b, lr):
    """Um passo da regra do perceptron para um exemplo ``(x, y)``.

    ``ŷ = degrau(x·w + b)``;  ``w ← w + η·(y − ŷ)·x``;  ``b ← b + η·(y − ŷ)``.

    x: (d,) um exemplo; y: 0 ou 1; w: (d,); b: número; lr: taxa de aprendizado η.
    Retorna ``(w_novo, b_novo)`` — arrays novos; ``w`` não é alterado.
    """
    w, b, _ = perceptron_rule(x, y, w, b, lr)
    return w, b


@checked(_rule_args)
def perceptron_rule(x, y, w, b, lr):
    """A regra do perceptron, para um exemplo: ``(w_novo, b_novo, erro)``.

    x: (d,); y: 0 ou 1; w: (d,); b: número; lr: η. O erro é ``y − ŷ``: 0, +1 ou −1.
    """
    error = y - perceptron_predict(x, w, b)       # 0 (acertou), +1 ou −1

    return w + lr * error * x, b + lr * error, error


class Perceptron:
    """O perceptron com a interface do scikit-learn: ``fit`` e ``predict``.

    lr: taxa de aprendizado (> 0); epochs: máximo de épocas (passadas pelos
    dados); shuffle: embaralhar a ordem dos exemplos a cada época (com
    ``np.random.default_rng(seed)``) ou seguir a ordem de ``X``;
    fit_intercept: aprender o viés ``b`` (com ``False``, ``b`` fica em 0). Os pesos começam em zero. O
    treino para antes de ``epochs`` se uma época inteira passar sem erros.

    Depois de ``fit``: ``w_`` (d,) pesos, ``b_`` viés e ``errors_``, uma
    lista com o número de exemplos classificados errado (e corrigidos) em
    cada época.
    """

    @checked(_init_args)
    def __init__(self, lr=1.0, epochs=100, shuffle=True, seed=0, fit_intercept=True):
        self.lr = lr
        self.epochs = epochs
        self.shuffle = shuffle
        self.seed = seed
        self.fit_intercept = fit_intercept

    @checked(_fit_args)
    def fit(self, X, y):
        """Treina com a regra do perceptron. X: (n, d); y: (n,) com 0 e 1.

        Retorna ``self``.
        """
        lr = self.lr
        rng = np.random.default_rng(self.seed)
        w, b = np.zeros(X.shape[1]), 0.0
        self.errors_ = []
        for _ in range(self.epochs):
            order = rng.permutation(len(y)) if self.shuffle else np.arange(len(y))
            mistakes = 0
            for i in order:
                w, new_b, error = perceptron_rule(X[i], y[i], w, b, lr)
                b = new_b if self.fit_intercept else b
                mistakes += int(error != 0)
            self.errors_.append(mistakes)
            if mistakes == 0:
                break                        # uma época sem erros: nada mais a aprender
        self.w_, self.b_ = w, b
        return self

    @checked(_predict_args)
    def predict(self, X):
        """Classes previstas (0.0 ou 1.0). X: (n, d). Retorna (n,)."""
        return perceptron_predict(X, self.w_, self.b_)
