"""Verificações do exercício ``ex_linear_regression`` (capítulo 1).

Uma verificação por função do aluno: ``check_predict(predict)``,
``check_mse(mse)``, ``check_mae(mae)``, ``check_rmse(rmse)``,
``check_mse_gradient(mse_gradient)`` e ``check_fit_gd(fit_gd)``.

Os valores esperados são calculados aqui mesmo, com numpy puro — nunca com
as funções de ``nn_helpers`` que o capítulo ensina — e os números da tabela
de 3 meses estão escritos por extenso.
"""

import numpy as np

from .checking import (Hint, as_numbers, call, expect_close, expect_tuple, fail, fmt,
                       install_notebook_hints, is_close, passed, rng)

__all__ = ["check_predict", "check_mse", "check_mae", "check_rmse",
           "check_mse_gradient", "check_fit_gd"]

install_notebook_hints()

# A tabela de 3 meses (Mansano, Gengo e Caridá, 2022): investido (R$) → venda (R$).
TOY_X = np.array([[200.0], [100.0], [150.0]])
TOY_Y = np.array([600.0, 400.0, 580.0])


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
    for args, expected, case in cases:
        X, c, b = args
        got = call(predict, "predict", *args, case=case)
        expect_close(got, expected, "predict", case, what="ŷ", hints=[
            (X @ c, Hint("linear_regression.bias_missing",
                         "parece que o viés `b` ficou de fora: ŷ = X·c + b.")),
            (X @ c - b, Hint("linear_regression.bias_subtracted",
                             "o viés `b` deve ser somado, não subtraído.")),
        ])
    passed("check_predict", len(cases))


def _loss_cases(seed):
    """Pares (y, ŷ) usados pelas três verificações de erro."""
    g = rng(seed)
    y_rand = g.normal(size=7) * 3
    return [
        (TOY_Y, np.array([403.0, 203.0, 303.0]),
         "tabela de 3 meses, b = 3, c0 = 2 (ŷ = 403, 203, 303)"),
        (TOY_Y, np.array([610.0, 310.0, 460.0]),
         "tabela de 3 meses, b = 10, c0 = 3 (ŷ = 610, 310, 460)"),
        (np.array([1.0, 0.0, 1.0, 0.0]), np.array([0.8, 0.3, 0.8, 0.5]),
         "4 valores com erros 0,2, 0,3, 0,2 e 0,5"),
        (y_rand, y_rand + g.normal(size=7), "7 valores aleatórios"),
        (np.array([1.5, -2.0]), np.array([1.5, -2.0]), "previsão perfeita (ŷ = y)"),
    ]


def _loss_check(f, name, reference, hints_for):
    __tracebackhide__ = True
    for y, y_hat, case in _loss_cases(seed=2):
        got = call(f, name, y, y_hat, case=f"{name}(y, y_hat) com {case}")
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
    }


def check_mse(mse):
    """Confere ``mse(y, y_hat)``: y (n,), y_hat (n,) → número."""
    __tracebackhide__ = True
    def hints(y, y_hat):
        h = _common_hints(y, y_hat)
        return [h["sum_sq"], h["mae"], h["rmse"], h["mean"], h["n-1"]]
    _loss_check(mse, "mse", lambda y, y_hat: np.mean((y - y_hat) ** 2), hints)
    passed("check_mse", len(_loss_cases(2)) + 1)


def check_mae(mae):
    """Confere ``mae(y, y_hat)``: y (n,), y_hat (n,) → número."""
    __tracebackhide__ = True
    def hints(y, y_hat):
        h = _common_hints(y, y_hat)
        return [h["sum_abs"], h["mse"], h["rmse"], h["mean"]]
    _loss_check(mae, "mae", lambda y, y_hat: np.mean(np.abs(y - y_hat)), hints)
    passed("check_mae", len(_loss_cases(2)))


def check_rmse(rmse):
    """Confere ``rmse(y, y_hat)``: y (n,), y_hat (n,) → número."""
    __tracebackhide__ = True
    def hints(y, y_hat):
        h = _common_hints(y, y_hat)
        return [h["mse"], h["mae"], (np.sqrt(np.sum((y - y_hat) ** 2)), Hint(
            "linear_regression.root_of_sum", "a raiz deve ser da média, não da soma."))]
    _loss_check(rmse, "rmse", lambda y, y_hat: np.sqrt(np.mean((y - y_hat) ** 2)), hints)
    passed("check_rmse", len(_loss_cases(2)))


def _true_gradient(X, y, c, b):
    r = y - (X @ c + b)
    n = len(y)
    return -2.0 / n * (X.T @ r), -2.0 / n * np.sum(r)


def check_mse_gradient(mse_gradient):
    """Confere ``mse_gradient(X, y, c, b)`` → ``(grad_c (d,), grad_b número)``."""
    __tracebackhide__ = True
    X3, y3, _, _ = _regression_case(3, n=8, d=3)
    c3 = np.array([0.5, -1.0, 2.0])
    cases = [
        (TOY_X, TOY_Y, np.array([2.0]), 3.0, "tabela de 3 meses com b = 3, c0 = 2"),
        (X3, y3, c3, 0.7, f"X aleatório 8×3, c = {fmt(c3)}, b = 0.7"),
        (X3, y3, np.zeros(3), 0.0, "X aleatório 8×3, c = 0, b = 0"),
    ]
    for X, y, c, b, case in cases:
        result = call(mse_gradient, "mse_gradient", X, y, c, b, case=case)
        grad_c, grad_b = expect_tuple(result, "mse_gradient", 2, ("grad_c", "grad_b"), case)
        gc, gb = _true_gradient(X, y, c, b)
        n = len(y)
        expect_close(grad_c, gc, "mse_gradient", case, what="grad_c", hints=[
            (-gc, Hint("linear_regression.gradient_sign", "o sinal está trocado: o gradiente "
                       "aponta para onde o erro CRESCE.")),
            (gc / 2, Hint("linear_regression.gradient_factor_2",
                          "faltou o fator 2 que vem da derivada do quadrado.")),
            (gc * n, Hint("linear_regression.gradient_not_mean",
                          "faltou dividir por n (o MSE é uma média).")),
            (gc / 2 * n, Hint("linear_regression.gradient_factor_2_and_mean",
                              "faltou o fator 2 e a divisão por n.")),
        ])
        expect_close(grad_b, gb, "mse_gradient", case, what="grad_b", hints=[
            (0.0, Hint("linear_regression.grad_b_zero",
                       "grad_b não pode ser sempre zero: o viés `b` também muda o erro.")),
            (-gb, Hint("linear_regression.grad_b_sign", "o sinal de grad_b está trocado.")),
            (gb / 2, Hint("linear_regression.grad_b_factor_2", "faltou o fator 2 em grad_b.")),
            (gb * n, Hint("linear_regression.grad_b_not_mean", "faltou dividir grad_b por n.")),
        ])
    # Conferência independente da fórmula: o gradiente numérico (diferenças finitas).
    X, y, c, b = X3, y3, c3, 0.7
    grad_c, grad_b = call(mse_gradient, "mse_gradient", X, y, c, b, case=cases[1][-1])
    eps = 1e-6
    mse_of = lambda c_, b_: np.mean((y - X @ c_ - b_) ** 2)  # noqa: E731
    numeric_c = np.array([(mse_of(c + eps * e, b) - mse_of(c - eps * e, b)) / (2 * eps)
                          for e in np.eye(len(c))])
    numeric_b = (mse_of(c, b + eps) - mse_of(c, b - eps)) / (2 * eps)
    expect_close(grad_c, numeric_c, "mse_gradient", "gradiente numérico (diferenças finitas)",
                 what="grad_c", rtol=1e-5, atol=1e-6)
    expect_close(grad_b, numeric_b, "mse_gradient", "gradiente numérico (diferenças finitas)",
                 what="grad_b", rtol=1e-5, atol=1e-6)
    passed("check_mse_gradient", len(cases) + 1)


def _reference_gd(X, y, lr, epochs):
    """Gradiente descendente em lote, partindo de c = 0 e b = 0."""
    c, b = np.zeros(X.shape[1]), 0.0
    before, after = [], []
    for _ in range(epochs):
        before.append(np.mean((y - X @ c - b) ** 2))
        gc, gb = _true_gradient(X, y, c, b)
        c, b = c - lr * gc, b - lr * gb
        after.append(np.mean((y - X @ c - b) ** 2))
    return c, b, np.array(before), np.array(after)


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
            fail(
                f"`fit_gd`: `history` deve ser uma lista com um MSE por época ({epochs} "
                f"valores), mas veio {fmt(history)}.\n  entrada: {case}")
        history_arr = as_numbers(history, "fit_gd", "history")
        if history_arr[-1] > history_arr[0]:
            hint = Hint("linear_regression.climbs_the_gradient", "o erro está subindo — sinal "
                        "do gradiente trocado (deve ser `c = c - lr * grad_c`)?")
        elif is_close(b, 0.0, rtol=0, atol=0) and not is_close(ref_b, 0.0):
            hint = Hint("linear_regression.b_never_updated",
                        "`b` continua 0 — lembre de atualizar o viés também.")
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
            expect_close(history_arr, after, "fit_gd", case,
                         what="history (o MSE depois de cada época)", rtol=1e-5)
    # Conferência independente: com épocas suficientes, chega a mínimos quadrados.
    A = np.column_stack([toy_X, np.ones(3)])
    exact = np.linalg.lstsq(A, toy_y, rcond=None)[0]
    c, b, _ = call(fit_gd, "fit_gd", toy_X, toy_y, 0.2, 2000,
                   case="tabela de 3 meses, 2000 épocas")
    expect_close(np.append(np.asarray(c, dtype=float), float(b)), exact, "fit_gd",
                 "tabela de 3 meses, lr = 0.2, 2000 épocas (deve chegar a mínimos quadrados)",
                 what="(c0, b)", rtol=1e-4, atol=1e-6)
    passed("check_fit_gd", len(cases) + 1)
