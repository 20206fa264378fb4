"""Verificações do exercício ``ex_softmax`` (capítulo 5).

Uma verificação por função do aluno: ``check_softmax(softmax)``,
``check_logits_for(logits_for)``, ``check_one_hot(one_hot)`` e
``check_cross_entropy(cross_entropy)``.

``logits_for(probs)`` é o caminho de volta, que o aluno deduz: logits cuja softmax dá ``probs``.
Há infinitas respostas (somar uma constante a todos os logits não muda a softmax), e a
verificação aceita qualquer uma: ela confere a softmax dos logits, não os logits.

As convenções (o enunciado diz o mesmo): ``softmax`` aceita ``(k,)`` ou
``(n, k)`` e normaliza ao longo do último eixo, sem avisos de overflow para
logits enormes; ``one_hot`` devolve floats com forma ``(n, n_classes)`` (os
rótulos estão sempre em ``0 … n_classes − 1``; não é preciso validá-los);
``cross_entropy`` é a média, sobre as ``n`` amostras, de ``−Σ_j y_j·ln(p_j)``.

Os valores esperados são calculados aqui mesmo, com numpy puro (:mod:`.solution` e
:mod:`nn_helpers.grading.reference`) — nunca com as funções de ``nn_helpers`` que os capítulos
ensinam — e os números do enunciado estão escritos por extenso. As dicas estão em
:mod:`.mistakes`.
"""

from functools import partial

import numpy as np

from .. import reference as ref
from ..checking import (as_numbers, call, check, expect_close, fail, fmt, install_notebook_hints,
                        is_close, rng)
from . import mistakes, solution

__all__ = ["check_softmax", "check_logits_for", "check_one_hot", "check_cross_entropy"]

install_notebook_hints()
_call = partial(call, hint_for=mistakes.hint_for)   # `call` com as dicas das exceções comuns

# Os logits 2, 1, 0 de pato, castor e morsa, e as probabilidades arredondadas do enunciado.
DECK_LOGITS = np.array([2.0, 1.0, 0.0])
DECK_ROUNDED = np.array([0.67, 0.24, 0.09])
# A tabela de one-hot: pato, castor, pato, morsa, castor.
DECK_LABELS = np.array([0, 1, 0, 2, 1])
DECK_ONE_HOT = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [1.0, 0.0, 0.0],
                         [0.0, 0.0, 1.0], [0.0, 1.0, 0.0]])

# "Para ir além": a acurácia no treino da regressão softmax nas íris (300 épocas, taxa 0,5, pesos
# zero), medida rodando a solução; tests/test_exercises.py::test_solution_passes_every_check
# [ex_softmax] a mede de novo.
GO_FURTHER_ACCURACY = 0.973
GO_FURTHER_FINAL_COST = 0.1025    # a entropia cruzada da última época do mesmo treino


@check
def check_softmax(softmax):
    """Confere ``softmax(z)``: (k,) ou (n, k) → probabilidades ao longo do último eixo."""
    g = rng(31)
    z_batch = g.normal(size=(4, 3)) * 2
    cases = [
        (DECK_LOGITS, False, "logits 2, 1, 0 de pato, castor e morsa"),
        (g.normal(size=5), False, "5 logits aleatórios"),
        (z_batch, False, "um lote 4×3 (4 amostras, 3 classes): cada LINHA soma 1"),
        (np.array([1000.0, 1001.0, 1002.0]), True, "logits enormes [1000, 1001, 1002]"),
        (np.array([[1000.0, 1001.0, 1002.0], [-1000.0, -999.0, -998.0]]), True,
         "um lote com uma linha de logits enormes e outra de muito negativos"),
        (np.array([0.0, 0.0, 2000.0]), True, "logits [0, 0, 2000] (uma pontuação muito acima "
                                             "das outras)"),
    ]
    for z, strict, case in cases:
        got = _call(softmax, "softmax", z, case=f"softmax({case})", strict=strict)
        shape = np.shape(got)
        if shape != z.shape and np.size(got) == z.size:
            fail(f"`softmax`: as probabilidades deveriam ter a forma de z, {z.shape}, mas vieram "
                 f"com forma {shape}.\n  entrada: {case}", hints=[mistakes.SHAPE_CHANGED])
        with np.errstate(all="ignore"):   # as contas erradas das dicas podem dar 0/0
            hints = mistakes.softmax_mistakes(z)
        expect_close(got, ref.softmax(z), "softmax", case, what="o vetor de probabilidades",
                     hints=hints)
    got = call(softmax, "softmax", DECK_LOGITS, case="logits 2, 1, 0 de pato, castor e morsa")
    if not is_close(np.round(as_numbers(got, "softmax", "o vetor de probabilidades"), 2),
                    DECK_ROUNDED, rtol=0, atol=1e-9):
        fail("`softmax`: arredondadas a 2 casas, as probabilidades de [2, 1, 0] deveriam ser "
             f"as do enunciado, {fmt(DECK_ROUNDED)}, mas vieram {fmt(np.asarray(got))}.")


@check
def check_logits_for(logits_for):
    """Confere ``logits_for(probs)``: (k,) probabilidades → (k,) logits com softmax = probs.

    Qualquer resposta certa passa: a verificação compara a softmax dos logits com ``probs``.
    """
    g = rng(34)
    cases = [
        (np.array([0.7, 0.2, 0.1]), "p = [0.7, 0.2, 0.1] (pato, castor, morsa)"),
        (np.array([1.0, 2.0, 3.0]) / 6, "p = [1/6, 2/6, 3/6]"),
        (np.array([0.9, 0.1]), "p = [0.9, 0.1] (duas classes)"),
        (np.array([0.25, 0.25, 0.25, 0.25]), "p = [0.25, 0.25, 0.25, 0.25] (o palpite uniforme)"),
        (ref.softmax(g.normal(size=6) * 1.5), "6 probabilidades aleatórias"),
    ]
    answers = []
    for p, case in cases:
        case = f"logits_for({case})"
        z = as_numbers(_call(logits_for, "logits_for", p, case=case), "logits_for", "os logits")
        if z.shape != p.shape:
            fail(f"`logits_for`: os logits deveriam ter a forma de `probs`, {p.shape} — um "
                 f"logit por classe —, mas vieram com forma {z.shape}.\n  entrada: {case}")
        if not np.all(np.isfinite(z)):
            fail(f"`logits_for`: os logits contêm NaN ou infinito: {fmt(z)}.\n  entrada: {case}")
        with np.errstate(all="ignore"):
            hints = mistakes.logits_mistakes(p)
        expect_close(ref.softmax(z), p, "logits_for", case, what="o vetor softmax(logits)",
                     rtol=1e-5, atol=1e-7, hints=hints)
        answers.append(z)
    z = answers[0]                       # os logits do aluno para p = (0,7; 0,2; 0,1)
    write = lambda v: "(" + "; ".join(f"{x:.2f}".replace(".", ",") for x in v) + ")"  # noqa: E731
    return (f"os seus logits para p = (0,7; 0,2; 0,1): {write(z)}; menos o último: "
            f"{write(z - z[-1])} = (ln 7; ln 2; 0) — o mesmo para toda resposta certa")


@check
def check_one_hot(one_hot):
    """Confere ``one_hot(labels, n_classes)``: (n,) inteiros → (n, n_classes) floats."""
    g = rng(32)
    labels_rand = g.integers(0, 4, size=8)
    cases = [
        (DECK_LABELS, 3, "pato, castor, pato, morsa, castor → rótulos [0, 1, 0, 2, 1]"),
        (np.array([2, 0]), 5, "rótulos [2, 0] com 5 classes (nenhum rótulo 3 ou 4 aparece)"),
        (np.array([1]), 2, "um único rótulo [1], 2 classes"),
        (labels_rand, 4, f"rótulos {fmt(labels_rand)}, 4 classes"),
    ]
    for labels, k, case in cases:
        case = f"one_hot({case})"
        got = _call(one_hot, "one_hot", labels, k, case=case)
        arr = as_numbers(got, "one_hot", "o resultado")
        n = len(labels)
        if arr.shape != (n, k):
            fail(f"`one_hot`: a matriz deveria ter forma ({n}, {k}) — uma linha por rótulo, uma "
                 f"coluna por classe —, mas veio forma {arr.shape}.\n  entrada: {case}",
                 hints=[mistakes.one_hot_shape_hint(arr.shape, labels, k)])
        expect_close(arr, np.eye(k)[labels], "one_hot", case, what="o resultado",
                     hints=mistakes.one_hot_mistakes(labels, k))
        dtype = np.asarray(got).dtype
        if dtype.kind != "f":
            fail(f"`one_hot`: os valores estão certos, mas o tipo é {dtype}; deveria ser float "
                 f"(as contas com probabilidades são em ponto flutuante).\n  entrada: {case}",
                 hints=[mistakes.ONE_HOT_NOT_FLOAT])


@check
def check_cross_entropy(cross_entropy):
    """Confere ``cross_entropy(y_onehot, probs)``: (n, k) e (n, k) → número (média nas amostras)."""
    g = rng(33)
    deck_probs = ref.softmax(DECK_LOGITS)
    rand_labels = g.integers(0, 4, size=6)
    rand_probs = ref.softmax(g.normal(size=(6, 4)) * 1.5)
    cases = [
        (DECK_ONE_HOT[:1], deck_probs[None, :],
         "um pato, com as probabilidades da softmax de [2, 1, 0] (≈ 0.67, 0.24, 0.09)"),
        (DECK_ONE_HOT, np.tile(deck_probs, (5, 1)),
         "a tabela pato, castor, pato, morsa, castor, todos com as probabilidades "
         "de [2, 1, 0]"),
        (np.eye(4)[rand_labels], rand_probs, "6 amostras e 4 classes aleatórias"),
        (np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([[0.01, 0.99], [0.98, 0.02]]),
         "duas previsões quase perfeitas"),
    ]
    for y, p, case in cases:
        case = f"cross_entropy(y_onehot, probs) com {case}"
        arr = as_numbers(_call(cross_entropy, "cross_entropy", y, p, case=case), "cross_entropy",
                         "o valor da entropia cruzada")
        if arr.shape == () and not np.isfinite(arr):
            fail(f"`cross_entropy`: veio {fmt(float(arr))}.\n  entrada: {case}",
                 hints=[mistakes.CE_LOG_OF_ONEHOT])
        with np.errstate(all="ignore"):
            hints = mistakes.cross_entropy_mistakes(y, p)
        # rtol = 1e-3: aceita um ε até 1e-5 dentro do log (como o do Keras, 1e-7), que muda o
        # valor em até 7e-4 nestes casos; cada engano da lista muda por um fator (n, k, ln 10...).
        expect_close(arr, solution.cross_entropy(y, p), "cross_entropy", case,
                     what="o valor da entropia cruzada", rtol=1e-3, hints=hints)
