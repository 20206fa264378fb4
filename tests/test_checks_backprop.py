"""As verificações de ``ex_backprop`` aceitam a resposta certa e recusam os enganos comuns.

Cada engano abaixo é um erro plausível de aluno; a verificação deve recusá-lo
com uma mensagem que aponte o problema (e, quando dá, a dica certa).
"""

import numpy as np
import pytest

from nn_helpers.grading import ex_backprop as checks
from nn_helpers.grading.ex_backprop import data


# --- a resposta de referência ------------------------------------------------------------

def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def init_params(n_in, n_hidden, n_out, seed):
    rng = np.random.default_rng(seed)
    W1 = rng.normal(0, np.sqrt(1 / n_in), size=(n_in, n_hidden))
    W2 = rng.normal(0, np.sqrt(1 / n_hidden), size=(n_hidden, n_out))
    return {"W1": W1, "b1": np.zeros(n_hidden), "W2": W2, "b2": np.zeros(n_out)}


def softmax(Z):
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


def forward(X, params):
    Z1 = X @ params["W1"] + params["b1"]
    A1 = sigmoid(Z1)
    Z2 = A1 @ params["W2"] + params["b2"]
    P = softmax(Z2)
    return P, {"Z1": Z1, "A1": A1, "Z2": Z2, "P": P}


def backward(X, Y, params, cache):
    n = len(X)
    dZ2 = (cache["P"] - Y) / n
    dZ1 = (dZ2 @ params["W2"].T) * cache["A1"] * (1 - cache["A1"])
    return {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=0),
            "W2": cache["A1"].T @ dZ2, "b2": dZ2.sum(axis=0)}


def update(params, grads, lr):
    return {k: params[k] - lr * grads[k] for k in params}


def cross_entropy(P, Y):
    return -np.mean(np.sum(Y * np.log(P), axis=1))


def make_train_mlp(shuffle="seeded", weighted_history=False, drop_last=False, shuffle_y=True,
                   loss=cross_entropy):
    """train_mlp de referência; os argumentos ligam enganos (ou convenções) de aluno.

    loss(P, Y): o custo de um mini-lote que vai para o history (o certo é a entropia cruzada média).
    """
    def train_mlp(X, Y, n_hidden, lr, epochs, batch_size, seed):
        n = len(X)
        params = init_params(X.shape[1], n_hidden, Y.shape[1], seed)
        rng = np.random.default_rng(seed)
        history = []
        for _ in range(epochs):
            if shuffle == "reseeded":
                rng = np.random.default_rng(seed)
            order = {"seeded": lambda: rng.permutation(n), "reseeded": lambda: rng.permutation(n),
                     "none": lambda: np.arange(n), "global": lambda: np.random.permutation(n),
                     "seed_zero": lambda: np.random.default_rng(0).permutation(n)}[shuffle]()
            losses, sizes = [], []
            stop = n - n % batch_size if drop_last else n
            for start in range(0, stop, batch_size):
                idx = order[start:start + batch_size]
                Y_batch = Y[idx] if shuffle_y else Y[start:start + batch_size]
                P, cache = forward(X[idx], params)
                losses.append(loss(P, Y_batch))
                sizes.append(len(idx))
                params = update(params, backward(X[idx], Y_batch, params, cache), lr)
            history.append(np.average(losses, weights=sizes) if weighted_history
                           else np.mean(losses))
        return params, history
    return train_mlp


def make_gradient_check(step="central", restore=True, copy="none", cost_scale=1.0,
                        error="relative", whole_array=False):
    """gradient_check de referência; os argumentos ligam enganos de aluno."""
    def gradient_check(forward, backward, X, Y, params, eps):
        work = {"none": params, "shallow": params.copy(),
                "deep": {k: v.copy() for k, v in params.items()}}[copy]

        def cost():
            return cost_scale * cross_entropy(forward(X, work)[0], Y)

        grads = backward(X, Y, work, forward(X, work)[1])
        errors = {}
        for k in work:
            numeric = np.zeros_like(work[k])
            for i in np.ndindex(work[k].shape):
                where = slice(None) if whole_array else i
                old = work[k][where].copy() if whole_array else work[k][i]
                work[k][where] = old + eps
                c_plus = cost()
                if step == "one_sided":
                    work[k][where] = old
                    numeric[i] = (c_plus - cost()) / eps
                    continue
                if restore == "arithmetic":          # +ε, −2ε, +ε: volta a θ (com arredondamento)
                    work[k][where] -= 2 * eps
                    c_minus = cost()
                    work[k][where] += eps
                    numeric[i] = (c_plus - c_minus) / (2 * eps)
                    continue
                work[k][where] = old if step == "half" else old - eps    # "half": C(θ − ε) em θ
                c_minus = cost()
                if restore:
                    work[k][where] = old
                numeric[i] = (c_plus - c_minus) / (eps if step == "eps" else 2 * eps)
            a, b = grads[k], numeric
            errors[k] = {"relative": lambda: np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b)),
                         "absolute": lambda: np.linalg.norm(a - b),
                         "max": lambda: np.max(np.abs(a - b)) / (np.max(np.abs(a)) + np.max(np.abs(b))),
                         "gradient": lambda: b}[error]()
        return errors
    return gradient_check


train_mlp = make_train_mlp()
gradient_check = make_gradient_check()

REFERENCE = {
    "check_init_params": init_params, "check_forward": forward, "check_backward": backward,
    "check_gradient_check": gradient_check, "check_update": update, "check_train_mlp": train_mlp,
}


# --- outras respostas certas: todas têm de passar ------------------------------------------

def init_with_standard_normal(n_in, n_hidden, n_out, seed):
    rng = np.random.default_rng(seed)
    W1 = rng.standard_normal((n_in, n_hidden)) / np.sqrt(n_in)
    W2 = rng.standard_normal((n_hidden, n_out)) / np.sqrt(n_hidden)
    return {"W1": W1, "b1": np.zeros(n_hidden), "W2": W2, "b2": np.zeros(n_out)}


def forward_with_dot_and_logsumexp(X, params):
    Z1 = np.dot(X, params["W1"]) + params["b1"]
    A1 = 1 / (1 + np.exp(-Z1))
    Z2 = np.dot(A1, params["W2"]) + params["b2"]
    m = Z2.max(axis=1, keepdims=True)
    log_sum = m + np.log(np.exp(Z2 - m).sum(axis=1, keepdims=True))
    P = np.exp(Z2 - log_sum)
    return P, {"Z1": Z1, "A1": A1, "Z2": Z2, "P": P}


def backward_one_sample_at_a_time(X, Y, params, cache):
    """Os gradientes somados amostra por amostra, com laços — a mesma conta, sem matrizes."""
    n = len(X)
    grads = {k: np.zeros_like(v) for k, v in params.items()}
    for i in range(n):
        d2 = (cache["P"][i] - Y[i]) / n                                  # (n_out,)
        d1 = (params["W2"] @ d2) * cache["A1"][i] * (1 - cache["A1"][i])  # (n_hidden,)
        grads["W2"] += np.outer(cache["A1"][i], d2)
        grads["b2"] += d2
        grads["W1"] += np.outer(X[i], d1)
        grads["b1"] += d1
    return grads


def backward_with_einsum(X, Y, params, cache):
    d2 = (cache["P"] - Y) / len(X)
    d1 = np.einsum("nk,hk->nh", d2, params["W2"]) * cache["A1"] * (1 - cache["A1"])
    return {"W1": np.einsum("ni,nh->ih", X, d1), "b1": np.einsum("nh->h", d1),
            "W2": np.einsum("nh,nk->hk", cache["A1"], d2), "b2": np.einsum("nk->k", d2)}


def gradient_check_with_flat_views(forward, backward, X, Y, params, eps):
    """Percorre ``params[k].ravel()`` — uma vista: mexer nela mexe no array."""
    grads = backward(X, Y, params, forward(X, params)[1])
    errors = {}
    for k, v in params.items():
        flat, numeric = v.ravel(), np.zeros(v.size)
        for i in range(v.size):
            old = flat[i]
            flat[i] = old + eps
            c_plus = cross_entropy(forward(X, params)[0], Y)
            flat[i] = old - eps
            c_minus = cross_entropy(forward(X, params)[0], Y)
            flat[i] = old
            numeric[i] = (c_plus - c_minus) / (2 * eps)
        a, b = grads[k].ravel(), numeric
        errors[k] = float(np.sqrt(np.sum((a - b) ** 2)) / (np.sqrt(np.sum(a ** 2)) + np.sqrt(np.sum(b ** 2))))
    return errors


def update_with_a_loop(params, grads, lr):
    new = {}
    for k in params:
        new[k] = params[k] - lr * grads[k]
    return new


ALTERNATIVES = {
    "init with standard_normal divided by the square root": ("check_init_params",
                                                             init_with_standard_normal),
    "forward with np.dot and a log-sum-exp softmax": ("check_forward", forward_with_dot_and_logsumexp),
    "backward with loops over the samples": ("check_backward", backward_one_sample_at_a_time),
    "backward with einsum": ("check_backward", backward_with_einsum),
    "gradient_check on a deep copy of params": ("check_gradient_check",
                                                make_gradient_check(copy="deep")),
    "gradient_check over flat views": ("check_gradient_check", gradient_check_with_flat_views),
    "gradient_check restoring by arithmetic (+ε, −2ε, +ε)": (
        "check_gradient_check", make_gradient_check(restore="arithmetic")),
    "update building the dict in a loop": ("check_update", update_with_a_loop),
    "update on a deep copy": ("check_update", lambda p, g, lr: {k: v.copy() - lr * g[k]
                                                                for k, v in p.items()}),
    "train with the history weighted by batch size": ("check_train_mlp",
                                                      make_train_mlp(weighted_history=True)),
}


def test_reference_backward_matches_a_numerical_gradient():
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(5, 3)), np.eye(4)[rng.integers(0, 4, size=5)]
    params = {k: rng.normal(size=v.shape) for k, v in init_params(3, 6, 4, 0).items()}
    grads = backward(X, Y, params, forward(X, params)[1])
    eps = 1e-6
    for key in params:
        for i in np.ndindex(params[key].shape):
            plus = {k: v.copy() for k, v in params.items()}
            minus = {k: v.copy() for k, v in params.items()}
            plus[key][i] += eps
            minus[key][i] -= eps
            numeric = (cross_entropy(forward(X, plus)[0], Y)
                       - cross_entropy(forward(X, minus)[0], Y)) / (2 * eps)
            assert abs(grads[key][i] - numeric) < 1e-8


def test_softmax_reproduces_deck_004_probabilities():
    P = softmax(np.array([[2.0, 1.0, 0.0]]))
    assert np.allclose(np.round(P, 2), [[0.67, 0.24, 0.09]])


def test_the_check_reads_the_digits_scikit_learn_ships():
    from sklearn.datasets import load_digits

    digits = load_digits()
    X_train, Y_train, X_test, y_test = data.digits()
    assert X_train.shape == (1347, 64) and X_test.shape == (450, 64)
    assert X_train.min() == 0 and X_train.max() == 1
    # a divisão é uma partição das 1797 imagens do scikit-learn, estratificada por dígito
    together = np.concatenate([X_train, X_test]) * 16
    labels = np.concatenate([Y_train.argmax(axis=1), y_test])
    order = np.lexsort(together.T[::-1])
    expected = np.lexsort(digits.data.T[::-1])
    assert np.array_equal(together[order], digits.data[expected])
    assert np.array_equal(labels[order], digits.target[expected])
    assert np.all(np.abs(np.bincount(y_test) / np.bincount(digits.target) - 0.25) < 0.01)


# --- enganos plausíveis: (verificação, função errada, trecho esperado na mensagem) ---------

def _not_implemented(*args):
    raise NotImplementedError


def init_with_scale(s1, s2, first="W1", seeded=True, bias=0.0, transpose=False):
    def init(n_in, n_hidden, n_out, seed):
        rng = np.random.default_rng(seed if seeded else None)
        sizes = {"W1": (n_in, n_hidden), "W2": (n_hidden, n_out)}
        scales = {"W1": s1(n_in, n_hidden), "W2": s2(n_in, n_hidden)}
        order = ("W1", "W2") if first == "W1" else ("W2", "W1")
        W = {k: rng.normal(0, scales[k], size=sizes[k]) for k in order}
        if transpose:
            W["W1"] = W["W1"].T
        return {"W1": W["W1"], "b1": np.full(n_hidden, bias), "W2": W["W2"],
                "b2": np.full(n_out, bias)}
    return init


right_s1 = lambda n_in, n_h: np.sqrt(1 / n_in)    # noqa: E731
right_s2 = lambda n_in, n_h: np.sqrt(1 / n_h)     # noqa: E731


def init_with_global_seed(n_in, n_hidden, n_out, seed):
    np.random.seed(seed)
    return {"W1": np.random.normal(0, np.sqrt(1 / n_in), size=(n_in, n_hidden)),
            "b1": np.zeros(n_hidden),
            "W2": np.random.normal(0, np.sqrt(1 / n_hidden), size=(n_hidden, n_out)),
            "b2": np.zeros(n_out)}


def forward_with(hidden=sigmoid, output=softmax, bias=True):
    def fwd(X, params):
        Z1 = X @ params["W1"] + (params["b1"] if bias else 0)
        A1 = hidden(Z1)
        Z2 = A1 @ params["W2"] + (params["b2"] if bias else 0)
        P = output(Z2)
        return P, {"Z1": Z1, "A1": A1, "Z2": Z2, "P": P}
    return fwd


def naive_softmax(Z):
    with np.errstate(over="ignore", invalid="ignore"):   # e^800 = inf, inf/inf = nan: o engano
        E = np.exp(Z)
        return E / E.sum(axis=1, keepdims=True)


def global_max_softmax(Z):
    with np.errstate(invalid="ignore"):                  # 0/0 = nan na linha de baixo: o engano
        E = np.exp(Z - np.max(Z))
        return E / E.sum(axis=1, keepdims=True)


def softmax_without_keepdims(Z):
    E = np.exp(Z - Z.max(axis=1))                        # (n, k) − (n,): não combina
    return E / E.sum(axis=1)


def softmax_over_columns(Z):
    E = np.exp(Z - Z.max(axis=0, keepdims=True))
    return E / E.sum(axis=0, keepdims=True)


def forward_without_cache(X, params):
    return forward(X, params)[0], None


def backward_with(dZ2=lambda P, Y, n: (P - Y) / n, hidden_derivative=lambda A1: A1 * (1 - A1),
                  bias_sum=lambda dZ: dZ.sum(axis=0), transpose_dW=False, use_Z1=False,
                  use_Z1_in_derivative=False):
    def bwd(X, Y, params, cache):
        d2 = dZ2(cache["P"], Y, len(X))
        H1 = cache["Z1"] if use_Z1_in_derivative else cache["A1"]
        d1 = (d2 @ params["W2"].T) * hidden_derivative(H1)
        H = cache["Z1"] if use_Z1 else cache["A1"]
        dW1, dW2 = X.T @ d1, H.T @ d2
        if transpose_dW:
            dW1, dW2 = dW1.T, dW2.T
        return {"W1": dW1, "b1": bias_sum(d1), "W2": dW2, "b2": bias_sum(d2)}
    return bwd


def update_on_a_shallow_copy(params, grads, lr):
    new = params.copy()                     # copia o dicionário, não os arrays
    for k in new:
        new[k] -= lr * grads[k]
    return new


def update_in_place(params, grads, lr):
    for k in params:
        params[k] -= lr * grads[k]
    return params


def update_in_place_without_return(params, grads, lr):
    for k in params:
        params[k] -= lr * grads[k]


def train_updating_W2_before_delta1(X, Y, n_hidden, lr, epochs, batch_size, seed):
    """A retropropagação escrita dentro do laço, atualizando W2 antes de calcular δ1."""
    n = len(X)
    params = init_params(X.shape[1], n_hidden, Y.shape[1], seed)
    rng = np.random.default_rng(seed)
    history = []
    for _ in range(epochs):
        order = rng.permutation(n)
        losses = []
        for start in range(0, n, batch_size):
            idx = order[start:start + batch_size]
            P, cache = forward(X[idx], params)
            losses.append(cross_entropy(P, Y[idx]))
            dZ2 = (P - Y[idx]) / len(idx)
            params["W2"] = params["W2"] - lr * cache["A1"].T @ dZ2
            params["b2"] = params["b2"] - lr * dZ2.sum(axis=0)
            dZ1 = (dZ2 @ params["W2"].T) * cache["A1"] * (1 - cache["A1"])
            params["W1"] = params["W1"] - lr * X[idx].T @ dZ1
            params["b1"] = params["b1"] - lr * dZ1.sum(axis=0)
        history.append(np.mean(losses))
    return params, history


def gradient_check_with_the_library(forward, backward, X, Y, params, eps):
    from nn_helpers.gradcheck import numerical_gradient

    grads = backward(X, Y, params, forward(X, params)[1])
    return {k: np.linalg.norm(grads[k] - numerical_gradient(
        lambda _: cross_entropy(forward(X, params)[0], Y), params[k], eps))
        / (np.linalg.norm(grads[k]) + 1e-12) for k in params}


def gradient_check_by_name(forward_, backward_, X, Y, params, eps):
    """Ignora os argumentos e usa o ``forward``/``backward`` deste arquivo, pelo nome."""
    return gradient_check(forward, backward, X, Y, params, eps)


MISTAKES = {
    # init_params
    "init blank": ("check_init_params", _not_implemented, "ainda não foi implementada"),
    "init uses the variance as std": (
        "check_init_params", init_with_scale(lambda i, h: 1 / i, lambda i, h: 1 / h),
        "fala da VARIÂNCIA"),
    "init is unscaled": ("check_init_params", init_with_scale(lambda i, h: 1.0, lambda i, h: 1.0),
                         "faltou escalar"),
    "init scales W2 by n_in": ("check_init_params", init_with_scale(right_s1, right_s1),
                               "√(1/n_hidden), não √(1/n_in)"),
    "init draws W2 first": ("check_init_params", init_with_scale(right_s1, right_s2, first="W2"),
                            "sorteie W1 antes de W2"),
    "init without a seed": ("check_init_params", init_with_scale(right_s1, right_s2, seeded=False),
                            "np.random.default_rng(seed)"),
    "init with the global numpy seed": ("check_init_params", init_with_global_seed,
                                        "isto é o gerador antigo"),
    "init with random biases": ("check_init_params", init_with_scale(right_s1, right_s2, bias=0.1),
                                "começam em zero"),
    "init transposes W1": ("check_init_params", init_with_scale(right_s1, right_s2, transpose=True),
                           "está transposto"),
    # forward
    "forward blank": ("check_forward", _not_implemented, "ainda não foi implementada"),
    "forward without hidden activation": ("check_forward", forward_with(hidden=lambda z: z),
                                          "faltou a sigmoide na camada escondida"),
    "forward with ReLU": ("check_forward", forward_with(hidden=lambda z: np.maximum(z, 0)),
                          "não a ReLU"),
    "forward with tanh": ("check_forward", forward_with(hidden=np.tanh), "backprop.hidden_tanh"),
    "forward with unstable softmax": ("check_forward", forward_with(output=naive_softmax),
                                      "Subtraia o máximo de cada linha"),
    "forward subtracts the global max": ("check_forward", forward_with(output=global_max_softmax),
                                         "backprop.softmax_global_max"),
    "forward softmax without keepdims": ("check_forward",
                                         forward_with(output=softmax_without_keepdims),
                                         "backprop.softmax_no_keepdims"),
    "forward normalizes columns": ("check_forward", forward_with(output=softmax_over_columns),
                                   "cada LINHA"),
    "forward with sigmoid output": ("check_forward", forward_with(output=sigmoid),
                                    "a saída é uma softmax"),
    "forward forgets the biases": ("check_forward", forward_with(bias=False),
                                   "faltaram os vieses"),
    "forward returns no cache": ("check_forward", forward_without_cache,
                                 "o cache deve ser um dicionário"),
    "forward returns only P": ("check_forward", lambda X, p: forward(X, p)[0],
                               "deve devolver 2 valores"),
    # backward
    "backward blank": ("check_backward", _not_implemented, "ainda não foi implementada"),
    "backward forgets to divide by n": ("check_backward", backward_with(dZ2=lambda P, Y, n: P - Y),
                                        "faltou dividir por n"),
    "backward divides by n twice": (
        "check_backward",
        lambda X, Y, p, c: {k: v / len(X) for k, v in backward(X, Y, p, c).items()},
        "dividiu por n duas vezes"),
    "backward has the wrong sign": ("check_backward", backward_with(dZ2=lambda P, Y, n: (Y - P) / n),
                                    "o sinal está trocado"),
    "backward multiplies by P(1-P)": (
        "check_backward", backward_with(dZ2=lambda P, Y, n: (P - Y) * P * (1 - P) / n),
        "não multiplique por P(1 − P)"),
    "backward stops at dL/dP": ("check_backward", backward_with(dZ2=lambda P, Y, n: -Y / P / n),
                                "falta passar pela softmax"),
    "backward forgets the sigmoid derivative": (
        "check_backward", backward_with(hidden_derivative=lambda A1: 1.0),
        "backprop.no_sigmoid_derivative"),
    "backward applies sigmoid to A1 again": (
        "check_backward", backward_with(hidden_derivative=lambda A1: sigmoid(A1) * (1 - sigmoid(A1))),
        "A1 já é σ(Z1)"),
    "backward uses Z1 for dW2": ("check_backward", backward_with(use_Z1=True), "usa as ativações A1"),
    "backward transposes dW": ("check_backward", backward_with(transpose_dW=True), "está transposto"),
    "backward sums biases over neurons": (
        "check_backward", backward_with(bias_sum=lambda dZ: dZ.sum(axis=1)), "somou no eixo errado"),
    "backward sums biases over everything": (
        "check_backward", backward_with(bias_sum=lambda dZ: dZ.sum()), "isto é um número só"),
    "backward keeps dims on biases": (
        "check_backward", backward_with(bias_sum=lambda dZ: dZ.sum(axis=0, keepdims=True)),
        "sem `keepdims=True`"),
    "backward averages biases again": (
        "check_backward", backward_with(bias_sum=lambda dZ: dZ.mean(axis=0)),
        "backprop.bias_grad_mean"),
    # update
    "update blank": ("check_update", _not_implemented, "ainda não foi implementada"),
    "update climbs the gradient": ("check_update",
                                   lambda p, g, lr: {k: p[k] + lr * g[k] for k in p},
                                   "o sinal está trocado"),
    "update ignores lr": ("check_update", lambda p, g, lr: {k: p[k] - g[k] for k in p},
                          "faltou multiplicar pela taxa de aprendizado"),
    "update only the weights": (
        "check_update", lambda p, g, lr: {k: p[k] - lr * g[k] if k.startswith("W") else p[k]
                                          for k in p},
        "inclusive os vieses"),
    "update on a shallow copy": ("check_update", update_on_a_shallow_copy,
                                 "backprop.update_shallow_copy"),
    "update in place": ("check_update", update_in_place, "modificou `params` no lugar"),
    "update in place without return": ("check_update", update_in_place_without_return,
                                       "modificou `params` no lugar"),
    "update returns nothing": ("check_update", lambda p, g, lr: None, "faltou o `return`"),
    # train_mlp
    "train blank": ("check_train_mlp", _not_implemented, "ainda não foi implementada"),
    "train never shuffles": ("check_train_mlp", make_train_mlp(shuffle="none"),
                             "os dados não foram embaralhados"),
    "train reseeds every epoch": ("check_train_mlp", make_train_mlp(shuffle="reseeded"),
                                  "a ordem é a mesma em toda época"),
    "train shuffles with the global generator": ("check_train_mlp", make_train_mlp(shuffle="global"),
                                                 "não usa a semente"),
    "train shuffles with seed 0": ("check_train_mlp", make_train_mlp(shuffle="seed_zero"),
                                   "rng = np.random.default_rng(seed)"),
    "train shuffles X but not Y": ("check_train_mlp", make_train_mlp(shuffle_y=False),
                                   "X foi embaralhado mas Y não"),
    "train drops the last batch": ("check_train_mlp", make_train_mlp(drop_last=True),
                                   "o último mini-lote, menor, ficou de fora"),
    "train uses the whole batch": (
        "check_train_mlp",
        lambda X, Y, h, lr, e, b, s: make_train_mlp()(X, Y, h, lr, e, len(X), s),
        "gradiente descendente em lote"),
    "train forgets the history": (
        "check_train_mlp", lambda *args: (make_train_mlp()(*args)[0], []), "uma lista com o custo"),
    "train records the summed loss": (
        "check_train_mlp",
        lambda *args: (lambda p, h: (p, [10 * v for v in h]))(*make_train_mlp()(*args)),
        "history (a média dos custos"),
    # gradient_check (a prova da derivação, escrita pelo aluno)
    "gradient_check blank": ("check_gradient_check", _not_implemented, "ainda não foi implementada"),
    "gradient_check with one-sided differences": (
        "check_gradient_check", make_gradient_check(step="one_sided"), "backprop.gc_one_sided"),
    "gradient_check divides by eps": ("check_gradient_check", make_gradient_check(step="eps"),
                                      "backprop.gc_numeric_off_by_2"),
    "gradient_check computes C(θ − ε) at θ": ("check_gradient_check", make_gradient_check(step="half"),
                                              "a METADE do certo"),
    "gradient_check never restores the entry": (
        "check_gradient_check", make_gradient_check(restore=False), "backprop.gc_not_restored"),
    "gradient_check perturbs a shallow copy": (
        "check_gradient_check", make_gradient_check(restore=False, copy="shallow"),
        "os arrays dentro dele são os mesmos"),
    "gradient_check never restores the entry of its deep copy": (
        "check_gradient_check", make_gradient_check(restore=False, copy="deep"),
        "backprop.gc_not_restored"),
    "gradient_check sums the cost": ("check_gradient_check", make_gradient_check(cost_scale=5.0),
                                     "backprop.gc_summed_cost"),
    "gradient_check forgets the minus of the cost": (
        "check_gradient_check", make_gradient_check(cost_scale=-1.0), "backprop.gc_cost_without_minus"),
    "gradient_check moves the whole array": (
        "check_gradient_check", make_gradient_check(whole_array=True), "backprop.gc_whole_array"),
    "gradient_check returns the absolute error": (
        "check_gradient_check", make_gradient_check(error="absolute"), "backprop.gc_absolute_error"),
    "gradient_check uses the largest entry, not the norm": (
        "check_gradient_check", make_gradient_check(error="max"), "backprop.gc_max_instead_of_norm"),
    "gradient_check returns the numerical gradients": (
        "check_gradient_check", make_gradient_check(error="gradient"), "backprop.gc_returns_arrays"),
    "gradient_check calls the library's numerical_gradient": (
        "check_gradient_check", gradient_check_with_the_library, "backprop.gc_uses_library"),
    "gradient_check uses its own backward by name": (
        "check_gradient_check", gradient_check_by_name, "backprop.gc_ignores_backward"),
    "gradient_check returns a list": (
        "check_gradient_check",
        lambda *args: list(gradient_check(*args).values()), "como um dicionário"),
    # mais enganos de backward e train_mlp
    "backward forgets to transpose W2": (
        "check_backward",
        lambda X, Y, p, c: backward(X, Y, {**p, "W2": p["W2"].T}, c), "backprop.backward_shapes_mismatch"),
    "train records the loss averaged over every entry": (
        "check_train_mlp", make_train_mlp(loss=lambda P, Y: -np.mean(Y * np.log(P))),
        "backprop.history_mean_over_entries"),
    "train records the loss without the minus": (
        "check_train_mlp", make_train_mlp(loss=lambda P, Y: np.mean(np.sum(Y * np.log(P), axis=1))),
        "backprop.history_sign"),
    "train updates W2 before computing delta1": (
        "check_train_mlp", train_updating_W2_before_delta1, "backprop.train_updates_before_delta1"),
    "backward takes the sigmoid derivative at Z1": (
        "check_backward", backward_with(use_Z1_in_derivative=True), "backprop.derivative_from_z1"),
}


def test_a_raising_function_reports_the_input_it_failed_on():
    def broken(X, params):
        return X[100]
    with pytest.raises(AssertionError, match="IndexError.*\n  entrada: X aleatório 6×4"):
        checks.check_forward(broken)


def test_changing_the_params_inside_forward_is_caught():
    def sneaky(X, params):
        params["W1"] *= 2
        return forward(X, {**params, "W1": params["W1"] / 2})
    with pytest.raises(AssertionError, match="modificou `params`"):
        checks.check_forward(sneaky)
