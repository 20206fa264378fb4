"""Verificações do exercício ``ex_perceptron`` (capítulo 3).

Uma verificação por resposta do aluno: ``check_step(step)``,
``check_perceptron_predict(perceptron_predict)``,
``check_perceptron_update(perceptron_update)``,
``check_train_perceptron(train_perceptron)`` e ``check_park_weights(PARK_WEIGHTS)`` — uma reta
escolhida pelo aluno, ``(w, b)``, que classifica os sete dias do parque (os seis de treino e o
dia novo) sem nenhum dia em cima dela; qualquer reta assim passa (:mod:`.park`).

As convenções (o enunciado diz o mesmo): o degrau vale 1 quando ``z >= 0``
(o empate ``z = 0`` conta como 1); a regra de Rosenblatt é
``w ← w + lr·(y − ŷ)·x`` e ``b ← b + lr·(y − ŷ)``; o treino começa com pesos
e viés zero, percorre as amostras na ordem dada, uma atualização por
amostra, e conta em cada época quantas amostras estavam erradas no momento em
que foram vistas (antes da sua atualização).

Os valores esperados são calculados aqui mesmo, com numpy puro (:mod:`.solution`) — nunca com
as funções de ``nn_helpers`` que os capítulos ensinam. As dicas estão em :mod:`.mistakes`.
"""

from functools import partial

import numpy as np

from .. import reference as ref
from ..checking import (as_numbers, call, check, expect_close, expect_shape, expect_tuple, fail,
                        fmt, install_notebook_hints, is_close, rng)
from ..common import expect_per_epoch, expect_same_twice, reminding
from ..reference import PARK_X, PARK_Y
from . import mistakes, solution
from .park import check_park_weights

__all__ = ["check_step", "check_perceptron_predict", "check_perceptron_update",
           "check_train_perceptron", "check_park_weights"]

install_notebook_hints()

# As tabelas-verdade do AND e do OR (entradas x1, x2).
TRUTH_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
AND_Y = np.array([0.0, 0.0, 0.0, 1.0])
OR_Y = np.array([0.0, 1.0, 1.0, 1.0])

# "Para ir além": a acurácia do perceptron treinado nas íris (setosa × versicolor, 10 épocas,
# lr = 0,1) e a do XOR depois de 30 épocas, com os pesos finais. Medidas rodando a solução;
# tests/test_exercises.py::test_solution_passes_every_check[ex_perceptron] as mede de novo.
GO_FURTHER_IRIS_ACCURACY = 1.0
GO_FURTHER_XOR_ACCURACY = 0.5

REMINDER = ("\n  lembre: comece com w = 0 e b = 0; em cada época, percorra as amostras na ordem "
            "dada, com uma chamada de `perceptron_update` por amostra, contando as que estavam "
            "erradas; exatamente `epochs` épocas.")

_call = partial(call, hint_for=mistakes.hint_for)   # ``call`` com as dicas para as exceções comuns


def _zeros_and_ones(got, expected, name, case, what, shape_hint=None):
    """Confere forma e tipo (números, não booleanos); devolve o array e, se ele tem valores fora
    de 0 e 1, a dica para isso."""
    raw = np.asarray(got)
    if raw.dtype == bool:
        fail(f"`{name}`: {what} veio com True/False ({fmt(raw[()])}).\n  entrada: {case}",
             hints=[mistakes.BOOLEANS])
    arr = expect_shape(got, expected, name, case, what, hint=shape_hint)
    return arr, (mistakes.NOT_ZERO_ONE if arr.size and not np.all((arr == 0) | (arr == 1))
                 else None)


@check
def check_step(step):
    """Confere ``step(z)``: 1 onde z ≥ 0, senão 0; qualquer forma, números (não booleanos)."""
    cases = [
        (np.array([-2.0, -0.1, 0.0, 0.1, 3.0]), "z = [−2, −0.1, 0, 0.1, 3]"),
        (0.0, "z = 0 (o empate)"),
        (-0.5, "z = −0.5"),
        (2.0, "z = 2"),
        (np.round(rng(21).normal(size=(2, 3)), 1), "uma matriz 2×3 (a forma deve ser mantida)"),
    ]
    for z, case in cases:
        case = f"step({case})"
        got = _call(step, "step", z, case=case)
        z = np.asarray(z, dtype=float)
        arr, extra = _zeros_and_ones(got, ref.step(z), "step", case, "o degrau")
        hints = mistakes.step_mistakes(z) + ([(arr, extra)] if extra else [])
        expect_close(arr, ref.step(z), "step", case, what="o degrau", hints=hints)


@check
def check_perceptron_predict(perceptron_predict):
    """Confere ``perceptron_predict(X, w, b)``: X (n, d) → (n,) de 0 e 1."""
    g = rng(22)
    X_rand = np.round(g.normal(size=(7, 3)), 2)
    w_rand = np.array([0.5, -1.0, 0.25])
    cases = [
        (X_rand, w_rand, 0.3, f"X aleatório 7×3, w = {fmt(w_rand)}, b = 0.3"),
        (TRUTH_X, np.array([1.0, 1.0]), -1.5, "tabela-verdade do AND com w = [1, 1], b = −1.5"),
        (TRUTH_X, np.array([1.0, 1.0]), -0.5, "tabela-verdade do OR com w = [1, 1], b = −0.5"),
        (TRUTH_X, np.array([1.0, 1.0]), -1.0,
         "os pesos de Mansano, Gengo e Caridá para o AND, w = [1, 1], b = −1 "
         "(há empates z = 0)"),
        (PARK_X, np.array([1.0, 1.0]), 0.0, "os dados “vamos ao parque?” com w = [1, 1], b = 0"),
        (X_rand[:1], w_rand, 0.3, "uma única amostra (X com forma (1, 3))"),
    ]
    for X, w, b, case in cases:
        got = _call(perceptron_predict, "perceptron_predict", X, w, b, case=case)
        expected = ref.step(X @ w + b)
        arr, extra = _zeros_and_ones(got, expected, "perceptron_predict", case,
                                     "o vetor de previsões", shape_hint=mistakes.PREDICT_SHAPE)
        hints = mistakes.predict_mistakes(X, w, b)
        if extra and not is_close(arr, ref.step(X @ w) + b):   # o viés fora do degrau tem dica
            hints.append((arr, extra))
        expect_close(arr, expected, "perceptron_predict", case, what="o vetor de previsões",
                     hints=hints)


@check
def check_perceptron_update(perceptron_update):
    """Confere ``perceptron_update(x, y, w, b, lr)`` → ``(w (d,), b)`` pela regra de Rosenblatt."""
    g = rng(23)
    x_rand, w_rand = g.normal(size=3), g.normal(size=3)
    z_rand = float(x_rand @ w_rand + 0.2)
    y_wrong = 0.0 if z_rand >= 0 else 1.0          # o perceptron erra esta amostra
    cases = [
        (x_rand, y_wrong, w_rand, 0.2, 0.1,
         f"x = {fmt(x_rand)}, y = {y_wrong:g} (classificada errado), w = {fmt(w_rand)}, "
         f"b = 0.2, lr = 0.1"),
        (x_rand, 1.0 - y_wrong, w_rand, 0.2, 0.1,
         f"a mesma amostra com y = {1 - y_wrong:g} (classificada certo: nada muda)"),
        (-x_rand, 1.0, w_rand, -0.4, 0.5, f"x = {fmt(-x_rand)}, y = 1, w = {fmt(w_rand)}, "
                                          f"b = −0.4, lr = 0.5"),
        (np.array([1.0, 2.0]), 0.0, np.array([0.5, 0.5]), 0.5, 0.1,
         "x = [1, 2], y = 0 (classificada errado: z = 2), w = [0.5, 0.5], b = 0.5, lr = 0.1"),
        (np.array([-1.0, 0.0]), 0.0, np.zeros(2), 0.0, 1.0,
         "“vamos ao parque?”, 1ª época: o ponto (−1, 0) com y = 0, w = [0, 0], b = 0, lr = 1 "
         "(z = 0, então ŷ = 1: erro)"),
        (np.array([0.0, 1.0]), 1.0, np.array([1.0, 0.0]), -1.0, 1.0,
         "“vamos ao parque?”, 2ª época: o ponto (0, 1) com y = 1, w = [1, 0], b = −1, lr = 1"),
    ]
    for x, y, w, b, lr, case in cases:
        result = _call(perceptron_update, "perceptron_update", x, y, w, b, lr, case=case)
        new_w, new_b = expect_tuple(result, "perceptron_update", 2, ("w", "b"), case)
        ref_w, ref_b = solution.update(x, y, w, b, lr)
        w_hints, b_hints = mistakes.update_mistakes(x, y, w, b, lr, new_b)
        expect_close(new_w, ref_w, "perceptron_update", case, what="o vetor `w` novo",
                     hints=w_hints)
        expect_close(new_b, ref_b, "perceptron_update", case, what="o viés `b` novo",
                     hints=b_hints)


def _expect_zero_start(train_perceptron, X, y, lr, case):
    """Com 0 épocas, o treino devolve os pesos iniciais: eles têm de ser zero."""
    try:
        w, b, _ = train_perceptron(X.copy(), y.copy(), lr, 0)
        start = np.concatenate([np.ravel(np.asarray(w, dtype=float)),
                                np.ravel(np.asarray(b, dtype=float))])
    except Exception:                   # o aluno não previu 0 épocas: nada a concluir daqui
        return
    if start.size and np.any(start != 0):
        fail(f"`train_perceptron` não começa do zero: com 0 épocas, ele devolve w = "
             f"{fmt(np.asarray(w, dtype=float))} e b = {fmt(float(np.ravel(b)[0]))}.\n"
             f"  entrada: {case}", hints=[mistakes.TRAIN_INIT_NOT_ZERO])


@check
def check_train_perceptron(train_perceptron):
    """Confere ``train_perceptron(X, y, lr, epochs)`` → ``(w, b, errors_per_epoch)``."""
    name = "train_perceptron"
    names = ("w", "b", "errors_per_epoch")
    # 1. O perceptron treinado separa o AND e o OR (conferido com o degrau daqui, não o do aluno).
    for table, y in (("AND", AND_Y), ("OR", OR_Y)):
        case = f"tabela-verdade do {table}, lr = 1, 20 épocas"
        result = _call(train_perceptron, name, TRUTH_X, y, 1.0, 20, case=case)
        w, b, _ = expect_tuple(result, name, 3, names, case)
        w = as_numbers(w, name, "w")
        b = as_numbers(b, name, "b")
        if w.shape != (2,) or b.ndim != 0:
            fail(f"`{name}`: w deveria ter forma (2,) e b ser um número, mas vieram "
                 f"{fmt(w)} e {fmt(b[()])}.\n  entrada: {case}")
        predicted = ref.step(TRUTH_X @ w + b)
        if not is_close(predicted, y, rtol=0, atol=0):
            fail(f"`{name}`: depois do treino o perceptron deveria acertar toda a tabela do "
                 f"{table} (ele é linearmente separável), mas prevê {fmt(predicted)} em vez "
                 f"de {fmt(y)}.\n  entrada: {case}\n  pesos aprendidos: w = {fmt(w)}, "
                 f"b = {fmt(float(b))}", hints=mistakes.separation_hints(TRUTH_X, y, w, b))
    # 2. Os valores exatos, com o contrato do enunciado.
    X_sep, y_sep = solution.separable(24, n=20)
    cases = [
        (PARK_X, PARK_Y, 1.0, 4, "os dados “vamos ao parque?”, lr = 1, 4 épocas"),
        (TRUTH_X, AND_Y, 1.0, 8, "tabela-verdade do AND, lr = 1, 8 épocas"),
        (TRUTH_X, OR_Y, 0.5, 5, "tabela-verdade do OR, lr = 0.5, 5 épocas"),
        (X_sep, y_sep, 0.1, 15, "20 pontos aleatórios separáveis por uma reta, lr = 0.1, 15 épocas"),
    ]
    for X, y, lr, epochs, case in cases:
        result = _call(train_perceptron, name, X, y, lr, epochs, case=case)
        w, b, errors = expect_tuple(result, name, 3, names, case)
        ref_w, ref_b, *histories = solution.train(X, y, lr, epochs, histories=True)
        expect_per_epoch(errors, epochs, case,
                         f"`{name}`: `errors_per_epoch` deve ter um número por época",
                         lambda size: mistakes.history_length_hint(size, epochs, len(y)))
        errors = as_numbers(errors, name, "errors_per_epoch")
        if not (is_close(w, ref_w) and is_close(b, ref_b)):
            expect_same_twice(train_perceptron, name, (X, y, lr, epochs), names, case, w,
                              mistakes.TRAIN_RANDOM_INIT, hint_for=mistakes.hint_for)
            _expect_zero_start(train_perceptron, X, y, lr, case)
            with reminding(REMINDER, unless_hinted=True):
                expect_close(w, ref_w, name, case, what="o vetor `w` final",
                             hints=mistakes.weight_mistakes(X, y, lr, epochs))
                expect_close(b, ref_b, name, case, what="o viés `b` final")
        during = histories[0]            # os erros contados durante cada época: o certo
        if not is_close(errors, during, rtol=0, atol=0):
            _expect_zero_start(train_perceptron, X, y, lr, case)
        with reminding(REMINDER, unless_hinted=True):
            expect_close(errors, during, name, case,
                         what="o histórico `errors_per_epoch` (amostras erradas em cada época)",
                         hints=mistakes.history_mistakes(*histories, len(y)))
