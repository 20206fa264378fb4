"""A rede de referência de ``ex_backprop``, em numpy puro — e os enganos que as dicas reconhecem.

As contas aceitam ``mistake``: o nome de um engano comum de aluno (``None``, a conta certa). As
verificações comparam a resposta do aluno com a certa e, se ela errar, com cada engano. Aqui
estão também os dois ``backward`` com defeito que o ``gradient_check`` do aluno tem de denunciar.
"""

import numpy as np

from ..params import KEYS, copy
from ..reference import sigmoid, softmax

__all__ = ["init", "forward", "loss", "backward", "backward_without_sigmoid_derivative",
           "backward_doubling_dW2", "random_params", "one_hot", "relative_error",
           "numerical_gradient", "gradient_check_errors", "train"]


def init(n_in, n_hidden, n_out, seed, mistake=None):
    """W ~ N(0, 1/fan_in) sorteados com ``default_rng(seed)``, W1 antes de W2; vieses zerados."""
    g = np.random.RandomState(seed) if mistake == "legacy" else np.random.default_rng(seed)
    s1, s2 = np.sqrt(1 / n_in), np.sqrt(1 / n_hidden)
    if mistake == "variance_as_std":
        s1, s2 = 1 / n_in, 1 / n_hidden
    elif mistake == "unscaled":
        s1 = s2 = 1.0
    elif mistake == "W2_with_n_in":
        s2 = s1
    if mistake == "W2_first":
        W2 = g.normal(0, s2, size=(n_hidden, n_out))
        W1 = g.normal(0, s1, size=(n_in, n_hidden))
    else:
        W1 = g.normal(0, s1, size=(n_in, n_hidden))
        W2 = g.normal(0, s2, size=(n_hidden, n_out))
    return {"W1": W1, "b1": np.zeros(n_hidden), "W2": W2, "b2": np.zeros(n_out)}


def forward(X, params, mistake=None):
    """``(P, cache)``: sigmoide na camada escondida, softmax por linha na saída.

    É também o ``forward`` certo que ``check_gradient_check`` entrega ao aluno.
    """
    Z1 = X @ params["W1"] + (0 if mistake == "no_bias" else params["b1"])
    A1 = {"no_hidden_activation": lambda z: z, "relu": lambda z: np.maximum(z, 0),
          "tanh": np.tanh}.get(mistake, sigmoid)(Z1)
    Z2 = A1 @ params["W2"] + (0 if mistake == "no_bias" else params["b2"])
    if mistake == "softmax_axis0":
        P = softmax(Z2, axis=0)
    elif mistake == "sigmoid_output":
        P = sigmoid(Z2)
    else:
        P = softmax(Z2)
    return P, {"Z1": Z1, "A1": A1, "Z2": Z2, "P": P}


def loss(X, Y, params):
    """A média da entropia cruzada categórica."""
    P, _ = forward(X, params)
    return -np.mean(np.sum(Y * np.log(P), axis=1))


def backward(X, Y, params, cache, mistake=None):
    """Os gradientes da média da entropia cruzada: δ2 = (P − Y) / n, δ1 = (δ2 W2ᵀ) ⊙ A1 ⊙ (1 − A1)."""
    n = len(X)
    A1, P = cache["A1"], cache["P"]
    dZ2 = (P - Y) / n
    if mistake == "softmax_as_sigmoid":
        dZ2 = (P - Y) * P * (1 - P) / n
    elif mistake == "only_dL_dP":
        dZ2 = -Y / P / n
    dA1 = dZ2 @ params["W2"].T
    if mistake == "no_hidden_derivative":
        dZ1 = dA1
    elif mistake == "derivative_of_A1":
        dZ1 = dA1 * sigmoid(A1) * (1 - sigmoid(A1))
    elif mistake == "derivative_from_Z1":
        dZ1 = dA1 * cache["Z1"] * (1 - cache["Z1"])
    else:
        dZ1 = dA1 * A1 * (1 - A1)
    g = {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=0), "W2": A1.T @ dZ2, "b2": dZ2.sum(axis=0)}
    if mistake == "dW2_from_Z1":
        g["W2"] = cache["Z1"].T @ dZ2
    if mistake == "bias_mean":
        g["b1"], g["b2"] = dZ1.mean(axis=0), dZ2.mean(axis=0)
    if mistake == "no_mean":
        g = {k: v * n for k, v in g.items()}
    if mistake == "double_mean":
        g = {k: v / n for k, v in g.items()}
    if mistake == "sign":
        g = {k: -v for k, v in g.items()}
    return g


def backward_without_sigmoid_derivative(X, Y, params, cache):
    """Um ``backward`` com defeito: grads['W1'] e grads['b1'] sem a derivada da sigmoide."""
    return backward(X, Y, params, cache, "no_hidden_derivative")


def backward_doubling_dW2(X, Y, params, cache):
    """Um ``backward`` com defeito: grads['W2'] em dobro."""
    grads = backward(X, Y, params, cache)
    return {**grads, "W2": 2 * grads["W2"]}


def random_params(g, n_in, n_hidden, n_out):
    """Parâmetros N(0, 1) sorteados com o gerador ``g`` (vieses também)."""
    return {"W1": g.normal(size=(n_in, n_hidden)), "b1": g.normal(size=n_hidden),
            "W2": g.normal(size=(n_hidden, n_out)), "b2": g.normal(size=n_out)}


def one_hot(labels, k):
    """Os rótulos inteiros como linhas one-hot de ``k`` colunas."""
    return np.eye(k)[labels]


def relative_error(a, b):
    """‖a − b‖ / (‖a‖ + ‖b‖)."""
    return np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-300)


def numerical_gradient(X, Y, params, eps, mistake=None):
    """``{chave: ∂C/∂θ}`` por diferenças centrais, uma entrada de cada vez (float64).

    mistake: o engano de um ``gradient_check`` ("one_sided", "whole_array", "summed_cost"...).
    """
    numeric = {}
    drift = copy(params)        # "copy_not_restored": cada entrada fica em θ − ε, e o erro se acumula
    for key in KEYS:
        numeric[key] = np.zeros_like(params[key])
        for i in np.ndindex(params[key].shape):
            if mistake == "copy_not_restored":
                drift[key][i] += eps
                c_plus = loss(X, Y, drift)
                drift[key][i] -= 2 * eps
                numeric[key][i] = (c_plus - loss(X, Y, drift)) / (2 * eps)
                continue
            plus, minus = copy(params), copy(params)
            if mistake == "whole_array":
                plus[key] += eps
                minus[key] -= eps
            else:
                plus[key][i] += eps
                minus[key][i] -= eps
            if mistake == "one_sided":
                minus = params
            step = eps if mistake in ("one_sided", "divides_by_eps") else 2 * eps
            numeric[key][i] = (loss(X, Y, plus) - loss(X, Y, minus)) / step
        numeric[key] *= {"summed_cost": len(X), "no_minus": -1}.get(mistake, 1)
    return numeric


def gradient_check_errors(backward_given, X, Y, params, eps, mistake=None):
    """Os erros relativos que um ``gradient_check`` certo (ou com o engano ``mistake``) devolve."""
    chosen = backward if mistake == "ignores_backward" else backward_given
    grads = chosen(X, Y, params, forward(X, params)[1])
    numeric = numerical_gradient(X, Y, params, eps, mistake)
    errors = {}
    for key in KEYS:
        a, b = grads[key], numeric[key]
        if mistake == "absolute":
            errors[key] = np.linalg.norm(a - b)
        elif mistake == "max_abs":
            errors[key] = np.max(np.abs(a - b)) / (np.max(np.abs(a)) + np.max(np.abs(b)))
        else:
            errors[key] = relative_error(a, b)
    return errors


def train(X, Y, n_hidden, lr, epochs, batch_size, seed, mistake=None):
    """SGD em mini-lotes, embaralhados pela semente: ``(params, (history, ponderado, no fim))``.

    Os três históricos aceitos: a média simples dos custos dos mini-lotes de cada época, a média
    ponderada pelo tamanho do mini-lote e o custo em todos os dados no fim da época.
    """
    n = len(X)
    p = init(X.shape[1], n_hidden, Y.shape[1], seed)
    g = np.random.default_rng(seed)
    unweighted, weighted, full = [], [], []
    for _ in range(epochs):
        if mistake == "same_order":
            g = np.random.default_rng(seed)
        order = np.arange(n) if mistake == "no_shuffle" else g.permutation(n)
        size = n if mistake == "full_batch" else batch_size
        stop = n - n % size if mistake == "drop_last" else n
        losses, sizes = [], []
        for start in range(0, stop, size):
            idx = order[start:start + size]
            Y_batch = Y[start:start + size] if mistake == "shuffle_X_only" else Y[idx]
            P, cache = forward(X[idx], p)
            losses.append(-np.mean(np.sum(Y_batch * np.log(P), axis=1)))
            sizes.append(len(idx))
            if mistake == "update_before_delta1":
                # W2 e b2 atualizados antes de δ1 — que então usa o W2 novo.
                dZ2 = (P - Y_batch) / len(idx)
                p = {**p, "W2": p["W2"] - lr * cache["A1"].T @ dZ2, "b2": p["b2"] - lr * dZ2.sum(axis=0)}
                dZ1 = (dZ2 @ p["W2"].T) * cache["A1"] * (1 - cache["A1"])
                p = {**p, "W1": p["W1"] - lr * X[idx].T @ dZ1, "b1": p["b1"] - lr * dZ1.sum(axis=0)}
                continue
            grads = backward(X[idx], Y_batch, p, cache)
            p = {k: p[k] - lr * grads[k] for k in p}
        unweighted.append(np.mean(losses))
        weighted.append(np.average(losses, weights=sizes))
        full.append(loss(X, Y, p))
    return p, (np.array(unweighted), np.array(weighted), np.array(full))
