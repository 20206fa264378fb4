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

Os valores esperados são calculados aqui mesmo, com numpy puro — nunca com
as funções de ``nn_helpers`` que os capítulos ensinam — e os números do
enunciado estão escritos por extenso.
"""

from functools import partial

import numpy as np

from .checking import (Hint, as_numbers, call, expect_close, expect_shape, expect_tuple, fail,
                       fmt, install_notebook_hints, is_close, passed, rng)

__all__ = ["check_sigmoid", "check_output_formula", "check_error_formula",
           "check_update_weights", "check_cost_gradient", "check_train"]

install_notebook_hints()

# Os dados "vamos ao parque?" (Mesel e Uzeda): x1 = clima, x2 = dinheiro → 1 = vamos.
PARK_X = np.array([[1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [-1.0, 0.0], [-1.0, -1.0], [0.0, -1.0]])
PARK_Y = np.array([1.0, 1.0, 1.0, 0.0, 0.0, 0.0])

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

OVERFLOW_HINT = Hint("gradient_descent.sigmoid_overflow",
    "`np.exp(-z)` estoura (*overflow*) quando z é muito negativo (z = −1000 dá e^1000). "
    "Calcule `e = np.exp(-np.abs(z))` (sempre entre 0 e 1) e escolha a fórmula pelo sinal "
    "de z: 1/(1 + e) se z ≥ 0, e/(1 + e) se z < 0. Cuidado: `np.where` calcula os DOIS "
    "lados, então nenhum deles pode estourar. (Cortar z com `np.clip(z, -500, 500)` "
    "também funciona.)")


# --- contas de referência (numpy puro) ----------------------------------------------------

def _sigmoid(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def _bce(y, p):
    return -y * np.log(p) - (1 - y) * np.log(1 - p)


def _update(x, y, w, b, lr, predict=_sigmoid):
    delta = y - predict(x @ w + b)
    return w + lr * delta * x, b + lr * delta


def _step(z):
    return (np.asarray(z) >= 0).astype(float)


def _reference_train(X, y, epochs, lr, batch=None):
    """Treino de referência: zeros, uma atualização por amostra, erro médio depois de cada época.

    ``batch`` ("mean" ou "sum") dá a variante errada em lote, usada só nas dicas.
    Devolve ``(w, b, erros depois de cada época, erros antes de cada época)``.
    """
    w, b = np.zeros(X.shape[1]), 0.0
    after, before = [], []
    for _ in range(epochs):
        before.append(np.mean(_bce(y, _sigmoid(X @ w + b))))
        if batch is None:
            for x_i, y_i in zip(X, y):
                w, b = _update(x_i, y_i, w, b, lr)
        else:
            delta = y - _sigmoid(X @ w + b)
            scale = 1 / len(y) if batch == "mean" else 1.0
            w, b = w + lr * scale * (X.T @ delta), b + lr * scale * np.sum(delta)
        after.append(np.mean(_bce(y, _sigmoid(X @ w + b))))
    return w, b, np.array(after), np.array(before)


def _blobs(seed, n, d):
    """Duas nuvens de pontos que se sobrepõem um pouco (rótulos 0 e 1)."""
    g = rng(seed)
    y = (np.arange(n) % 2).astype(float)
    X = g.normal(size=(n, d)) + np.outer(2 * y - 1, np.linspace(1.0, 0.5, d))
    return X, y


# --- chamadas com dicas ------------------------------------------------------------------

def _hint_for(cause):
    """Uma dica para a exceção que a função do aluno levantou (ou ``None``)."""
    text = str(cause)
    if isinstance(cause, (RuntimeWarning, FloatingPointError, OverflowError)):
        return OVERFLOW_HINT
    if isinstance(cause, TypeError) and ("only" in text and "array" in text):
        return Hint("gradient_descent.math_on_arrays", "use `np.exp` e `np.log` (funcionam em "
                    "arrays inteiros), não `math.exp`/`math.log`.")
    if isinstance(cause, ValueError) and "truth value" in text:
        return Hint("gradient_descent.if_on_array",
                    "não use `if` com arrays: compare elemento a elemento com `np.where`.")
    if isinstance(cause, ValueError) and ("matmul" in text or "not aligned" in text):
        return Hint("gradient_descent.matmul_shapes",
                    "confira as formas no produto: `features` é (n, d) (ou (d,)) e `weights` é "
                    "(d,), então é `features @ weights`, nessa ordem. No gradiente, o vetor "
                    "(ŷ − y) tem forma (n,), e `features.T @ (ŷ − y)` dá as d somas de uma vez.")
    return None


# `call` com as dicas deste exercício para as exceções mais comuns.
_call = partial(call, hint_for=_hint_for)


# --- as verificações ---------------------------------------------------------------------

def check_sigmoid(sigmoid):
    """Confere ``sigmoid(z)``: qualquer forma → mesma forma, sem overflow para |z| grande."""
    __tracebackhide__ = True
    g = rng(11)
    z_matrix = g.normal(size=(3, 4)) * 3
    cases = [
        (np.array([-2.0, -1.0, 0.0, 1.0, 2.0]), "z = [−2, −1, 0, 1, 2]"),
        (0.0, "z = 0 (o ponto em cima da reta: P = 0,5)"),
        (z_matrix, "uma matriz 3×4 aleatória (a forma deve ser mantida)"),
    ]
    for z, case in cases:
        got = _call(sigmoid, "sigmoid", z, case=f"sigmoid({case})")
        z_arr = np.asarray(z, dtype=float)
        expect_close(got, _sigmoid(z_arr), "sigmoid", case, what="σ(z)", hints=[
            (_sigmoid(-z_arr), Hint("gradient_descent.sigmoid_sign", "o sinal do expoente está "
                                    "trocado: σ(z) = 1 / (1 + e^(−z)).")),
            (np.tanh(z_arr), Hint("gradient_descent.sigmoid_is_tanh", "isto é a tangente "
                                  "hiperbólica; a sigmoide é 1 / (1 + e^(−z)).")),
            (np.exp(-z_arr), Hint("gradient_descent.sigmoid_only_exp",
                                  "faltou o 1 + e a divisão: σ(z) = 1 / (1 + e^(−z)).")),
            ((z_arr >= 0).astype(float), Hint("gradient_descent.sigmoid_is_step",
                                              "isto é o degrau; a sigmoide é contínua.")),
        ])
    # Os casos extremos, com os avisos do numpy transformados em erro.
    big = np.array([-1000.0, -50.0, 0.0, 50.0, 1000.0])
    case = "z = [−1000, −50, 0, 50, 1000]"
    got = _call(sigmoid, "sigmoid", big, case=f"sigmoid({case})", strict=True)
    expect_close(got, _sigmoid(big), "sigmoid", case, what="σ(z)")
    passed("check_sigmoid", len(cases) + 1)


def check_output_formula(output_formula):
    """Confere ``output_formula(features, weights, bias)``: (n, d) → (n,), ou (d,) → número."""
    __tracebackhide__ = True
    g = rng(12)
    X = g.normal(size=(5, 3))
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
        z = features @ weights + bias
        expect_close(got, _sigmoid(z), "output_formula", case, what="ŷ", hints=[
            (z, Hint("gradient_descent.output_no_sigmoid",
                     "faltou aplicar a sigmoide: ŷ = σ(x·w + b).")),
            (_sigmoid(features @ weights), Hint("gradient_descent.output_bias_missing",
                                                "o viés `bias` ficou de fora: ŷ = σ(x·w + b).")),
            (_sigmoid(features @ weights - bias), Hint("gradient_descent.output_bias_subtracted",
                                                       "o viés deve ser somado, não subtraído.")),
            (_sigmoid(-z), Hint("gradient_descent.output_sign", "o sinal está trocado: "
                                "ŷ = σ(x·w + b), com σ(z) = 1 / (1 + e^(−z)).")),
            (_step(z), Hint("gradient_descent.output_is_step", "use a sigmoide (contínua), não "
                            "o degrau: aqui ŷ é uma probabilidade.")),
        ])
    passed("check_output_formula", len(cases))


def check_error_formula(error_formula):
    """Confere ``error_formula(y, output)``: a entropia cruzada binária de cada amostra."""
    __tracebackhide__ = True
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
        expected = _bce(np.asarray(y), np.asarray(output))
        arr = expect_shape(
            got, expected, "error_formula", case, "o valor do erro",
            hint=Hint("gradient_descent.error_not_per_sample", "devolva o erro de CADA amostra "
                      "(um array do tamanho de y), sem somar nem tirar a média — a média fica "
                      "para o `train`."))
        if not np.all(np.isfinite(arr)):
            fail(f"`error_formula`: o erro contém NaN ou infinito: {fmt(arr[()])}.\n"
                 f"  entrada: {case}", hints=[Hint(
                     "gradient_descent.error_log_of_y", "o logaritmo é da previsão `output` "
                     "(entre 0 e 1), nunca de `y` (que vale 0 ou 1): confira a ordem dos "
                     "argumentos.")])
        y, output = np.asarray(y), np.asarray(output)
        expect_close(arr, expected, "error_formula", case, what="o valor do erro", hints=[
            (-expected, Hint("gradient_descent.error_minus_missing",
                             "faltou o sinal de menos: E = −y·ln(ŷ) − (1 − y)·ln(1 − ŷ).")),
            (expected / np.log(10), Hint("gradient_descent.error_log10", "use o logaritmo "
                                         "natural `np.log` (ln), não `np.log10`: o “log” das "
                                         "contas é o ln.")),
            (-y * np.log(output) + (1 - y) * np.log(1 - output),
             Hint("gradient_descent.error_minus_first_term_only", "o sinal de menos vale para os "
                  "DOIS termos: E = −[y·ln(ŷ) + (1 − y)·ln(1 − ŷ)].")),
            (-y * np.log(output), Hint("gradient_descent.error_y0_term_missing", "faltou o termo "
                                       "das amostras com y = 0: − (1 − y)·ln(1 − ŷ).")),
            ((y - output) ** 2, Hint("gradient_descent.error_is_squared", "isto é o erro "
                                     "quadrático; aqui o erro é a entropia cruzada.")),
        ])
    # Os números do enunciado, por extenso: a soma dos erros de cada modelo.
    for output, deck_total in ((DECK_BAD, 4.8), (DECK_GOOD, 1.2)):
        got = call(error_formula, "error_formula", DECK_Y, output, case="os pontos do enunciado")
        total = float(np.sum(np.asarray(got, dtype=float)))
        if abs(total - deck_total) > 0.05:
            fail(f"`error_formula`: somando os erros dos quatro pontos do enunciado deveria dar "
                 f"≈ {deck_total}, mas deu {total:.4g}.")
    passed("check_error_formula", len(cases) + 2)


def check_update_weights(update_weights):
    """Confere ``update_weights(x, y, weights, bias, learnrate)`` → ``(weights (d,), bias)``."""
    __tracebackhide__ = True
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
        ref_w, ref_b = _update(x, y, w, b, lr)
        delta = y - _sigmoid(x @ w + b)
        delta_step = y - _step(x @ w + b)
        w_hints = [
            (w - lr * delta * x, Hint("gradient_descent.update_sign", "o sinal está trocado: "
                                      "w ← w + η·(y − ŷ)·x (o erro diminui andando CONTRA o "
                                      "gradiente, que é (ŷ − y)·x).")),
            (w + delta * x, Hint("gradient_descent.update_no_learnrate",
                                 "faltou a taxa de aprendizado η (`learnrate`).")),
            (w + lr * delta_step * x, Hint("gradient_descent.update_uses_step", "aqui ŷ é a "
                                           "sigmoide σ(x·w + b), não o degrau do perceptron.")),
            (w, Hint("gradient_descent.weights_unchanged",
                     "os pesos não mudaram: w ← w + η·(y − ŷ)·x.")),
        ]
        if np.any(w != 0):   # com w = 0, multiplicar por w e não mudar nada são iguais
            w_hints.append((w + lr * delta * w, Hint(
                "gradient_descent.update_times_w", "multiplique pela entrada x, não pelo peso w: "
                "w ← w + η·(y − ŷ)·x (Mansano, Gengo e Caridá escrevem w aqui, por engano).")))
        expect_close(new_w, ref_w, "update_weights", case, what="o vetor de pesos novo",
                     hints=w_hints)
        expect_close(new_b, ref_b, "update_weights", case, what="o viés novo", hints=[
            (b, Hint("gradient_descent.bias_not_updated",
                     "faltou atualizar o viés: b ← b + η·(y − ŷ).")),
            (b - lr * delta, Hint("gradient_descent.bias_update_sign",
                                  "o sinal de b está trocado: b ← b + η·(y − ŷ).")),
            (b + delta, Hint("gradient_descent.bias_no_learnrate",
                             "faltou a taxa de aprendizado η em b.")),
            (b + lr * (y - _sigmoid(x @ ref_w + b)), Hint(
                "gradient_descent.bias_uses_new_weights", "o viés foi atualizado com o erro "
                "recalculado com os pesos JÁ atualizados. Calcule o erro (y − ŷ) uma vez, antes "
                "de mudar qualquer parâmetro, e use o mesmo nas duas atualizações.")),
        ])
    # Conferência independente: o passo é −η × o gradiente NUMÉRICO do erro da amostra.
    x, y, w, b, lr, case = cases[0]
    new_w, new_b = call(update_weights, "update_weights", x, y, w, b, lr, case=case)
    eps = 1e-6
    error_of = lambda w_, b_: _bce(y, 1 / (1 + np.exp(-(x @ w_ + b_))))  # noqa: E731
    numeric_w = np.array([(error_of(w + eps * e, b) - error_of(w - eps * e, b)) / (2 * eps)
                          for e in np.eye(len(w))])
    numeric_b = (error_of(w, b + eps) - error_of(w, b - eps)) / (2 * eps)
    numeric_case = "w − η·(gradiente numérico do erro da amostra, por diferenças finitas)"
    expect_close(new_w, w - lr * numeric_w, "update_weights", numeric_case,
                 what="o vetor de pesos novo", rtol=1e-5, atol=1e-7)
    expect_close(new_b, b - lr * numeric_b, "update_weights", numeric_case,
                 what="o viés novo", rtol=1e-5, atol=1e-7)
    passed("check_update_weights", len(cases) + 1)


def _cost(X, y, w, b):
    """O custo médio: a entropia cruzada binária média das amostras."""
    return float(np.mean(_bce(y, _sigmoid(X @ w + b))))


def check_cost_gradient(cost_gradient):
    """Confere ``cost_gradient(features, targets, weights, bias)`` → ``(grad_w (d,), grad_b)``.

    O gradiente do custo médio C = média de E(y_i, σ(x_i·w + b)): (1/n)·Xᵀ(ŷ − y) e a média de
    ŷ − y, escrito como o aluno quiser.
    """
    __tracebackhide__ = True
    X_rand, y_rand = _blobs(16, n=7, d=3)
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
    w_shape = Hint("gradient_descent.cost_gradient_w_shape",
                   "grad_w tem uma derivada por peso: forma (d,). Cada ∂C/∂w_j é a MÉDIA, sobre "
                   "as n amostras, de (ŷ_i − y_i)·x_ij: some ao longo das amostras (não dos "
                   "atributos) — `features.T @ (ŷ − y) / n` faz as d médias de uma vez.")
    b_shape = Hint("gradient_descent.cost_gradient_b_shape",
                   "grad_b é um número só: a média, sobre as n amostras, de ŷ_i − y_i (sem x).")
    for X, y, w, b, case in cases:
        result = _call(cost_gradient, "cost_gradient", X, y, w, b, case=case)
        grad_w, grad_b = expect_tuple(result, "cost_gradient", 2, ("grad_w", "grad_b"), case)
        n, d = X.shape
        if np.ndim(grad_w) == 0 and np.shape(grad_b) == (d,):
            fail(f"`cost_gradient`: grad_w veio um número e grad_b um vetor de forma ({d},).\n"
                 f"  entrada: {case}", hints=[Hint(
                     "gradient_descent.cost_gradient_order",
                     "a ordem da tupla é `(grad_w, grad_b)`: primeiro o vetor das derivadas nos "
                     "pesos, depois a derivada no viés.")])
        y_hat = _sigmoid(X @ w + b)
        delta = y_hat - y
        gw, gb = X.T @ delta / n, float(np.mean(delta))
        expect_shape(grad_w, gw, "cost_gradient", case, what="grad_w", hint=w_shape)
        expect_shape(grad_b, gb, "cost_gradient", case, what="grad_b", hint=b_shape)

        def both(scale_w, scale_b=None, hint=None):
            """A dica para um engano que troca δ = ŷ − y por outra coisa nas duas derivadas."""
            return (X.T @ scale_w / n, np.mean(scale_w if scale_b is None else scale_b), hint)
        wrong = [
            both(-delta, hint=Hint("gradient_descent.cost_gradient_sign",
                                   "o sinal está trocado: o gradiente aponta para onde o custo "
                                   "CRESCE, e é (ŷ − y)·x; o passo é que anda contra ele.")),
            both(delta * y_hat * (1 - y_hat), hint=Hint(
                "gradient_descent.cost_gradient_keeps_sigmoid_slope",
                "sobrou o fator ŷ(1 − ŷ): na entropia cruzada ele cancela com o denominador de "
                "∂E/∂ŷ = (ŷ − y)/(ŷ(1 − ŷ)). (Com ele, e um 2, seria o gradiente do erro "
                "quadrático.)")),
            both(2 * delta * y_hat * (1 - y_hat), hint=Hint(
                "gradient_descent.cost_gradient_is_mse",
                "isto é o gradiente do erro quadrático (ŷ − y)²; o custo aqui é a entropia "
                "cruzada, e nela o fator ŷ(1 − ŷ) se cancela.")),
            both(delta / (y_hat * (1 - y_hat)), hint=Hint(
                "gradient_descent.cost_gradient_stops_at_yhat",
                "faltou um elo da regra da cadeia: depois de ∂E/∂ŷ vem ∂ŷ/∂z = ŷ(1 − ŷ) "
                "(a derivada da sigmoide), e só então ∂z/∂w_j = x_j.")),
            both(X @ w + b - y, hint=Hint(
                "gradient_descent.cost_gradient_no_sigmoid",
                "ŷ é a probabilidade σ(x·w + b), não a soma x·w + b: passe pela sigmoide (a "
                "sua `output_formula`).")),
            both(_sigmoid(X @ w) - y, hint=Hint(
                "gradient_descent.cost_gradient_bias_missing",
                "o viés ficou de fora da previsão: ŷ = σ(x·w + b) (use a sua "
                "`output_formula`).")),
            (X.T @ delta, np.sum(delta), Hint(
                "gradient_descent.cost_gradient_not_mean",
                "isto é o gradiente da SOMA dos erros: o custo é a MÉDIA, então divida por n "
                "(o número de amostras).")),
            (X.T @ delta / d, np.sum(delta) / d, Hint(
                "gradient_descent.cost_gradient_divides_by_d",
                "a média é sobre as n amostras (`len(targets)` ou `features.shape[0]`), não "
                "sobre os d atributos (`len(weights)`).")),
            (X[:-1].T @ delta[:-1] / n, np.sum(delta[:-1]) / n, Hint(
                "gradient_descent.cost_gradient_misses_a_sample",
                "o laço sobre as amostras deixou a última de fora: `range(n)` percorre as n "
                "amostras, `range(n - 1)` para uma antes.")),
        ]
        expect_close(grad_w, gw, "cost_gradient", case, what="grad_w",
                     hints=[(ww, h) for ww, _, h in wrong])
        expect_close(grad_b, gb, "cost_gradient", case, what="grad_b",
                     hints=[(wb, h) for _, wb, h in wrong] + [
                         (np.mean(X.T @ delta / n), Hint(
                             "gradient_descent.cost_gradient_b_with_x",
                             "em grad_b não entra x: como ∂z/∂b = 1, grad_b é só a média de "
                             "ŷ − y."))])
    # Conferência independente: a inclinação do custo medida por diferenças finitas.
    X, y, w, b, case = cases[0]
    grad_w, grad_b = _call(cost_gradient, "cost_gradient", X, y, w, b, case=case)
    eps = 1e-6
    numeric_w = np.array([(_cost(X, y, w + eps * e, b) - _cost(X, y, w - eps * e, b)) / (2 * eps)
                          for e in np.eye(len(w))])
    numeric_b = (_cost(X, y, w, b + eps) - _cost(X, y, w, b - eps)) / (2 * eps)
    numeric_case = "a inclinação do custo medida por diferenças finitas"
    expect_close(grad_w, numeric_w, "cost_gradient", numeric_case, what="grad_w",
                 rtol=1e-5, atol=1e-7)
    expect_close(grad_b, numeric_b, "cost_gradient", numeric_case, what="grad_b",
                 rtol=1e-5, atol=1e-7)
    passed("check_cost_gradient", len(cases) + 1)


def check_train(train):
    """Confere ``train(features, targets, epochs, learnrate)`` → ``(weights, bias, errors)``."""
    __tracebackhide__ = True
    X_rand, y_rand = _blobs(15, n=30, d=3)
    cases = [
        (PARK_X, PARK_Y, 10, 0.5, "os dados “vamos ao parque?”, 10 épocas, η = 0.5"),
        (X_rand, y_rand, 20, 0.1, "30 pontos aleatórios com 3 atributos, 20 épocas, η = 0.1"),
    ]
    reminder = ("\n  lembre: comece com pesos zero e b = 0; em cada época, percorra as amostras "
                "na ordem dada e faça UMA atualização por amostra (`update_weights`); "
                "exatamente `epochs` épocas.")
    for X, y, epochs, lr, case in cases:
        result = _call(train, "train", X, y, epochs, lr, case=case)
        w, b, errors = expect_tuple(result, "train", 3, ("weights", "bias", "errors"), case)
        if not isinstance(errors, (list, tuple, np.ndarray)) or len(errors) != epochs:
            got = (f"{len(errors)} valores" if isinstance(errors, (list, tuple, np.ndarray))
                   else fmt(errors))
            off_by_one = (isinstance(errors, (list, tuple, np.ndarray))
                          and abs(len(errors) - epochs) == 1)
            fail(f"`train`: `errors` deve ter um erro por época ({epochs} valores), mas veio "
                 f"{got}.\n  entrada: {case}", hints=[Hint(
                     "gradient_descent.train_epochs_off_by_one", "o laço das épocas deve dar "
                     "exatamente `epochs` voltas, com um erro guardado por volta: `for _ in "
                     "range(epochs)` (nem `range(epochs + 1)`, nem `range(1, epochs)`).")
                     if off_by_one else None])
        errors = as_numbers(errors, "train", "errors")
        ref_w, ref_b, after, before = _reference_train(X, y, epochs, lr)
        if not (is_close(w, ref_w, rtol=1e-6) and is_close(b, ref_b, rtol=1e-6, atol=1e-9)):
            again = expect_tuple(call(train, "train", X, y, epochs, lr, case=case), "train", 3,
                                 ("weights", "bias", "errors"), case)
            if not is_close(again[0], w, rtol=0, atol=0):
                fail(f"`train` devolveu pesos diferentes em duas chamadas com a mesma entrada "
                     f"({case}).", hints=[Hint("gradient_descent.train_random_init",
                                               "nada de números aleatórios: comece com "
                                               "`weights = np.zeros(d)` e `bias = 0.0` e "
                                               "percorra as amostras na ordem dada (sem "
                                               "sortear a ordem com `permutation`/`shuffle`, "
                                               "como faz o treino do capítulo).")])
            hint = None
            if is_close(w, _reference_train(X, y, epochs, lr, batch="mean")[0], rtol=1e-6) or \
                    is_close(w, _reference_train(X, y, epochs, lr, batch="sum")[0], rtol=1e-6):
                hint = Hint("gradient_descent.train_in_batch", "isto é gradiente descendente em "
                            "lote (uma atualização por época, com todos os dados); aqui é UMA "
                            "atualização por amostra.")
            elif errors[-1] > errors[0]:
                hint = Hint("gradient_descent.train_error_rising",
                            "o erro está subindo — o sinal da atualização está trocado?")
            elif is_close(b, 0.0, rtol=0, atol=0):
                hint = Hint("gradient_descent.train_bias_stays_zero",
                            "`bias` continua 0 — guarde o viés que `update_weights` devolve.")
            try:
                expect_close(w, ref_w, "train", case, what="o vetor de pesos final (`weights`)",
                             rtol=1e-6)
                expect_close(b, ref_b, "train", case, what="o viés final (`bias`)",
                             rtol=1e-6, atol=1e-9)
            except AssertionError as exc:
                fail(f"{exc}{reminder}", cause=exc, hints=[hint])
        expect_close(errors, after, "train", case, rtol=1e-6,
                     what="o histórico `errors` (a entropia cruzada média depois de cada época)",
                     hints=[
                         (before, Hint("gradient_descent.errors_before_epoch", "estes são os "
                                       "erros ANTES de cada época; guarde o erro DEPOIS de "
                                       "percorrer todas as amostras.")),
                         (after * len(y), Hint("gradient_descent.errors_summed", "guarde a "
                                               "MÉDIA dos erros das amostras, não a soma.")),
                         (-after, Hint("gradient_descent.errors_negative", "o erro médio é "
                                       "positivo: confira o sinal de `error_formula`.")),
                     ])
    passed("check_train", len(cases))
