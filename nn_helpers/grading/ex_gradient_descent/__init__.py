"""Verificações do exercício ``ex_gradient_descent`` (capítulos 2 e 3).

Uma verificação por função do aluno: ``check_sigmoid(sigmoid)``,
``check_output_formula(output_formula)``, ``check_error_formula(error_formula)``,
``check_update_weights(update_weights)``, ``check_cost_gradient(cost_gradient)`` e
``check_train(train)``.

``cost_gradient`` é a parte em que o aluno deriva: o gradiente do custo MÉDIO de todas as
amostras, que nem o enunciado nem o capítulo escrevem. A verificação o compara com o gradiente
exato, que bate com a inclinação medida por diferenças finitas (conferido no último caso):
toda forma correta de escrever a conta passa.

O contrato de ``train`` (o enunciado diz o mesmo): pesos e viés começam
em zero; em cada época, uma atualização por amostra, na ordem dada
(gradiente descendente estocástico); ``errors``
guarda, depois de cada época, a entropia cruzada binária média sobre todas as
amostras.

Os valores esperados são calculados aqui mesmo, com numpy puro (:mod:`.solution`) — nunca com
as funções de ``nn_helpers`` que os capítulos ensinam — e os números do
enunciado estão escritos por extenso. As dicas estão em :mod:`.mistakes`; :mod:`.common` guarda
o que as verificações de ``ex_perceptron``, ``ex_linear_regression`` e ``ex_softmax`` também usam.
"""

from functools import partial

import numpy as np

from .. import reference as ref
from ..checking import (as_numbers, call, check, expect_close, expect_shape, expect_tuple, fail,
                        fmt, install_notebook_hints, is_close, rng)
from ..reference import PARK_X, PARK_Y
from . import mistakes, solution
from ..common import (expect_gradient, expect_pair, expect_per_epoch, expect_same_twice,
                     numeric_gradient, off_by_one, reminding)

__all__ = ["check_sigmoid", "check_output_formula", "check_error_formula",
           "check_update_weights", "check_cost_gradient", "check_train"]

install_notebook_hints()
_call = partial(call, hint_for=mistakes.hint_for)   # `call` com as dicas das exceções comuns

# As probabilidades que dois modelos dão à cor certa de quatro pontos (as do enunciado,
# tiradas do Curso prático de Deep Learning com Python e Keras; os rótulos são nossos).
DECK_Y = np.array([1.0, 1.0, 0.0, 0.0])
DECK_BAD = np.array([0.6, 0.2, 0.9, 0.3])    # cor certa: 0.6, 0.2, 0.1, 0.7 → 4.8
DECK_GOOD = np.array([0.7, 0.9, 0.2, 0.4])   # cor certa: 0.7, 0.9, 0.8, 0.6 → 1.2

# Os números do "Para ir além" (tumores de mama, raio e textura médios padronizados) que a
# solução do curso obtém; tests/test_exercises.py::test_solution_passes_every_check os mede de
# novo, rodando a solução.
GO_FURTHER_ACCURACY = 0.8893       # `train`, 50 épocas com η = 0.01: acurácia no treino
GO_FURTHER_BATCH_ERROR = 0.2558    # 300 passos em lote com `cost_gradient`, η = 1: o custo


@check
def check_sigmoid(sigmoid):
    """Confere ``sigmoid(z)``: qualquer forma → mesma forma, sem overflow para |z| grande."""
    cases = [
        (np.array([-2.0, -1.0, 0.0, 1.0, 2.0]), "z = [−2, −1, 0, 1, 2]"),
        (0.0, "z = 0 (o ponto em cima da reta: P = 0,5)"),
        (rng(11).normal(size=(3, 4)) * 3, "uma matriz 3×4 aleatória (a forma deve ser mantida)"),
    ]
    for z, case in cases:
        got = _call(sigmoid, "sigmoid", z, case=f"sigmoid({case})")
        z = np.asarray(z, dtype=float)
        expect_close(got, ref.sigmoid(z), "sigmoid", case, what="σ(z)",
                     hints=mistakes.sigmoid_mistakes(z))
    # Os casos extremos, com os avisos do numpy transformados em erro.
    big = np.array([-1000.0, -50.0, 0.0, 50.0, 1000.0])
    case = "z = [−1000, −50, 0, 50, 1000]"
    got = _call(sigmoid, "sigmoid", big, case=f"sigmoid({case})", strict=True)
    expect_close(got, ref.sigmoid(big), "sigmoid", case, what="σ(z)")


@check
def check_output_formula(output_formula):
    """Confere ``output_formula(features, weights, bias)``: (n, d) → (n,), ou (d,) → número."""
    X = rng(12).normal(size=(5, 3))
    w = np.array([0.5, -1.0, 2.0])
    cases = [
        (np.array([1.0, 1.0]), np.zeros(2), 0.0,
         "um ponto x = [1, 1] com pesos zero e b = 0 (ŷ = σ(0) = 0,5)"),
        # O caso aleatório vem antes do ponto [2, −1]: nele, dobrar x·w e subtrair o viés dão o
        # mesmo ŷ (−2 + 0,5 = −1 − 0,5), e a dica do viés apontaria um erro que não existe.
        (X, w, -0.7, f"X aleatório 5×3 (uma linha por amostra), w = {fmt(w)}, b = −0.7"),
        (np.array([2.0, -1.0]), np.array([0.5, 2.0]), 0.5,
         "um ponto x = [2, −1], w = [0.5, 2], b = 0.5"),
        (X[:1], w, 1.5, "uma única amostra numa matriz (forma (1, 3)), b = 1.5"),
    ]
    for features, weights, bias, case in cases:
        got = _call(output_formula, "output_formula", features, weights, bias, case=case)
        expect_close(got, ref.sigmoid(features @ weights + bias), "output_formula", case,
                     what="ŷ", hints=mistakes.output_mistakes(features, weights, bias))


@check
def check_error_formula(error_formula):
    """Confere ``error_formula(y, output)``: a entropia cruzada binária de cada amostra."""
    g = rng(13)
    y_rand = (g.random(6) < 0.5).astype(float)
    p_rand = g.uniform(0.05, 0.95, size=6)
    cases = [
        (DECK_Y, DECK_BAD, "o modelo pior do enunciado: probabilidades da cor certa 0.6, 0.2, "
                           "0.1, 0.7 (a soma dos erros dá 4,8)"),
        (DECK_Y, DECK_GOOD, "o modelo melhor do enunciado: probabilidades da cor certa 0.7, "
                            "0.9, 0.8, 0.6 (a soma dos erros dá 1,2)"),
        (1.0, 0.5, "uma amostra: y = 1, ŷ = 0.5 (erro = ln 2)"),
        (y_rand, p_rand, "6 amostras aleatórias"),
    ]
    for y, output, case in cases:
        case = f"error_formula(y, output) com {case}"
        got = _call(error_formula, "error_formula", y, output, case=case)
        y, output = np.asarray(y), np.asarray(output)
        expected = solution.bce(y, output)
        arr = expect_shape(got, expected, "error_formula", case, "o valor do erro",
                           hint=mistakes.ERROR_NOT_PER_SAMPLE)
        if not np.all(np.isfinite(arr)):
            fail(f"`error_formula`: o erro contém NaN ou infinito: {fmt(arr[()])}.\n"
                 f"  entrada: {case}", hints=[mistakes.ERROR_LOG_OF_Y])
        expect_close(arr, expected, "error_formula", case, what="o valor do erro",
                     hints=mistakes.error_mistakes(y, output, expected))
    # Os números do enunciado, por extenso: a soma dos erros de cada modelo.
    for output, deck_total in ((DECK_BAD, 4.8), (DECK_GOOD, 1.2)):
        got = call(error_formula, "error_formula", DECK_Y, output, case="os pontos do enunciado")
        total = float(np.sum(np.asarray(got, dtype=float)))
        if abs(total - deck_total) > 0.05:
            fail(f"`error_formula`: somando os erros dos quatro pontos do enunciado deveria dar "
                 f"≈ {deck_total}, mas deu {total:.4g}.")


@check
def check_update_weights(update_weights):
    """Confere ``update_weights(x, y, weights, bias, learnrate)`` → ``(weights (d,), bias)``."""
    g = rng(14)
    w_rand = g.normal(size=3)
    x_rand = g.normal(size=3)
    cases = [
        (x_rand, 1.0, w_rand, -0.3, 0.5, f"x = {fmt(x_rand)}, y = 1, w = {fmt(w_rand)}, "
                                         f"b = −0.3, η = 0.5"),
        (x_rand, 0.0, w_rand, 0.8, 0.05, f"x = {fmt(x_rand)}, y = 0, w = {fmt(w_rand)}, "
                                         f"b = 0.8, η = 0.05"),
        (np.array([1.0, 1.0]), 1.0, np.zeros(2), 0.0, 0.1,
         "x = [1, 1], y = 1, pesos zero, b = 0, η = 0.1 (ŷ = 0,5 → w = [0,05, 0,05], b = 0,05)"),
        (np.array([-1.0, 0.0]), 0.0, np.array([0.5, 0.5]), 0.2, 1.0,
         "“vamos ao parque?”, o ponto (−1, 0) com y = 0; w = [0.5, 0.5], b = 0.2, η = 1"),
    ]
    for x, y, w, b, lr, case in cases:
        result = _call(update_weights, "update_weights", x, y, w, b, lr, case=case)
        new_w, new_b = expect_tuple(result, "update_weights", 2, ("weights", "bias"), case)
        ref_w, ref_b = solution.update(x, y, w, b, lr)
        w_hints, b_hints = mistakes.update_mistakes(x, y, w, b, lr)
        expect_close(new_w, ref_w, "update_weights", case, what="o vetor de pesos novo",
                     hints=w_hints)
        expect_close(new_b, ref_b, "update_weights", case, what="o viés novo", hints=b_hints)
    # Conferência independente: o passo é −η × o gradiente NUMÉRICO do erro da amostra.
    x, y, w, b, lr, case = cases[0]
    new = call(update_weights, "update_weights", x, y, w, b, lr, case=case)
    numeric_w, numeric_b = numeric_gradient(
        lambda w_, b_: solution.bce(y, 1 / (1 + np.exp(-(x @ w_ + b_)))), w, b)
    expect_pair(new, (w - lr * numeric_w, b - lr * numeric_b), "update_weights",
                "w − η·(gradiente numérico do erro da amostra, por diferenças finitas)",
                ("o vetor de pesos novo", "o viés novo"))


@check
def check_cost_gradient(cost_gradient):
    """Confere ``cost_gradient(features, targets, weights, bias)`` → ``(grad_w (d,), grad_b)``.

    O gradiente do custo médio C = média de E(y_i, σ(x_i·w + b)): (1/n)·Xᵀ(ŷ − y) e a média de
    ŷ − y, escrito como o aluno quiser.
    """
    X_rand, y_rand = solution.blobs(16, n=7, d=3)
    w_rand = np.array([0.4, -0.8, 1.2])
    # O caso 7×3 vem primeiro: com d > 1 e n ≠ d, cada engano das dicas dá um número (ou uma
    # forma) diferente. No parque, n = 6 e d = 2.
    cases = [
        (X_rand, y_rand, w_rand, -0.3,
         f"7 pontos aleatórios com 3 atributos, w = {fmt(w_rand)}, b = −0.3"),
        (PARK_X, PARK_Y, np.array([0.5, -0.25]), 0.2,
         "os dados “vamos ao parque?”, w = [0.5, −0.25], b = 0.2"),
        (PARK_X, PARK_Y, np.zeros(2), 0.0,
         "os dados “vamos ao parque?” com pesos zero e b = 0 (ŷ = 0,5 em todo ponto)"),
    ]
    names = ("grad_w", "grad_b")
    for X, y, w, b, case in cases:
        delta = ref.sigmoid(X @ w + b) - y
        expected = X.T @ delta / len(y), float(np.mean(delta))
        got = expect_gradient(_call(cost_gradient, "cost_gradient", X, y, w, b, case=case),
                              "cost_gradient", names, expected, case, mistakes.GRADIENT_ORDER,
                              (mistakes.GRADIENT_W_SHAPE, mistakes.GRADIENT_B_SHAPE))
        for value, want, what, hints in zip(got, expected, names,
                                            mistakes.gradient_mistakes(X, y, w, b)):
            expect_close(value, want, "cost_gradient", case, what=what, hints=hints)
    # Conferência independente: a inclinação do custo medida por diferenças finitas.
    X, y, w, b, case = cases[0]
    got = _call(cost_gradient, "cost_gradient", X, y, w, b, case=case)
    expect_pair(got, numeric_gradient(lambda w_, b_: solution.cost(X, y, w_, b_), w, b),
                "cost_gradient", "a inclinação do custo medida por diferenças finitas", names)


@check
def check_train(train):
    """Confere ``train(features, targets, epochs, learnrate)`` → ``(weights, bias, errors)``."""
    X_rand, y_rand = solution.blobs(15, n=30, d=3)
    cases = [
        (PARK_X, PARK_Y, 10, 0.5, "os dados “vamos ao parque?”, 10 épocas, η = 0.5"),
        (X_rand, y_rand, 20, 0.1, "30 pontos aleatórios com 3 atributos, 20 épocas, η = 0.1"),
    ]
    reminder = ("\n  lembre: comece com pesos zero e b = 0; em cada época, percorra as amostras "
                "na ordem dada e faça UMA atualização por amostra (`update_weights`); "
                "exatamente `epochs` épocas.")
    names = ("weights", "bias", "errors")
    for X, y, epochs, lr, case in cases:
        result = _call(train, "train", X, y, epochs, lr, case=case)
        w, b, errors = expect_tuple(result, "train", 3, names, case)
        expect_per_epoch(errors, epochs, case, "`train`: `errors` deve ter um erro por época",
                         off_by_one(mistakes.TRAIN_OFF_BY_ONE, epochs))
        errors = as_numbers(errors, "train", "errors")
        ref_w, ref_b, after, before = solution.train(X, y, epochs, lr)
        if not (is_close(w, ref_w, rtol=1e-6) and is_close(b, ref_b, rtol=1e-6, atol=1e-9)):
            expect_same_twice(train, "train", (X, y, epochs, lr), names, case, w,
                              mistakes.TRAIN_RANDOM_INIT)
            with reminding(reminder, mistakes.train_hint(X, y, epochs, lr, w, b, errors)):
                expect_close(w, ref_w, "train", case, what="o vetor de pesos final (`weights`)",
                             rtol=1e-6)
                expect_close(b, ref_b, "train", case, what="o viés final (`bias`)",
                             rtol=1e-6, atol=1e-9)
        expect_close(errors, after, "train", case, rtol=1e-6,
                     what="o histórico `errors` (a entropia cruzada média depois de cada época)",
                     hints=mistakes.history_mistakes(after, before, len(y)))
