"""Verificações do exercício ``ex_linear_regression`` (capítulo 1).

Uma verificação por função do aluno: ``check_predict(predict)``,
``check_mse(mse)``, ``check_mae(mae)``, ``check_rmse(rmse)``,
``check_mse_gradient(mse_gradient)`` e ``check_fit_gd(fit_gd)``.

Os valores esperados são calculados aqui mesmo, com numpy puro — nunca com
as funções de ``nn_helpers`` que o capítulo ensina — e os números da tabela
de 3 meses estão escritos por extenso.

``mse_gradient`` é a parte em que o aluno deriva: o enunciado não dá a fórmula, e a
verificação compara a resposta com a inclinação do MSE medida por diferenças finitas — toda
forma correta de escrever a conta passa.
"""

import numpy as np

from functools import partial

from .checking import (Hint, as_numbers, call, expect_close, expect_shape, expect_tuple, fail,
                       fmt, install_notebook_hints, is_close, passed, rng)

__all__ = ["check_predict", "check_mse", "check_mae", "check_rmse",
           "check_mse_gradient", "check_fit_gd"]

install_notebook_hints()

# A tabela de 3 meses (Mansano, Gengo e Caridá, 2022): investido (R$) → venda (R$).
TOY_X = np.array([[200.0], [100.0], [150.0]])
TOY_Y = np.array([600.0, 400.0, 580.0])

# O MSE final do "Para ir além" (Advertising padronizado, lr = 0.1, 200 épocas) que a solução
# do curso obtém; tests/test_exercises.py::test_solution_passes_every_check o mede de novo,
# rodando a solução. É também o mínimo de mínimos quadrados (2,7841).
GO_FURTHER_MSE = 2.7841

CARET = Hint("linear_regression.caret_is_not_power",
             "em Python, `^` não é potência (é o “ou exclusivo” bit a bit): o quadrado é `** 2` "
             "(ou `np.square`).")


def _hint_for(cause):
    """Uma dica para a exceção que a função do aluno levantou (ou ``None``)."""
    if isinstance(cause, TypeError) and ("^" in str(cause) or "bitwise_xor" in str(cause)):
        return CARET
    return None


def _regression_case(seed, n, d):
    """Um problema aleatório (sempre o mesmo para a mesma semente)."""
    g = rng(seed)
    X = g.normal(size=(n, d))
    c = g.normal(size=d)
    b = float(g.normal())
    y = X @ c + b + 0.3 * g.normal(size=n)
    return X, y, c, b


def check_predict(predict):
    """Confere ``predict(X, c, b)``: X (n, d), c (d,), b número → ŷ (n,)."""
    __tracebackhide__ = True
    X3, _, c3, b3 = _regression_case(1, n=6, d=3)
    cases = [
        ((TOY_X, np.array([2.0]), 3.0), np.array([403.0, 203.0, 303.0]),
         "tabela de 3 meses com b = 3, c0 = 2"),
        ((TOY_X, np.array([3.5]), 12.0), np.array([712.0, 362.0, 537.0]),
         "tabela de 3 meses com b = 12, c0 = 3.5"),
        ((X3, c3, b3), X3 @ c3 + b3, f"X aleatório 6×3, c = {fmt(c3)}, b = {b3:.4g}"),
        ((X3[:1], c3, -2.0), X3[:1] @ c3 - 2.0, "uma única amostra (X com forma (1, 3))"),
    ]
    not_vector = Hint("linear_regression.predict_not_vector",
                      "ŷ tem um número por amostra, forma (n,). `X * c` multiplica elemento a "
                      "elemento e dá uma matriz (n, d) — o produto de matriz por vetor é "
                      "`X @ c`; e `[:, None]` ou `reshape(-1, 1)` transformam o vetor numa "
                      "coluna (n, 1).")
    summed_all = Hint("linear_regression.predict_summed_all",
                      "você somou tudo num número só; cada amostra tem a sua previsão: some só "
                      "ao longo dos atributos (`axis=1`), ou use `X @ c`.")
    wrong_axis = Hint("linear_regression.predict_wrong_axis",
                      "a soma foi ao longo das amostras (`axis=0`, uma coluna por atributo); a "
                      "previsão de cada amostra soma ao longo dos atributos: `axis=1`, ou `X @ c`.")
    for args, expected, case in cases:
        X, c, b = args
        got = call(predict, "predict", *args, case=case, hint_for=lambda exc: (
            Hint("linear_regression.predict_matmul_order",
                 "confira as formas no produto: X é (n, d) e c é (d,), então é `X @ c`, nessa "
                 "ordem (`c @ X` e `X.T @ c` só funcionam quando as formas coincidem por acaso).")
            if isinstance(exc, ValueError) and "matmul" in str(exc) else None))
        n, d = X.shape
        shape = np.shape(got)
        shape_hint = (not_vector if shape in ((n, d), (n, 1))
                      else summed_all if shape == () else wrong_axis if shape == (d,) else None)
        expect_shape(got, expected, "predict", case, what="ŷ", hint=shape_hint)
        expect_close(got, expected, "predict", case, what="ŷ", hints=[
            (X @ c, Hint("linear_regression.bias_missing",
                         "parece que o viés `b` ficou de fora: ŷ = X·c + b.")),
            (X @ c - b, Hint("linear_regression.bias_subtracted",
                             "o viés `b` deve ser somado, não subtraído.")),
            (X[:, 0] * c[0] + b, Hint("linear_regression.predict_first_feature_only",
                                      "só o primeiro atributo entrou na conta: ŷ soma "
                                      "c_j·x_j de TODOS os d atributos (`X @ c`).")),
        ])
    passed("check_predict", len(cases))


def _loss_cases(seed):
    """Pares (y, ŷ) usados pelas três verificações de erro."""
    g = rng(seed)
    y_rand = g.normal(size=7) * 3
    # O caso de 4 valores vem primeiro: os seus erros têm os dois sinais, e nele cada engano
    # das dicas dá um número diferente (na tabela de 3 meses os erros são todos positivos, e a
    # média dos erros coincide com o MAE).
    return [
        (np.array([1.0, 0.0, 1.0, 0.0]), np.array([0.8, 0.3, 0.8, 0.5]),
         "4 valores com erros 0,2, 0,3, 0,2 e 0,5"),
        (TOY_Y, np.array([403.0, 203.0, 303.0]),
         "tabela de 3 meses, b = 3, c0 = 2 (ŷ = 403, 203, 303)"),
        (TOY_Y, np.array([610.0, 310.0, 460.0]),
         "tabela de 3 meses, b = 10, c0 = 3 (ŷ = 610, 310, 460)"),
        (y_rand, y_rand + g.normal(size=7), "7 valores aleatórios"),
        (np.array([1.5, -2.0]), np.array([1.5, -2.0]), "previsão perfeita (ŷ = y)"),
    ]


def _loss_check(f, name, reference, hints_for):
    __tracebackhide__ = True
    for y, y_hat, case in _loss_cases(seed=2):
        got = call(f, name, y, y_hat, case=f"{name}(y, y_hat) com {case}", hint_for=_hint_for)
        expect_close(got, reference(y, y_hat), name, case, what="o erro",
                     hints=hints_for(y, y_hat))
    # Um número do enunciado escrito por extenso, além da fórmula.
    if name == "mse":
        expect_close(call(f, name, TOY_Y, np.array([403.0, 203.0, 303.0]), case="tabela de 3 meses"),
                     51449.0, name, "tabela de 3 meses, b = 3, c0 = 2 (MSE = 51449)")


def _common_hints(y, y_hat):
    e = y - y_hat
    n = len(y)
    return {
        "sum_sq": (np.sum(e ** 2), Hint("linear_regression.sum_of_squares",
                                        "parece a soma dos quadrados: faltou dividir por n (a média).")),
        "mse": (np.mean(e ** 2), Hint("linear_regression.is_mse",
                                      "isto é o MSE (média dos quadrados).")),
        "mae": (np.mean(np.abs(e)), Hint("linear_regression.is_mae",
                                         "isto é o MAE (média dos módulos).")),
        "rmse": (np.sqrt(np.mean(e ** 2)), Hint("linear_regression.is_rmse",
                                                "isto é o RMSE (raiz do MSE).")),
        "mean": (np.mean(e), Hint("linear_regression.errors_cancel", "faltou o quadrado/módulo: "
                                  "erros positivos e negativos se cancelam.")),
        "sum_abs": (np.sum(np.abs(e)), Hint("linear_regression.sum_of_abs",
                                            "parece a soma dos módulos: faltou dividir por n.")),
        "n-1": (np.sum(e ** 2) / max(n - 1, 1), Hint("linear_regression.divides_by_n_minus_1",
                                                     "divida por n, não por n − 1.")),
        "mean_sq": (np.mean(e) ** 2, Hint("linear_regression.square_of_mean",
                                          "você elevou a média ao quadrado; o MSE é a média dos "
                                          "quadrados: eleve cada erro ao quadrado e só então "
                                          "tire a média.")),
        "var": (np.var(e), Hint("linear_regression.var_is_not_mse",
                                "`np.var` tira a média dos erros antes de elevar ao quadrado: "
                                "só coincide com o MSE quando a média dos erros é zero.")),
    }


def check_mse(mse):
    """Confere ``mse(y, y_hat)``: y (n,), y_hat (n,) → número."""
    __tracebackhide__ = True
    def hints(y, y_hat):
        h = _common_hints(y, y_hat)
        return [h["sum_sq"], h["mae"], h["rmse"], h["mean"], h["n-1"], h["mean_sq"],
                h["var"]]
    _loss_check(mse, "mse", lambda y, y_hat: np.mean((y - y_hat) ** 2), hints)
    passed("check_mse", len(_loss_cases(2)) + 1)


def check_mae(mae):
    """Confere ``mae(y, y_hat)``: y (n,), y_hat (n,) → número."""
    __tracebackhide__ = True
    def hints(y, y_hat):
        h = _common_hints(y, y_hat)
        return [h["sum_abs"], h["mse"], h["rmse"], h["mean"],
                (np.abs(np.mean(y - y_hat)), Hint(
                    "linear_regression.abs_of_mean", "o módulo vai em cada erro, antes da "
                    "média: com `abs` da média, erros positivos e negativos se cancelam."))]
    _loss_check(mae, "mae", lambda y, y_hat: np.mean(np.abs(y - y_hat)), hints)
    passed("check_mae", len(_loss_cases(2)))


def check_rmse(rmse):
    """Confere ``rmse(y, y_hat)``: y (n,), y_hat (n,) → número."""
    __tracebackhide__ = True
    def hints(y, y_hat):
        h = _common_hints(y, y_hat)
        return [h["mse"], h["mae"], (np.sqrt(np.sum((y - y_hat) ** 2)), Hint(
            "linear_regression.root_of_sum", "a raiz deve ser da média, não da soma.")),
                (np.mean((y - y_hat) ** 2) / 2, Hint(
                    "linear_regression.power_one_half", "`x ** 1/2` é `(x ** 1) / 2`, metade de "
                    "x: a potência vem antes da divisão. A raiz é `x ** 0.5` ou `np.sqrt(x)`.")),
                (np.std(y - y_hat), Hint(
                    "linear_regression.std_is_not_rmse", "`np.std` tira a média dos erros antes: "
                    "só coincide com o RMSE quando a média dos erros é zero."))]
    _loss_check(rmse, "rmse", lambda y, y_hat: np.sqrt(np.mean((y - y_hat) ** 2)), hints)
    passed("check_rmse", len(_loss_cases(2)))


def _true_gradient(X, y, c, b):
    r = y - (X @ c + b)
    n = len(y)
    return -2.0 / n * (X.T @ r), -2.0 / n * np.sum(r)


def _numeric_gradient(X, y, c, b, eps=1e-6):
    """A inclinação do MSE medida: mexe em um parâmetro de cada vez (diferenças centrais)."""
    mse_of = lambda c_, b_: np.mean((y - X @ c_ - b_) ** 2)  # noqa: E731
    numeric_c = np.array([(mse_of(c + eps * e, b) - mse_of(c - eps * e, b)) / (2 * eps)
                          for e in np.eye(len(c))])
    return numeric_c, (mse_of(c, b + eps) - mse_of(c, b - eps)) / (2 * eps)


# Dicas que servem a grad_c e a grad_b.
RESIDUAL_WITHOUT_B = Hint("linear_regression.gradient_residual_without_b",
                          "o resíduo do gradiente é r = y − ŷ com a previsão inteira, "
                          "ŷ = X·c + b: o viés `b` ficou de fora (use a sua `predict`).")
MISSES_A_SAMPLE = Hint("linear_regression.gradient_loop_misses_sample",
                       "o laço sobre as amostras deixou a última de fora: `range(n)` percorre "
                       "as n amostras, `range(n - 1)` para uma antes.")
DIVIDES_BY_D = Hint("linear_regression.gradient_divides_by_d",
                    "a média é sobre as n amostras (`len(y)` ou `X.shape[0]`), não sobre os d "
                    "atributos (`len(c)` ou `X.shape[1]`).")


def _gradient_hint_for(cause):
    """A dica para um produto de matriz com formas que não combinam (ou ``None``)."""
    if isinstance(cause, ValueError) and "matmul" in str(cause):
        return Hint("linear_regression.gradient_matmul_shapes",
                    "confira as formas: X é (n, d) e o resíduo r é (n,). Cada ∂MSE/∂c_j soma "
                    "r_i·x_ij sobre as n amostras — a coluna j de X contra r —, e `X.T @ r` faz "
                    "as d somas de uma vez (forma (d,)).")
    return None


def check_mse_gradient(mse_gradient):
    """Confere ``mse_gradient(X, y, c, b)`` → ``(grad_c (d,), grad_b número)``.

    O enunciado não dá a fórmula: o aluno a deriva. O esperado é o gradiente exato, e ele bate
    com a inclinação do MSE medida por diferenças finitas (conferido no último caso).
    """
    __tracebackhide__ = True
    X3, y3, _, _ = _regression_case(3, n=8, d=3)
    c3 = np.array([0.5, -1.0, 2.0])
    # O caso 8×3 vem primeiro: com d > 1 e n ≠ d, cada engano das dicas dá um número (ou uma
    # forma) diferente. Na tabela de 3 meses (d = 1), não dividir por n e dividir por d dão o
    # mesmo número, e `X @ r` até funciona quando n = d.
    cases = [
        (X3, y3, c3, 0.7, f"X aleatório 8×3, c = {fmt(c3)}, b = 0.7"),
        (TOY_X, TOY_Y, np.array([2.0]), 3.0, "tabela de 3 meses com b = 3, c0 = 2"),
        (X3, y3, np.zeros(3), 0.0, "X aleatório 8×3, c = 0, b = 0"),
    ]
    grad_c_shape = Hint("linear_regression.grad_c_shape",
                        "grad_c tem uma derivada por coeficiente: forma (d,). Cada ∂MSE/∂c_j "
                        "soma r_i·x_ij ao longo das n amostras (não dos atributos): `X.T @ r` "
                        "faz as d somas de uma vez. (Sem `[:, None]`, `X * r` não multiplica "
                        "linha por linha.)")
    grad_b_shape = Hint("linear_regression.grad_b_shape",
                        "grad_b é um número só: como ∂r_i/∂b = −1, é −2/n vezes a soma dos "
                        "resíduos de todas as amostras, sem X.")
    for X, y, c, b, case in cases:
        result = call(mse_gradient, "mse_gradient", X, y, c, b, case=case,
                      hint_for=_gradient_hint_for)
        grad_c, grad_b = expect_tuple(result, "mse_gradient", 2, ("grad_c", "grad_b"), case)
        gc, gb = _true_gradient(X, y, c, b)
        n, d = X.shape
        if np.ndim(grad_c) == 0 and np.shape(grad_b) == (d,) and d > 1:
            fail(f"`mse_gradient`: grad_c veio um número e grad_b um vetor de forma ({d},).\n"
                 f"  entrada: {case}", hints=[Hint(
                     "linear_regression.gradient_order",
                     "a ordem da tupla é `(grad_c, grad_b)`: primeiro o vetor das derivadas nos "
                     "coeficientes, depois a derivada no viés.")])
        expect_shape(grad_c, gc, "mse_gradient", case, what="grad_c", hint=grad_c_shape)
        expect_shape(grad_b, gb, "mse_gradient", case, what="grad_b", hint=grad_b_shape)
        r = y - X @ c - b
        r_no_b = y - X @ c
        last_missing = gc.copy()
        last_missing[-1] = 0.0
        expect_close(grad_c, gc, "mse_gradient", case, what="grad_c", hints=[
            (-gc, Hint("linear_regression.gradient_sign", "o sinal está trocado: o gradiente "
                       "aponta para onde o erro CRESCE.")),
            (gc / 2, Hint("linear_regression.gradient_factor_2",
                          "faltou o fator 2 que vem da derivada do quadrado.")),
            (gc * n, Hint("linear_regression.gradient_not_mean",
                          "faltou dividir por n (o MSE é uma média).")),
            (gc / 2 * n, Hint("linear_regression.gradient_factor_2_and_mean",
                              "faltou o fator 2 e a divisão por n. (`-2 // n` também dá isso: "
                              "`//` é a divisão inteira, e `-2 // n` vale −1; use `/`.)")),
            (np.full(d, -2.0 / n * np.sum(r)), Hint(
                "linear_regression.grad_c_missing_x", "cada resíduo é multiplicado pelo "
                "atributo antes da soma, porque ∂r_i/∂c_j = −x_ij (só a derivada em b fica sem "
                "x).")),
            (-2.0 / n * (X.T @ r_no_b), RESIDUAL_WITHOUT_B),
            (-2.0 / n * (X[:-1].T @ r[:-1]), MISSES_A_SAMPLE),
            (gc * n / d, DIVIDES_BY_D),
            (last_missing, Hint("linear_regression.gradient_loop_misses_feature",
                                "a última derivada ficou 0: o laço sobre os atributos parou um "
                                "antes (`range(d)` percorre os d coeficientes).")),
        ])
        expect_close(grad_b, gb, "mse_gradient", case, what="grad_b", hints=[
            (0.0, Hint("linear_regression.grad_b_zero",
                       "grad_b não pode ser sempre zero: o viés `b` também muda o erro.")),
            (-gb, Hint("linear_regression.grad_b_sign", "o sinal de grad_b está trocado.")),
            (gb / 2, Hint("linear_regression.grad_b_factor_2", "faltou o fator 2 em grad_b.")),
            (gb * n, Hint("linear_regression.grad_b_not_mean", "faltou dividir grad_b por n.")),
            (-2.0 / n * np.sum(r_no_b), RESIDUAL_WITHOUT_B),
            (-2.0 / n * np.sum(r[:-1]), MISSES_A_SAMPLE),
            (gb * n / d, DIVIDES_BY_D),
        ])
    # Conferência independente da fórmula: o gradiente medido (diferenças finitas).
    X, y, c, b = X3, y3, c3, 0.7
    grad_c, grad_b = call(mse_gradient, "mse_gradient", X, y, c, b, case=cases[0][-1])
    numeric_c, numeric_b = _numeric_gradient(X, y, c, b)
    expect_close(grad_c, numeric_c, "mse_gradient", "gradiente medido (diferenças finitas)",
                 what="grad_c", rtol=1e-5, atol=1e-6)
    expect_close(grad_b, numeric_b, "mse_gradient", "gradiente medido (diferenças finitas)",
                 what="grad_b", rtol=1e-5, atol=1e-6)
    passed("check_mse_gradient", len(cases) + 1)


def _reference_gd(X, y, lr, epochs, variant=None):
    """Gradiente descendente em lote, partindo de c = 0 e b = 0.

    ``variant`` dá um engano conhecido, usado só nas dicas: ``"new_c"`` (o gradiente de b
    calculado de novo, com o c já atualizado) ou ``"per_sample"`` (uma atualização por amostra).
    Devolve ``(c, b, MSE antes de cada época, MSE depois de cada época)``.
    """
    c, b = np.zeros(X.shape[1]), 0.0
    before, after = [], []
    for _ in range(epochs):
        before.append(np.mean((y - X @ c - b) ** 2))
        if variant == "per_sample":
            for x_i, y_i in zip(X, y):
                r_i = y_i - x_i @ c - b
                c, b = c + lr * 2 * r_i * x_i, b + lr * 2 * r_i
        else:
            gc, gb = _true_gradient(X, y, c, b)
            c = c - lr * gc
            if variant == "new_c":
                gb = _true_gradient(X, y, c, b)[1]
            b = b - lr * gb
        after.append(np.mean((y - X @ c - b) ** 2))
    return c, b, np.array(before), np.array(after)


BIAS_USES_NEW_C = Hint("linear_regression.bias_uses_new_coefficients",
                       "o gradiente de `b` foi calculado de novo, com o `c` já atualizado. Um "
                       "passo usa um gradiente só, o do ponto (c, b) de antes: calcule `grad_c, "
                       "grad_b` uma vez e só então atualize `c` e `b`.")
PER_SAMPLE = Hint("linear_regression.per_sample_updates",
                  "isto é uma atualização por amostra (gradiente descendente estocástico); aqui "
                  "cada época faz UMA atualização, com o gradiente do MSE de todos os dados de "
                  "uma vez.")


def _decimal(value):
    """``0.14222`` → ``"0,1422"``."""
    return f"{float(value):.4f}".replace(".", ",")


def check_fit_gd(fit_gd):
    """Confere ``fit_gd(X, y, lr, epochs)`` → ``(c (d,), b número, history (epochs,))``."""
    __tracebackhide__ = True
    X2, y2, _, _ = _regression_case(4, n=40, d=2)
    toy_X, toy_y = TOY_X / 100, TOY_Y / 100   # a tabela de 3 meses em centenas de reais
    cases = [
        (X2, y2, 0.1, 60, "X aleatório 40×2, lr = 0.1, 60 épocas"),
        (toy_X, toy_y, 0.2, 5, "tabela de 3 meses (em centenas), lr = 0.2, 5 épocas"),
    ]
    for X, y, lr, epochs, case in cases:
        result = call(fit_gd, "fit_gd", X, y, lr, epochs, case=case)
        c, b, history = expect_tuple(result, "fit_gd", 3, ("c", "b", "history"), case)
        ref_c, ref_b, before, after = _reference_gd(X, y, lr, epochs)
        if not isinstance(history, (list, tuple, np.ndarray)) or len(history) != epochs:
            off_by_one = (isinstance(history, (list, tuple, np.ndarray))
                          and abs(len(history) - epochs) == 1)
            fail(
                f"`fit_gd`: `history` deve ser uma lista com um MSE por época ({epochs} "
                f"valores), mas veio {fmt(history)}.\n  entrada: {case}", hints=[Hint(
                    "linear_regression.epochs_off_by_one", "o laço deve dar exatamente "
                    "`epochs` voltas, uma atualização e um MSE por volta: `for _ in "
                    "range(epochs)` (nem `range(epochs + 1)`, nem `range(1, epochs)`).")
                    if off_by_one else None])
        history_arr = as_numbers(history, "fit_gd", "history")
        variants = {v: _reference_gd(X, y, lr, epochs, variant=v)
                    for v in ("new_c", "per_sample")}
        if history_arr[-1] > history_arr[0]:
            hint = Hint("linear_regression.climbs_the_gradient", "o erro está subindo — sinal "
                        "do gradiente trocado (deve ser `c = c - lr * grad_c`)?")
        elif is_close(b, 0.0, rtol=0, atol=0) and not is_close(ref_b, 0.0):
            hint = Hint("linear_regression.b_never_updated",
                        "`b` continua 0 — lembre de atualizar o viés também.")
        elif is_close(c, variants["new_c"][0], rtol=1e-5) and is_close(
                b, variants["new_c"][1], rtol=1e-5):
            hint = BIAS_USES_NEW_C
        elif is_close(c, variants["per_sample"][0], rtol=1e-5) and is_close(
                b, variants["per_sample"][1], rtol=1e-5):
            hint = PER_SAMPLE
        else:
            hint = None
        try:
            expect_close(c, ref_c, "fit_gd", case, what="c (coeficientes finais)", rtol=1e-5)
            expect_close(b, ref_b, "fit_gd", case, what="b (viés final)", rtol=1e-5,
                         atol=1e-7)
        except AssertionError as exc:
            fail(f"{exc}\n  lembre: comece com c = 0 e b = 0 e faça exatamente `epochs` "
                 f"atualizações com todos os dados.", cause=exc, hints=[hint])
        # Aceitamos as duas convenções: MSE antes ou depois de cada atualização.
        if not (is_close(history_arr, after, rtol=1e-5) or is_close(history_arr, before, rtol=1e-5)):
            root = Hint("linear_regression.history_is_rmse",
                        "`history` guarda o MSE de cada época, sem a raiz (isto é o RMSE).")
            expect_close(history_arr, after, "fit_gd", case,
                         what="history (o MSE depois de cada época)", rtol=1e-5,
                         hints=[(np.sqrt(after), root), (np.sqrt(before), root)] + [
                             (variants[v][k], hint) for v, hint in (("new_c", BIAS_USES_NEW_C),
                                                                    ("per_sample", PER_SAMPLE))
                             for k in (2, 3)])
    # Conferência independente: com épocas suficientes, chega a mínimos quadrados.
    A = np.column_stack([toy_X, np.ones(3)])
    exact = np.linalg.lstsq(A, toy_y, rcond=None)[0]
    c, b, history = call(fit_gd, "fit_gd", toy_X, toy_y, 0.2, 2000,
                         case="tabela de 3 meses, 2000 épocas")
    expect_close(np.append(np.asarray(c, dtype=float), float(b)), exact, "fit_gd",
                 "tabela de 3 meses, lr = 0.2, 2000 épocas (deve chegar a mínimos quadrados)",
                 what="(c0, b)", rtol=1e-4, atol=1e-6)
    smallest = np.mean((toy_y - A @ exact) ** 2)
    passed("check_fit_gd", len(cases) + 1,
           figure=f"tabela de 3 meses (em centenas de reais), 2000 épocas com lr = 0.2: o seu MSE "
                  f"final é {_decimal(as_numbers(history, 'fit_gd', 'history')[-1])}; o menor "
                  f"possível (mínimos quadrados) é {_decimal(smallest)}.")
