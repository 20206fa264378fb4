"""As verificações de ``ex_xor_mlp`` aceitam a resposta certa e recusam os enganos comuns.

Cada engano abaixo é um erro plausível de aluno; a verificação deve recusá-lo
com uma mensagem que aponte o problema (e, quando dá, a dica certa).
"""

import types

import numpy as np
import pytest

from nn_helpers.grading import ex_xor_mlp as checks


# --- a resposta de referência ------------------------------------------------------------

def perceptron(inputs, weights):
    """A célula fornecida do notebook: degrau(w·x + b), com 1 se z >= 0 (deck 004)."""
    w, b = weights
    z = np.dot(w, inputs) + b
    return 1 if z >= 0 else 0


AND_WEIGHTS = ([1.0, 1.0], -1.5)
OR_WEIGHTS = ([1.0, 1.0], -0.5)
NOT_WEIGHTS = ([-1.0], 0.5)


def xor(x1, x2):
    at_least_one = perceptron([x1, x2], OR_WEIGHTS)
    not_both = perceptron([perceptron([x1, x2], AND_WEIGHTS)], NOT_WEIGHTS)
    return perceptron([at_least_one, not_both], AND_WEIGHTS)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def make_train_xor(mistake=None):
    """train_xor de referência; ``mistake`` liga um engano de aluno."""
    def train_xor(hidden=4, lr=5.0, epochs=1000, seed=0):
        X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
        Y = np.array([[0], [1], [1], [0]], dtype=float)
        rng = np.random.default_rng(0 if mistake == "fixed_seed" else seed)
        if mistake == "unseeded":
            rng = np.random.default_rng()
        if mistake == "legacy":
            rng = np.random.RandomState(seed)    # np.random.seed(seed) + np.random.normal
        scale = 0.1 if mistake == "small_init" else 1.0
        W1 = rng.normal(0, scale, size=(2, hidden))
        W2 = rng.normal(0, scale, size=(hidden, 1))
        b1, b2 = np.zeros(hidden), np.zeros(1)
        for _ in range(epochs + 1 if mistake == "extra_epoch" else epochs):
            Z1 = X @ W1 + b1
            A1 = Z1 if mistake == "linear_hidden" else sigmoid(Z1)
            P = sigmoid(A1 @ W2 + b2)
            dZ2 = (P - Y) if mistake == "sum" else (P - Y) / len(X)
            if mistake == "mse":
                dZ2 = 2 * (P - Y) * P * (1 - P) / len(X)
            dW2, db2 = A1.T @ dZ2, dZ2.sum(axis=0)
            if mistake == "W2_updated_first":
                W2 = W2 - lr * dW2
            dZ1 = dZ2 @ W2.T
            if mistake not in ("linear_hidden", "no_hidden_derivative"):
                dZ1 = dZ1 * A1 * (1 - A1)
            dW1, db1 = X.T @ dZ1, dZ1.sum(axis=0)
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
        return params
    return train_xor


train_xor = make_train_xor()

REFERENCE = {
    "check_logic_weights": (AND_WEIGHTS, OR_WEIGHTS, NOT_WEIGHTS),
    "check_xor": (xor,),
    "check_train_xor": (train_xor,),
}


def test_trained_network_computes_xor_on_all_four_inputs():
    params = train_xor(hidden=4, lr=5.0, epochs=1000, seed=0)
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    P = sigmoid(sigmoid(X @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"])
    assert list((P[:, 0] >= 0.5).astype(int)) == [0, 1, 1, 0]


# --- respostas certas escritas de outro jeito também passam -------------------------------

def AND(a, b):
    return perceptron(np.array([a, b]), AND_WEIGHTS)


def OR(a, b):
    return perceptron(np.array([a, b]), OR_WEIGHTS)


def NOT(a):
    return perceptron([a], weights=NOT_WEIGHTS)


def xor_with_helpers(x1, x2):
    """Pelo menos um, e não os dois."""
    return AND(OR(x1, x2), NOT(AND(x1, x2)))


def xor_as_two_ands(x1, x2):
    def only_first(a, b):
        return perceptron([a, perceptron([b], NOT_WEIGHTS)], AND_WEIGHTS)
    return perceptron([only_first(x1, x2), only_first(x2, x1)], OR_WEIGHTS)


@pytest.mark.parametrize("answer", [xor_with_helpers, xor_as_two_ands], ids=lambda f: f.__name__)
def test_other_compositions_of_the_three_perceptrons_pass(answer):
    checks.check_xor(answer)


@pytest.mark.parametrize("weights", [
    (([1, 1], -2), ([1, 1], -1), ([-1], 0)),        # z = 0 vale 1 (deck 004): estes servem
    ((np.array([30.0, 30.0]), -50.0), (np.array([30.0, 30.0]), -20.0), ([-30.0], 10.0)),  # deck 003
])
def test_other_valid_weights_pass(weights):
    checks.check_logic_weights(*weights)


# --- enganos plausíveis: (verificação, argumentos, trecho esperado na mensagem) -------------

def _not_implemented(*args):
    raise NotImplementedError


def xor_with_not_equal(x1, x2):
    return int(x1 != x2)


def xor_with_caret(x1, x2):
    return x1 ^ x2


def xor_with_if(x1, x2):
    if perceptron([x1, x2], AND_WEIGHTS):
        return 0
    return perceptron([x1, x2], OR_WEIGHTS)


def xor_with_arithmetic(x1, x2):
    return perceptron([x1, x2], OR_WEIGHTS) - perceptron([x1, x2], AND_WEIGHTS)


def xor_with_numpy(x1, x2):
    return int(np.logical_xor(x1, x2))


def xor_with_own_weights(x1, x2):
    h1 = perceptron([x1, x2], OR_WEIGHTS)
    h2 = perceptron([x1, x2], AND_WEIGHTS)
    return perceptron([h1, h2], ([1.0, -1.0], -0.5))


def xor_with_table(x1, x2):
    return {(0, 0): 0, (0, 1): 1, (1, 0): 1, (1, 1): 0}[(x1, x2)]


def xor_like_deck_000(x1, x2):
    nand = perceptron([perceptron([x1, x2], AND_WEIGHTS)], NOT_WEIGHTS)
    either = perceptron([x1, x2], OR_WEIGHTS)
    return perceptron([perceptron([nand, either], AND_WEIGHTS)], NOT_WEIGHTS)


def xor_forgets_the_not(x1, x2):
    return perceptron([perceptron([x1, x2], OR_WEIGHTS), perceptron([x1, x2], AND_WEIGHTS)],
                      AND_WEIGHTS)


def xor_is_or(x1, x2):
    return perceptron([x1, x2], OR_WEIGHTS)


def _cheating_perceptron(inputs, weights):
    return int(inputs[0] != inputs[1])


# A resposta certa, mas com um `perceptron` redefinido que já calcula o XOR.
xor_with_redefined_perceptron = types.FunctionType(
    xor_is_or.__code__, dict(globals(), perceptron=_cheating_perceptron), "xor_is_or")

MISTAKES = {
    "weights blank": ("check_logic_weights", (None, None, None), "ainda não foi implementada"),
    "AND has the OR weights": ("check_logic_weights", (OR_WEIGHTS, OR_WEIGHTS, NOT_WEIGHTS),
                               "esses pesos calculam OR"),
    "AND and OR swapped": ("check_logic_weights", (OR_WEIGHTS, AND_WEIGHTS, NOT_WEIGHTS),
                           "não calcula AND"),
    "AND of deck 000 (z > 0)": ("check_logic_weights", (([1, 1], -1), OR_WEIGHTS, NOT_WEIGHTS),
                                "algum z dá exatamente 0"),
    "NOT keeps the input": ("check_logic_weights", (AND_WEIGHTS, OR_WEIGHTS, ([1.0], -0.5)),
                            "o NOT precisa de um peso negativo"),
    "NOT with two inputs": ("check_logic_weights", (AND_WEIGHTS, OR_WEIGHTS, ([-1, -1], 0.5)),
                            "uma entrada só"),
    "weights as a flat triple": ("check_logic_weights", ((1, 1, -1.5), OR_WEIGHTS, NOT_WEIGHTS),
                                 "deve ser uma tupla `(w, b)`"),
    "xor blank": ("check_xor", (_not_implemented,), "ainda não foi implementada"),
    "xor with !=": ("check_xor", (xor_with_not_equal,), "o operador `!=`"),
    "xor with ^": ("check_xor", (xor_with_caret,), "o operador `^`"),
    "xor with if": ("check_xor", (xor_with_if,), "um `if`"),
    "xor subtracts gates": ("check_xor", (xor_with_arithmetic,), "o operador `-`"),
    "xor with np.logical_xor": ("check_xor", (xor_with_numpy,),
                                "`np.logical_xor` não é um perceptron"),
    "xor with its own weights": ("check_xor", (xor_with_own_weights,),
                                 "use só AND_WEIGHTS, OR_WEIGHTS ou NOT_WEIGHTS"),
    "xor as a lookup table": ("check_xor", (xor_with_table,), "(uma tabela?)"),
    "xor like deck 000 (XNOR)": ("check_xor", (xor_like_deck_000,), "sua rede calcula XNOR"),
    "xor is just OR": ("check_xor", (xor_is_or,), "isto é OR"),
    "xor forgets the NOT (AND)": ("check_xor", (xor_forgets_the_not,), "sua rede calcula AND"),
    "xor is np.logical_xor itself": ("check_xor", (np.logical_xor,), "xor_mlp.source_unreadable"),
    "xor with a redefined perceptron": ("check_xor", (xor_with_redefined_perceptron,),
                                        "Não redefina `perceptron`"),
    "train_xor blank": ("check_train_xor", (_not_implemented,), "ainda não foi implementada"),
    "train_xor runs one epoch too many": ("check_train_xor", (make_train_xor("extra_epoch"),),
                                          "xor_mlp.one_extra_epoch"),
    "train_xor climbs the gradient": ("check_train_xor", (make_train_xor("sign"),),
                                      "sinal da atualização está trocado"),
    "train_xor forgets the bias gradients": ("check_train_xor", (make_train_xor("no_bias"),),
                                             "`b1` e `b2` não mudaram"),
    "train_xor without hidden sigmoid": ("check_train_xor", (make_train_xor("linear_hidden"),),
                                         "ficou sem a sigmoide"),
    "train_xor forgets the sigmoid derivative": (
        "check_train_xor", (make_train_xor("no_hidden_derivative"),), "derivada da sigmoide"),
    "train_xor uses the MSE gradient": ("check_train_xor", (make_train_xor("mse"),),
                                        "gradiente do erro quadrático"),
    "train_xor updates W2 before using it": (
        "check_train_xor", (make_train_xor("W2_updated_first"),), "δ1 usa o W2 de ANTES"),
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
    "train_xor returns a tuple": ("check_train_xor", (make_train_xor("tuple"),),
                                  "deve devolver um dicionário"),
    "train_xor transposes W1": ("check_train_xor", (make_train_xor("transposed"),),
                                "está transposto"),
}


def test_the_rule_is_explained_in_portuguese():
    with pytest.raises(AssertionError, match="a graça é mostrar que uma rede de perceptrons"):
        checks.check_xor(xor_with_caret)


def test_a_raising_function_reports_the_input_it_failed_on():
    def broken(x1, x2):
        return [x1][5]
    with pytest.raises(AssertionError, match=r"IndexError.*\n  entrada: xor\(0, 0\)"):
        checks.check_xor(broken)
