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

Os valores esperados são calculados aqui mesmo, com numpy puro — nunca com
as funções de ``nn_helpers`` que os capítulos ensinam — e os números do
enunciado estão escritos por extenso.
"""

from functools import partial

import numpy as np

from .checking import (Hint, as_numbers, call, expect_close, fail, fmt, install_notebook_hints,
                       is_close, passed, rng)

__all__ = ["check_softmax", "check_logits_for", "check_one_hot", "check_cross_entropy"]

install_notebook_hints()

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

STABILITY_HINT = Hint("softmax.unstable_exp",
    "subtraia o máximo de CADA LINHA antes da exponencial: "
    "`z - z.max(axis=-1, keepdims=True)` (o máximo: com a média ou o mínimo, uma pontuação muito "
    "acima das outras ainda estoura). O resultado não muda (o fator e^(−max) se cancela "
    "na divisão) e e^z nunca estoura. Com o máximo do array inteiro, uma linha de logits muito "
    "negativos vira 0/0.")


# --- contas de referência (numpy puro) ----------------------------------------------------

def _softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _cross_entropy(y, p):
    return -np.mean(np.sum(y * np.log(p), axis=-1))


# --- chamadas com dicas ------------------------------------------------------------------

def _hint_for(cause):
    """Uma dica para a exceção que a função do aluno levantou (ou ``None``)."""
    text = str(cause)
    if isinstance(cause, (RuntimeWarning, FloatingPointError, OverflowError)):
        return STABILITY_HINT
    if isinstance(cause, np.exceptions.AxisError):
        return Hint("softmax.axis_not_last", "use `axis=-1` (o último eixo): assim a mesma "
                    "função serve para um vetor (k,) e para uma matriz (n, k).")
    if isinstance(cause, ValueError) and "broadcast" in text:
        return Hint("softmax.no_keepdims", "para subtrair o máximo de cada linha e dividir pela "
                    "sua soma, use `keepdims=True` nos DOIS: `z.max(axis=-1, keepdims=True)` e "
                    "`e.sum(axis=-1, keepdims=True)` têm forma (n, 1), que combina com (n, k).")
    if isinstance(cause, ValueError) and "truth value" in text:
        return Hint("softmax.python_max_on_batch", "`max(z)`, `sum(z)` e `for v in z` do Python "
                    "percorrem só a primeira dimensão: num lote (n, k) eles pegam LINHAS "
                    "inteiras. Use `np.max(z, axis=-1, keepdims=True)` e "
                    "`e.sum(axis=-1, keepdims=True)`, que servem para um vetor e para um lote.")
    if isinstance(cause, TypeError) and "only" in text and "array" in text:
        return Hint("softmax.math_on_arrays", "use `np.exp` e `np.log` (funcionam em arrays "
                    "inteiros), não `math.exp`/`math.log`.")
    return None


# `call` com as dicas deste exercício para as exceções mais comuns.
_call = partial(call, hint_for=_hint_for)


WHOLE_BATCH = Hint("softmax.normalizes_whole_batch", "cada LINHA deve somar 1, não o lote inteiro: "
                   "`e.sum(axis=-1, keepdims=True)`.")


def _softmax_mistakes(z):
    """Os resultados de enganos comuns com a softmax, cada um com a sua dica."""
    e = np.exp(z - z.max())
    e_rows = np.exp(z - z.max(axis=-1, keepdims=True))
    hints = [
        (e / e.max(axis=-1, keepdims=True), Hint("softmax.divides_by_max", "divida pela SOMA "
                                                 "das exponenciais, não pelo máximo: "
                                                 "p_i = e^(z_i) / Σ_j e^(z_j).")),
        (z / z.sum(axis=-1, keepdims=True), Hint("softmax.no_exp", "faltou a exponencial: "
                                                 "p_i = e^(z_i) / Σ_j e^(z_j).")),
        (1 / (1 + np.exp(-z)), Hint("softmax.is_sigmoid", "isto é a sigmoide de cada logit; a "
                                    "softmax divide e^(z_i) pela soma de todas as exponenciais.")),
    ]
    with np.errstate(over="ignore"):
        hints.append((e / np.exp(z).sum(axis=-1, keepdims=True), Hint(
            "softmax.shift_only_numerator", "o máximo foi subtraído só em cima: calcule "
            "`e = np.exp(z - máximo)` uma vez e divida por `e.sum(axis=-1, keepdims=True)` — o "
            "fator e^(−máximo) tem de estar em cima E embaixo para se cancelar.")))
    if z.ndim == 2:
        hints += [
            (e / e.sum(axis=0, keepdims=True), Hint("softmax.normalizes_columns", "normalize "
                                                    "cada LINHA (uma amostra), não cada coluna: "
                                                    "use `axis=-1`.")),
            (e / e.sum(), WHOLE_BATCH),
            (e_rows / e_rows.sum(), WHOLE_BATCH),       # o mesmo engano, com o máximo de cada linha
        ]
    return hints


# --- as verificações ---------------------------------------------------------------------

def check_softmax(softmax):
    """Confere ``softmax(z)``: (k,) ou (n, k) → probabilidades ao longo do último eixo."""
    __tracebackhide__ = True
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
                 f"com forma {shape}.\n  entrada: {case}",
                 hints=[Hint("softmax.shape_changed", "devolva a MESMA forma que recebeu: um "
                             "vetor (k,) para um vetor, uma matriz (n, k) para uma matriz "
                             "(nada de `np.atleast_2d`, `reshape` ou `[None, :]` no resultado).")])
        with np.errstate(all="ignore"):   # as contas erradas das dicas podem dar 0/0
            hints = _softmax_mistakes(z)
        expect_close(got, _softmax(z), "softmax", case, what="o vetor de probabilidades", hints=hints)
    got = call(softmax, "softmax", DECK_LOGITS, case="logits 2, 1, 0 de pato, castor e morsa")
    if not is_close(np.round(as_numbers(got, "softmax", "o vetor de probabilidades"), 2),
                    DECK_ROUNDED, rtol=0, atol=1e-9):
        fail("`softmax`: arredondadas a 2 casas, as probabilidades de [2, 1, 0] deveriam ser "
             f"as do enunciado, {fmt(DECK_ROUNDED)}, mas vieram {fmt(np.asarray(got))}.")
    passed("check_softmax", len(cases) + 1)


LOG_BASE = Hint("softmax.logits_log10", "use o logaritmo natural, `np.log`: a softmax usa e^z, e "
                "e^(log10 p) ou e^(log2 p) não é p.")


def _logits_mistakes(p):
    """Logits errados comuns para as probabilidades ``p``, cada um com a sua dica."""
    return [
        (p, Hint("softmax.logits_are_probs", "você devolveu as próprias probabilidades, mas a "
                 "softmax não as devolve de volta: ela aplica a exponencial. Que operação desfaz "
                 "a exponencial?")),
        (np.exp(p), Hint("softmax.logits_exp", "a softmax já aplica a exponencial; para voltar "
                         "das probabilidades aos logits é a operação inversa: o logaritmo.")),
        (np.log10(p), LOG_BASE),
        (np.log2(p), LOG_BASE),
        (-np.log(p), Hint("softmax.logits_minus", "o sinal está trocado: com −ln p, a classe "
                          "mais provável fica com a MENOR pontuação.")),
        (np.log(p / (1 - p)), Hint("softmax.logits_inverse_sigmoid", "ln(p/(1 − p)) desfaz a "
                                   "sigmoide, que olha uma classe contra o resto; a softmax "
                                   "compara as classes entre si: p_i / p_j = e^(z_i − z_j).")),
    ]


def check_logits_for(logits_for):
    """Confere ``logits_for(probs)``: (k,) probabilidades → (k,) logits com softmax = probs.

    Qualquer resposta certa passa: a verificação compara a softmax dos logits com ``probs``.
    """
    __tracebackhide__ = True
    g = rng(34)
    cases = [
        (np.array([0.7, 0.2, 0.1]), "p = [0.7, 0.2, 0.1] (pato, castor, morsa)"),
        (np.array([1.0, 2.0, 3.0]) / 6, "p = [1/6, 2/6, 3/6]"),
        (np.array([0.9, 0.1]), "p = [0.9, 0.1] (duas classes)"),
        (np.array([0.25, 0.25, 0.25, 0.25]), "p = [0.25, 0.25, 0.25, 0.25] (o palpite uniforme)"),
        (_softmax(g.normal(size=6) * 1.5), "6 probabilidades aleatórias"),
    ]
    for p, case in cases:
        case = f"logits_for({case})"
        got = _call(logits_for, "logits_for", p, case=case)
        z = as_numbers(got, "logits_for", "os logits")
        if z.shape != p.shape:
            fail(f"`logits_for`: os logits deveriam ter a forma de `probs`, {p.shape} — um "
                 f"logit por classe —, mas vieram com forma {z.shape}.\n  entrada: {case}")
        if not np.all(np.isfinite(z)):
            fail(f"`logits_for`: os logits contêm NaN ou infinito: {fmt(z)}.\n  entrada: {case}")
        with np.errstate(all="ignore"):
            hints = [(_softmax(wrong), hint) for wrong, hint in _logits_mistakes(p)]
        expect_close(_softmax(z), p, "logits_for", case, what="o vetor softmax(logits)",
                     rtol=1e-5, atol=1e-7, hints=hints)
    z = as_numbers(_call(logits_for, "logits_for", cases[0][0], case=cases[0][1]),
                   "logits_for", "os logits")
    shifted = z - z[-1]
    write = lambda v: "(" + "; ".join(f"{x:.2f}".replace(".", ",") for x in v) + ")"
    passed("check_logits_for", len(cases), figure=(
        f"os seus logits para p = (0,7; 0,2; 0,1): {write(z)}; menos o último: {write(shifted)} "
        f"= (ln 7; ln 2; 0) — o mesmo para toda resposta certa"))


def check_one_hot(one_hot):
    """Confere ``one_hot(labels, n_classes)``: (n,) inteiros → (n, n_classes) floats."""
    __tracebackhide__ = True
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
        expected = np.eye(k)[labels]
        if arr.shape != (n, k):
            hint = None
            if arr.shape == (k, n):
                hint = Hint("softmax.one_hot_transposed",
                            "está transposta: uma LINHA por amostra, (n, n_classes).")
            elif arr.shape == (n, n):
                hint = Hint("softmax.one_hot_n_by_n", "a matriz tem uma coluna por CLASSE "
                            "(`n_classes`), não uma por amostra: `np.eye(n_classes)`, não "
                            "`np.eye(len(labels))`.")
            elif arr.ndim == 2 and arr.shape[0] == n and arr.shape[1] == labels.max() + 1:
                hint = Hint("softmax.one_hot_classes_from_labels", "o número de colunas é "
                            "`n_classes`, não `labels.max() + 1` (nem toda classe aparece em "
                            "todo lote).")
            fail(f"`one_hot`: a matriz deveria ter forma ({n}, {k}) — uma linha por rótulo, uma "
                 f"coluna por classe —, mas veio forma {arr.shape}.\n  entrada: {case}",
                 hints=[hint])
        shifted = np.zeros((n, k))
        shifted[np.arange(n), (labels - 1) % k] = 1
        columns = np.zeros((n, k))
        columns[:, labels] = 1
        expect_close(arr, expected, "one_hot", case, what="o resultado", hints=[
            (shifted, Hint("softmax.one_hot_labels_from_1",
                           "os rótulos começam em 0: o rótulo 0 liga a coluna 0.")),
            (1 - expected, Hint("softmax.one_hot_inverted",
                                "o 1 vai na coluna do rótulo e 0 nas outras (está invertido).")),
            (columns, Hint("softmax.one_hot_whole_columns", "`Y[:, labels] = 1` liga colunas "
                           "INTEIRAS (todas as linhas); para um 1 por linha, indexe com um par "
                           "linha/coluna por amostra: `Y[np.arange(n), labels] = 1`.")),
        ])
        dtype = np.asarray(got).dtype
        if dtype.kind != "f":
            fail(f"`one_hot`: os valores estão certos, mas o tipo é {dtype}; deveria ser float "
                 f"(as contas com probabilidades são em ponto flutuante).\n  entrada: {case}",
                 hints=[Hint("softmax.one_hot_not_float",
                             "crie a matriz com `np.zeros((n, n_classes))` (float por padrão).")])
    passed("check_one_hot", len(cases))


def check_cross_entropy(cross_entropy):
    """Confere ``cross_entropy(y_onehot, probs)``: (n, k) e (n, k) → número (média nas amostras)."""
    __tracebackhide__ = True
    g = rng(33)
    deck_probs = _softmax(DECK_LOGITS)
    rand_labels = g.integers(0, 4, size=6)
    rand_probs = _softmax(g.normal(size=(6, 4)) * 1.5)
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
        got = _call(cross_entropy, "cross_entropy", y, p, case=case)
        expected = _cross_entropy(y, p)
        arr = as_numbers(got, "cross_entropy", "o valor da entropia cruzada")
        if arr.shape == () and not np.isfinite(arr):
            fail(f"`cross_entropy`: veio {fmt(float(arr))}.\n  entrada: {case}", hints=[Hint(
                "softmax.ce_log_of_onehot", "o logaritmo é só das probabilidades `probs` (nunca "
                "zero) — não de `y_onehot` nem de um produto com ele, que tem zeros: "
                "`y * np.log(p)`, não `np.log(y * p)`. Confira também a ordem dos argumentos.")])
        n, k = y.shape
        with np.errstate(all="ignore"):
            ignores_labels = Hint("softmax.ce_ignores_labels", "só a probabilidade da classe "
                                  "CERTA entra na conta: multiplique `np.log(probs)` por "
                                  "`y_onehot` (os outros termos viram zero) antes de somar.")
            big_epsilon = Hint("softmax.ce_big_epsilon", "o ε somado dentro do logaritmo está "
                               "grande demais e muda o valor: use no máximo 1e-5 (ou nenhum — "
                               "nenhuma probabilidade é zero).")
            extra = [
                (-np.mean(np.sum(np.log(p), axis=1)), ignores_labels),
                (-np.mean(np.log(p)), ignores_labels),
                (_cross_entropy(y, _softmax(p)), Hint(
                    "softmax.ce_softmax_again", "`probs` já são probabilidades (a saída da "
                    "softmax): não passe pela softmax de novo, use `np.log(probs)` direto.")),
                (-np.mean(np.log(p.max(axis=1))), Hint(
                    "softmax.ce_uses_max_prob", "use a probabilidade da classe CERTA (onde "
                    "`y_onehot` vale 1), não a maior probabilidade da linha.")),
            ] + [(_cross_entropy(y, p + eps), big_epsilon) for eps in (1e-3, 1e-2, 1e-1)]
        # rtol = 1e-3: aceita um ε até 1e-5 dentro do log (como o do Keras, 1e-7), que muda o
        # valor em até 7e-4 nestes casos; cada engano da lista muda por um fator (n, k, ln 10...).
        expect_close(arr, expected, "cross_entropy", case, what="o valor da entropia cruzada",
                     rtol=1e-3, hints=[
            (-expected, Hint("softmax.ce_minus_missing", "faltou o sinal de menos: CE = "
                             "−(1/n)·Σ_i Σ_j y_ij·ln(p_ij) (Mansano, Gengo e Caridá também "
                             "esquecem o menos).")),
            (expected * n, Hint("softmax.ce_sum_not_mean", "faltou dividir por n: a entropia "
                                "cruzada é a MÉDIA sobre as amostras.")),
            (expected / k, Hint("softmax.ce_mean_over_classes", "a média é só sobre as n "
                                "amostras: primeiro some nas k classes (`axis=1`), depois tire "
                                "a média.")),
            (expected / np.log(10), Hint("softmax.ce_log10", "use o logaritmo natural `np.log` "
                                         "(ln), não `np.log10`.")),
            (-np.mean(np.sum(y * np.log(p) + (1 - y) * np.log(1 - p), axis=1)),
             Hint("softmax.ce_binary_formula", "esta é a fórmula binária somada em cada classe; "
                  "na multiclasse o erro de uma amostra é só −Σ_j y_j·ln(p_j).")),
        ] + extra)
    passed("check_cross_entropy", len(cases))
