"""As verificações de ``ex_xor_mlp`` aceitam a resposta certa e recusam os enganos comuns.

Cada engano abaixo é um erro plausível de aluno; a verificação deve recusá-lo
com uma mensagem que aponte o problema (e, quando dá, a dica certa). As alternativas são
respostas certas escritas de outro jeito (outros pesos, outras redes, listas ou arrays...):
todas têm de passar.
"""

import itertools
import types

import numpy as np
import pytest

from nn_helpers.grading import ex_xor_mlp as checks
from nn_helpers.grading.ex_xor_mlp.solution import step_table


# --- a resposta de referência ------------------------------------------------------------

def perceptron(inputs, weights):
    """A célula fornecida do notebook: degrau(w·x + b), com 1 se z >= 0 (deck 004)."""
    w, b = weights
    z = np.dot(w, inputs) + b
    return 1 if z >= 0 else 0


# As portas do capítulo, que o notebook dá prontas.
AND_WEIGHTS = ([1.0, 1.0], -1.5)
OR_WEIGHTS = ([1.0, 1.0], -0.5)
NOT_WEIGHTS = ([-1.0], 0.5)

# Parte 1: duas portas que o capítulo não mostra.
AND_NOT_WEIGHTS = ([1.0, -1.0], -0.5)
MAJORITY_WEIGHTS = ([1.0, 1.0, 1.0], -1.5)

# Parte 2: "exatamente uma" = "pelo menos uma" e não "pelo menos duas".
AT_LEAST_ONE_WEIGHTS = ([1.0, 1.0, 1.0], -0.5)


def exactly_one(x1, x2, x3):
    at_least_one = perceptron([x1, x2, x3], AT_LEAST_ONE_WEIGHTS)
    at_least_two = perceptron([x1, x2, x3], MAJORITY_WEIGHTS)
    return perceptron([at_least_one, at_least_two], AND_NOT_WEIGHTS)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.array([[0], [1], [1], [0]], dtype=float)


def make_train_xor(mistake=None):
    """train_xor de referência; ``mistake`` liga um engano de aluno."""
    def train_xor(hidden=4, lr=5.0, epochs=1000, seed=0):
        rng = np.random.default_rng(0 if mistake == "fixed_seed" else seed)
        if mistake == "unseeded":
            rng = np.random.default_rng()
        if mistake == "legacy":
            rng = np.random.RandomState(seed)    # np.random.seed(seed) + np.random.normal
        scale = 0.1 if mistake == "small_init" else 1.0
        if mistake == "W2_drawn_first":
            W2 = rng.normal(0, scale, size=(hidden, 1))
            W1 = rng.normal(0, scale, size=(2, hidden))
        elif mistake == "uniform_init":
            W1 = rng.uniform(-1, 1, size=(2, hidden))
            W2 = rng.uniform(-1, 1, size=(hidden, 1))
        else:
            W1 = rng.normal(0, scale, size=(2, hidden))
            W2 = rng.normal(0, scale, size=(hidden, 1))
        b1, b2 = np.zeros(hidden), np.zeros(1)
        for _ in range(epochs + 1 if mistake == "extra_epoch" else epochs):
            Z1 = X @ W1 + b1
            A1 = Z1 if mistake == "linear_hidden" else sigmoid(Z1)
            P = sigmoid(A1 @ W2 + b2)
            dZ2 = (P - Y) if mistake == "sum" else (P - Y) / len(X)
            if mistake == "delta2_sign":
                dZ2 = (Y - P) / len(X)
            if mistake == "mse":
                dZ2 = 2 * (P - Y) * P * (1 - P) / len(X)
            if mistake == "mse_half":
                dZ2 = (P - Y) * P * (1 - P) / len(X)
            dW2, db2 = A1.T @ dZ2, dZ2.sum(axis=0)
            if mistake == "W2_updated_first":
                W2 = W2 - lr * dW2
            dZ1 = dZ2 @ W2.T
            if mistake not in ("linear_hidden", "no_hidden_derivative"):
                dZ1 = dZ1 * A1 * (1 - A1)
            dW1, db1 = X.T @ dZ1, dZ1.sum(axis=0)
            if mistake == "bias_sum_no_axis":
                db1 = dZ1.sum()
            if mistake == "bias_mean":
                db1, db2 = dZ1.mean(axis=0), dZ2.mean(axis=0)
            step = -lr if mistake == "sign" else lr
            W1 = W1 - step * dW1
            if mistake != "W2_updated_first":
                W2 = W2 - step * dW2
            if mistake != "no_bias":
                b1, b2 = b1 - step * db1, b2 - step * db2
        params = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
        if mistake == "tuple":
            return W1, b1, W2, b2
        if mistake == "transposed":
            params["W1"] = W1.T
        if mistake == "wrong_keys":
            return {"w1": W1, "b1": b1, "w2": W2, "b2": b2}
        if mistake == "b2_scalar_shape":
            params["b2"] = np.zeros((1, 1)) + b2
        return params
    return train_xor


train_xor = make_train_xor()

REFERENCE = {
    "check_gate_weights": (AND_NOT_WEIGHTS, MAJORITY_WEIGHTS),
    "check_exactly_one": (exactly_one,),
    "check_train_xor": (train_xor,),
}


def test_trained_network_computes_xor_on_all_four_inputs():
    params = train_xor(hidden=4, lr=5.0, epochs=1000, seed=0)
    P = sigmoid(sigmoid(X @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"])
    assert list((P[:, 0] >= 0.5).astype(int)) == [0, 1, 1, 0]


def test_every_gate_asked_of_one_perceptron_is_linearly_separable():
    # Nunca se pede a um perceptron só uma porta que nenhuma reta (plano) separa, como o XNOR:
    # cada tabela da parte 1 é a de algum perceptron de uma grade de pesos inteiros.
    grid = range(-3, 4)
    for inputs, table in [(checks.INPUTS, checks.AND_NOT_TABLE),
                          (checks.INPUTS3, checks.MAJORITY_TABLE)]:
        n = len(inputs[0])
        assert any(step_table(np.array(w[:n]), w[n] - 0.5, inputs) == table
                   for w in itertools.product(grid, repeat=n + 1))
    xnor = (1, 0, 0, 1)
    assert not any(step_table(np.array(w[:2]), w[2] - 0.5, checks.INPUTS) == xnor
                   for w in itertools.product(grid, repeat=3))


# --- respostas certas escritas de outro jeito também passam -------------------------------

def AND(a, b):
    return perceptron(np.array([a, b]), AND_WEIGHTS)


def NOT(a):
    return perceptron([a], weights=NOT_WEIGHTS)


def at_least_one(x1, x2, x3):
    return perceptron([x1, x2, x3], ([1, 1, 1], -0.5))


def at_least_two(x1, x2, x3):
    return perceptron([x1, x2, x3], MAJORITY_WEIGHTS)


def exactly_one_with_chapter_gates(x1, x2, x3):
    """AND(pelo menos uma, NOT(pelo menos duas)), com as portas do capítulo."""
    return AND(at_least_one(x1, x2, x3), NOT(at_least_two(x1, x2, x3)))


def exactly_one_with_literal_weights(x1, x2, x3):
    h1 = perceptron([x1, x2, x3], ([1, 1, 1], -0.5))
    h2 = perceptron([x1, x2, x3], ([1, 1, 1], -1.5))
    return perceptron([h1, h2], ([1, -1], -0.5))


def exactly_one_as_three_detectors(x1, x2, x3):
    """"Só x1" ou "só x2" ou "só x3": três perceptrons e um OR de três."""
    only_1 = perceptron([x1, x2, x3], ([1, -1, -1], -0.5))
    only_2 = perceptron([x1, x2, x3], ([-1, 1, -1], -0.5))
    only_3 = perceptron([x1, x2, x3], ([-1, -1, 1], -0.5))
    return perceptron([only_1, only_2, only_3], ([1, 1, 1], -0.5))


DETECTORS = [([1, -1, -1], -0.5), ([-1, 1, -1], -0.5), ([-1, -1, 1], -0.5)]


def exactly_one_with_a_list_of_weights(x1, x2, x3):
    """Os pesos da primeira camada numa lista, lidos com índices fixos."""
    hidden = [perceptron([x1, x2, x3], DETECTORS[0]), perceptron([x1, x2, x3], DETECTORS[1]),
              perceptron([x1, x2, x3], DETECTORS[2])]
    return perceptron(hidden, ([1, 1, 1], -0.5))


def xor(a, b):
    nand = perceptron([perceptron([a, b], AND_WEIGHTS)], NOT_WEIGHTS)
    return perceptron([perceptron([a, b], OR_WEIGHTS), nand], AND_WEIGHTS)


def exactly_one_as_parity_but_not_all(x1, x2, x3):
    """Paridade (XOR do XOR) e não "as três": uma rede mais funda, também certa."""
    all_three = perceptron([x1, x2, x3], ([1, 1, 1], -2.5))
    return perceptron([xor(xor(x1, x2), x3), all_three], AND_NOT_WEIGHTS)


def exactly_one_with_arrays_and_keywords(x1, x2, x3):
    x = np.array([x1, x2, x3])
    hidden = np.array([perceptron(x, weights=(np.array([2.0, 2.0, 2.0]), -1.0)),
                       perceptron(x, weights=(np.array([2.0, 2.0, 2.0]), -3.0))])
    return perceptron(inputs=hidden, weights=(np.array([2.0, -2.0]), -1.0))


def exactly_one_with_local_weights_and_a_helper(x1, x2, x3):
    def neuron(inputs, weights):            # uma camada com os pesos como parâmetro
        return perceptron(inputs, weights)
    w_hidden_1 = ([1, 1, 1], -0.5)
    w_hidden_2 = ([1, 1, 1], -1.5)
    w_out = ([1, -1], -0.5)
    return neuron([neuron([x1, x2, x3], w_hidden_1), neuron([x1, x2, x3], w_hidden_2)], w_out)


def exactly_one_with_ties_right_for_z_ge_0(x1, x2, x3):
    """Empates em z = 0 que a convenção z ≥ 0 resolve a favor: também certo."""
    h1 = perceptron([x1, x2, x3], ([1, 1, 1], -1))     # s ≥ 1
    h2 = perceptron([x1, x2, x3], ([1, 1, 1], -2))     # s ≥ 2
    return perceptron([h1, h2], ([1, -1], -1))


def exactly_one_with_np_ones(x1, x2, x3):
    x = [x1, x2, x3]
    return perceptron([perceptron(x, (np.ones(3), -0.5)), perceptron(x, (np.full(3, 1.0), -1.5))],
                      (np.array([1, -1]), -0.5))


def exactly_one_with_a_full_weight_from_the_input(x1, x2, x3):
    """np.full com uma entrada: o peso muda com a entrada (a verificação vê isso rodando)."""
    x = [x1, x2, x3]
    return perceptron(x, (np.full(3, perceptron([perceptron(x, MAJORITY_WEIGHTS)], NOT_WEIGHTS)),
                          -0.5))


exactly_one_as_lambda = lambda x1, x2, x3: perceptron(  # noqa: E731
    [perceptron([x1, x2, x3], ([1, 1, 1], -0.5)), perceptron([x1, x2, x3], ([1, 1, 1], -1.5))],
    ([1, -1], -0.5))


def train_xor_with_dot(hidden=4, lr=5.0, epochs=1000, seed=0):
    rng = np.random.default_rng(seed)
    W1, W2 = rng.normal(0, 1, size=(2, hidden)), rng.normal(0, 1, size=(hidden, 1))
    b1, b2 = np.zeros(hidden), np.zeros(1)
    for epoch in range(epochs):
        A1 = 1 / (1 + np.exp(-(np.dot(X, W1) + b1)))
        P = 1 / (1 + np.exp(-(np.dot(A1, W2) + b2)))
        d2 = (P - Y) / 4
        d1 = np.dot(d2, W2.T) * A1 * (1 - A1)
        W2, b2 = W2 - lr * np.dot(A1.T, d2), b2 - lr * np.sum(d2, axis=0)
        W1, b1 = W1 - lr * np.dot(X.T, d1), b1 - lr * np.sum(d1, axis=0)
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def train_xor_with_loops(hidden=4, lr=5.0, epochs=1000, seed=0):
    """Os gradientes somados amostra a amostra, com laços."""
    rng = np.random.default_rng(seed)
    W1 = rng.normal(0, 1, size=(2, hidden))
    W2 = rng.normal(0, 1, size=(hidden, 1))
    b1, b2 = np.zeros(hidden), np.zeros(1)
    for _ in range(epochs):
        gW1, gb1, gW2, gb2 = np.zeros_like(W1), np.zeros_like(b1), np.zeros_like(W2), np.zeros(1)
        for x, y in zip(X, Y):
            a1 = sigmoid(x @ W1 + b1)
            p = sigmoid(a1 @ W2 + b2)
            d2 = (p - y) / len(X)
            d1 = (W2[:, 0] * d2[0]) * a1 * (1 - a1)
            gW2 += np.outer(a1, d2)
            gb2 += d2
            gW1 += np.outer(x, d1)
            gb1 += d1
        W1, b1, W2, b2 = W1 - lr * gW1, b1 - lr * gb1, W2 - lr * gW2, b2 - lr * gb2
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def train_xor_with_tanh_sigmoid_and_a_dict(hidden=4, lr=5.0, epochs=1000, seed=0):
    """σ(z) = (1 + tanh(z/2))/2, e os parâmetros num dicionário atualizado chave a chave."""
    rng = np.random.default_rng(seed)
    p = {"W1": rng.normal(0, 1, size=(2, hidden)), "b1": np.zeros(hidden)}
    p["W2"], p["b2"] = rng.normal(0, 1, size=(hidden, 1)), np.zeros(1)
    s = lambda z: 0.5 * (1 + np.tanh(z / 2))  # noqa: E731
    for _ in range(epochs):
        A1 = s(X @ p["W1"] + p["b1"])
        P = s(A1 @ p["W2"] + p["b2"])
        d2 = (P - Y) / len(X)
        d1 = (d2 @ p["W2"].T) * A1 * (1 - A1)
        g = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": A1.T @ d2, "b2": d2.sum(axis=0)}
        for k in p:
            p[k] = p[k] - lr * g[k]
    return p


ALTERNATIVES = {
    "exactly_one with the first layer's weights in a list": ("check_exactly_one",
                                                            (exactly_one_with_a_list_of_weights,)),
    "integer weights, no input on z = 0": ("check_gate_weights", (([2, -2], -1), ([2, 2, 2], -3))),
    "ties that z >= 0 resolves the right way": ("check_gate_weights",
                                                (([1, -1], -1), ([1, 1, 1], -2))),
    "numpy arrays and numpy numbers": ("check_gate_weights",
                                       ((np.array([1.0, -1.0]), np.float64(-0.5)),
                                        (np.array([1, 1, 1]), np.array(-1.5)))),
    "lists instead of tuples, tuples for w": ("check_gate_weights",
                                              ([[1, -1], -0.5], [(1, 1, 1), -1.5])),
    "bias as a one-element list": ("check_gate_weights", (([1, -1], [-0.5]), ([1, 1, 1], [-1.5]))),
    "unequal weights that still work": ("check_gate_weights",
                                        (([3, -5], -1), ([1, 1, 1.2], -1.5))),
    "large weights (like the sigmoid nets of the decks)": ("check_gate_weights",
                                                           (([30, -30], -10), ([20, 20, 20], -30))),
    "exactly_one with the chapter's AND and NOT": ("check_exactly_one",
                                                   exactly_one_with_chapter_gates),
    "exactly_one with literal weights": ("check_exactly_one", exactly_one_with_literal_weights),
    "exactly_one as three 'only xi' detectors": ("check_exactly_one",
                                                 exactly_one_as_three_detectors),
    "exactly_one as parity and not all three": ("check_exactly_one",
                                                exactly_one_as_parity_but_not_all),
    "exactly_one with np.array and weights=": ("check_exactly_one",
                                               exactly_one_with_arrays_and_keywords),
    "exactly_one with local weights and a helper": ("check_exactly_one",
                                                    exactly_one_with_local_weights_and_a_helper),
    "exactly_one with ties z >= 0 gets right": ("check_exactly_one",
                                                exactly_one_with_ties_right_for_z_ge_0),
    "exactly_one as a lambda": ("check_exactly_one", exactly_one_as_lambda),
    "exactly_one with np.ones and np.full": ("check_exactly_one", exactly_one_with_np_ones),
    "train_xor with np.dot": ("check_train_xor", train_xor_with_dot),
    "train_xor with loops over the samples": ("check_train_xor", train_xor_with_loops),
    "train_xor with tanh and a dict": ("check_train_xor", train_xor_with_tanh_sigmoid_and_a_dict),
}


def test_the_notebook_perceptron_is_put_back_even_when_the_answer_fails():
    original = globals()["perceptron"]

    def broken(x1, x2, x3):
        perceptron([x1, x2, x3], MAJORITY_WEIGHTS)
        return [x1][5]
    with pytest.raises(AssertionError):
        checks.check_exactly_one(broken)
    assert globals()["perceptron"] is original


# --- enganos plausíveis: (verificação, argumentos, trecho esperado na mensagem) -------------

def _not_implemented(*args):
    raise NotImplementedError


def exactly_one_with_equals(x1, x2, x3):
    return int(x1 + x2 + x3 == 1)


def exactly_one_with_caret(x1, x2, x3):
    return x1 ^ x2 ^ x3


def exactly_one_with_if(x1, x2, x3):
    if perceptron([x1, x2, x3], MAJORITY_WEIGHTS):
        return 0
    return perceptron([x1, x2, x3], AT_LEAST_ONE_WEIGHTS)


def exactly_one_subtracts_gates(x1, x2, x3):
    return perceptron([x1, x2, x3], AT_LEAST_ONE_WEIGHTS) - perceptron([x1, x2, x3],
                                                                       MAJORITY_WEIGHTS)


def exactly_one_adds_the_inputs(x1, x2, x3):
    return perceptron([x1 + x2 + x3], ([-1], 1))


def exactly_one_with_sum(x1, x2, x3):
    return perceptron([sum([x1, x2, x3])], ([2], -1))


def exactly_one_with_numpy(x1, x2, x3):
    return int(np.count_nonzero([x1, x2, x3]) == 1)


def exactly_one_with_table(x1, x2, x3):
    return {(0, 0, 1): 1, (0, 1, 0): 1, (1, 0, 0): 1}.get((x1, x2, x3), 0)


def exactly_one_with_a_loop(x1, x2, x3):
    count = perceptron([0], ([0], -1))
    for x in (x1, x2, x3):
        count = perceptron([count, x], OR_WEIGHTS)
    return count


def exactly_one_as_parity(x1, x2, x3):
    return xor(xor(x1, x2), x3)


def exactly_one_is_at_least_one(x1, x2, x3):
    return perceptron([x1, x2, x3], AT_LEAST_ONE_WEIGHTS)


def exactly_one_is_not_majority(x1, x2, x3):
    return perceptron([perceptron([x1, x2, x3], MAJORITY_WEIGHTS)], NOT_WEIGHTS)


def exactly_one_inverted(x1, x2, x3):
    h1 = perceptron([x1, x2, x3], AT_LEAST_ONE_WEIGHTS)
    h2 = perceptron([x1, x2, x3], MAJORITY_WEIGHTS)
    return perceptron([h1, h2], ([-1, 1], 0.5))


def exactly_one_with_z_gt_0_thresholds(x1, x2, x3):
    h1 = perceptron([x1, x2, x3], ([1, 1, 1], -0.5))
    h2 = perceptron([x1, x2, x3], ([1, 1, 1], -1))      # "mais de uma", pensando em z > 0
    return perceptron([h1, h2], AND_NOT_WEIGHTS)


def exactly_one_forgets_x3(x1, x2, x3):
    return xor(x1, x2)


def exactly_one_is_majority(x1, x2, x3):
    return perceptron([x1, x2, x3], MAJORITY_WEIGHTS)


def exactly_one_gated_weights(x1, x2, x3):
    """Liga os pesos só quando menos de duas entradas valem 1: um peso que depende da entrada."""
    fewer_than_two = perceptron([perceptron([x1, x2, x3], MAJORITY_WEIGHTS)], NOT_WEIGHTS)
    return perceptron([x1, x2, x3], ([fewer_than_two, fewer_than_two, fewer_than_two], -0.5))


def exactly_one_returns_the_hidden_layer(x1, x2, x3):
    h1 = perceptron([x1, x2, x3], AT_LEAST_ONE_WEIGHTS)
    h2 = perceptron([x1, x2, x3], MAJORITY_WEIGHTS)
    return h1, h2


def exactly_one_forgets_return(x1, x2, x3):
    h1 = perceptron([x1, x2, x3], AT_LEAST_ONE_WEIGHTS)
    h2 = perceptron([x1, x2, x3], MAJORITY_WEIGHTS)
    perceptron([h1, h2], AND_NOT_WEIGHTS)


def exactly_one_swaps_the_arguments(x1, x2, x3):
    h1 = perceptron(AT_LEAST_ONE_WEIGHTS, [x1, x2, x3])
    h2 = perceptron(MAJORITY_WEIGHTS, [x1, x2, x3])
    return perceptron(AND_NOT_WEIGHTS, [h1, h2])


def _cheating_perceptron(inputs, weights):
    return int(sum(inputs) == 1)


# A resposta "pelo menos uma", mas com um `perceptron` redefinido que já calcula tudo.
exactly_one_with_redefined_perceptron = types.FunctionType(
    exactly_one_is_at_least_one.__code__, dict(globals(), perceptron=_cheating_perceptron),
    "exactly_one_is_at_least_one")

# Uma função sem código-fonte (criada por exec, como num terminal): não dá para ler a regra.
_namespace = {"perceptron": perceptron, "AT_LEAST_ONE_WEIGHTS": AT_LEAST_ONE_WEIGHTS}
exec("def exactly_one(x1, x2, x3):\n    return perceptron([x1, x2, x3], AT_LEAST_ONE_WEIGHTS)",
     _namespace)
exactly_one_without_source = _namespace["exactly_one"]

GOOD_MAJORITY = MAJORITY_WEIGHTS
GOOD_AND_NOT = AND_NOT_WEIGHTS

MISTAKES = {
    # parte 1: as portas de um perceptron só
    "weights blank": ("check_gate_weights", (None, None), "ainda não foi implementada"),
    "AND_NOT has the AND weights": ("check_gate_weights", (AND_WEIGHTS, GOOD_MAJORITY),
                                    "xor_mlp.and_not_needs_negative_weight"),
    "AND_NOT has the OR weights": ("check_gate_weights", (OR_WEIGHTS, GOOD_MAJORITY),
                                   "esses pesos calculam OR"),
    "AND_NOT with x1 and x2 swapped": ("check_gate_weights", (([-1, 1], -0.5), GOOD_MAJORITY),
                                       "esses pesos calculam \"x2 e não x1\""),
    "AND_NOT with a positive bias": ("check_gate_weights", (([1, -1], 0.5), GOOD_MAJORITY),
                                     "xor_mlp.bias_sign"),
    "AND_NOT with z > 0 in mind (b = 0)": ("check_gate_weights", (([1, -1], 0), GOOD_MAJORITY),
                                           "xor_mlp.tie_at_zero"),
    "AND_NOT with a weak inhibition": ("check_gate_weights", (([2, -1], -0.5), GOOD_MAJORITY),
                                       "xor_mlp.and_not_weak_inhibition"),
    "AND_NOT is NOR (all signs flipped)": ("check_gate_weights", (([-1, -1], 0.5), GOOD_MAJORITY),
                                           "esses pesos calculam NOR"),
    "MAJORITY is the OR of three": ("check_gate_weights", (GOOD_AND_NOT, ([1, 1, 1], -0.5)),
                                    "a saída vira 1 a partir de s = 1"),
    "MAJORITY is the AND of three": ("check_gate_weights", (GOOD_AND_NOT, ([1, 1, 1], -2.5)),
                                     "a saída vira 1 a partir de s = 3"),
    "MAJORITY with z > 0 in mind (b = -1)": ("check_gate_weights",
                                             (GOOD_AND_NOT, ([1, 1, 1], -1)), "xor_mlp.tie_at_zero"),
    "MAJORITY with a positive bias": ("check_gate_weights", (GOOD_AND_NOT, ([1, 1, 1], 1.5)),
                                      "xor_mlp.bias_sign"),
    "MAJORITY with a dead input": ("check_gate_weights", (GOOD_AND_NOT, ([1, 1, 0], -1.5)),
                                   "xor_mlp.majority_symmetric"),
    "MAJORITY with two weights": ("check_gate_weights", (GOOD_AND_NOT, ([1, 1], -1.5)),
                                  "deve ter 3 peso(s)"),
    "MAJORITY never fires": ("check_gate_weights", (GOOD_AND_NOT, ([1, 1, 1], -5)),
                             "a saída nunca vira 1"),
    "MAJORITY names the other gate": ("check_gate_weights", (GOOD_AND_NOT, ([1, 1, 1], -0.5)),
                                      "xor_mlp.weights_compute_other_gate"),
    "weights as a flat triple": ("check_gate_weights", ((1, -1, -0.5), GOOD_MAJORITY),
                                 "deve ser uma tupla `(w, b)`"),
    "MAJORITY as a flat list of four": ("check_gate_weights", (GOOD_AND_NOT, [1, 1, 1, -1.5]),
                                        "deve ser uma tupla `(w, b)`"),
    "bias written first": ("check_gate_weights", ((-0.5, [1, -1]), GOOD_MAJORITY),
                           "xor_mlp.bias_first"),
    "weights with NaN": ("check_gate_weights", (([np.nan, -1], -0.5), GOOD_MAJORITY),
                         "NaN ou infinito"),
    # parte 2: "exatamente uma" só com perceptrons
    "exactly_one blank": ("check_exactly_one", (_not_implemented,), "ainda não foi implementada"),
    "exactly_one with ==": ("check_exactly_one", (exactly_one_with_equals,), "o operador `==`"),
    "exactly_one with ^": ("check_exactly_one", (exactly_one_with_caret,), "o operador `^`"),
    "exactly_one with if": ("check_exactly_one", (exactly_one_with_if,), "um `if`"),
    "exactly_one subtracts gates": ("check_exactly_one", (exactly_one_subtracts_gates,),
                                    "o operador `-`"),
    "exactly_one adds the inputs": ("check_exactly_one", (exactly_one_adds_the_inputs,),
                                    "o operador `+`"),
    "exactly_one with sum": ("check_exactly_one", (exactly_one_with_sum,),
                             "`sum` não é um perceptron"),
    "exactly_one with np.count_nonzero": ("check_exactly_one", (exactly_one_with_numpy,),
                                          "o operador `==`"),
    "exactly_one as a lookup table": ("check_exactly_one", (exactly_one_with_table,),
                                      "(uma tabela?)"),
    "exactly_one with a loop": ("check_exactly_one", (exactly_one_with_a_loop,), "um laço `for`"),
    "exactly_one is the parity": ("check_exactly_one", (exactly_one_as_parity,),
                                  "xor_mlp.computes_parity"),
    "exactly_one is at least one": ("check_exactly_one", (exactly_one_is_at_least_one,),
                                    "xor_mlp.computes_at_least_one"),
    "exactly_one is at most one": ("check_exactly_one", (exactly_one_is_not_majority,),
                                   "xor_mlp.computes_at_most_one"),
    "exactly_one inverted": ("check_exactly_one", (exactly_one_inverted,),
                             "xor_mlp.computes_complement"),
    "exactly_one with z > 0 thresholds": ("check_exactly_one",
                                          (exactly_one_with_z_gt_0_thresholds,),
                                          "xor_mlp.network_tie_at_zero"),
    "exactly_one forgets x3": ("check_exactly_one", (exactly_one_forgets_x3,),
                               "xor_mlp.ignores_input"),
    "exactly_one is the majority": ("check_exactly_one", (exactly_one_is_majority,),
                                    "xor_mlp.computes_other_gate"),
    "exactly_one with weights that depend on the input": (
        "check_exactly_one", (exactly_one_gated_weights,), "xor_mlp.weights_depend_on_input"),
    "exactly_one with np.full of a perceptron as weights": (
        "check_exactly_one", (exactly_one_with_a_full_weight_from_the_input,),
        "xor_mlp.weights_depend_on_input"),
    "exactly_one returns the hidden layer": ("check_exactly_one",
                                             (exactly_one_returns_the_hidden_layer,),
                                             "deveria devolver um número"),
    "exactly_one forgets the return": ("check_exactly_one", (exactly_one_forgets_return,),
                                       "xor_mlp.missing_return"),
    "exactly_one swaps perceptron's arguments": ("check_exactly_one",
                                                 (exactly_one_swaps_the_arguments,),
                                                 "xor_mlp.arguments_swapped"),
    "exactly_one with a redefined perceptron": ("check_exactly_one",
                                                (exactly_one_with_redefined_perceptron,),
                                                "Não redefina `perceptron`"),
    "exactly_one without source code": ("check_exactly_one", (exactly_one_without_source,),
                                        "xor_mlp.source_unreadable"),
    # parte 3: train_xor
    "train_xor blank": ("check_train_xor", (_not_implemented,), "ainda não foi implementada"),
    "train_xor runs one epoch too many": ("check_train_xor", (make_train_xor("extra_epoch"),),
                                          "xor_mlp.one_extra_epoch"),
    "train_xor climbs the gradient": ("check_train_xor", (make_train_xor("sign"),),
                                      "xor_mlp.update_sign"),
    "train_xor forgets the bias gradients": ("check_train_xor", (make_train_xor("no_bias"),),
                                             "`b1` e `b2` não mudaram"),
    "train_xor without hidden sigmoid": ("check_train_xor", (make_train_xor("linear_hidden"),),
                                         "ficou sem a sigmoide"),
    "train_xor forgets the sigmoid derivative": (
        "check_train_xor", (make_train_xor("no_hidden_derivative"),), "derivada da sigmoide"),
    "train_xor uses the MSE gradient": ("check_train_xor", (make_train_xor("mse"),),
                                        "gradiente do erro quadrático"),
    "train_xor uses the MSE gradient without the 2": ("check_train_xor",
                                                      (make_train_xor("mse_half"),),
                                                      "xor_mlp.mse_gradient"),
    "train_xor updates W2 before using it": (
        "check_train_xor", (make_train_xor("W2_updated_first"),), "δ1 usa o W2 de ANTES"),
    "train_xor flips the sign of delta2": ("check_train_xor", (make_train_xor("delta2_sign"),),
                                           "xor_mlp.update_sign"),
    "train_xor sums db1 without an axis": ("check_train_xor", (make_train_xor("bias_sum_no_axis"),),
                                           "xor_mlp.bias_sum_no_axis"),
    "train_xor averages the bias gradients": ("check_train_xor", (make_train_xor("bias_mean"),),
                                              "xor_mlp.bias_grad_mean"),
    "train_xor sums instead of averaging": ("check_train_xor", (make_train_xor("sum"),),
                                            "faltou dividir por n = 4"),
    "train_xor without a seed": ("check_train_xor", (make_train_xor("unseeded"),),
                                 "np.random.default_rng(seed)"),
    "train_xor ignores the seed": ("check_train_xor", (make_train_xor("fixed_seed"),),
                                   "a semente está sendo ignorada"),
    "train_xor with the legacy generator": ("check_train_xor", (make_train_xor("legacy"),),
                                            "isto é o gerador antigo"),
    "train_xor starts from other weights": ("check_train_xor", (make_train_xor("small_init"),),
                                            "os pesos iniciais pedidos"),
    "train_xor draws W2 before W1": ("check_train_xor", (make_train_xor("W2_drawn_first"),),
                                     "(nesta ordem)"),
    "train_xor draws uniform weights": ("check_train_xor", (make_train_xor("uniform_init"),),
                                        "rng.normal(0, 1, size=(2, hidden))"),
    "train_xor returns a tuple": ("check_train_xor", (make_train_xor("tuple"),),
                                  "como um dicionário"),
    "train_xor returns lowercase keys": ("check_train_xor", (make_train_xor("wrong_keys"),),
                                         "como um dicionário com as chaves"),
    "train_xor transposes W1": ("check_train_xor", (make_train_xor("transposed"),),
                                "está transposto"),
    "train_xor returns b2 as (1, 1)": ("check_train_xor", (make_train_xor("b2_scalar_shape"),),
                                       "params['b2'] deveria ter forma (1,)"),
}


def test_the_rule_is_explained_in_portuguese():
    with pytest.raises(AssertionError, match="a graça é mostrar que uma rede de perceptrons"):
        checks.check_exactly_one(exactly_one_with_caret)


def test_a_raising_function_reports_the_input_it_failed_on():
    def broken(x1, x2, x3):
        return [x1][5]
    with pytest.raises(AssertionError, match=r"IndexError.*\n  entrada: exactly_one\(0, 0, 0\)"):
        checks.check_exactly_one(broken)


def test_a_wrong_table_lists_only_the_wrong_rows():
    with pytest.raises(AssertionError) as failure:
        checks.check_exactly_one(exactly_one_as_parity)
    message = str(failure.value)
    assert "errou 1 das 8 entradas" in message
    assert "exactly_one(1, 1, 1) → esperado 0, recebido 1" in message
    assert "(0, 0, 1) →" not in message


def test_the_success_lines_print_the_figures(capsys):
    checks.check_exactly_one(exactly_one_as_three_detectors)
    assert "a sua rede usa 4 perceptrons; a da solução do curso usa 3" in (
        capsys.readouterr().out)
    checks.check_train_xor(train_xor)
    out = capsys.readouterr().out
    assert "custo final (entropia cruzada) com seed=0:" in out and "a solução do curso:" in out
