"""As verificações de ``ex_softmax`` aceitam a resposta certa e recusam os enganos comuns.

Cada engano abaixo é um erro plausível de aluno; a verificação deve recusá-lo
com uma mensagem que aponte o problema (e, quando dá, a dica certa).
"""

import math

import numpy as np
import pytest

from nn_helpers.grading import ex_softmax as checks


# --- a resposta de referência ------------------------------------------------------------

def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def one_hot(labels, n_classes):
    Y = np.zeros((len(labels), n_classes))
    Y[np.arange(len(labels)), labels] = 1.0
    return Y


def cross_entropy(y_onehot, probs):
    return -np.mean(np.sum(y_onehot * np.log(probs), axis=1))


REFERENCE = {
    "check_softmax": softmax, "check_one_hot": one_hot, "check_cross_entropy": cross_entropy,
}


def test_other_correct_answers_are_accepted():
    checks.check_one_hot(lambda labels, k: np.eye(k)[labels])
    checks.check_cross_entropy(lambda y, p: -np.sum(y * np.log(p)) / len(y))


def test_the_deck_004_numbers():
    # e²/(e² + e¹ + e⁰) = 0,67, e¹/(…) = 0,24 e e⁰/(…) = 0,09, como o deck mostra.
    p = softmax(checks.DECK_LOGITS)
    assert np.array_equal(np.round(p, 2), [0.67, 0.24, 0.09])
    assert np.isclose(p[0], np.e ** 2 / (np.e ** 2 + np.e + 1))


def test_cross_entropy_matches_scikit_learn_log_loss():
    # Oráculo independente: a log_loss do scikit-learn é a mesma média de −ln(p da classe certa).
    from sklearn.metrics import log_loss

    g = np.random.default_rng(0)
    labels = g.integers(0, 4, size=10)
    probs = softmax(g.normal(size=(10, 4)))
    assert np.isclose(cross_entropy(one_hot(labels, 4), probs),
                      log_loss(labels, probs, labels=[0, 1, 2, 3]))


# --- enganos plausíveis: (verificação, função errada, trecho esperado na mensagem) ---------

def _not_implemented(*args):
    raise NotImplementedError


def naive_softmax(z):
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def global_max_softmax(z):
    e = np.exp(z - np.max(z))
    return e / np.sum(e, axis=-1, keepdims=True)


def columns_softmax(z):
    e = np.exp(z - np.max(z))
    return e / np.sum(e, axis=0, keepdims=True)


def whole_batch_softmax(z):
    e = np.exp(z - np.max(z))
    return e / np.sum(e)


def max_normalized_softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.max(e, axis=-1, keepdims=True)


def no_keepdims_softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1)


def axis1_softmax(z):
    e = np.exp(z - np.max(z, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


def int_one_hot(labels, n_classes):
    return one_hot(labels, n_classes).astype(int)


MISTAKES = {
    "softmax overflows on huge logits": ("check_softmax", naive_softmax, "subtraia o máximo"),
    "softmax subtracts the max of the whole batch": ("check_softmax", global_max_softmax,
                                                     "não muda"),
    "softmax along the wrong axis": ("check_softmax", columns_softmax, "não cada coluna"),
    "softmax normalizes the whole batch": ("check_softmax", whole_batch_softmax,
                                           "não o lote inteiro"),
    "softmax divides by the max": ("check_softmax", max_normalized_softmax,
                                   "SOMA das exponenciais, não pelo máximo"),
    "softmax without keepdims": ("check_softmax", no_keepdims_softmax, "keepdims=True"),
    "softmax only for batches (axis=1)": ("check_softmax", axis1_softmax, "axis=-1"),
    "softmax forgets the exponential": ("check_softmax", lambda z: z / np.sum(z, axis=-1, keepdims=True),
                                        "faltou a exponencial"),
    "softmax is the sigmoid": ("check_softmax", lambda z: 1 / (1 + np.exp(-np.clip(z, -500, 500))),
                               "isto é a sigmoide"),
    "softmax blank": ("check_softmax", _not_implemented, "ainda não foi implementada"),
    "one_hot infers the number of classes": (
        "check_one_hot", lambda labels, k: one_hot(labels, labels.max() + 1), "não `labels.max() + 1`"),
    "one_hot is transposed": ("check_one_hot", lambda labels, k: one_hot(labels, k).T,
                              "está transposta"),
    "one_hot returns integers": ("check_one_hot", int_one_hot, "deveria ser float"),
    "one_hot returns booleans": ("check_one_hot", lambda labels, k: one_hot(labels, k) == 1,
                                 "deveria ser float"),
    "one_hot counts labels from 1": ("check_one_hot", lambda labels, k: one_hot((labels - 1) % k, k),
                                     "os rótulos começam em 0"),
    "one_hot is inverted": ("check_one_hot", lambda labels, k: 1 - one_hot(labels, k),
                            "está invertido"),
    "cross_entropy sums instead of averaging": (
        "check_cross_entropy", lambda y, p: -np.sum(y * np.log(p)), "faltou dividir por n"),
    "cross_entropy forgets the minus (deck 000)": (
        "check_cross_entropy", lambda y, p: np.mean(np.sum(y * np.log(p), axis=1)),
        "faltou o sinal de menos"),
    "cross_entropy averages over every entry": (
        "check_cross_entropy", lambda y, p: -np.mean(y * np.log(p)), "primeiro some nas k classes"),
    "cross_entropy with log10": (
        "check_cross_entropy", lambda y, p: -np.mean(np.sum(y * np.log10(p), axis=1)),
        "não `np.log10`"),
    "cross_entropy returns one value per sample": (
        "check_cross_entropy", lambda y, p: -np.sum(y * np.log(p), axis=1), "esqueceu de reduzir"),
    "cross_entropy with the binary formula": (
        "check_cross_entropy",
        lambda y, p: -np.mean(np.sum(y * np.log(p) + (1 - y) * np.log(1 - p), axis=1)),
        "fórmula binária"),
    "cross_entropy with the arguments swapped": (
        "check_cross_entropy", lambda y, p: -np.mean(np.sum(p * np.log(y), axis=1)),
        "confira a ordem dos argumentos"),
    "cross_entropy with math.log": (
        "check_cross_entropy", lambda y, p: -np.mean(np.sum(y * math.log(p), axis=1)),
        "softmax.math_on_arrays"),
    "cross_entropy blank": ("check_cross_entropy", _not_implemented, "ainda não foi implementada"),
}


def test_a_notebook_that_silences_numpy_warnings_still_fails_the_stability_check():
    with np.errstate(all="ignore"):
        with pytest.raises(AssertionError, match="subtraia o máximo"):
            checks.check_softmax(naive_softmax)


@pytest.mark.parametrize("protect", [
    lambda p: p + 1e-7,                                    # o ε do Keras
    lambda p: p + 1e-5,                                    # o maior ε que o enunciado aceita
    lambda p: np.clip(p, 1e-7, 1 - 1e-7),                  # o corte
], ids=["eps-1e-7", "eps-1e-5", "clip"])
def test_an_epsilon_inside_the_log_is_accepted_as_the_exercise_says(protect, capsys):
    checks.check_cross_entropy(lambda y, p: -np.mean(np.sum(y * np.log(protect(p)), axis=1)))
    assert "✅ check_cross_entropy" in capsys.readouterr().out


def test_an_epsilon_far_beyond_the_exercise_is_rejected():
    with pytest.raises(AssertionError, match="entropia cruzada está errado"):
        checks.check_cross_entropy(lambda y, p: -np.mean(np.sum(y * np.log(p + 1e-2), axis=1)))
