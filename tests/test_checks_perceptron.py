"""As verificações de ``ex_perceptron`` aceitam a resposta certa e recusam os enganos comuns.

Cada engano abaixo é um erro plausível de aluno; a verificação deve recusá-lo
com uma mensagem que aponte o problema (e, quando dá, a dica certa).
"""

import numpy as np
import pytest

from nn_helpers.grading import ex_perceptron as checks
from nn_helpers.grading.ex_perceptron.solution import separable


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


PARK_WEIGHTS = ([1.0, 1.0], 0.5)     # a reta do treino, deslocada meio passo

REFERENCE = {
    "check_step": step, "check_perceptron_predict": perceptron_predict,
    "check_perceptron_update": perceptron_update, "check_train_perceptron": make_train(),
    "check_park_weights": (PARK_WEIGHTS,),
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
    X, y = separable(24, n=20)
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


def update_b_after_w(x, y, w, b, lr):
    w = w + lr * (y - step(x @ w + b)) * x
    b = b + lr * (y - step(x @ w + b))        # ŷ de novo, já com o w novo
    return w, b


def update_w_after_b(x, y, w, b, lr):
    b_new = b + lr * (y - step(x @ w + b))
    return w + lr * (y - step(x @ w + b_new)) * x, b_new


def update_in_place(x, y, w, b, lr):
    error = y - step(x @ w + b)
    w += lr * error * x                       # o estilo Udacity: muda o array de quem chamou
    return w, b + lr * error


def update_only_positive(x, y, w, b, lr):
    if y == 1:
        return perceptron_update(x, y, w, b, lr)
    return w, b


def make_train_loop(count="during", extra_epoch=False, append_per_sample=False, total=False,
                    reset=False, ignore_lr=False, shuffle_in_place=False):
    """Um treino escrito com laços de índice, com um engano de cada vez (ou nenhum)."""
    def train_perceptron(X, y, lr, epochs):
        if shuffle_in_place:
            np.random.default_rng(0).shuffle(X)
        w, b = np.zeros(X.shape[1]), 0.0
        errors_per_epoch = []
        for _ in range(epochs + 1 if extra_epoch else epochs):
            if reset:
                w, b = np.zeros(X.shape[1]), 0.0
            mistakes = 0
            for i in range(len(y)):
                delta = y[i] - step(X[i] @ w + b)
                if count == "during":
                    mistakes += int(delta != 0)
                elif count == "signed":
                    mistakes += delta
                w, b = perceptron_update(X[i], y[i], w, b, 1.0 if ignore_lr else lr)
                if count == "after_update":
                    mistakes += int(step(X[i] @ w + b) != y[i])
                if append_per_sample:
                    errors_per_epoch.append(mistakes)
            if not append_per_sample:
                errors_per_epoch.append(mistakes)
        if total:
            return w, b, sum(errors_per_epoch)
        return w, b, errors_per_epoch
    return train_perceptron


def step_heaviside_tie_zero(z):
    return np.heaviside(z, 0)


def step_list(z):
    return np.array([1 if v >= 0 else 0 for v in z])


def step_int(z):
    return int(z >= 0)


def step_rounded_sigmoid(z):
    return np.round(1 / (1 + np.exp(-np.asarray(z, dtype=float))))


def predict_loop(X, w, b):
    out = []
    for row in X:
        z = 0.0
        for j in range(len(w)):
            z += row[j] * w[j]
        out.append(1 if z + b >= 0 else 0)
    return out


def update_loop(x, y, w, b, lr):
    y_hat = 1.0 if float(np.dot(x, w)) + b >= 0 else 0.0
    new_w = np.empty_like(w)
    for j in range(len(w)):
        new_w[j] = w[j] + lr * (y - y_hat) * x[j]
    return new_w, b + lr * (y - y_hat)


def train_with_predict(X, y, lr, epochs):
    w, b, errors = np.zeros(X.shape[1]), 0.0, np.zeros(epochs, dtype=int)
    for epoch in range(epochs):
        for i in range(len(X)):
            errors[epoch] += perceptron_predict(X[i:i + 1], w, b)[0] != y[i]
            w, b = perceptron_update(X[i], y[i], w, b, lr)
    return w, b, errors


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
                               "perceptron.train_init_not_zero"),
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
    # --- issue 13: a varredura de enganos ---
    "step with np.heaviside(z, 0)": ("check_step", step_heaviside_tie_zero, "perceptron.tie_strict"),
    "step with a list comprehension (no scalars)": ("check_step", step_list,
                                                    "perceptron.step_only_arrays"),
    "step with int(z >= 0)": ("check_step", step_int, "perceptron.int_of_array"),
    "step is a rounded sigmoid": ("check_step", step_rounded_sigmoid, "perceptron.tie_strict"),
    "step with np.heaviside(z, 0.5)": ("check_step", lambda z: np.heaviside(z, 0.5),
                                       "perceptron.not_zero_one"),
    "predict with w @ X": ("check_perceptron_predict", lambda X, w, b: step(w @ X + b),
                           "perceptron.predict_transposed"),
    "predict adds b after the step": ("check_perceptron_predict",
                                      lambda X, w, b: step(X @ w) + b,
                                      "perceptron.predict_bias_outside_step"),
    "predict sums everything into one number": ("check_perceptron_predict",
                                                lambda X, w, b: step(np.sum(X * w) + b),
                                                "perceptron.predict_shape"),
    "update computes the bias error with the new w": ("check_perceptron_update", update_b_after_w,
                                                      "perceptron.update_error_recomputed"),
    "update computes the weights error with the new b": ("check_perceptron_update",
                                                         update_w_after_b,
                                                         "perceptron.update_error_recomputed"),
    "update with w += (Udacity style)": ("check_perceptron_update", update_in_place,
                                         "`w += ...`"),
    "update only learns from positive samples": ("check_perceptron_update", update_only_positive,
                                                 "perceptron.update_w_unchanged"),
    "train runs one epoch too many": ("check_train_perceptron", make_train_loop(extra_epoch=True),
                                      "perceptron.train_extra_epoch"),
    "train appends inside the sample loop": ("check_train_perceptron",
                                             make_train_loop(append_per_sample=True),
                                             "perceptron.errors_appended_per_sample"),
    "train returns the total of errors": ("check_train_perceptron", make_train_loop(total=True),
                                          "perceptron.errors_total_only"),
    "train resets the weights every epoch": ("check_train_perceptron", make_train_loop(reset=True),
                                             "perceptron.train_reset_each_epoch"),
    "train forgets to pass lr": ("check_train_perceptron", make_train_loop(ignore_lr=True),
                                 "perceptron.train_ignores_lr"),
    "train counts after each update": ("check_train_perceptron",
                                       make_train_loop(count="after_update"),
                                       "perceptron.errors_counted_after_update"),
    "train sums the signed errors": ("check_train_perceptron", make_train_loop(count="signed"),
                                     "perceptron.errors_signed"),
    "train shuffles X in place": ("check_train_perceptron",
                                  make_train_loop(shuffle_in_place=True), "common.mutated_input"),
    "park: the weights the training found (the new day on the line)": (
        "check_park_weights", (([1.0, 1.0], 0.0),), "perceptron.park_on_the_line"),
    "park: a training day on the line": ("check_park_weights", (([1.0, 1.0], 1.0),),
                                         "perceptron.park_on_the_line"),
    "park: every side swapped": ("check_park_weights", (([-1.0, -1.0], -0.5),),
                                 "perceptron.park_inverted"),
    "park: the bias used as a threshold": ("check_park_weights", (([1.0, 1.0], -0.5),),
                                           "perceptron.park_bias_as_threshold"),
    "park: the weather weighs more than the money": ("check_park_weights", (([2.0, 1.0], 0.0),),
                                                     "perceptron.park_new_day_wrong"),
    "park: w and b in one flat list": ("check_park_weights", ([1.0, 1.0, 0.5],),
                                       "deve ser uma tupla `(w, b)`"),
    "park: three weights": ("check_park_weights", (([1.0, 1.0, 1.0], 0.5),),
                            "`w` deve ter 2 peso(s)"),
    "park: blank": ("check_park_weights", (None,), "ainda não foi implementada"),
}

ALTERNATIVES = {
    "step with np.heaviside(z, 1)": ("check_step", lambda z: np.heaviside(z, 1)),
    "step multiplying a boolean by 1": ("check_step", lambda z: (np.asarray(z) >= 0) * 1),
    "step as floats": ("check_step", lambda z: (np.asarray(z) >= 0).astype(float)),
    "step with np.vectorize over a scalar if": ("check_step",
                                                lambda z: np.vectorize(scalar_step)(z)),
    "predict with explicit loops, returning a list": ("check_perceptron_predict", predict_loop),
    "predict with np.dot": ("check_perceptron_predict", lambda X, w, b: step(np.dot(X, w) + b)),
    "predict with w @ X.T": ("check_perceptron_predict", lambda X, w, b: step(w @ X.T + b)),
    "update with a loop over the weights": ("check_perceptron_update", update_loop),
    "update with np.dot and a copy": ("check_perceptron_update",
                                      lambda x, y, w, b, lr: perceptron_update(x, y, w.copy(), b,
                                                                               lr)),
    "train with index loops": ("check_train_perceptron", make_train_loop()),
    "train counting with perceptron_predict, errors as an array": ("check_train_perceptron",
                                                                   train_with_predict),
    "park: w = (1, 2), b = 0 (money weighs more)": ("check_park_weights", (([1, 2], 0),)),
    "park: integers w = (2, 3), b = 1, as an array": ("check_park_weights",
                                                      ((np.array([2, 3]), 1),)),
    "park: a list [w, b] with b between 0 and 1": ("check_park_weights", ([[1.0, 1.0], 0.1],)),
}


def test_the_course_park_line_and_every_bias_strictly_between_0_and_1_pass(capsys):
    for b in (0.01, 0.5, 0.99):
        checks.check_park_weights(([1.0, 1.0], b))
    for b in (0.0, 1.0):
        with pytest.raises(AssertionError, match="em cima da reta"):
            checks.check_park_weights(([1.0, 1.0], b))
    assert "distância 0" in capsys.readouterr().out
