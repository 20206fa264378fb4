"""Verificações do exercício ``ex_backprop`` (capítulo 6, feedforward e retropropagação).

A rede: ``n_in`` entradas → ``n_hidden`` neurônios com sigmoide → ``n_out`` saídas com
softmax, custo = média da entropia cruzada categórica. Uma verificação por função do aluno:
``check_init_params(init_params)``, ``check_forward(forward)``, ``check_backward(backward)``,
``check_gradient_check(gradient_check)``, ``check_update(update)`` e ``check_train_mlp(train_mlp)``.

Os valores esperados são calculados aqui mesmo, com numpy puro — nunca com as
funções de ``nn_helpers`` que o capítulo ensina —, e o gradiente de ``backward`` é
conferido também contra o gradiente numérico (diferenças finitas).
"""

import numpy as np

from .checking import (Hint, as_numbers, call, expect_close, expect_seed_respected, expect_tuple,
                       fail, fmt, install_notebook_hints, is_close, passed, percent, rng)

__all__ = ["check_init_params", "check_forward", "check_backward", "check_gradient_check",
           "check_update", "check_train_mlp"]

install_notebook_hints()

KEYS = ("W1", "b1", "W2", "b2")

# A acurácia que a solução do curso obtém na célula "Para ir além" (dígitos do scikit-learn,
# train_test_split com seed=0, n_hidden=32, lr=0.5, 30 épocas): 432 de 450 imagens de teste.
# tests/test_exercises.py roda a solução e confere que o número impresso é este.
GO_FURTHER_ACCURACY = 0.96
CACHE_KEYS = ("Z1", "A1", "Z2", "P")


# --- a rede de referência (numpy puro) ---------------------------------------------------

def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def _softmax(z, axis=1):
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def _init(n_in, n_hidden, n_out, seed, mistake=None):
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


def _forward(X, p, mistake=None):
    Z1 = X @ p["W1"] + (0 if mistake == "no_bias" else p["b1"])
    A1 = {"no_hidden_activation": lambda z: z, "relu": lambda z: np.maximum(z, 0),
          "tanh": np.tanh}.get(mistake, _sigmoid)(Z1)
    Z2 = A1 @ p["W2"] + (0 if mistake == "no_bias" else p["b2"])
    if mistake == "softmax_axis0":
        P = _softmax(Z2, axis=0)
    elif mistake == "sigmoid_output":
        P = _sigmoid(Z2)
    else:
        P = _softmax(Z2)
    return P, {"Z1": Z1, "A1": A1, "Z2": Z2, "P": P}


def _loss(X, Y, p):
    P, _ = _forward(X, p)
    return -np.mean(np.sum(Y * np.log(P), axis=1))


def _backward(X, Y, p, cache, mistake=None):
    n = len(X)
    A1, P = cache["A1"], cache["P"]
    dZ2 = (P - Y) / n
    if mistake == "softmax_as_sigmoid":
        dZ2 = (P - Y) * P * (1 - P) / n
    elif mistake == "only_dL_dP":
        dZ2 = -Y / P / n
    dA1 = dZ2 @ p["W2"].T
    if mistake == "no_hidden_derivative":
        dZ1 = dA1
    elif mistake == "derivative_of_A1":
        dZ1 = dA1 * _sigmoid(A1) * (1 - _sigmoid(A1))
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


def _random_params(g, n_in, n_hidden, n_out):
    return {"W1": g.normal(size=(n_in, n_hidden)), "b1": g.normal(size=n_hidden),
            "W2": g.normal(size=(n_hidden, n_out)), "b2": g.normal(size=n_out)}


def _one_hot(labels, k):
    return np.eye(k)[labels]


# --- conferências comuns -----------------------------------------------------------------

def _shape_hint(got, shape, n_samples=None):
    if shape == ():
        return Hint("backprop.gc_returns_arrays", "devolva, para cada chave, UM número: o erro "
                    "relativo entre o gradiente de `backward` e o numérico (não os gradientes).")
    if len(shape) == 2 and got == shape[::-1] and shape[0] != shape[1]:
        return Hint("backprop.transposed", "está transposto — confira a ordem das dimensões (e, "
                    "num gradiente, a do produto: X.T @ δ, não δ.T @ X).")
    if len(shape) == 1 and got == (1, shape[0]):
        return Hint("backprop.bias_keepdims", f"use forma {shape}, sem `keepdims=True`.")
    if len(shape) == 1 and got == ():
        return Hint("backprop.bias_summed_to_scalar",
                    "isto é um número só — some apenas sobre as amostras (`axis=0`).")
    if len(shape) == 1 and n_samples is not None and got == (n_samples,):
        return Hint("backprop.bias_summed_over_neurons", "somou no eixo errado: o gradiente de "
                    "um viés soma δ sobre as amostras (`axis=0`), não sobre os neurônios.")


def _as_dict(result, name, what, shapes, case, n_samples=None):
    """Confere o dicionário ``what`` (chaves e formas) e o devolve com arrays float."""
    __tracebackhide__ = True
    if not isinstance(result, dict) or set(result) != set(shapes):
        got = sorted(result) if isinstance(result, dict) else type(result).__name__
        keys = ", ".join(f"'{k}'" for k in shapes)
        fail(f"`{name}` deve devolver {what} como um dicionário com as chaves {keys}, "
             f"mas devolveu {got}.\n  entrada: {case}")
    out = {}
    for key, shape in shapes.items():
        arr = as_numbers(result[key], name, f"{what}['{key}']")
        if arr.shape != shape:
            fail(f"`{name}`: {what}['{key}'] deveria ter forma {shape}, mas tem forma "
                 f"{arr.shape}.\n  entrada: {case}", hints=[_shape_hint(arr.shape, shape, n_samples)])
        if not np.all(np.isfinite(arr)):
            fail(f"`{name}`: {what}['{key}'] contém NaN ou infinito.\n  entrada: {case}")
        out[key] = arr
    return out


def _shapes(n_in, n_hidden, n_out):
    return {"W1": (n_in, n_hidden), "b1": (n_hidden,), "W2": (n_hidden, n_out), "b2": (n_out,)}


def _same(p, q, keys=KEYS, rtol=1e-6, atol=1e-9):
    return all(is_close(p[k], q[k], rtol=rtol, atol=atol) for k in keys)


def _first_difference(got, expected, what, keys=KEYS, rtol=1e-6, atol=1e-9):
    key = next((k for k in keys if not is_close(got[k], expected[k], rtol=rtol, atol=atol)), keys[0])
    return key, (f"  {what}['{key}'] esperado: {fmt(np.asarray(expected[key]))}\n"
                 f"  {what}['{key}'] recebido: {fmt(np.asarray(got[key]))}")


def _unchanged(originals, copies, atol=0):
    return all(is_close(originals[k], copies[k], rtol=0, atol=atol) for k in originals)


def _copy(d):
    return {k: np.array(v, dtype=float) for k, v in d.items()}


# --- 1. init_params ----------------------------------------------------------------------

_INIT_HINTS = {
    "variance_as_std": Hint("backprop.init_variance_as_std", "N(0, 1/n_in) fala da VARIÂNCIA: o "
                            "desvio padrão é √(1/n_in) — `rng.normal(0, np.sqrt(1 / n_in), size=...)`."),
    "unscaled": Hint("backprop.init_unscaled", "faltou escalar: o desvio padrão de W1 é √(1/n_in) "
                     "e o de W2 é √(1/n_hidden)."),
    "W2_with_n_in": Hint("backprop.init_w2_scaled_by_n_in", "W2 recebe n_hidden entradas: o "
                         "desvio padrão dele é √(1/n_hidden), não √(1/n_in)."),
    "W2_first": Hint("backprop.init_w2_drawn_first", "sorteie W1 antes de W2 (a ordem muda os "
                     "números que saem do gerador)."),
    "legacy": Hint("backprop.init_legacy_generator", "isto é o gerador antigo (`np.random.seed` / "
                   "`np.random.normal`); use o novo: `rng = np.random.default_rng(seed)` e "
                   "`rng.normal(...)`."),
}


def check_init_params(init_params):
    """Confere ``init_params(n_in, n_hidden, n_out, seed)`` → ``{'W1', 'b1', 'W2', 'b2'}``."""
    __tracebackhide__ = True
    def run(n_in, n_hidden, n_out, seed):
        __tracebackhide__ = True
        case = f"init_params({n_in}, {n_hidden}, {n_out}, seed={seed})"
        result = call(init_params, "init_params", n_in, n_hidden, n_out, seed, case=case)
        return _as_dict(result, "init_params", "params", _shapes(n_in, n_hidden, n_out), case), case

    cases = [(3, 4, 2, 0), (64, 32, 10, 5)]
    for n_in, n_hidden, n_out, seed in cases:
        got, case = run(n_in, n_hidden, n_out, seed)
        again, _ = run(n_in, n_hidden, n_out, seed)
        other, _ = run(n_in, n_hidden, n_out, seed + 1)
        expect_seed_respected(_same(got, again, rtol=0, atol=0), _same(got, other, rtol=0, atol=0),
                              "init_params", (seed, seed + 1), case, "pesos",
                              Hint("backprop.init_seed_ignored", "use `rng = np.random.default_rng("
                                   "seed)` e sorteie com `rng.normal(...)` (não `np.random.normal`)."))
        if np.any(got["b1"] != 0) or np.any(got["b2"] != 0):
            fail(f"`init_params`: os vieses (*bias*) b1 e b2 começam em zero.\n"
                 f"  entrada: {case}")
        expected = _init(n_in, n_hidden, n_out, seed)
        if not _same(got, expected, rtol=1e-10, atol=1e-12):
            _, diff = _first_difference(got, expected, "params", rtol=1e-10, atol=1e-12)
            message = (f"`init_params` não sorteou os pesos pedidos.\n  entrada: {case}\n{diff}\n"
                       f"  lembre: rng = np.random.default_rng(seed); W1 = rng.normal(0, √(1/n_in), "
                       f"size=(n_in, n_hidden)); depois W2 = rng.normal(0, √(1/n_hidden), "
                       f"size=(n_hidden, n_out)).")
            fail(message, hints=[hint for mistake, hint in _INIT_HINTS.items()
                                 if _same(got, _init(n_in, n_hidden, n_out, seed, mistake), rtol=1e-6)])
    # As estatísticas numa camada grande: média ≈ 0 e desvio padrão ≈ √(1/n_in).
    big, case = run(400, 300, 200, 2)
    for key, fan_in in (("W1", 400), ("W2", 300)):
        std, mean = big[key].std(), big[key].mean()
        if not (abs(std / np.sqrt(1 / fan_in) - 1) < 0.03 and abs(mean) < 0.1 * np.sqrt(1 / fan_in)):
            fail(f"`init_params`: params['{key}'] deveria ter média ≈ 0 e desvio padrão ≈ "
                 f"√(1/{fan_in}) = {np.sqrt(1 / fan_in):.4f}, mas tem média {mean:.4f} e desvio "
                 f"{std:.4f}.\n  entrada: {case}")
    passed("check_init_params", len(cases) * 3 + 1)


# --- 2. forward --------------------------------------------------------------------------

_FORWARD_HINTS = {
    "no_hidden_activation": Hint("backprop.no_hidden_activation",
                                 "parece que faltou a sigmoide na camada escondida: A1 = σ(Z1)."),
    "relu": Hint("backprop.hidden_relu",
                 "a camada escondida deve usar a sigmoide, não a ReLU: A1 = σ(Z1)."),
    "tanh": Hint("backprop.hidden_tanh",
                 "a camada escondida deve usar a sigmoide, não a tanh: A1 = σ(Z1)."),
    "softmax_axis0": Hint("backprop.softmax_over_columns", "a softmax deve normalizar cada LINHA "
                          "(cada amostra): some com `axis=1, keepdims=True`."),
    "sigmoid_output": Hint("backprop.sigmoid_output", "a saída é uma softmax, não uma sigmoide: "
                           "as probabilidades de cada linha somam 1."),
    "no_bias": Hint("backprop.forward_no_bias",
                    "faltaram os vieses: Z1 = X @ W1 + b1 e Z2 = A1 @ W2 + b2."),
}


OVERFLOW = Hint("backprop.softmax_overflow", "a softmax ingênua estoura (e^800 = inf, e inf/inf = "
                "NaN). Subtraia o máximo de cada linha antes da exponencial: "
                "`np.exp(Z2 - Z2.max(axis=1, keepdims=True))` — o resultado é o mesmo.")
GLOBAL_MAX = Hint("backprop.softmax_global_max", "subtraiu o máximo do lote inteiro (`np.max(Z2)`)? "
                  "Numa linha muito abaixo dele, todas as exponenciais viram 0, e 0/0 = NaN. "
                  "Subtraia o máximo de CADA linha: `Z2.max(axis=1, keepdims=True)`.")


def _no_keepdims(exc):
    """A dica para a softmax por linha sem ``keepdims``: (n, k) dividido por (n,) não combina."""
    if isinstance(exc, ValueError) and "broadcast" in str(exc):
        return Hint("backprop.softmax_no_keepdims", "para tirar o máximo e dividir pela soma de "
                    "CADA linha, use `keepdims=True`: `Z2.max(axis=1, keepdims=True)` e "
                    "`E.sum(axis=1, keepdims=True)` têm forma (n, 1), que combina com (n, k).")
    return None


def check_forward(forward):
    """Confere ``forward(X, params)`` → ``(P (n, n_out), cache {'Z1', 'A1', 'Z2', 'P'})``."""
    __tracebackhide__ = True
    g = rng(21)
    X = g.normal(size=(6, 4))
    p_random = _random_params(g, 4, 5, 3)
    p_deck = _random_params(g, 4, 5, 3)
    p_deck["W2"], p_deck["b2"] = np.zeros((5, 3)), np.array([2.0, 1.0, 0.0])
    p_big = _random_params(g, 4, 5, 3)
    p_big["b2"] = np.array([800.0, 0.0, -800.0])
    # Linhas em escalas distantes: a camada escondida satura (A1 ≈ 1 numa linha, ≈ 0 na outra)
    # e Z2 ≈ [[1000, 1001, 1002], [−1000, −1000, −999]]. Subtrair o máximo do lote inteiro
    # (1002) zera todas as exponenciais da segunda linha: 0/0.
    X_far = np.array([[1.0, 1.0, 1.0, 1.0], [-1.0, -1.0, -1.0, -1.0]])
    p_far = {"W1": np.full((4, 5), 50.0), "b1": np.zeros(5),
             "W2": np.tile([400.0, 400.2, 400.2], (5, 1)), "b2": np.array([-1000.0, -1000.0, -999.0])}
    cases = [
        (X, p_random, "X aleatório 6×4, params aleatórios (n_hidden = 5, n_out = 3)"),
        (X, p_deck, "Z2 = (2, 1, 0) em toda linha (pato, castor, morsa)"),
        (X, p_big, "logits enormes: b2 = (800, 0, −800)"),
        (X_far, p_far, "linhas em escalas distantes: Z2 ≈ [[1000, 1001, 1002], [−1000, −1000, −999]]"),
        (X[:1], p_random, "uma única amostra (X com forma (1, 4))"),
    ]
    for X_, p, case in cases:
        copies = _copy(p)
        result = call(forward, "forward", X_, copies, case=case, hint_for=_no_keepdims)
        if not _unchanged(p, copies):
            fail(f"`forward` modificou `params` (entrada: {case}). Não altere as entradas.")
        P, cache = expect_tuple(result, "forward", 2, ("P", "cache"), case)
        expected, expected_cache = _forward(X_, p)
        P = as_numbers(P, "forward", "P")
        if P.shape == expected.shape and not np.all(np.isfinite(P)):
            fail(f"`forward`: P contém NaN ou infinito.\n  entrada: {case}", hints=[
                GLOBAL_MAX if p is p_far else OVERFLOW])
        expect_close(P, expected, "forward", case, what="P (as probabilidades)", hints=[
            (_forward(X_, p, mistake)[0], hint) for mistake, hint in _FORWARD_HINTS.items()])
        if not isinstance(cache, dict) or not set(CACHE_KEYS) <= set(cache):
            got = sorted(cache) if isinstance(cache, dict) else type(cache).__name__
            fail(f"`forward`: o cache deve ser um dicionário com as chaves 'Z1', 'A1', 'Z2' e 'P' "
                 f"(o que `backward` vai precisar), mas veio {got}.\n  entrada: {case}")
        for key in CACHE_KEYS:
            expect_close(cache[key], expected_cache[key], "forward", case, what=f"cache['{key}']")
    # Os números do enunciado, escritos por extenso: 0,67, 0,24 e 0,09.
    P_deck, _ = call(forward, "forward", X, _copy(p_deck), case=cases[1][2])
    expect_close(np.round(np.asarray(P_deck, dtype=float)[0], 2), [0.67, 0.24, 0.09], "forward",
                 cases[1][2], what="P arredondado (o enunciado mostra 0,67, 0,24 e 0,09)")
    passed("check_forward", len(cases) + 1)


# --- 3. backward -------------------------------------------------------------------------

_BACKWARD_HINTS = {
    "no_mean": Hint("backprop.grad_not_averaged", "faltou dividir por n: o custo é a MÉDIA da "
                    "entropia cruzada, então δ2 = (P − Y) / n."),
    "double_mean": Hint("backprop.grad_averaged_twice", "dividiu por n duas vezes: δ2 = (P − Y) / n "
                        "já traz a média; os produtos e as somas depois dele não dividem de novo."),
    "sign": Hint("backprop.grad_sign", "o sinal está trocado: com softmax e entropia cruzada, "
                 "δ2 = (P − Y) / n (não Y − P)."),
    "softmax_as_sigmoid": Hint("backprop.softmax_as_sigmoid", "com softmax + entropia cruzada a "
                               "derivada já se simplifica em δ2 = (P − Y) / n; não multiplique por "
                               "P(1 − P) (isso seria tratar cada saída como uma sigmoide isolada)."),
    "only_dL_dP": Hint("backprop.only_dc_dp", "isso é só ∂C/∂P = −Y/P; falta passar pela softmax — "
                       "e as duas juntas se simplificam em δ2 = (P − Y) / n."),
    "no_hidden_derivative": Hint("backprop.no_sigmoid_derivative", "faltou passar pela sigmoide "
                                 "escondida: δ1 = ∂C/∂Z1 é ∂C/∂A1 vezes (elemento a elemento) a "
                                 "derivada σ′(Z1) — que se escreve com o que está no cache."),
    "derivative_of_A1": Hint("backprop.sigmoid_of_a1", "A1 já é σ(Z1): a derivada da sigmoide é "
                             "A1 * (1 − A1), não σ(A1)(1 − σ(A1))."),
    "derivative_from_Z1": Hint("backprop.derivative_from_z1", "a derivada da sigmoide se escreve "
                               "com a SAÍDA dela: σ′(Z1) = A1 * (1 − A1). Z1 * (1 − Z1) não é σ′."),
    "dW2_from_Z1": Hint("backprop.dw2_from_z1",
                        "dW2 usa as ativações A1 (o que entra na camada de saída), não Z1."),
    "bias_mean": Hint("backprop.bias_grad_mean", "δ já foi dividido por n: o gradiente de um viés é "
                      "a SOMA de δ sobre as amostras (`axis=0`), não a média (dividiu por n duas "
                      "vezes)."),
}


def _matmul_hint(exc):
    """Um produto de matrizes cujas formas não combinam: quase sempre uma transposta esquecida."""
    if isinstance(exc, ValueError) and ("matmul" in str(exc) or "aligned" in str(exc)):
        return Hint("backprop.backward_shapes_mismatch", "as formas não combinam num produto: "
                    "escreva a forma de cada termo. δ2 é (n, n_out), W2 é (n_hidden, n_out) e "
                    "∂C/∂A1 tem a forma de A1, (n, n_hidden) — que produto de δ2 com W2 dá essa "
                    "forma? Os gradientes dos pesos são (entrada).T @ δ, como A1.T @ δ2.")
    return None


def _relative_error(a, b):
    return np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-300)


def check_backward(backward):
    """Confere ``backward(X, Y, params, cache)`` → ``grads`` com as chaves e formas de ``params``."""
    __tracebackhide__ = True
    g = rng(31)
    cases = []
    for n, n_in, n_hidden, n_out in ((6, 4, 5, 3), (4, 3, 3, 3)):
        X = g.normal(size=(n, n_in))
        Y = _one_hot(g.integers(0, n_out, size=n), n_out)
        p = _random_params(g, n_in, n_hidden, n_out)
        cases.append((X, Y, p, f"X aleatório {n}×{n_in}, n_hidden = {n_hidden}, n_out = {n_out}"))
    for X, Y, p, case in cases:
        _, cache = _forward(X, p)
        p_in, cache_in = _copy(p), _copy(cache)
        result = call(backward, "backward", X, Y, p_in, cache_in, case=case, hint_for=_matmul_hint)
        if not (_unchanged(p, p_in) and _unchanged(cache, cache_in)):
            fail(f"`backward` modificou `params` ou `cache` (entrada: {case}). "
                 f"Não altere as entradas.")
        shapes = {k: v.shape for k, v in p.items()}
        grads = _as_dict(result, "backward", "grads", shapes, case, n_samples=len(X))
        expected = _backward(X, Y, p, cache)
        for key in KEYS:
            expect_close(grads[key], expected[key], "backward", case, what=f"grads['{key}']",
                         hints=[(_backward(X, Y, p, cache, m)[key], hint)
                                for m, hint in _BACKWARD_HINTS.items()])
        # Conferência independente: o gradiente numérico (diferenças centrais) em float64.
        eps = 1e-6
        for key in KEYS:
            numeric = np.zeros_like(p[key])
            for i in np.ndindex(p[key].shape):
                plus, minus = _copy(p), _copy(p)
                plus[key][i] += eps
                minus[key][i] -= eps
                numeric[i] = (_loss(X, Y, plus) - _loss(X, Y, minus)) / (2 * eps)
            error = _relative_error(grads[key], numeric)
            if not error < 1e-6:
                fail(f"`backward`: grads['{key}'] não bate com o gradiente numérico (diferenças "
                     f"finitas): erro relativo {error:.2e} (o limite é 1e-6).\n  entrada: {case}")
    passed("check_backward", 2 * len(cases))


# --- 4. gradient_check -------------------------------------------------------------------

GC_ONE_SIDED = Hint("backprop.gc_one_sided", "use diferenças CENTRAIS, (C(θ + ε) − C(θ − ε)) / (2ε): "
                    "a diferença de um lado só, (C(θ + ε) − C(θ)) / ε, erra na ordem de ε — com "
                    "ε = 1e-3, um erro relativo perto de 1e-4, que acusaria defeito num backward certo.")
GC_NOT_RESTORED = Hint("backprop.gc_not_restored", "depois de calcular C(θ + ε) e C(θ − ε), devolva "
                       "a entrada ao valor original (`params[k][i] = antigo`). E lembre: "
                       "`params.copy()` copia só o dicionário — os arrays dentro dele são os mesmos, e "
                       "mudar `copia[k][i]` muda `params[k][i]`. Uma cópia de verdade é "
                       "`{k: v.copy() for k, v in params.items()}`.")
GC_USES_LIBRARY = Hint("backprop.gc_uses_library", "escreva as diferenças finitas você mesmo, com um "
                       "laço sobre `np.ndindex(params[k].shape)`: o `numerical_gradient` da biblioteca "
                       "faz essa mesma conta por dentro, e o exercício é escrevê-la.")

_GC_HINTS = {
    "one_sided": GC_ONE_SIDED,
    "copy_not_restored": GC_NOT_RESTORED,
    "divides_by_eps": Hint("backprop.gc_numeric_off_by_2", "o gradiente numérico saiu o DOBRO ou a "
                           "METADE do certo (por isso o erro relativo é 1/3). O dobro: dividir por "
                           "`eps` — a diferença central anda 2ε, de θ − ε até θ + ε. A metade: "
                           "C(θ − ε) calculado, sem querer, em θ — `-= eps` logo depois de `+= eps` "
                           "volta a θ (é preciso `-= 2 * eps`), e duas cópias `params.copy()` "
                           "dividem os mesmos arrays."),
    "summed_cost": Hint("backprop.gc_summed_cost", "o custo é a MÉDIA da entropia cruzada nas n "
                        "amostras (é dele que `backward` calcula o gradiente): "
                        "`-np.mean(np.sum(Y * np.log(P), axis=1))`."),
    "no_minus": Hint("backprop.gc_cost_without_minus", "faltou o sinal de menos no custo: "
                     "C = −(1/n)·Σ Y ln P (o gradiente numérico saiu com o sinal trocado, e o erro "
                     "relativo, 1)."),
    "whole_array": Hint("backprop.gc_whole_array", "mexa numa entrada de cada vez: `params[k][i] += "
                        "eps` com `i` vindo de `np.ndindex(params[k].shape)`. Somar ε ao array "
                        "inteiro mede a derivada numa direção só, não cada ∂C/∂θ_i."),
    "absolute": Hint("backprop.gc_absolute_error", "o erro é RELATIVO: ‖a − b‖ / (‖a‖ + ‖b‖), com "
                     "`np.linalg.norm`. Sem dividir, o número depende da escala do gradiente."),
    "ignores_backward": Hint("backprop.gc_ignores_backward", "o seu teste aprovou um `backward` "
                             "com defeito: use o `forward` e o `backward` que chegam como "
                             "ARGUMENTOS de `gradient_check`, não os seus pelo nome."),
    "max_abs": Hint("backprop.gc_max_instead_of_norm", "use a norma (`np.linalg.norm`) da diferença e "
                    "dos dois gradientes: ‖a − b‖ / (‖a‖ + ‖b‖), não o maior valor absoluto."),
}


def _bug_no_sigmoid_derivative(X, Y, params, cache):
    return _backward(X, Y, params, cache, "no_hidden_derivative")


def _bug_doubled_dW2(X, Y, params, cache):
    grads = _backward(X, Y, params, cache)
    return {**grads, "W2": 2 * grads["W2"]}


def _reference_errors(backward, X, Y, p, eps, mistake=None):
    """Os erros relativos que um ``gradient_check`` certo (ou com o engano ``mistake``) devolve."""
    grads = (_backward if mistake == "ignores_backward" else backward)(X, Y, p, _forward(X, p)[1])
    n = len(X)
    errors = {}
    drift = _copy(p)            # "copy_not_restored": cada entrada fica em θ − ε, e o erro se acumula
    for key in KEYS:
        numeric = np.zeros_like(p[key])
        for i in np.ndindex(p[key].shape):
            if mistake == "copy_not_restored":
                drift[key][i] += eps
                c_plus = _loss(X, Y, drift)
                drift[key][i] -= 2 * eps
                numeric[i] = (c_plus - _loss(X, Y, drift)) / (2 * eps)
                continue
            plus, minus = _copy(p), _copy(p)
            if mistake == "whole_array":
                plus[key] += eps
                minus[key] -= eps
            else:
                plus[key][i] += eps
                minus[key][i] -= eps
            if mistake == "one_sided":
                minus = p
            step = eps if mistake in ("one_sided", "divides_by_eps") else 2 * eps
            numeric[i] = (_loss(X, Y, plus) - _loss(X, Y, minus)) / step
        numeric *= {"summed_cost": n, "no_minus": -1}.get(mistake, 1)
        a, b = grads[key], numeric
        if mistake == "absolute":
            errors[key] = np.linalg.norm(a - b)
        elif mistake == "max_abs":
            errors[key] = np.max(np.abs(a - b)) / (np.max(np.abs(a)) + np.max(np.abs(b)))
        else:
            errors[key] = _relative_error(a, b)
    return errors


def _public_forward(X, params):
    """O ``forward`` certo, entregue ao ``gradient_check`` do aluno (P, cache)."""
    return _forward(X, params)


def _uses_library(f):
    """``f`` chama o ``numerical_gradient`` (ou o ``check_model_gradients``) da biblioteca?"""
    from .. import gradcheck
    library = (gradcheck.numerical_gradient, gradcheck.check_model_gradients)
    code = getattr(f, "__code__", None)
    names = code.co_names if code else ()
    # o nome no notebook (importado numa célula) ou um import dentro da própria função
    found = [getattr(f, "__globals__", {}).get(name) for name in names]
    return (any(obj is lib for obj in found for lib in library)
            or any(name.endswith("gradcheck") for name in names))


def check_gradient_check(gradient_check):
    """Confere ``gradient_check(forward, backward, X, Y, params, eps)`` → ``{chave: erro relativo}``.

    O ``forward`` entregue é o certo; os ``backward`` são um certo e dois com defeito (sem a
    derivada da sigmoide; dW2 em dobro): o teste do aluno tem de aprovar o primeiro e apontar,
    nos outros, exatamente as chaves erradas.
    """
    __tracebackhide__ = True
    if _uses_library(gradient_check):
        fail("`gradient_check` usa o `numerical_gradient` da biblioteca.", hints=[GC_USES_LIBRARY])
    g = rng(61)
    X = g.normal(size=(5, 3))
    Y = _one_hot(g.integers(0, 3, size=5), 3)
    p = _random_params(g, 3, 4, 3)
    shapes = {key: () for key in KEYS}
    cases = [
        (_backward, 1e-6, "o `backward` certo, eps = 1e-6"),
        (_backward, 1e-3, "o `backward` certo, eps = 1e-3"),
        (_bug_no_sigmoid_derivative, 1e-6,
         "um `backward` sem a derivada da sigmoide (grads['W1'] e grads['b1'] errados), eps = 1e-6"),
        (_bug_doubled_dW2, 1e-6, "um `backward` que devolve dW2 em dobro (só grads['W2'] errado), "
                                 "eps = 1e-6"),
    ]
    for backward, eps, case in cases:
        case = f"gradient_check(forward, backward, X 5×3, Y, params, eps) com {case}"
        p_in = _copy(p)
        result = call(gradient_check, "gradient_check", _public_forward, backward, X, Y, p_in, eps,
                      case=case)
        # Devolver θ por conta (+ε, −2ε, +ε) deixa um arredondamento de 1e-16: isso não é engano.
        if not _unchanged(p, p_in, atol=1e-12):
            fail(f"`gradient_check` devolveu `params` diferente de como recebeu.\n  entrada: {case}",
                 hints=[GC_NOT_RESTORED])
        errors = _as_dict(result, "gradient_check", "os erros relativos", shapes, case)
        expected = _reference_errors(backward, X, Y, p, eps)
        hints = [(mistake, _reference_errors(backward, X, Y, p, eps, mistake), hint)
                 for mistake, hint in _GC_HINTS.items()]
        for key in KEYS:
            wrong = [(errs[key], hint) for _, errs, hint in hints]
            if expected[key] < 1e-6:
                # Um gradiente certo: qualquer número abaixo da tolerância serve (é arredondamento).
                if not 0 <= errors[key] < 1e-6:
                    expect_close(errors[key], expected[key], "gradient_check", case,
                                 what=f"o erro relativo de '{key}' (com um `backward` certo, "
                                      f"menos de 1e-6)", hints=wrong)
            else:
                expect_close(errors[key], expected[key], "gradient_check", case, rtol=1e-3,
                             what=f"o erro relativo de '{key}'", hints=wrong)
    passed("check_gradient_check", len(cases))


# --- 5. update ---------------------------------------------------------------------------

def check_update(update):
    """Confere ``update(params, grads, lr)`` → um dicionário NOVO com ``params − lr · grads``."""
    __tracebackhide__ = True
    g = rng(41)
    cases = [(_random_params(g, 3, 4, 2), _random_params(g, 3, 4, 2), 0.1,
              "params e grads aleatórios, lr = 0.1"),
             (_random_params(g, 5, 2, 3), _random_params(g, 5, 2, 3), 2.0,
              "params e grads aleatórios, lr = 2.0")]
    for p, grads, lr, case in cases:
        p_in, grads_in = _copy(p), _copy(grads)
        result = call(update, "update", p_in, grads_in, lr, case=case)
        if not _unchanged(grads, grads_in):
            fail(f"`update` modificou `grads` (entrada: {case}). Não altere as entradas.")
        if not _unchanged(p, p_in):
            # Um dicionário novo cujos arrays são os mesmos objetos: ``params.copy()`` e ``-=``.
            shallow = (isinstance(result, dict) and result is not p_in
                       and any(result.get(k) is p_in[k] for k in p_in))
            fail(f"`update` modificou `params` no lugar (entrada: {case}).", hints=[Hint(
                "backprop.update_shallow_copy", "`params.copy()` (ou `dict(params)`) copia só o "
                "dicionário: os arrays dentro dele são os MESMOS, e `novo[k] -= ...` muda os de "
                "`params` também. Crie arrays novos: `novo[k] = params[k] - lr * grads[k]`.")
                if shallow else Hint(
                "backprop.update_in_place", "não use `params[k] -= ...`; devolva um dicionário "
                "NOVO, por exemplo `{k: params[k] - lr * grads[k] for k in params}`.")])
        if result is None:
            fail(f"`update` devolveu None (entrada: {case}).", hints=[Hint(
                "backprop.update_no_return",
                "faltou o `return` do dicionário novo com os parâmetros atualizados.")])
        shapes = {k: v.shape for k, v in p.items()}
        new = _as_dict(result, "update", "os parâmetros novos", shapes, case)
        for key in KEYS:
            expect_close(new[key], p[key] - lr * grads[key], "update", case,
                         what=f"params['{key}'] atualizado", hints=[
                             (p[key] + lr * grads[key], Hint("backprop.update_climbs", "o sinal "
                              "está trocado: desça o gradiente, `params[k] - lr * grads[k]`.")),
                             (p[key] - grads[key], Hint("backprop.update_without_lr",
                              "faltou multiplicar pela taxa de aprendizado `lr`.")),
                             (p[key], Hint("backprop.update_skips_param", "este parâmetro não "
                              "mudou: atualize todos, inclusive os vieses b1 e b2.")),
                         ])
    passed("check_update", len(cases))


# --- 6. train_mlp ------------------------------------------------------------------------

def _train(X, Y, n_hidden, lr, epochs, batch_size, seed, mistake=None):
    """Referência: SGD em mini-lotes com embaralhamento pela semente; devolve os históricos aceitos."""
    n = len(X)
    p = _init(X.shape[1], n_hidden, Y.shape[1], seed)
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
            P, cache = _forward(X[idx], p)
            losses.append(-np.mean(np.sum(Y_batch * np.log(P), axis=1)))
            sizes.append(len(idx))
            if mistake == "update_before_delta1":
                # W2 e b2 atualizados antes de δ1 — que então usa o W2 novo.
                dZ2 = (P - Y_batch) / len(idx)
                p = {**p, "W2": p["W2"] - lr * cache["A1"].T @ dZ2, "b2": p["b2"] - lr * dZ2.sum(axis=0)}
                dZ1 = (dZ2 @ p["W2"].T) * cache["A1"] * (1 - cache["A1"])
                p = {**p, "W1": p["W1"] - lr * X[idx].T @ dZ1, "b1": p["b1"] - lr * dZ1.sum(axis=0)}
                continue
            grads = _backward(X[idx], Y_batch, p, cache)
            p = {k: p[k] - lr * grads[k] for k in p}
        unweighted.append(np.mean(losses))
        weighted.append(np.average(losses, weights=sizes))
        full.append(_loss(X, Y, p))
    return p, (np.array(unweighted), np.array(weighted), np.array(full))


_TRAIN_HINTS = {
    "no_shuffle": Hint("backprop.train_no_shuffle", "parece que os dados não foram embaralhados: "
                       "a cada época, `ordem = rng.permutation(n)` e os mini-lotes saem de `ordem`."),
    "same_order": Hint("backprop.train_same_order", "a ordem é a mesma em toda época: crie "
                       "`rng = np.random.default_rng(seed)` UMA vez, antes do laço das épocas."),
    "shuffle_X_only": Hint("backprop.train_shuffles_x_only", "X foi embaralhado mas Y não: use os "
                           "MESMOS índices nos dois, `X[idx]` e `Y[idx]`."),
    "drop_last": Hint("backprop.train_drops_last_batch", "o último mini-lote, menor, ficou de "
                      "fora: percorra `range(0, n, batch_size)`."),
    "full_batch": Hint("backprop.train_full_batch", "isso é gradiente descendente em lote (todos "
                       "os dados de uma vez): use mini-lotes de `batch_size` amostras."),
    "update_before_delta1": Hint("backprop.train_updates_before_delta1", "W2 foi atualizado antes "
                                 "de δ1 ser calculado? δ1 = (δ2 W2ᵀ) ⊙ A1 ⊙ (1 − A1) usa o W2 com "
                                 "que a passagem para frente foi feita. Calcule TODOS os gradientes "
                                 "(`backward`) e só depois atualize (`update`)."),
}


def _small_problem():
    g = rng(51)
    X = g.normal(size=(30, 4))
    labels = np.argmax(X @ g.normal(size=(4, 3)), axis=1)
    return X, _one_hot(labels, 3)


def _digits_file():
    """O arquivo dos dígitos que vem dentro do scikit-learn — achado sem importar o pacote.

    ``sklearn.datasets.load_digits`` lê este mesmo arquivo; importar o scikit-learn custaria
    de 1 a 2 s por kernel, a cada entrega corrigida (os testes conferem que dá o mesmo).
    """
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("sklearn")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "datasets" / "data" / "digits.csv.gz"
    return path if path.is_file() else None


def _digits():
    """Os dígitos 8×8 do scikit-learn em [0, 1], divididos sempre do mesmo jeito.

    Divisão estratificada com semente fixa: de cada dígito, 25 % vão para o teste. Nesta
    divisão a regressão logística acerta 97 % — uma rede certa passa de 95 % com folga.
    Devolve ``(X_train, Y_train one-hot, X_test, y_test)``.
    """
    path = _digits_file()
    if path is not None:
        table = np.loadtxt(path, delimiter=",")
        X, y = table[:, :-1], table[:, -1].astype(int)
    else:                                   # uma instalação diferente: o caminho oficial
        from sklearn.datasets import load_digits
        digits = load_digits()
        X, y = digits.data, digits.target
    g = np.random.default_rng(1)
    test = np.concatenate([g.permutation(np.flatnonzero(y == c))[:round(0.25 * np.sum(y == c))]
                           for c in range(10)])
    train = np.setdiff1d(np.arange(len(y)), test)
    return X[train] / 16.0, _one_hot(y[train], 10), X[test] / 16.0, y[test]


def check_train_mlp(train_mlp):
    """Confere ``train_mlp(X, Y, n_hidden, lr, epochs, batch_size, seed)`` → ``(params, history)``."""
    __tracebackhide__ = True
    X, Y = _small_problem()

    def run(X, Y, n_hidden, lr, epochs, batch_size, seed, label):
        __tracebackhide__ = True
        case = (f"train_mlp({label}, n_hidden={n_hidden}, lr={lr}, epochs={epochs}, "
                f"batch_size={batch_size}, seed={seed})")
        result = call(train_mlp, "train_mlp", X, Y, n_hidden, lr, epochs, batch_size, seed, case=case)
        params, history = expect_tuple(result, "train_mlp", 2, ("params", "history"), case)
        shapes = _shapes(X.shape[1], n_hidden, Y.shape[1])
        params = _as_dict(params, "train_mlp", "params", shapes, case)
        if not isinstance(history, (list, tuple, np.ndarray)) or len(history) != epochs:
            fail(f"`train_mlp`: `history` deve ser uma lista com o custo médio de cada época "
                 f"({epochs} valores), mas veio {fmt(history)}.\n  entrada: {case}")
        return params, as_numbers(history, "train_mlp", "history"), case

    # 1. A semente: reprodutível e usada.
    args = (X, Y, 5, 0.5, 3, 8, 3, "30 amostras, 4 atributos, 3 classes")
    got, history, case = run(*args)
    again, _, _ = run(*args)
    other, _, _ = run(*args[:6], 4, args[7])
    expect_seed_respected(_same(got, again, rtol=0, atol=0), _same(got, other, rtol=0, atol=0),
                          "train_mlp", (3, 4), case, "resultados",
                          Hint("backprop.train_seed_ignored", "embaralhe com `rng = np.random."
                               "default_rng(seed)` (não `np.random.permutation`, que não usa a semente)."))

    # 2. Três épocas com mini-lotes de 8 (o último tem 6), iguais às da referência.
    expected, histories = _train(*args[:7])
    if not _same(got, expected):
        _, diff = _first_difference(got, expected, "params")
        message = (f"`train_mlp`: depois de 3 épocas os parâmetros não batem com os da referência.\n"
                   f"  entrada: {case}\n{diff}\n  lembre: params = init_params(n_in, n_hidden, n_out, "
                   f"seed); rng = np.random.default_rng(seed); a cada época, ordem = "
                   f"rng.permutation(n) e, para cada início em range(0, n, batch_size), "
                   f"forward → backward → update no mini-lote. Se alguma verificação acima "
                   f"(`check_forward`, `check_backward`, `check_update`) falhou, corrija-a "
                   f"primeiro: `train_mlp` usa essas funções.")
        fail(message, hints=[hint for mistake, hint in _TRAIN_HINTS.items()
                             if _same(got, _train(*args[:7], mistake)[0], rtol=1e-5, atol=1e-8)])
    if not any(is_close(history, h, rtol=1e-5, atol=1e-8) for h in histories):
        expect_close(history, histories[0], "train_mlp", case, rtol=1e-5, atol=1e-8,
                     what="history (a média dos custos dos mini-lotes de cada época)", hints=[
            (histories[0] / Y.shape[1], Hint("backprop.history_mean_over_entries", "o custo de "
             "um mini-lote é a média sobre as AMOSTRAS: some nas classes e depois tire a média, "
             "`-np.mean(np.sum(Y * np.log(P), axis=1))`. `np.mean(Y * np.log(P))` divide também "
             "por n_out (o custo saiu n_out vezes menor).")),
            (-histories[0], Hint("backprop.history_sign", "faltou o sinal de menos no custo: "
             "C = −(1/n)·Σ Y ln P é positivo.")),
        ])

    # 3. Nos dígitos do scikit-learn: o custo cai e a acurácia de teste passa de 95 %.
    X_train, Y_train, X_test, y_test = _digits()
    params, history, case = run(X_train, Y_train, 32, 0.5, 30, 16, 0,
                                "dígitos do scikit-learn, 1347 amostras de treino")
    if not (np.all(np.isfinite(history)) and history[-1] < 0.5 * history[0]):
        fail(f"`train_mlp`: o custo deveria cair ao longo das épocas, mas history = "
             f"{fmt(history)}.\n  entrada: {case}")
    P, _ = _forward(X_test, params)
    accuracy = float(np.mean(np.argmax(P, axis=1) == y_test))
    if accuracy < 0.95:
        shown = f"{100 * accuracy:.1f}".replace(".", ",")
        fail(f"`train_mlp`: acurácia de teste {shown} % nos dígitos; o esperado é ao menos 95 %."
             f"\n  entrada: {case}")
    # O número que importa, ao lado do da referência treinada agora, com os mesmos dados e semente.
    reference, reference_histories = _train(X_train, Y_train, 32, 0.5, 30, 16, 0)
    reference_accuracy = float(np.mean(np.argmax(_forward(X_test, reference)[0], axis=1) == y_test))
    passed("check_train_mlp", 4, figure=(
        f"nos {len(y_test)} dígitos de teste da verificação, a sua rede acertou {percent(accuracy)} (custo final "
        f"{history[-1]:.3f}); a solução do curso acerta {percent(reference_accuracy)} (custo final "
        f"{reference_histories[0][-1]:.3f})".replace(".", ",")))
