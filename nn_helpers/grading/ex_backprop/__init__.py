"""Verificações do exercício ``ex_backprop`` (capítulo 6, feedforward e retropropagação).

A rede: ``n_in`` entradas → ``n_hidden`` neurônios com sigmoide → ``n_out`` saídas com
softmax, custo = média da entropia cruzada categórica. Uma verificação por função do aluno:
``check_init_params(init_params)``, ``check_forward(forward)``, ``check_backward(backward)``,
``check_gradient_check(gradient_check)``, ``check_update(update)`` e ``check_train_mlp(train_mlp)``.

Os valores esperados são calculados aqui mesmo, com numpy puro (:mod:`.solution`) — nunca com
as funções de ``nn_helpers`` que o capítulo ensina —, e o gradiente de ``backward`` é
conferido também contra o gradiente numérico (diferenças finitas). As dicas estão em
:mod:`.mistakes`; as duas verificações que rodam um procedimento inteiro, em :mod:`.training`.
"""

from functools import partial

import numpy as np

from ..checking import (as_numbers, call, check, expect_close, expect_seed_respected,
                        expect_tuple, fail, install_notebook_hints, rng)
from ..params import KEYS, copy, expect_dict, first_difference, same, shapes
from . import mistakes, solution
from .training import check_gradient_check, check_train_mlp

__all__ = ["check_init_params", "check_forward", "check_backward", "check_gradient_check",
           "check_update", "check_train_mlp"]

install_notebook_hints()

# A acurácia que a solução do curso obtém na célula "Para ir além" (dígitos do scikit-learn,
# train_test_split com seed=0, n_hidden=32, lr=0.5, 30 épocas): 432 de 450 imagens de teste.
# tests/test_exercises.py roda a solução e confere que o número impresso é este.
GO_FURTHER_ACCURACY = 0.96
CACHE_KEYS = ("Z1", "A1", "Z2", "P")


# --- 1. init_params ----------------------------------------------------------------------

@check
def check_init_params(init_params):
    """Confere ``init_params(n_in, n_hidden, n_out, seed)`` → ``{'W1', 'b1', 'W2', 'b2'}``."""
    def run(n_in, n_hidden, n_out, seed):
        case = f"init_params({n_in}, {n_hidden}, {n_out}, seed={seed})"
        result = call(init_params, "init_params", n_in, n_hidden, n_out, seed, case=case)
        return expect_dict(result, "init_params", "params", shapes(n_in, n_hidden, n_out), case,
                           mistakes.shape_hint), case

    for n_in, n_hidden, n_out, seed in [(3, 4, 2, 0), (64, 32, 10, 5)]:
        got, case = run(n_in, n_hidden, n_out, seed)
        again, _ = run(n_in, n_hidden, n_out, seed)
        other, _ = run(n_in, n_hidden, n_out, seed + 1)
        expect_seed_respected(same(got, again, rtol=0, atol=0), same(got, other, rtol=0, atol=0),
                              "init_params", (seed, seed + 1), case, "pesos",
                              mistakes.INIT_SEED_IGNORED)
        if np.any(got["b1"] != 0) or np.any(got["b2"] != 0):
            fail(f"`init_params`: os vieses (*bias*) b1 e b2 começam em zero.\n"
                 f"  entrada: {case}")
        expected = solution.init(n_in, n_hidden, n_out, seed)
        if not same(got, expected, rtol=1e-10, atol=1e-12):
            _, diff = first_difference(got, expected, "params", rtol=1e-10, atol=1e-12)
            message = (f"`init_params` não sorteou os pesos pedidos.\n  entrada: {case}\n{diff}\n"
                       f"  lembre: rng = np.random.default_rng(seed); W1 = rng.normal(0, √(1/n_in), "
                       f"size=(n_in, n_hidden)); depois W2 = rng.normal(0, √(1/n_hidden), "
                       f"size=(n_hidden, n_out)).")
            fail(message, hints=[hint for mistake, hint in mistakes.INIT.items() if same(
                got, solution.init(n_in, n_hidden, n_out, seed, mistake), rtol=1e-6)])
    # As estatísticas numa camada grande: média ≈ 0 e desvio padrão ≈ √(1/n_in).
    big, case = run(400, 300, 200, 2)
    for key, fan_in in (("W1", 400), ("W2", 300)):
        std, mean = big[key].std(), big[key].mean()
        if not (abs(std / np.sqrt(1 / fan_in) - 1) < 0.03 and abs(mean) < 0.1 * np.sqrt(1 / fan_in)):
            fail(f"`init_params`: params['{key}'] deveria ter média ≈ 0 e desvio padrão ≈ "
                 f"√(1/{fan_in}) = {np.sqrt(1 / fan_in):.4f}, mas tem média {mean:.4f} e desvio "
                 f"{std:.4f}.\n  entrada: {case}")


# --- 2. forward --------------------------------------------------------------------------

@check
def check_forward(forward):
    """Confere ``forward(X, params)`` → ``(P (n, n_out), cache {'Z1', 'A1', 'Z2', 'P'})``."""
    g = rng(21)
    X = g.normal(size=(6, 4))
    p_random = solution.random_params(g, 4, 5, 3)
    p_deck = solution.random_params(g, 4, 5, 3)
    p_deck["W2"], p_deck["b2"] = np.zeros((5, 3)), np.array([2.0, 1.0, 0.0])
    p_big = solution.random_params(g, 4, 5, 3)
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
        copies = copy(p)
        result = call(forward, "forward", X_, copies, case=case, hint_for=mistakes.no_keepdims)
        if not same(p, copies, rtol=0, atol=0):
            fail(f"`forward` modificou `params` (entrada: {case}). Não altere as entradas.")
        P, cache = expect_tuple(result, "forward", 2, ("P", "cache"), case)
        expected, expected_cache = solution.forward(X_, p)
        P = as_numbers(P, "forward", "P")
        if P.shape == expected.shape and not np.all(np.isfinite(P)):
            fail(f"`forward`: P contém NaN ou infinito.\n  entrada: {case}", hints=[
                mistakes.NOT_FINITE["global_max" if p is p_far else "overflow"]])
        expect_close(P, expected, "forward", case, what="P (as probabilidades)", hints=[
            (solution.forward(X_, p, mistake)[0], hint)
            for mistake, hint in mistakes.FORWARD.items()])
        if not isinstance(cache, dict) or not set(CACHE_KEYS) <= set(cache):
            got = sorted(cache) if isinstance(cache, dict) else type(cache).__name__
            fail(f"`forward`: o cache deve ser um dicionário com as chaves 'Z1', 'A1', 'Z2' e 'P' "
                 f"(o que `backward` vai precisar), mas veio {got}.\n  entrada: {case}")
        for key in CACHE_KEYS:
            expect_close(cache[key], expected_cache[key], "forward", case, what=f"cache['{key}']")
    # Os números do enunciado, escritos por extenso: 0,67, 0,24 e 0,09.
    P_deck, _ = call(forward, "forward", X, copy(p_deck), case=cases[1][2])
    expect_close(np.round(np.asarray(P_deck, dtype=float)[0], 2), [0.67, 0.24, 0.09], "forward",
                 cases[1][2], what="P arredondado (o enunciado mostra 0,67, 0,24 e 0,09)")


# --- 3. backward -------------------------------------------------------------------------

@check
def check_backward(backward):
    """Confere ``backward(X, Y, params, cache)`` → ``grads`` com as chaves e formas de ``params``."""
    g = rng(31)
    cases = []
    for n, n_in, n_hidden, n_out in ((6, 4, 5, 3), (4, 3, 3, 3)):
        X = g.normal(size=(n, n_in))
        Y = solution.one_hot(g.integers(0, n_out, size=n), n_out)
        p = solution.random_params(g, n_in, n_hidden, n_out)
        cases.append((X, Y, p, f"X aleatório {n}×{n_in}, n_hidden = {n_hidden}, n_out = {n_out}"))
    for X, Y, p, case in cases:
        _, cache = solution.forward(X, p)
        p_in, cache_in = copy(p), copy(cache)
        result = call(backward, "backward", X, Y, p_in, cache_in, case=case,
                      hint_for=mistakes.matmul_mismatch)
        if not (same(p, p_in, rtol=0, atol=0) and same(cache, cache_in, CACHE_KEYS, rtol=0, atol=0)):
            fail(f"`backward` modificou `params` ou `cache` (entrada: {case}). "
                 f"Não altere as entradas.")
        grads = expect_dict(result, "backward", "grads", {k: v.shape for k, v in p.items()}, case,
                            partial(mistakes.shape_hint, n_samples=len(X)))
        expected = solution.backward(X, Y, p, cache)
        for key in KEYS:
            expect_close(grads[key], expected[key], "backward", case, what=f"grads['{key}']",
                         hints=[(solution.backward(X, Y, p, cache, m)[key], hint)
                                for m, hint in mistakes.BACKWARD.items()])
        # Conferência independente: o gradiente numérico (diferenças centrais) em float64.
        numeric = solution.numerical_gradient(X, Y, p, 1e-6)
        for key in KEYS:
            error = solution.relative_error(grads[key], numeric[key])
            if not error < 1e-6:
                fail(f"`backward`: grads['{key}'] não bate com o gradiente numérico (diferenças "
                     f"finitas): erro relativo {error:.2e} (o limite é 1e-6).\n  entrada: {case}")


# --- 5. update (4. gradient_check e 6. train_mlp estão em training.py) ----------------------

@check
def check_update(update):
    """Confere ``update(params, grads, lr)`` → um dicionário NOVO com ``params − lr · grads``."""
    g = rng(41)
    cases = [(solution.random_params(g, 3, 4, 2), solution.random_params(g, 3, 4, 2), 0.1,
              "params e grads aleatórios, lr = 0.1"),
             (solution.random_params(g, 5, 2, 3), solution.random_params(g, 5, 2, 3), 2.0,
              "params e grads aleatórios, lr = 2.0")]
    for p, grads, lr, case in cases:
        p_in, grads_in = copy(p), copy(grads)
        result = call(update, "update", p_in, grads_in, lr, case=case)
        if not same(grads, grads_in, rtol=0, atol=0):
            fail(f"`update` modificou `grads` (entrada: {case}). Não altere as entradas.")
        if not same(p, p_in, rtol=0, atol=0):
            # Um dicionário novo cujos arrays são os mesmos objetos: ``params.copy()`` e ``-=``.
            shallow = (isinstance(result, dict) and result is not p_in
                       and any(result.get(k) is p_in[k] for k in p_in))
            fail(f"`update` modificou `params` no lugar (entrada: {case}).", hints=[
                mistakes.UPDATE["shallow_copy" if shallow else "in_place"]])
        if result is None:
            fail(f"`update` devolveu None (entrada: {case}).", hints=[mistakes.UPDATE["no_return"]])
        new = expect_dict(result, "update", "os parâmetros novos", {k: v.shape for k, v in p.items()},
                          case, mistakes.shape_hint)
        for key in KEYS:
            expect_close(new[key], p[key] - lr * grads[key], "update", case,
                         what=f"params['{key}'] atualizado",
                         hints=mistakes.wrong_updates(p[key], grads[key], lr))
