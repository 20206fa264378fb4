"""As verificações de ``ex_gradient_descent`` aceitam a resposta certa e recusam os enganos comuns.

Cada engano abaixo é um erro plausível de aluno; a verificação deve recusá-lo
com uma mensagem que aponte o problema (e, quando dá, a dica certa).
"""

import math

import numpy as np
import pytest

from nn_helpers.grading import ex_gradient_descent as checks


# --- a resposta de referência ------------------------------------------------------------

def sigmoid(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def output_formula(features, weights, bias):
    return sigmoid(features @ weights + bias)


def error_formula(y, output):
    return -y * np.log(output) - (1 - y) * np.log(1 - output)


def update_weights(x, y, weights, bias, learnrate):
    d_error = y - output_formula(x, weights, bias)
    return weights + learnrate * d_error * x, bias + learnrate * d_error


def make_train(update=update_weights, init=lambda d: (np.zeros(d), 0.0), record="after",
               batch=False, reduce=np.mean, error=error_formula):
    def train(features, targets, epochs, learnrate):
        weights, bias = init(features.shape[1])
        errors = []
        for _ in range(epochs):
            if record == "before":
                errors.append(reduce(error(targets, output_formula(features, weights, bias))))
            if batch:
                delta = targets - output_formula(features, weights, bias)
                weights = weights + learnrate * features.T @ delta / len(targets)
                bias = bias + learnrate * np.mean(delta)
            else:
                for x, y in zip(features, targets):
                    weights, bias = update(x, y, weights, bias, learnrate)
            if record == "after":
                errors.append(reduce(error(targets, output_formula(features, weights, bias))))
        return weights, bias, errors
    return train


REFERENCE = {
    "check_sigmoid": sigmoid, "check_output_formula": output_formula,
    "check_error_formula": error_formula, "check_update_weights": update_weights,
    "check_train": make_train(),
}


def test_other_overflow_free_sigmoids_are_accepted():
    checks.check_sigmoid(lambda z: 1 / (1 + np.exp(-np.clip(z, -500, 500))))
    checks.check_sigmoid(lambda z: 0.5 * (1 + np.tanh(np.asarray(z, dtype=float) / 2)))


def test_the_deck_numbers_are_what_the_check_expects():
    # Deck 004: −ln(0.6) − ln(0.2) − ln(0.1) − ln(0.7) ≈ 4.8
    #      e    −ln(0.7) − ln(0.9) − ln(0.8) − ln(0.6) ≈ 1.2
    assert round(float(np.sum(error_formula(checks.DECK_Y, checks.DECK_BAD))), 1) == 4.8
    assert round(float(np.sum(error_formula(checks.DECK_Y, checks.DECK_GOOD))), 1) == 1.2
    assert np.allclose(np.where(checks.DECK_Y == 1, checks.DECK_BAD, 1 - checks.DECK_BAD),
                       [0.6, 0.2, 0.1, 0.7])


def test_train_reaches_the_scikit_learn_classifier_on_separable_enough_data():
    # Oráculo independente: com muitas épocas e η pequeno, o gradiente estocástico chega
    # perto do mínimo da entropia cruzada, que o scikit-learn acha sem regularização.
    from sklearn.linear_model import LogisticRegression

    X, y = checks._blobs(15, n=30, d=3)
    w, b, errors = make_train()(X, y, 3000, 0.02)
    exact = LogisticRegression(C=np.inf, tol=1e-10, max_iter=10_000).fit(X, y)
    assert np.allclose(w, exact.coef_[0], atol=0.05) and abs(b - exact.intercept_[0]) < 0.05
    assert errors[-1] < errors[0]


# --- enganos plausíveis: (verificação, função errada, trecho esperado na mensagem) ---------

def _not_implemented(*args):
    raise NotImplementedError


def naive_sigmoid(z):
    return 1 / (1 + np.exp(-z))


def where_sigmoid(z):
    return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))


def if_sigmoid(z):
    if z >= 0:
        return 1 / (1 + np.exp(-z))
    return np.exp(z) / (1 + np.exp(z))


def wrong_sign_update(x, y, w, b, lr):
    d = y - output_formula(x, w, b)
    return w - lr * d * x, b - lr * d


def deck000_update(x, y, w, b, lr):
    d = y - output_formula(x, w, b)
    return w + lr * d * w, b + lr * d


def no_bias_update(x, y, w, b, lr):
    d = y - output_formula(x, w, b)
    return w + lr * d * x, b


def no_lr_update(x, y, w, b, lr):
    d = y - output_formula(x, w, b)
    return w + d * x, b + d


def no_lr_on_bias_update(x, y, w, b, lr):
    d = y - output_formula(x, w, b)
    return w + lr * d * x, b + d


def descent_on_bias_update(x, y, w, b, lr):
    d = y - output_formula(x, w, b)
    return w + lr * d * x, b - lr * d


def stale_weights_update(x, y, w, b, lr):
    d = y - output_formula(x, w, b)
    new_weights, new_bias = w + lr * d * x, b + lr * d
    return w, new_bias


def step_update(x, y, w, b, lr):
    d = y - float(x @ w + b >= 0)
    return w + lr * d * x, b + lr * d


def bias_with_new_weights_update(x, y, weights, bias, learnrate):
    weights = weights + learnrate * (y - output_formula(x, weights, bias)) * x
    bias = bias + learnrate * (y - output_formula(x, weights, bias))   # ŷ já com os pesos novos
    return weights, bias


def in_place_update(x, y, weights, bias, learnrate):    # o estilo do curso da Udacity
    d = y - output_formula(x, weights, bias)
    weights += learnrate * d * x
    return weights, bias + learnrate * d


def random_init(d):
    return np.random.default_rng().normal(size=d), 0.0


MISTAKES = {
    "sigmoid with the wrong sign": ("check_sigmoid", lambda z: 1 / (1 + np.exp(z)),
                                    "sinal do expoente está trocado"),
    "sigmoid overflows for z = -1000": ("check_sigmoid", naive_sigmoid, "estoura (*overflow*)"),
    "sigmoid with np.where computes both sides": ("check_sigmoid", where_sigmoid,
                                                  "calcula os DOIS"),
    "sigmoid with math.exp": ("check_sigmoid", lambda z: 1 / (1 + math.exp(-z)), "não `math.exp`"),
    "sigmoid picks the formula with if": ("check_sigmoid", if_sigmoid, "gradient_descent.if_on_array"),
    "sigmoid forgets the 1 + and the division": ("check_sigmoid", lambda z: np.exp(-z),
                                                 "gradient_descent.sigmoid_only_exp"),
    "sigmoid is tanh": ("check_sigmoid", np.tanh, "tangente hiperbólica"),
    "sigmoid is the step": ("check_sigmoid", lambda z: (np.asarray(z) >= 0).astype(float),
                            "isto é o degrau"),
    "sigmoid blank": ("check_sigmoid", _not_implemented, "ainda não foi implementada"),
    "output without the sigmoid": ("check_output_formula", lambda X, w, b: X @ w + b,
                                   "faltou aplicar a sigmoide"),
    "output ignores the bias": ("check_output_formula", lambda X, w, b: sigmoid(X @ w),
                                "viés `bias` ficou de fora"),
    "output subtracts the bias": ("check_output_formula", lambda X, w, b: sigmoid(X @ w - b),
                                  "deve ser somado"),
    "output with the wrong sign": ("check_output_formula",
                                   lambda X, w, b: 1 / (1 + np.exp(X @ w + b)),
                                   "gradient_descent.output_sign"),
    "output uses the step": ("check_output_formula",
                             lambda X, w, b: (X @ w + b >= 0).astype(float), "não o degrau"),
    "error without the minus": ("check_error_formula",
                                lambda y, p: y * np.log(p) + (1 - y) * np.log(1 - p),
                                "faltou o sinal de menos"),
    "error with log10": ("check_error_formula",
                         lambda y, p: -y * np.log10(p) - (1 - y) * np.log10(1 - p), "não `np.log10`"),
    "error minus only on the first term (deck 004 brackets)": (
        "check_error_formula", lambda y, p: -y * np.log(p) + (1 - y) * np.log(1 - p),
        "vale para os DOIS termos"),
    "error forgets the y = 0 term": ("check_error_formula", lambda y, p: -y * np.log(p),
                                     "faltou o termo das amostras com y = 0"),
    "error is the squared error": ("check_error_formula", lambda y, p: (y - p) ** 2,
                                   "isto é o erro quadrático"),
    "error returns the mean": ("check_error_formula", lambda y, p: np.mean(error_formula(y, p)),
                               "erro de CADA amostra"),
    "error with the arguments swapped": (
        "check_error_formula", lambda y, p: -p * np.log(y) - (1 - p) * np.log(1 - y),
        "confira a ordem dos argumentos"),
    "update with the wrong sign": ("check_update_weights", wrong_sign_update, "sinal está trocado"),
    "update multiplies by w (deck 000)": ("check_update_weights", deck000_update,
                                          "não pelo peso w"),
    "update forgets the bias": ("check_update_weights", no_bias_update,
                                "faltou atualizar o viés"),
    "update forgets the learning rate": ("check_update_weights", no_lr_update,
                                         "faltou a taxa de aprendizado"),
    "update forgets the learning rate on the bias": ("check_update_weights", no_lr_on_bias_update,
                                                     "gradient_descent.bias_no_learnrate"),
    "update subtracts on the bias": ("check_update_weights", descent_on_bias_update,
                                     "gradient_descent.bias_update_sign"),
    "update returns the old weights": ("check_update_weights", stale_weights_update,
                                       "os pesos não mudaram"),
    "update uses the perceptron step": ("check_update_weights", step_update, "não o degrau"),
    "update recomputes the error for the bias": ("check_update_weights", bias_with_new_weights_update,
                                                 "gradient_descent.bias_uses_new_weights"),
    "update changes the weights in place": ("check_update_weights", in_place_update,
                                            "`weights = weights + ...`"),
    "update returns only the weights": ("check_update_weights",
                                        lambda x, y, w, b, lr: update_weights(x, y, w, b, lr)[0],
                                        "deve devolver 2 valores"),
    "train starts from random weights": ("check_train", make_train(init=random_init),
                                         "nada de números aleatórios"),
    "train starts from ones": ("check_train", make_train(init=lambda d: (np.ones(d), 1.0)),
                               "comece com pesos zero e b = 0"),
    "train climbs the gradient": ("check_train", make_train(update=wrong_sign_update),
                                  "o erro está subindo"),
    "train never updates the bias": ("check_train", make_train(update=no_bias_update),
                                     "`bias` continua 0"),
    "train in batch": ("check_train", make_train(batch=True), "gradiente descendente em lote"),
    "train records the error before each epoch": ("check_train", make_train(record="before"),
                                                  "erros ANTES de cada época"),
    "train records the summed error": ("check_train", make_train(reduce=np.sum),
                                       "a MÉDIA dos erros"),
    "train records the error without the minus": (
        "check_train", make_train(error=lambda y, p: y * np.log(p) + (1 - y) * np.log(1 - p)),
        "gradient_descent.errors_negative"),
    "train forgets the errors": ("check_train",
                                 lambda X, y, e, lr: make_train()(X, y, e, lr)[:2] + ([],),
                                 "um erro por época"),
    "train blank": ("check_train", _not_implemented, "ainda não foi implementada"),
}


def test_a_notebook_that_silences_numpy_warnings_still_fails_the_overflow_check():
    with np.errstate(all="ignore"):
        with pytest.raises(AssertionError, match="overflow"):
            checks.check_sigmoid(naive_sigmoid)


def test_a_doubled_product_is_not_blamed_on_the_bias():
    # No ponto [2, −1] com w = [0,5, 2] e b = 0,5, 2·x·w + b = x·w − b: o primeiro caso que
    # falha tem de distinguir os dois enganos.
    with pytest.raises(AssertionError) as failure:
        checks.check_output_formula(lambda x, w, b: 1 / (1 + np.exp(-(2 * (x @ w) + b))))
    assert "gradient_descent.output_bias_subtracted" not in [h.id for h in failure.value.hints]
