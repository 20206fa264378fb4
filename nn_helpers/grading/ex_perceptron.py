"""Verificações do exercício ``ex_perceptron`` (capítulo 3).

Uma verificação por função do aluno: ``check_step(step)``,
``check_perceptron_predict(perceptron_predict)``,
``check_perceptron_update(perceptron_update)`` e
``check_train_perceptron(train_perceptron)``.

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
           "check_train_perceptron"]

install_notebook_hints()

# As tabelas-verdade do AND e do OR (entradas x1, x2).
TRUTH_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
AND_Y = np.array([0.0, 0.0, 0.0, 1.0])
OR_Y = np.array([0.0, 1.0, 1.0, 1.0])

# O exemplo "vamos ao parque?" (Mesel e Uzeda): x1 = clima (−1 chovendo, 0 nublado, 1 sol),
# x2 = dinheiro (−1 falido, 0 ok, 1 rico) → 1 = vamos.
PARK_X = np.array([[1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [-1.0, 0.0], [-1.0, -1.0], [0.0, -1.0]])
PARK_Y = np.array([1.0, 1.0, 1.0, 0.0, 0.0, 0.0])

REMINDER = ("\n  lembre: comece com w = 0 e b = 0; em cada época, percorra as amostras na ordem "
            "dada, com uma chamada de `perceptron_update` por amostra, contando as que estavam "
            "erradas; exatamente `epochs` épocas.")

TIE_HINT = Hint("perceptron.tie_strict", "no empate z = 0 o degrau vale 1: use `z >= 0`, não "
                "`z > 0` (a convenção do enunciado).")
SIGMOID_HINT = Hint("perceptron.update_sigmoid",
                    "no perceptron ŷ é o degrau (0 ou 1), não a sigmoide.")


# --- contas de referência (numpy puro) ----------------------------------------------------

def _step(z):
    return (np.asarray(z, dtype=float) >= 0).astype(float)


def _update(x, y, w, b, lr, predict=_step):
    delta = y - predict(x @ w + b)
    return w + lr * delta * x, b + lr * delta


def _reference_train(X, y, lr, epochs):
    """Zeros, uma atualização por amostra na ordem dada; erros contados durante e depois da época."""
    w, b = np.zeros(X.shape[1]), 0.0
    during, after = [], []
    for _ in range(epochs):
        mistakes = 0
        for x_i, y_i in zip(X, y):
            mistakes += int(_step(x_i @ w + b) != y_i)
            w, b = _update(x_i, y_i, w, b, lr)
        during.append(mistakes)
        after.append(int(np.sum(_step(X @ w + b) != y)))
    return w, b, np.array(during, dtype=float), np.array(after, dtype=float)


def _separable(seed, n):
    """Pontos em [−1, 1]² separáveis por uma reta, com folga de 0,15 (rótulos 0 e 1)."""
    g = rng(seed)
    X = g.uniform(-1, 1, size=(4 * n, 2))
    z = X @ np.array([1.0, -2.0]) + 0.3
    keep = np.abs(z) / np.sqrt(5) > 0.15
    return X[keep][:n], _step(z[keep][:n])


# --- ajudantes ---------------------------------------------------------------------------

def _if_on_array(exc):
    """A dica para o ``if`` com arrays (``hint_for`` de ``call``)."""
    if isinstance(exc, ValueError) and "truth value" in str(exc):
        return Hint("perceptron.if_on_array", "`if z >= 0` só funciona com um número; para "
                    "arrays use `np.where(z >= 0, 1, 0)` ou `(z >= 0).astype(int)`.")
    return None


_call = partial(call, hint_for=_if_on_array)   # ``call`` com a dica para o ``if`` com arrays


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
        hints = [((z > 0).astype(float), TIE_HINT),
                 (_step(X @ w), Hint("perceptron.predict_bias_missing",
                                     "o viés `b` ficou de fora: ŷ = degrau(X·w + b).")),
                 (_step(X @ w - b), Hint("perceptron.predict_bias_subtracted",
                                         "o viés `b` deve ser somado, não subtraído."))]
        if extra:
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
        if z == 0:
            w_hints.append((w + lr * delta_gt * x, TIE_HINT))
        if delta != 0:
            w_hints.append((w, Hint("perceptron.update_w_unchanged", "os pesos não mudaram, "
                                    "mas a amostra estava errada: w ← w + lr·(y − ŷ)·x.")))
        expect_close(new_w, ref_w, "perceptron_update", case, what="o vetor `w` novo",
                     hints=w_hints)
        b_hints = [
            (b - lr * delta, Hint("perceptron.update_b_sign",
                                  "o sinal de b está trocado: b ← b + lr·(y − ŷ).")),
            (b + delta, Hint("perceptron.update_b_no_lr", "faltou a taxa de aprendizado `lr` em b.")),
            (b + lr * delta_sig, SIGMOID_HINT),
        ]
        if delta != 0:
            b_hints.append((b, Hint("perceptron.update_b_unchanged",
                                    "faltou atualizar o viés: b ← b + lr·(y − ŷ).")))
        expect_close(new_b, ref_b, "perceptron_update", case, what="o viés `b` novo",
                     hints=b_hints)
    passed("check_perceptron_update", len(cases))


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
                 f"b = {fmt(float(b))}", hints=[stuck if not np.any(w) else None])
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
        if not isinstance(errors, (list, tuple, np.ndarray)) or len(errors) != epochs:
            got = (f"{len(errors)} valores" if isinstance(errors, (list, tuple, np.ndarray))
                   else fmt(errors))
            fail(f"`{name}`: `errors_per_epoch` deve ter um número por época ({epochs} "
                 f"valores), mas veio {got}.\n  entrada: {case}",
                 hints=[Hint("perceptron.train_stops_early", "rode exatamente `epochs` épocas, "
                             "sem parar antes, mesmo quando os erros chegam a zero.")])
        errors = as_numbers(errors, name, "errors_per_epoch")
        ref_w, ref_b, during, after = _reference_train(X, y, lr, epochs)
        if not (is_close(w, ref_w) and is_close(b, ref_b)):
            again = expect_tuple(_call(train_perceptron, name, X, y, lr, epochs, case=case),
                                 name, 3, names, case)
            if not is_close(again[0], w, rtol=0, atol=0):
                fail(f"`{name}` devolveu pesos diferentes em duas chamadas com a mesma entrada "
                     f"({case}).", hints=[Hint("perceptron.train_random_init", "nada de "
                     "números aleatórios: comece com `w = np.zeros(d)` e `b = 0.0`.")])
            try:
                expect_close(w, ref_w, name, case, what="o vetor `w` final")
                expect_close(b, ref_b, name, case, what="o viés `b` final")
            except AssertionError as exc:
                fail(f"{exc}{REMINDER}", cause=exc)
        hints = [
            (after, Hint("perceptron.errors_counted_after", "você contou os erros DEPOIS da "
                         "época; conte durante a época: cada amostra cuja previsão estava "
                         "errada no momento da sua atualização.")),
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
