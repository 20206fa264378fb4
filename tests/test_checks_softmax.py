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


def logits_for(probs):
    return np.log(probs)


REFERENCE = {
    "check_softmax": softmax, "check_logits_for": logits_for, "check_one_hot": one_hot,
    "check_cross_entropy": cross_entropy,
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


def mean_shifted_softmax(z):
    e = np.exp(z - np.mean(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def min_shifted_softmax(z):
    e = np.exp(z - np.min(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def numerator_shifted_softmax(z):
    return np.exp(z - np.max(z, axis=-1, keepdims=True)) / np.sum(np.exp(z), axis=-1,
                                                                   keepdims=True)


def in_place_softmax(z):
    z -= np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def math_softmax(z):
    m = max(z)
    e = [math.exp(v - m) for v in z]
    return np.array(e) / sum(e)


def always_2d_softmax(z):
    z = np.atleast_2d(z)
    return softmax(z)


def loop_softmax(z):
    """Laços explícitos, linha por linha, com ``math``."""
    z = np.asarray(z, dtype=float)
    rows = z.reshape(-1, z.shape[-1])
    out = np.empty_like(rows)
    for i, row in enumerate(rows):
        m = max(row)
        e = [math.exp(v - m) for v in row]
        total = sum(e)
        for j in range(len(row)):
            out[i, j] = e[j] / total
    return out.reshape(z.shape)


def log_softmax_then_exp(z):
    shifted = z - np.max(z, axis=-1, keepdims=True)
    return np.exp(shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True)))


def whole_columns_one_hot(labels, n_classes):
    Y = np.zeros((len(labels), n_classes))
    Y[:, labels] = 1.0
    return Y


def loop_one_hot(labels, n_classes):
    rows = []
    for label in labels:
        row = [0.0] * n_classes
        row[label] = 1.0
        rows.append(row)
    return rows


def in_place_cross_entropy(y_onehot, probs):
    probs += 1e-7                           # o ε do Keras, mas no array de quem chamou
    return -np.mean(np.sum(y_onehot * np.log(probs), axis=1))


def loop_cross_entropy(y, p):
    total = 0.0
    for i in range(len(y)):
        for j in range(len(y[i])):
            if y[i][j] == 1:
                total -= math.log(p[i][j])
    return total / len(y)


def whole_batch_after_row_max(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e)


MISTAKES = {
    "softmax divides by the sum of the whole batch (after the row max)": (
        "check_softmax", whole_batch_after_row_max, "softmax.normalizes_whole_batch"),
    "logits_for with log2": ("check_logits_for", lambda p: np.log2(p), "softmax.logits_log10"),
    "logits_for forgets the return": ("check_logits_for", lambda p: None, "common.missing_return"),
    "cross_entropy takes the log of y times p": (
        "check_cross_entropy", lambda y, p: -np.mean(np.sum(np.log(y * p), axis=1)),
        "`y * np.log(p)`, não `np.log(y * p)`"),
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
        "Confira também a ordem dos argumentos"),
    "cross_entropy with math.log": (
        "check_cross_entropy", lambda y, p: -np.mean(np.sum(y * math.log(p), axis=1)),
        "softmax.math_on_arrays"),
    "cross_entropy blank": ("check_cross_entropy", _not_implemented, "ainda não foi implementada"),
    # --- issue 13: a varredura de enganos ---
    "softmax subtracts the mean": ("check_softmax", mean_shifted_softmax, "softmax.unstable_exp"),
    "softmax subtracts the min": ("check_softmax", min_shifted_softmax, "softmax.unstable_exp"),
    "softmax shifts only the numerator": ("check_softmax", numerator_shifted_softmax,
                                          "softmax.shift_only_numerator"),
    "softmax with z -= max (in place)": ("check_softmax", in_place_softmax, "`z -= ...`"),
    "softmax with Python max and math.exp": ("check_softmax", math_softmax,
                                             "softmax.python_max_on_batch"),
    "softmax with math.exp on arrays": (
        "check_softmax", lambda z: np.array(math.exp(z - np.max(z, axis=-1, keepdims=True))),
        "softmax.math_on_arrays"),
    "softmax always returns a matrix": ("check_softmax", always_2d_softmax, "softmax.shape_changed"),
    "logits_for returns the probabilities": ("check_logits_for", lambda p: p,
                                             "softmax.logits_are_probs"),
    "logits_for with the exponential": ("check_logits_for", np.exp, "softmax.logits_exp"),
    "logits_for with log10": ("check_logits_for", np.log10, "softmax.logits_log10"),
    "logits_for with the minus sign": ("check_logits_for", lambda p: -np.log(p),
                                       "softmax.logits_minus"),
    "logits_for inverts the sigmoid": ("check_logits_for", lambda p: np.log(p / (1 - p)),
                                       "softmax.logits_inverse_sigmoid"),
    "logits_for with np.log(probs, out=probs)": ("check_logits_for",
                                                 lambda p: np.log(p, out=p),
                                                 "common.mutated_input"),
    "logits_for returns one number": ("check_logits_for", lambda p: np.log(p.max()),
                                      "um logit por classe"),
    "logits_for blank": ("check_logits_for", _not_implemented, "ainda não foi implementada"),
    "one_hot sets whole columns": ("check_one_hot", whole_columns_one_hot,
                                   "softmax.one_hot_whole_columns"),
    "one_hot with np.eye(len(labels))": ("check_one_hot",
                                         lambda labels, k: np.eye(len(labels))[labels],
                                         "softmax.one_hot_n_by_n"),
    "cross_entropy ignores the labels": ("check_cross_entropy",
                                         lambda y, p: -np.mean(np.sum(np.log(p), axis=1)),
                                         "softmax.ce_ignores_labels"),
    "cross_entropy applies the softmax again": (
        "check_cross_entropy", lambda y, p: cross_entropy(y, softmax(p)),
        "softmax.ce_softmax_again"),
    "cross_entropy uses the largest probability": (
        "check_cross_entropy", lambda y, p: -np.mean(np.log(np.max(p, axis=1))),
        "softmax.ce_uses_max_prob"),
    "cross_entropy with a big epsilon (1e-2)": (
        "check_cross_entropy", lambda y, p: -np.mean(np.sum(y * np.log(p + 1e-2), axis=1)),
        "softmax.ce_big_epsilon"),
    "cross_entropy sums over the samples first (axis=0)": (
        "check_cross_entropy", lambda y, p: -np.mean(np.sum(y * np.log(p), axis=0)),
        "softmax.ce_mean_over_classes"),
    "cross_entropy with probs += 1e-7 (in place)": ("check_cross_entropy", in_place_cross_entropy,
                                                    "`probs += ...`"),
}

ALTERNATIVES = {
    "softmax with explicit loops and math": ("check_softmax", loop_softmax),
    "softmax through the log-softmax": ("check_softmax", log_softmax_then_exp),
    "softmax with np.amax and np.divide": (
        "check_softmax",
        lambda z: np.divide(np.exp(z - np.amax(z, axis=-1, keepdims=True)),
                            np.exp(z - np.amax(z, axis=-1, keepdims=True)).sum(-1, keepdims=True))),
    "logits_for relative to the last class": ("check_logits_for", lambda p: np.log(p / p[-1])),
    "logits_for shifted by a constant": ("check_logits_for", lambda p: np.log(p) + 5.0),
    "logits_for with math.log in a list": ("check_logits_for",
                                           lambda p: [math.log(v) for v in p]),
    "logits_for centred on zero": ("check_logits_for",
                                   lambda p: np.log(p) - np.mean(np.log(p))),
    "logits_for with an epsilon": ("check_logits_for", lambda p: np.log(p + 1e-7)),
    "one_hot with np.eye": ("check_one_hot", lambda labels, k: np.eye(k)[labels]),
    "one_hot as a list of lists": ("check_one_hot", loop_one_hot),
    "cross_entropy with loops and math.log": ("check_cross_entropy", loop_cross_entropy),
    "cross_entropy picking the right probability": (
        "check_cross_entropy",
        lambda y, p: -np.mean(np.log(p[np.arange(len(y)), np.argmax(y, axis=1)]))),
    "cross_entropy as a sum divided by len": ("check_cross_entropy",
                                              lambda y, p: -np.sum(y * np.log(p)) / len(y)),
    "cross_entropy with np.clip": ("check_cross_entropy",
                                   lambda y, p: -np.mean(np.sum(y * np.log(np.clip(p, 1e-7, 1)),
                                                                axis=1))),
}


@pytest.mark.parametrize("relative", [2e-3, -2e-3, 1e-2])
def test_a_near_correct_cross_entropy_on_one_sample_is_not_told_to_divide_by_n(relative):
    # Na entrada com n = 1, somar e tirar a média dão o mesmo número: a dica "faltou dividir
    # por n" não se distingue do certo ali, e um valor quase certo (fora da tolerância por um
    # fio) não pode recebê-la.
    def near(y, p):
        return cross_entropy(y, p) * (1 + relative)

    with pytest.raises(AssertionError) as failure:
        checks.check_cross_entropy(near)
    assert "n = 1" not in str(failure.value) and "um pato" in str(failure.value)
    assert "softmax.ce_sum_not_mean" not in [h.id for h in failure.value.hints]
    assert "faltou dividir por n" not in str(failure.value)


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
