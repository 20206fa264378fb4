"""As respostas de referência de ``ex_xor_mlp``, em numpy puro: as tabelas-verdade das portas e o
treino da rede do XOR por retropropagação (com os enganos que as dicas reconhecem).
"""

import itertools

import numpy as np

from ..reference import sigmoid, step

__all__ = ["INPUTS", "INPUTS3", "X_XOR", "Y_XOR", "GATES", "GATES3", "AND_NOT_TABLE",
           "MAJORITY_TABLE", "EXACTLY_ONE_TABLE", "PARITY_TABLE", "AT_LEAST_ONE_TABLE",
           "AT_MOST_ONE_TABLE", "step_table", "xor_init", "xor_forward", "xor_train", "cost"]

INPUTS = ((0, 0), (0, 1), (1, 0), (1, 1))
INPUTS3 = tuple(itertools.product((0, 1), repeat=3))     # (0, 0, 0), (0, 0, 1), ..., (1, 1, 1)
X_XOR = np.array(INPUTS, dtype=float)
Y_XOR = np.array([[0.0], [1.0], [1.0], [0.0]])


def _table(rule, inputs):
    return tuple(int(bool(rule(*x))) for x in inputs)


# Tabelas-verdade, para dar nome ao que veio. Duas entradas: (0, 0), (0, 1), (1, 0), (1, 1).
GATES = {
    (0, 0, 0, 1): "AND", (0, 1, 1, 1): "OR", (0, 1, 1, 0): "XOR",
    (1, 1, 1, 0): "NAND", (1, 0, 0, 0): "NOR", (1, 0, 0, 1): "XNOR",
    (0, 0, 1, 1): "a cópia de x1", (0, 1, 0, 1): "a cópia de x2",
    (1, 1, 0, 0): "NOT x1", (1, 0, 1, 0): "NOT x2",
    (0, 0, 1, 0): "\"x1 e não x2\"", (0, 1, 0, 0): "\"x2 e não x1\"",
    (1, 1, 0, 1): "\"x2 ou não x1\"", (1, 0, 1, 1): "\"x1 ou não x2\"",
    (0, 0, 0, 0): "a constante 0", (1, 1, 1, 1): "a constante 1",
}
# Três entradas, na ordem de INPUTS3.
AND_NOT_TABLE = _table(lambda a, b: a and not b, INPUTS)
MAJORITY_TABLE = _table(lambda a, b, c: a + b + c >= 2, INPUTS3)
EXACTLY_ONE_TABLE = _table(lambda a, b, c: a + b + c == 1, INPUTS3)
PARITY_TABLE = _table(lambda a, b, c: (a + b + c) % 2, INPUTS3)
AT_LEAST_ONE_TABLE = _table(lambda a, b, c: a + b + c >= 1, INPUTS3)
AT_MOST_ONE_TABLE = _table(lambda a, b, c: a + b + c <= 1, INPUTS3)
GATES3 = {
    AT_LEAST_ONE_TABLE: "\"pelo menos uma\" (o OR das três)",
    _table(lambda a, b, c: a and b and c, INPUTS3): "\"as três\" (o AND das três)",
    MAJORITY_TABLE: "\"pelo menos duas\" (a maioria)",
    _table(lambda a, b, c: a + b + c == 2, INPUTS3): "\"exatamente duas\"",
    PARITY_TABLE: "a paridade (o XOR das três)",
    AT_MOST_ONE_TABLE: "\"no máximo uma\"",
    _table(lambda a, b, c: a + b + c == 0, INPUTS3): "\"nenhuma\" (o NOR das três)",
    _table(lambda a, b, c: a + b + c != 1, INPUTS3): "o contrário de \"exatamente uma\"",
    _table(lambda a, b, c: a ^ b, INPUTS3): "o XOR de x1 e x2 (x3 ficou de fora)",
    _table(lambda a, b, c: 0, INPUTS3): "a constante 0",
    _table(lambda a, b, c: 1, INPUTS3): "a constante 1",
}


def step_table(w, b, inputs, strict=False):
    """Saídas do perceptron ``degrau(w·x + b)``; ``strict`` usa ``z > 0``, a convenção de
    Mansano, Gengo e Caridá."""
    z = np.array([np.dot(w, x) for x in inputs]) + b
    return tuple(int(v) for v in ((z > 0) if strict else step(z)))


# --- a rede do XOR: 2 entradas → ``hidden`` sigmoides → 1 sigmoide ---------------------------

def xor_init(hidden, seed, legacy=False):
    """W ~ N(0, 1) sorteados com ``default_rng(seed)``, W1 antes de W2; vieses zerados."""
    g = np.random.RandomState(seed) if legacy else np.random.default_rng(seed)
    W1 = g.normal(0.0, 1.0, size=(2, hidden))
    W2 = g.normal(0.0, 1.0, size=(hidden, 1))
    return {"W1": W1, "b1": np.zeros(hidden), "W2": W2, "b2": np.zeros(1)}


def xor_forward(p, X=X_XOR, linear_hidden=False):
    """``(A1, P)``: as ativações escondidas e a saída da rede nas entradas ``X``."""
    Z1 = X @ p["W1"] + p["b1"]
    A1 = Z1 if linear_hidden else sigmoid(Z1)
    return A1, sigmoid(A1 @ p["W2"] + p["b2"])


def xor_train(hidden, lr, epochs, seed, mistake=None):
    """Gradiente descendente em lote na entropia cruzada binária média; ``mistake`` simula enganos."""
    p = xor_init(hidden, seed)
    X, Y, n = X_XOR, Y_XOR, len(X_XOR)
    for _ in range(epochs):
        A1, P = xor_forward(p, linear_hidden=mistake == "linear_hidden")
        dZ2 = {"mse": 2 * (P - Y) * P * (1 - P) / n, "mse_half": (P - Y) * P * (1 - P) / n,
               "sum": P - Y}.get(mistake, (P - Y) / n)
        dW2, db2 = A1.T @ dZ2, dZ2.sum(axis=0)
        W2_for_delta1 = p["W2"] - lr * dW2 if mistake == "W2_updated_first" else p["W2"]
        dA1 = dZ2 @ W2_for_delta1.T
        if mistake in ("linear_hidden", "no_hidden_derivative"):
            dZ1 = dA1
        else:
            dZ1 = dA1 * A1 * (1 - A1)
        g = {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=0), "W2": dW2, "b2": db2}
        if mistake == "no_bias":
            g["b1"], g["b2"] = 0 * g["b1"], 0 * g["b2"]
        if mistake == "bias_sum_no_axis":
            g["b1"] = dZ1.sum()
        if mistake == "bias_mean":
            g["b1"], g["b2"] = dZ1.mean(axis=0), dZ2.mean(axis=0)
        sign = -1.0 if mistake == "sign" else 1.0
        p = {k: p[k] - sign * lr * g[k] for k in p}
    return p


def cost(P):
    """A entropia cruzada binária média da saída ``P`` (4, 1) nas quatro entradas do XOR."""
    P = np.clip(P, 1e-12, 1 - 1e-12)
    return float(-np.mean(Y_XOR * np.log(P) + (1 - Y_XOR) * np.log(1 - P)))
