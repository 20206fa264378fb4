"""As verificações de ``ex_gradient_descent`` aceitam a resposta certa e recusam os enganos comuns.

Cada engano abaixo é um erro plausível de aluno; a verificação deve recusá-lo
com uma mensagem que aponte o problema (e, quando dá, a dica certa).
"""

import math

import numpy as np
import pytest

from nn_helpers.grading import ex_gradient_descent as checks
from nn_helpers.grading.ex_gradient_descent.solution import blobs


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


def cost_gradient(features, targets, weights, bias):
    delta = output_formula(features, weights, bias) - targets
    return features.T @ delta / len(targets), np.mean(delta)


REFERENCE = {
    "check_sigmoid": sigmoid, "check_output_formula": output_formula,
    "check_error_formula": error_formula, "check_update_weights": update_weights,
    "check_cost_gradient": cost_gradient, "check_train": make_train(),
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

    X, y = blobs(15, n=30, d=3)
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


# --- a varredura da issue 13: mais enganos de aluno, cada um com a dica que deve receber ----

def gradient_from(delta_of, reduce_b=np.mean, n_of=lambda X, y, w: len(y)):
    """Um cost_gradient que usa ``delta_of(X, y, w, b)`` no lugar de ŷ − y (e outra média)."""
    def wrong(X, y, w, b):
        delta = delta_of(X, y, w, b)
        return X.T @ delta / n_of(X, y, w), reduce_b(delta)
    return wrong


def _y_hat(X, w, b):
    return output_formula(X, w, b)


def cost_gradient_loop(X, y, w, b, skip_last=False):
    """cost_gradient com laços explícitos (e, se pedido, um laço que para um antes)."""
    n, d = X.shape
    grad_w, grad_b = [0.0] * d, 0.0
    for i in range(n - 1 if skip_last else n):
        delta_i = float(sigmoid(sum(X[i, j] * w[j] for j in range(d)) + b)) - y[i]
        for j in range(d):
            grad_w[j] += delta_i * X[i, j] / n
        grad_b += delta_i / n
    return np.array(grad_w), grad_b


def shuffled_train(features, targets, epochs, learnrate):    # como o `train` do capítulo 3
    rng = np.random.default_rng()
    weights, bias, errors = np.zeros(features.shape[1]), 0.0, []
    for _ in range(epochs):
        for i in rng.permutation(len(targets)):
            weights, bias = update_weights(features[i], targets[i], weights, bias, learnrate)
        errors.append(np.mean(error_formula(targets, output_formula(features, weights, bias))))
    return weights, bias, errors


def train_epochs(shift):
    def train(features, targets, epochs, learnrate):
        return make_train()(features, targets, epochs + shift, learnrate)
    return train


MISTAKES.update({
    "output with np.dot(weights, features)": ("check_output_formula",
                                              lambda X, w, b: sigmoid(np.dot(w, X) + b),
                                              "gradient_descent.matmul_shapes"),
    "output multiplies without summing": ("check_output_formula",
                                          lambda X, w, b: sigmoid(X * w + b), "common.not_reduced"),
    "cost gradient with the sign of the update (y − ŷ)": (
        "check_cost_gradient", gradient_from(lambda X, y, w, b: y - _y_hat(X, w, b)),
        "gradient_descent.cost_gradient_sign"),
    "cost gradient keeps the sigmoid slope": (
        "check_cost_gradient",
        gradient_from(lambda X, y, w, b: (_y_hat(X, w, b) - y) * _y_hat(X, w, b)
                      * (1 - _y_hat(X, w, b))),
        "gradient_descent.cost_gradient_keeps_sigmoid_slope"),
    "cost gradient of the squared error": (
        "check_cost_gradient",
        gradient_from(lambda X, y, w, b: 2 * (_y_hat(X, w, b) - y) * _y_hat(X, w, b)
                      * (1 - _y_hat(X, w, b))),
        "gradient_descent.cost_gradient_is_mse"),
    "cost gradient stops at dE/dŷ": (
        "check_cost_gradient",
        gradient_from(lambda X, y, w, b: (_y_hat(X, w, b) - y)
                      / (_y_hat(X, w, b) * (1 - _y_hat(X, w, b)))),
        "gradient_descent.cost_gradient_stops_at_yhat"),
    "cost gradient without the sigmoid": (
        "check_cost_gradient", gradient_from(lambda X, y, w, b: X @ w + b - y),
        "gradient_descent.cost_gradient_no_sigmoid"),
    "cost gradient forgets the bias in ŷ": (
        "check_cost_gradient", gradient_from(lambda X, y, w, b: sigmoid(X @ w) - y),
        "gradient_descent.cost_gradient_bias_missing"),
    "cost gradient of the sum": (
        "check_cost_gradient",
        gradient_from(lambda X, y, w, b: _y_hat(X, w, b) - y, reduce_b=np.sum,
                      n_of=lambda X, y, w: 1),
        "gradient_descent.cost_gradient_not_mean"),
    "cost gradient divides by d": (
        "check_cost_gradient",
        gradient_from(lambda X, y, w, b: _y_hat(X, w, b) - y,
                      reduce_b=lambda delta: np.sum(delta) / 3 if len(delta) == 7 else
                      np.sum(delta) / 2, n_of=lambda X, y, w: len(w)),
        "gradient_descent.cost_gradient_divides_by_d"),
    "cost gradient loop misses the last sample": (
        "check_cost_gradient", lambda X, y, w, b: cost_gradient_loop(X, y, w, b, skip_last=True),
        "gradient_descent.cost_gradient_misses_a_sample"),
    "cost gradient with X @ delta": (
        "check_cost_gradient",
        lambda X, y, w, b: (X @ (_y_hat(X, w, b) - y) / len(y), np.mean(_y_hat(X, w, b) - y)),
        "gradient_descent.matmul_shapes"),
    "cost gradient forgets to sum over the samples": (
        "check_cost_gradient",
        lambda X, y, w, b: (X * (_y_hat(X, w, b) - y)[:, None] / len(y),
                            np.mean(_y_hat(X, w, b) - y)),
        "gradient_descent.cost_gradient_w_shape"),
    "cost gradient sums over the features": (
        "check_cost_gradient",
        lambda X, y, w, b: (np.mean(X * (_y_hat(X, w, b) - y)[:, None], axis=1),
                            np.mean(_y_hat(X, w, b) - y)),
        "gradient_descent.cost_gradient_w_shape"),
    "cost gradient forgets the mean in grad_b": (
        "check_cost_gradient",
        lambda X, y, w, b: (cost_gradient(X, y, w, b)[0], (_y_hat(X, w, b) - y) / len(y)),
        "gradient_descent.cost_gradient_b_shape"),
    "cost gradient multiplies grad_b by x": (
        "check_cost_gradient",
        lambda X, y, w, b: (cost_gradient(X, y, w, b)[0], np.mean(cost_gradient(X, y, w, b)[0])),
        "gradient_descent.cost_gradient_b_with_x"),
    "cost gradient returns (grad_b, grad_w)": (
        "check_cost_gradient", lambda X, y, w, b: cost_gradient(X, y, w, b)[::-1],
        "gradient_descent.cost_gradient_order"),
    "cost gradient blank": ("check_cost_gradient", _not_implemented, "ainda não foi implementada"),
    "train shuffles the samples each epoch (as the chapter does)": (
        "check_train", shuffled_train, "gradient_descent.train_random_init"),
    "train runs one epoch too many": ("check_train", train_epochs(+1),
                                      "gradient_descent.train_epochs_off_by_one"),
    "train runs one epoch too few": ("check_train", train_epochs(-1),
                                     "gradient_descent.train_epochs_off_by_one"),
})


# --- respostas certas escritas de outro jeito: todas têm de passar ------------------------

def error_with_where(y, output):
    return np.where(y == 1, -np.log(output), -np.log(1 - output))


def update_with_the_gradient(x, y, weights, bias, learnrate):
    y_hat = output_formula(x, weights, bias)
    grad_w, grad_b = (y_hat - y) * x, y_hat - y
    return weights - learnrate * grad_w, bias - learnrate * grad_b


def update_with_a_loop(x, y, weights, bias, learnrate):
    d_error = y - sigmoid(np.dot(x, weights) + bias)
    new = weights.copy()
    for j in range(len(new)):
        new[j] += learnrate * d_error * x[j]                  # numa cópia: pode
    return new, bias + learnrate * d_error


def train_with_indices(features, targets, epochs, learnrate):
    weights, bias, errors = np.zeros(features.shape[1]), 0.0, np.zeros(epochs)
    for epoch in range(epochs):
        for i in range(len(targets)):
            weights, bias = update_weights(features[i], targets[i], weights, bias, learnrate)
        per_sample = error_formula(targets, output_formula(features, weights, bias))
        errors[epoch] = np.sum(per_sample) / len(targets)
    return weights, bias, errors


ALTERNATIVES = {
    "sigmoid clipping z": ("check_sigmoid", lambda z: 1 / (1 + np.exp(-np.clip(z, -500, 500)))),
    "sigmoid through tanh": ("check_sigmoid",
                             lambda z: 0.5 * (1 + np.tanh(np.asarray(z, dtype=float) / 2))),
    "output with np.dot": ("check_output_formula", lambda X, w, b: sigmoid(np.dot(X, w) + b)),
    "error with np.where on the label": ("check_error_formula", error_with_where),
    "update written with the gradient (ŷ − y) and a minus": ("check_update_weights",
                                                             update_with_the_gradient),
    "update with a loop over a copy": ("check_update_weights", update_with_a_loop),
    "cost gradient with explicit loops": ("check_cost_gradient", cost_gradient_loop),
    "cost gradient with a broadcast mean, returning a list": (
        "check_cost_gradient",
        lambda X, y, w, b: [np.mean(X * (_y_hat(X, w, b) - y)[:, None], axis=0),
                            float(np.mean(_y_hat(X, w, b) - y))]),
    "cost gradient with np.dot and (y − ŷ) negated": (
        "check_cost_gradient",
        lambda X, y, w, b: (-np.dot(X.T, y - _y_hat(X, w, b)) / X.shape[0],
                            -np.sum(y - _y_hat(X, w, b)) / X.shape[0])),
    "train with indices and errors in an array": ("check_train", train_with_indices),
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
