"""Verificações do exercício ``ex_perceptron`` (capítulo 3).

Uma verificação por resposta do aluno: ``check_step(step)``,
``check_perceptron_predict(perceptron_predict)``,
``check_perceptron_update(perceptron_update)``,
``check_train_perceptron(train_perceptron)`` e ``check_park_weights(PARK_WEIGHTS)`` — uma reta
escolhida pelo aluno, ``(w, b)``, que classifica os sete dias do parque (os seis de treino e o
dia novo) sem nenhum dia em cima dela; qualquer reta assim passa.

As convenções (o enunciado diz o mesmo): o degrau vale 1 quando ``z >= 0``
(o empate ``z = 0`` conta como 1); a regra de Rosenblatt é
``w ← w + lr·(y − ŷ)·x`` e ``b ← b + lr·(y − ŷ)``; o treino começa com pesos
e viés zero, percorre as amostras na ordem dada, uma atualização por
amostra, e conta em cada época quantas amostras estavam erradas no momento em
que foram vistas (antes da sua atualização).

Os valores esperados são calculados aqui mesmo, com numpy puro — nunca com
as funções de ``nn_helpers`` que os capítulos ensinam.
"""

from functools import partial

import numpy as np

from .checking import (Hint, as_numbers, call, expect_close, expect_shape, expect_tuple, fail, fmt,
                       install_notebook_hints, is_close, passed, rng)

__all__ = ["check_step", "check_perceptron_predict", "check_perceptron_update",
           "check_train_perceptron", "check_park_weights"]

install_notebook_hints()

# As tabelas-verdade do AND e do OR (entradas x1, x2).
TRUTH_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
AND_Y = np.array([0.0, 0.0, 0.0, 1.0])
OR_Y = np.array([0.0, 1.0, 1.0, 1.0])

# O exemplo "vamos ao parque?" (Mesel e Uzeda): x1 = clima (−1 chovendo, 0 nublado, 1 sol),
# x2 = dinheiro (−1 falido, 0 ok, 1 rico) → 1 = vamos.
PARK_X = np.array([[1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [-1.0, 0.0], [-1.0, -1.0], [0.0, -1.0]])
PARK_Y = np.array([1.0, 1.0, 1.0, 0.0, 0.0, 0.0])
# O dia novo do exemplo: chovendo (−1), mas ricos (1) → vamos (1). O treino o deixa em z = 0.
NEW_DAY, NEW_DAY_Y = np.array([-1.0, 1.0]), 1.0
DAYS_X = np.vstack([PARK_X, NEW_DAY])
DAYS_Y = np.append(PARK_Y, NEW_DAY_Y)

# "Para ir além": a acurácia do perceptron treinado nas íris (setosa × versicolor, 10 épocas,
# lr = 0,1) e a do XOR depois de 30 épocas, com os pesos finais. Medidas rodando a solução;
# tests/test_exercises.py::test_solution_passes_every_check[ex_perceptron] as mede de novo.
GO_FURTHER_IRIS_ACCURACY = 1.0
GO_FURTHER_XOR_ACCURACY = 0.5

REMINDER = ("\n  lembre: comece com w = 0 e b = 0; em cada época, percorra as amostras na ordem "
            "dada, com uma chamada de `perceptron_update` por amostra, contando as que estavam "
            "erradas; exatamente `epochs` épocas.")

TIE_HINT = Hint("perceptron.tie_strict", "no empate z = 0 o degrau vale 1: use `z >= 0`, não "
                "`z > 0` (a convenção do enunciado).")
SIGMOID_HINT = Hint("perceptron.update_sigmoid",
                    "no perceptron ŷ é o degrau (0 ou 1), não a sigmoide.")
RESET_HINT = Hint("perceptron.train_reset_each_epoch", "os pesos finais são os de UMA época: "
                  "`w = np.zeros(d)` e `b = 0.0` vão antes do laço das épocas, não dentro dele "
                  "(senão cada época recomeça do zero).")
RECOMPUTED_HINT = Hint("perceptron.update_error_recomputed", "calcule o erro y − ŷ uma vez só, "
                       "com os `w` e `b` que a função recebeu, e use o MESMO erro nas duas "
                       "atualizações: depois de mudar `w` (ou `b`), a previsão já é outra, e o "
                       "erro também.")


# --- contas de referência (numpy puro) ----------------------------------------------------

def _step(z):
    return (np.asarray(z, dtype=float) >= 0).astype(float)


def _update(x, y, w, b, lr, predict=_step):
    delta = y - predict(x @ w + b)
    return w + lr * delta * x, b + lr * delta


def _reference_train(X, y, lr, epochs, histories=False, init=0.0):
    """Zeros, uma atualização por amostra na ordem dada; devolve ``(w, b, erros por época)``.

    Com ``histories=True``, devolve também os históricos de três contagens erradas: depois da
    época inteira, de cada amostra depois da sua atualização, e a soma de ``y − ŷ`` (com sinal).
    ``init`` é o valor inicial de todos os pesos e do viés (o certo é 0).
    """
    w, b = np.full(X.shape[1], init), init
    during, after, after_update, signed = [], [], [], []
    for _ in range(epochs):
        counts = np.zeros(3)
        for x_i, y_i in zip(X, y):
            delta = y_i - _step(x_i @ w + b)
            w, b = _update(x_i, y_i, w, b, lr)
            counts += [delta != 0, _step(x_i @ w + b) != y_i, delta]
        during.append(counts[0])
        after_update.append(counts[1])
        signed.append(counts[2])
        after.append(int(np.sum(_step(X @ w + b) != y)))
    if histories:
        return w, b, np.array(during), np.array(after, dtype=float), np.array(after_update), \
            np.array(signed)
    return w, b, np.array(during)


def _separable(seed, n):
    """Pontos em [−1, 1]² separáveis por uma reta, com folga de 0,15 (rótulos 0 e 1)."""
    g = rng(seed)
    X = g.uniform(-1, 1, size=(4 * n, 2))
    z = X @ np.array([1.0, -2.0]) + 0.3
    keep = np.abs(z) / np.sqrt(5) > 0.15
    return X[keep][:n], _step(z[keep][:n])


# --- ajudantes ---------------------------------------------------------------------------

def _hint_for(exc):
    """A dica para uma exceção comum (``hint_for`` de ``call``), ou ``None``."""
    text = str(exc)
    if isinstance(exc, ValueError) and "truth value" in text:
        return Hint("perceptron.if_on_array", "`if z >= 0` só funciona com um número; para "
                    "arrays use `np.where(z >= 0, 1, 0)` ou `(z >= 0).astype(int)`.")
    if isinstance(exc, TypeError) and "only" in text and "arrays can be converted" in text:
        return Hint("perceptron.int_of_array", "`int(...)` e `float(...)` só convertem um número "
                    "(um array de um elemento); para um array inteiro use `(z >= 0).astype(int)` "
                    "ou `np.where(z >= 0, 1, 0)`.")
    if isinstance(exc, TypeError) and ("not iterable" in text or "iteration over a 0-d" in text):
        return Hint("perceptron.step_only_arrays", "a sua função percorre os elementos de `z`, "
                    "mas `z` também pode ser um número só; `np.where(np.asarray(z) >= 0, 1, 0)` "
                    "serve para um número e para um array de qualquer forma.")
    if isinstance(exc, ValueError) and ("matmul" in text or "not aligned" in text):
        return Hint("perceptron.predict_transposed", "`X` tem forma (n, d) — uma amostra por "
                    "linha — e `w` tem forma (d,): a conta é `X @ w` (ou `np.dot(X, w)`), não "
                    "`w @ X`.")
    return None


_call = partial(call, hint_for=_hint_for)   # ``call`` com as dicas para as exceções comuns


def _zeros_and_ones(got, expected, name, case, what, shape_hint=None):
    """Confere forma, tipo (números, não booleanos) e que só há 0 e 1."""
    __tracebackhide__ = True
    raw = np.asarray(got)
    if raw.dtype == bool:
        fail(f"`{name}`: {what} veio com True/False ({fmt(raw[()])}).\n  entrada: {case}",
             hints=[Hint("perceptron.booleans", "devolva números 0 e 1: `(z >= 0).astype(int)` "
                         "ou `np.where(z >= 0, 1, 0)`.")])
    arr = expect_shape(got, expected, name, case, what, hint=shape_hint)
    if arr.size and not np.all((arr == 0) | (arr == 1)):
        return arr, Hint("perceptron.not_zero_one", "devolva só 0 ou 1 (a classe), não "
                         "probabilidades nem o valor de z: aplique o degrau.")
    return arr, None


def _fail_history_length(errors, epochs, n, case):
    """``errors_per_epoch`` não tem um número por época: diz o que veio e, se der, por quê."""
    __tracebackhide__ = True
    if isinstance(errors, (list, tuple, np.ndarray)):
        got, size = f"{len(errors)} valores", len(errors)
    else:
        got, size = fmt(errors), None
    if size is None:
        hint = Hint("perceptron.errors_total_only", "devolva a LISTA de contagens, uma por "
                    "época (`errors_per_epoch.append(mistakes)` no fim de cada época), não um "
                    "número só.")
    elif size == epochs + 1:
        hint = Hint("perceptron.train_extra_epoch", "veio uma época a mais: `range(epochs)` "
                    "já roda exatamente `epochs` vezes.")
    elif size == epochs * n:
        hint = Hint("perceptron.errors_appended_per_sample", "veio um número por AMOSTRA: o "
                    "`append` vai no laço das épocas, depois do laço das amostras.")
    elif size < epochs:
        hint = Hint("perceptron.train_stops_early", "rode exatamente `epochs` épocas, sem "
                    "parar antes, mesmo quando os erros chegam a zero.")
    else:
        hint = None
    fail(f"`train_perceptron`: `errors_per_epoch` deve ter um número por época ({epochs} "
         f"valores), mas veio {got}.\n  entrada: {case}", hints=[hint])


# --- as verificações ---------------------------------------------------------------------

def check_step(step):
    """Confere ``step(z)``: 1 onde z ≥ 0, senão 0; qualquer forma, números (não booleanos)."""
    __tracebackhide__ = True
    g = rng(21)
    cases = [
        (np.array([-2.0, -0.1, 0.0, 0.1, 3.0]), "z = [−2, −0.1, 0, 0.1, 3]"),
        (0.0, "z = 0 (o empate)"),
        (-0.5, "z = −0.5"),
        (2.0, "z = 2"),
        (np.round(g.normal(size=(2, 3)), 1), "uma matriz 2×3 (a forma deve ser mantida)"),
    ]
    for z, case in cases:
        case = f"step({case})"
        got = _call(step, "step", z, case=case)
        z = np.asarray(z, dtype=float)
        arr, extra = _zeros_and_ones(got, _step(z), "step", case, "o degrau")
        inverted = Hint("perceptron.step_inverted", "está invertido: 1 quando z ≥ 0, 0 quando z < 0.")
        hints = [((z > 0).astype(float), TIE_HINT),
                 ((z <= 0).astype(float), inverted),
                 ((z < 0).astype(float), inverted),
                 (np.sign(z), Hint("perceptron.step_is_sign",
                                   "`np.sign` devolve −1, 0 ou 1; o degrau devolve 0 ou 1."))]
        if extra:
            hints.append((arr, extra))
        expect_close(arr, _step(z), "step", case, what="o degrau", hints=hints)
    passed("check_step", len(cases))


def check_perceptron_predict(perceptron_predict):
    """Confere ``perceptron_predict(X, w, b)``: X (n, d) → (n,) de 0 e 1."""
    __tracebackhide__ = True
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
        z = X @ w + b
        arr, extra = _zeros_and_ones(
            got, _step(z), "perceptron_predict", case, "o vetor de previsões",
            shape_hint=Hint("perceptron.predict_shape", "devolva um vetor com forma (n,) — um "
                            "0 ou 1 por linha de X (não uma coluna (n, 1) nem um número só)."))
        outside = _step(X @ w) + b
        hints = [((z > 0).astype(float), TIE_HINT),
                 (_step(X @ w), Hint("perceptron.predict_bias_missing",
                                     "o viés `b` ficou de fora: ŷ = degrau(X·w + b).")),
                 (_step(X @ w - b), Hint("perceptron.predict_bias_subtracted",
                                         "o viés `b` deve ser somado, não subtraído.")),
                 (outside, Hint("perceptron.predict_bias_outside_step", "o viés entra ANTES do "
                                "degrau, dentro da soma: degrau(X·w + b), não degrau(X·w) + b."))]
        if extra and not is_close(arr, outside):
            hints.append((arr, extra))
        expect_close(arr, _step(z), "perceptron_predict", case, what="o vetor de previsões",
                     hints=hints)
    passed("check_perceptron_predict", len(cases))


def check_perceptron_update(perceptron_update):
    """Confere ``perceptron_update(x, y, w, b, lr)`` → ``(w (d,), b)`` pela regra de Rosenblatt."""
    __tracebackhide__ = True
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
        ref_w, ref_b = _update(x, y, w, b, lr)
        z = x @ w + b
        delta = y - _step(z)
        delta_gt = y - float(z > 0)
        delta_sig = y - 1 / (1 + np.exp(-z))
        # Quem calcula ŷ de novo entre as duas atualizações usa, na segunda, um erro que já
        # mudou: aqui, o `w` calculado depois do `b` novo e o `b` depois do `w` novo.
        w_again = w + lr * (y - _step(x @ w + ref_b)) * x
        b_again = b + lr * (y - _step(x @ ref_w + b))
        b_ok = is_close(new_b, ref_b)
        w_hints = [
            (w - lr * delta * x, Hint("perceptron.update_sign",
                                      "o sinal está trocado: w ← w + lr·(y − ŷ)·x.")),
            (w + delta * x, Hint("perceptron.update_no_lr", "faltou a taxa de aprendizado `lr`.")),
            (w + lr * delta_sig * x, SIGMOID_HINT),
        ]
        if np.any(w != 0):   # com w = 0, multiplicar por w e não mudar nada são iguais
            w_hints.append((w + lr * delta * w, Hint(
                "perceptron.update_times_w", "multiplique pela entrada x, não pelo peso w: "
                "Δw = lr·(y − ŷ)·x. Mansano, Gengo e Caridá escrevem Δw = λ·w·(y − ŷ), mas é um "
                "engano: com w = 0 os pesos nunca sairiam do lugar.")))
        if z == 0 and not b_ok:   # com o `b` certo, o `w` parado vem de outro engano
            w_hints.append((w + lr * delta_gt * x, TIE_HINT))
        if b_ok:
            w_hints.append((w_again, RECOMPUTED_HINT))
        if delta != 0 and not (b_ok and is_close(w_again, w)):
            w_hints.append((w, Hint("perceptron.update_w_unchanged", "os pesos não mudaram, "
                                    "mas a amostra estava errada: w ← w + lr·(y − ŷ)·x.")))
        expect_close(new_w, ref_w, "perceptron_update", case, what="o vetor `w` novo",
                     hints=w_hints)
        b_hints = [
            (b - lr * delta, Hint("perceptron.update_b_sign",
                                  "o sinal de b está trocado: b ← b + lr·(y − ŷ).")),
            (b + delta, Hint("perceptron.update_b_no_lr", "faltou a taxa de aprendizado `lr` em b.")),
            (b + lr * delta_sig, SIGMOID_HINT),
            (b_again, RECOMPUTED_HINT),
        ]
        if delta != 0 and b_again != b:
            b_hints.append((b, Hint("perceptron.update_b_unchanged",
                                    "faltou atualizar o viés: b ← b + lr·(y − ŷ).")))
        expect_close(new_b, ref_b, "perceptron_update", case, what="o viés `b` novo",
                     hints=b_hints)
    passed("check_perceptron_update", len(cases))


def _expect_zero_start(train_perceptron, X, y, lr, case):
    """Com 0 épocas, o treino devolve os pesos iniciais: eles têm de ser zero."""
    __tracebackhide__ = True
    try:
        w, b, _ = train_perceptron(X.copy(), y.copy(), lr, 0)
        start = np.concatenate([np.ravel(np.asarray(w, dtype=float)), np.ravel(np.asarray(b, dtype=float))])
    except Exception:                   # o aluno não previu 0 épocas: nada a concluir daqui
        return
    if start.size and np.any(start != 0):
        fail(f"`train_perceptron` não começa do zero: com 0 épocas, ele devolve w = "
             f"{fmt(np.asarray(w, dtype=float))} e b = {fmt(float(np.ravel(b)[0]))}.\n  entrada: {case}",
             hints=[Hint("perceptron.train_init_not_zero", "comece com `w = np.zeros(d)` e "
                         "`b = 0.0`: o treino do enunciado (e o seu histórico de erros) parte da "
                         "reta toda zerada.")])


def check_train_perceptron(train_perceptron):
    """Confere ``train_perceptron(X, y, lr, epochs)`` → ``(w, b, errors_per_epoch)``."""
    __tracebackhide__ = True
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
        predicted = _step(TRUTH_X @ w + b)
        if not is_close(predicted, y, rtol=0, atol=0):
            stuck = Hint("perceptron.train_stuck_at_zero", "os pesos não saíram do zero: a "
                         "regra é w ← w + lr·(y − ŷ)·x, com a entrada x (não o peso w, como "
                         "escrevem Mansano, Gengo e Caridá).")
            fail(f"`{name}`: depois do treino o perceptron deveria acertar toda a tabela do "
                 f"{table} (ele é linearmente separável), mas prevê {fmt(predicted)} em vez "
                 f"de {fmt(y)}.\n  entrada: {case}\n  pesos aprendidos: w = {fmt(w)}, "
                 f"b = {fmt(float(b))}",
                 hints=[stuck if not np.any(w) else None,
                        RESET_HINT if is_close(w, _reference_train(TRUTH_X, y, 1.0, 1)[0])
                        and is_close(b, _reference_train(TRUTH_X, y, 1.0, 1)[1]) else None])
    # 2. Os valores exatos, com o contrato do enunciado.
    X_sep, y_sep = _separable(24, n=20)
    cases = [
        (PARK_X, PARK_Y, 1.0, 4, "os dados “vamos ao parque?”, lr = 1, 4 épocas"),
        (TRUTH_X, AND_Y, 1.0, 8, "tabela-verdade do AND, lr = 1, 8 épocas"),
        (TRUTH_X, OR_Y, 0.5, 5, "tabela-verdade do OR, lr = 0.5, 5 épocas"),
        (X_sep, y_sep, 0.1, 15, "20 pontos aleatórios separáveis por uma reta, lr = 0.1, 15 épocas"),
    ]
    for X, y, lr, epochs, case in cases:
        result = _call(train_perceptron, name, X, y, lr, epochs, case=case)
        w, b, errors = expect_tuple(result, name, 3, names, case)
        ref_w, ref_b, during, after, after_update, signed = _reference_train(
            X, y, lr, epochs, histories=True)
        if not isinstance(errors, (list, tuple, np.ndarray)) or len(errors) != epochs:
            _fail_history_length(errors, epochs, len(y), case)
        errors = as_numbers(errors, name, "errors_per_epoch")
        if not (is_close(w, ref_w) and is_close(b, ref_b)):
            again = expect_tuple(_call(train_perceptron, name, X, y, lr, epochs, case=case),
                                 name, 3, names, case)
            if not is_close(again[0], w, rtol=0, atol=0):
                fail(f"`{name}` devolveu pesos diferentes em duas chamadas com a mesma entrada "
                     f"({case}).", hints=[Hint("perceptron.train_random_init", "nada de "
                     "números aleatórios: comece com `w = np.zeros(d)` e `b = 0.0`.")])
            _expect_zero_start(train_perceptron, X, y, lr, case)
            one_epoch = _reference_train(X, y, lr, 1)
            no_lr = _reference_train(X, y, 1.0, epochs)
            hints = [
                (one_epoch[0], RESET_HINT),
                (no_lr[0], Hint("perceptron.train_ignores_lr", "os pesos são os de lr = 1: "
                                "passe o `lr` que `train_perceptron` recebeu para "
                                "`perceptron_update`.")),
            ]
            try:
                expect_close(w, ref_w, name, case, what="o vetor `w` final", hints=hints)
                expect_close(b, ref_b, name, case, what="o viés `b` final")
            except AssertionError as exc:
                fail(str(exc) if exc.hints else f"{exc}{REMINDER}", cause=exc)
        if not is_close(errors, during, rtol=0, atol=0):
            _expect_zero_start(train_perceptron, X, y, lr, case)
        hints = [
            (after, Hint("perceptron.errors_counted_after", "você contou os erros DEPOIS da "
                         "época; conte durante a época: cada amostra cuja previsão estava "
                         "errada no momento da sua atualização.")),
            (after_update, Hint("perceptron.errors_counted_after_update", "você conferiu cada "
                                "amostra DEPOIS de atualizar os pesos com ela; confira antes "
                                "(é o erro que a regra corrige), e só então chame "
                                "`perceptron_update`.")),
            (signed, Hint("perceptron.errors_signed", "some 1 por amostra errada: `y − ŷ` vale "
                          "+1 ou −1, e somado assim um erro cancela o outro.")),
            (during / len(y), Hint("perceptron.errors_as_fraction",
                                   "conte QUANTAS amostras erraram (um inteiro), não a fração.")),
            (len(y) - during, Hint("perceptron.errors_counts_correct",
                                   "conte as amostras ERRADAS, não as certas.")),
        ]
        try:
            expect_close(errors, during, name, case, hints=hints,
                         what="o histórico `errors_per_epoch` (amostras erradas em cada época)")
        except AssertionError as exc:
            fail(str(exc) if exc.hints else f"{exc}{REMINDER}", cause=exc)
    passed("check_train_perceptron", len(cases) + 2)


def _park_weights(PARK_WEIGHTS):
    """``(w, b)`` como ``(array (2,), float)``, ou falha em português."""
    __tracebackhide__ = True
    if PARK_WEIGHTS is None:
        fail("`PARK_WEIGHTS` ainda não foi implementada: troque o `raise NotImplementedError` "
             "pela sua reta, `PARK_WEIGHTS = ([w1, w2], b)`, e execute a célula.")
    if not isinstance(PARK_WEIGHTS, (tuple, list)) or len(PARK_WEIGHTS) != 2:
        fail(f"`PARK_WEIGHTS` deve ser uma tupla `(w, b)` — os dois pesos e o viés, por "
             f"exemplo `([0.3, -2.0], 1.0)` —, mas veio {fmt(PARK_WEIGHTS)}.")
    w, b = PARK_WEIGHTS
    try:
        w = np.asarray(w, dtype=float).reshape(-1)
        b = np.asarray(b, dtype=float).reshape(-1)
    except (TypeError, ValueError):
        w = b = np.zeros(0)
    if w.shape != (2,) or b.shape != (1,):
        fail(f"`PARK_WEIGHTS`: em `(w, b)`, `w` deve ter dois números (um peso para o tempo, "
             f"outro para o dinheiro) e `b` ser um número, mas veio {fmt(PARK_WEIGHTS)}.")
    if not (np.all(np.isfinite(w)) and np.isfinite(b[0])):
        fail(f"`PARK_WEIGHTS` contém NaN ou infinito: {fmt(PARK_WEIGHTS)}.")
    return w, float(b[0])


def _on_the_line(z):
    """Os ``z`` que são zero (a menos do arredondamento): dias em cima da reta."""
    return np.abs(z) <= 1e-9


def check_park_weights(PARK_WEIGHTS):
    """Confere a reta ``PARK_WEIGHTS = (w, b)`` do aluno nos sete dias do parque.

    Passa qualquer reta que deixe os quatro dias de "vamos" (os três de treino e o dia novo,
    (−1, 1)) com z > 0 e os três de "não vamos" com z < 0: nenhum dia em cima dela, e a resposta
    não depende da convenção do empate.
    """
    __tracebackhide__ = True
    w, b = _park_weights(PARK_WEIGHTS)
    z = DAYS_X @ w + b
    tie = _on_the_line(z)
    right = ~tie & ((z > 0) == (DAYS_Y == 1))
    if np.all(right):
        margin = f"{np.min(np.abs(z)) / np.linalg.norm(w):.2f}".replace(".", ",")
        passed("check_park_weights", len(DAYS_Y), figure=(
            f"o dia mais perto da sua reta está a {margin} dela (a reta do treino, "
            f"x₁ + x₂ = 0, passa em cima do dia novo: distância 0)"))
        return
    names = ["sol, ok", "sol, rico", "nublado, rico", "chuva, ok", "chuva, falido",
             "nublado, falido", "dia novo: chuva, rico"]
    rows = "\n".join(
        f"    {f'({x[0]:g}, {x[1]:g})':<9} {label:<22} z = {'0' if t else format(zi, '+.3g')}  → "
        f"{'em cima da reta' if t else ('vamos' if zi > 0 else 'não vamos')}"
        f"{'' if ok else '   ✗ (esperado: ' + ('vamos' if y == 1 else 'não vamos') + ')'}"
        for x, label, zi, t, ok, y in zip(DAYS_X, names, z, tie, right, DAYS_Y))
    flipped = DAYS_X @ w - b
    if np.any(tie):
        day = DAYS_X[np.argmax(tie)]
        hint = Hint("perceptron.park_on_the_line", f"o dia ({day[0]:g}, {day[1]:g}) tem z = 0: "
                    "está em cima da reta, e a resposta dependeria da convenção do empate. "
                    "Desloque a reta (mude o viés `b`) ou gire-a (mude `w`) até que nenhum dia "
                    "fique sobre ela.")
    elif np.all(~right):
        hint = Hint("perceptron.park_inverted", "todos os dias ficaram do lado trocado: a reta "
                    "está certa, mas os lados estão invertidos — troque o sinal de `w` e de `b`.")
    elif np.all((flipped > 0) == (DAYS_Y == 1)) and not np.any(_on_the_line(flipped)):
        hint = Hint("perceptron.park_bias_as_threshold", "com −b no lugar de b, a sua reta "
                    "acertaria tudo: o viés entra SOMADO, z = x·w + b (não é um limiar, "
                    "x·w ≥ b).")
    elif np.all(right[:-1]):
        hint = Hint("perceptron.park_new_day_wrong", "a sua reta separa os seis dias de "
                    "treino, mas deixa o dia novo (−1, 1) do lado do “não vamos”. Nele a chuva "
                    "pesa −w₁ e o dinheiro +w₂: ou o dinheiro pesa mais que a chuva (w₂ > w₁), "
                    "ou o viés `b` empurra a reta para o lado certo.")
    else:
        hint = None
    line = f"{w[0]:g}·x₁ {'−' if w[1] < 0 else '+'} {abs(w[1]):g}·x₂ {'−' if b < 0 else '+'} {abs(b):g}"
    fail(f"`PARK_WEIGHTS` = ({fmt(w)}, {b:g}): a reta z = {line} "
         f"deveria deixar os dias de “vamos” com z > 0 e os de “não vamos” com z < 0:\n{rows}",
         hints=[hint])
