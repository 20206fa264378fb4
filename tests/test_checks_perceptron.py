"""As verificações de ``ex_perceptron`` aceitam a resposta certa e recusam os enganos comuns.

Cada engano abaixo é um erro plausível de aluno; a verificação deve recusá-lo
com uma mensagem que aponte o problema (e, quando dá, a dica certa).
"""

import numpy as np
import pytest

from nn_helpers.grading import ex_perceptron as checks


# --- a resposta de referência ------------------------------------------------------------

def step(z):
    return np.where(np.asarray(z) >= 0, 1, 0)


def perceptron_predict(X, w, b):
    return step(X @ w + b)


def perceptron_update(x, y, w, b, lr):
    error = y - step(x @ w + b)
    return w + lr * error * x, b + lr * error


def make_train(update=perceptron_update, init=lambda d: (np.zeros(d), 0.0), count="during",
               order=lambda n: range(n), stop_early=False):
    def train_perceptron(X, y, lr, epochs):
        w, b = init(X.shape[1])
        errors_per_epoch = []
        for _ in range(epochs):
            mistakes = 0
            for i in order(len(y)):
                mistakes += int(step(X[i] @ w + b) != y[i])
                w, b = update(X[i], y[i], w, b, lr)
            if count == "after":
                mistakes = int(np.sum(perceptron_predict(X, w, b) != y))
            elif count == "fraction":
                mistakes = mistakes / len(y)
            elif count == "correct":
                mistakes = len(y) - mistakes
            errors_per_epoch.append(mistakes)
            if stop_early and mistakes == 0:
                break
        return w, b, errors_per_epoch
    return train_perceptron


REFERENCE = {
    "check_step": step, "check_perceptron_predict": perceptron_predict,
    "check_perceptron_update": perceptron_update, "check_train_perceptron": make_train(),
}


def test_a_float_step_is_accepted_too():
    checks.check_step(lambda z: (np.asarray(z) >= 0).astype(float))


def test_the_deck_002_park_example_converges_to_w_1_1_and_b_0():
    # O exemplo "vamos ao parque?" do deck 002 começa com pesos 0 e viés 0; com lr = 1 ele
    # erra (−1, 0) na 1ª época e (0, 1) na 2ª, e para em w = (1, 1), b = 0, que prevê
    # "vamos" para o ponto novo (−1, 1) do deck (z = 0 → 1, pela convenção z ≥ 0).
    w, b, errors = make_train()(checks.PARK_X, checks.PARK_Y, 1.0, 4)
    assert np.array_equal(w, [1.0, 1.0]) and b == 0.0 and errors == [1, 1, 0, 0]
    assert perceptron_predict(np.array([[-1.0, 1.0]]), w, b)[0] == 1


def test_the_random_separable_case_converges_within_its_epochs():
    X, y = checks._separable(24, n=20)
    assert len(y) == 20 and 0 < y.sum() < 20
    _, _, errors = make_train()(X, y, 0.1, 15)
    assert errors[-1] == 0 and errors[-2] == 0


def test_the_trained_perceptron_agrees_with_scikit_learn_on_and():
    # Oráculo independente: o Perceptron do scikit-learn (mesma regra, sem embaralhar,
    # sem regularização) também separa o AND; comparamos as previsões, não os pesos
    # (ele usa z > 0 no empate).
    from sklearn.linear_model import Perceptron

    sk = Perceptron(shuffle=False, eta0=1.0, max_iter=50, tol=None).fit(checks.TRUTH_X, checks.AND_Y)
    w, b, _ = make_train()(checks.TRUTH_X, checks.AND_Y, 1.0, 20)
    assert np.array_equal(sk.predict(checks.TRUTH_X), perceptron_predict(checks.TRUTH_X, w, b))


# --- enganos plausíveis: (verificação, função errada, trecho esperado na mensagem) ---------

def _not_implemented(*args):
    raise NotImplementedError


def scalar_step(z):
    return 1 if z >= 0 else 0


def update_with(delta_fn, on_w="x", lr_on=True, bias=True, sign=1.0):
    def update(x, y, w, b, lr):
        delta = delta_fn(x, y, w, b)
        rate = lr if lr_on else 1.0
        factor = x if on_w == "x" else w
        return w + sign * rate * delta * factor, (b + sign * rate * delta if bias else b)
    return update


def rosenblatt_delta(x, y, w, b):
    return y - step(x @ w + b)


def strict_delta(x, y, w, b):
    return y - float(x @ w + b > 0)


def sigmoid_delta(x, y, w, b):
    return y - 1 / (1 + np.exp(-(x @ w + b)))


def random_init(d):
    return np.random.default_rng().normal(size=d), 0.0


MISTAKES = {
    "step uses z > 0": ("check_step", lambda z: np.where(np.asarray(z) > 0, 1, 0), "use `z >= 0`"),
    "step is inverted": ("check_step", lambda z: np.where(np.asarray(z) < 0, 1, 0), "invertido"),
    "step returns booleans": ("check_step", lambda z: np.asarray(z) >= 0, "True/False"),
    "step only works on numbers": ("check_step", scalar_step, "perceptron.if_on_array"),
    "step is the sign": ("check_step", np.sign, "`np.sign` devolve −1, 0 ou 1"),
    "step is the sigmoid": ("check_step", lambda z: 1 / (1 + np.exp(-np.asarray(z, float))),
                            "devolva só 0 ou 1"),
    "step blank": ("check_step", _not_implemented, "ainda não foi implementada"),
    "predict uses z > 0": ("check_perceptron_predict",
                           lambda X, w, b: np.where(X @ w + b > 0, 1, 0), "use `z >= 0`"),
    "predict returns booleans": ("check_perceptron_predict", lambda X, w, b: X @ w + b >= 0,
                                 "True/False"),
    "predict returns probabilities": ("check_perceptron_predict",
                                      lambda X, w, b: 1 / (1 + np.exp(-(X @ w + b))),
                                      "não probabilidades"),
    "predict returns a column": ("check_perceptron_predict",
                                 lambda X, w, b: perceptron_predict(X, w, b)[:, None],
                                 "não uma coluna (n, 1)"),
    "predict ignores b": ("check_perceptron_predict", lambda X, w, b: step(X @ w),
                          "viés `b` ficou de fora"),
    "predict subtracts b": ("check_perceptron_predict", lambda X, w, b: step(X @ w - b),
                            "deve ser somado"),
    "update with the wrong sign": ("check_perceptron_update",
                                   update_with(rosenblatt_delta, sign=-1.0), "sinal está trocado"),
    "update multiplies by w (deck 000)": ("check_perceptron_update",
                                          update_with(rosenblatt_delta, on_w="w"),
                                          "não pelo peso w"),
    "update forgets the bias": ("check_perceptron_update",
                                update_with(rosenblatt_delta, bias=False),
                                "faltou atualizar o viés"),
    "update forgets the learning rate": ("check_perceptron_update",
                                         update_with(rosenblatt_delta, lr_on=False),
                                         "faltou a taxa de aprendizado"),
    "update predicts with z > 0": ("check_perceptron_update", update_with(strict_delta),
                                   "use `z >= 0`"),
    "update uses the sigmoid": ("check_perceptron_update", update_with(sigmoid_delta),
                                "não a sigmoide"),
    "update forgets the weights": ("check_perceptron_update",
                                   lambda x, y, w, b, lr: (w, perceptron_update(x, y, w, b, lr)[1]),
                                   "perceptron.update_w_unchanged"),
    "update subtracts in the bias": ("check_perceptron_update",
                                     lambda x, y, w, b, lr: (perceptron_update(x, y, w, b, lr)[0],
                                                             b - lr * rosenblatt_delta(x, y, w, b)),
                                     "perceptron.update_b_sign"),
    "update forgets lr in the bias": ("check_perceptron_update",
                                      lambda x, y, w, b, lr: (perceptron_update(x, y, w, b, lr)[0],
                                                              b + rosenblatt_delta(x, y, w, b)),
                                      "perceptron.update_b_no_lr"),
    "update always adds y·x": ("check_perceptron_update",
                               lambda x, y, w, b, lr: (w + lr * y * x, b + lr * y),
                               "está errado"),
    "update returns only w": ("check_perceptron_update",
                              lambda x, y, w, b, lr: perceptron_update(x, y, w, b, lr)[0],
                              "deve devolver 2 valores"),
    "train starts from random weights": ("check_train_perceptron", make_train(init=random_init),
                                         "nada de números aleatórios"),
    "train starts from ones": ("check_train_perceptron",
                               make_train(init=lambda d: (np.ones(d), 1.0)),
                               "comece com w = 0 e b = 0"),
    "train visits the samples backwards": ("check_train_perceptron",
                                           make_train(order=lambda n: range(n - 1, -1, -1)),
                                           "na ordem dada"),
    "train counts the errors after the epoch": ("check_train_perceptron",
                                                make_train(count="after"), "DEPOIS da época"),
    "train reports the error rate": ("check_train_perceptron", make_train(count="fraction"),
                                     "não a fração"),
    "train counts the correct samples": ("check_train_perceptron", make_train(count="correct"),
                                         "perceptron.errors_counts_correct"),
    "train stops when there are no errors": ("check_train_perceptron",
                                             make_train(stop_early=True), "sem parar antes"),
    "train with the deck 000 rule never learns": (
        "check_train_perceptron", make_train(update=update_with(rosenblatt_delta, on_w="w")),
        "perceptron.train_stuck_at_zero"),
    "train blank": ("check_train_perceptron", _not_implemented, "ainda não foi implementada"),
}
