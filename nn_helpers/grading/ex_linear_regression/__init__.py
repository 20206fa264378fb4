"""Verificações do exercício ``ex_linear_regression`` (capítulo 1).

Uma verificação por função do aluno: ``check_predict(predict)``,
``check_mse(mse)``, ``check_mae(mae)``, ``check_rmse(rmse)``,
``check_mse_gradient(mse_gradient)`` e ``check_fit_gd(fit_gd)``.

Os valores esperados são calculados aqui mesmo, com numpy puro (:mod:`.solution`) — nunca com
as funções de ``nn_helpers`` que o capítulo ensina — e os números da tabela
de 3 meses estão escritos por extenso. As dicas estão em :mod:`.mistakes`.

``mse_gradient`` é a parte em que o aluno deriva: o enunciado não dá a fórmula, e a
verificação compara a resposta com a inclinação do MSE medida por diferenças finitas — toda
forma correta de escrever a conta passa.
"""

import numpy as np

from ..checking import (as_numbers, call, check, expect_close, expect_shape, expect_tuple, fmt,
                        install_notebook_hints, is_close)
from ..common import (expect_gradient, expect_pair, expect_per_epoch,
                                          numeric_gradient, off_by_one, reminding)
from . import mistakes, solution
from .solution import TOY_X, TOY_Y

__all__ = ["check_predict", "check_mse", "check_mae", "check_rmse",
           "check_mse_gradient", "check_fit_gd"]

# O MSE final do "Para ir além" (Advertising padronizado, lr = 0.1, 200 épocas) que a solução
# do curso obtém; tests/test_exercises.py::test_solution_passes_every_check o mede de novo,
# rodando a solução. É também o mínimo de mínimos quadrados (2,7841).
GO_FURTHER_MSE = 2.7841

install_notebook_hints()


@check
def check_predict(predict):
    """Confere ``predict(X, c, b)``: X (n, d), c (d,), b número → ŷ (n,)."""
    X3, _, c3, b3 = solution.regression_case(1, n=6, d=3)
    cases = [
        ((TOY_X, np.array([2.0]), 3.0), np.array([403.0, 203.0, 303.0]),
         "tabela de 3 meses com b = 3, c0 = 2"),
        ((TOY_X, np.array([3.5]), 12.0), np.array([712.0, 362.0, 537.0]),
         "tabela de 3 meses com b = 12, c0 = 3.5"),
        ((X3, c3, b3), X3 @ c3 + b3, f"X aleatório 6×3, c = {fmt(c3)}, b = {b3:.4g}"),
        ((X3[:1], c3, -2.0), X3[:1] @ c3 - 2.0, "uma única amostra (X com forma (1, 3))"),
    ]
    for args, expected, case in cases:
        got = call(predict, "predict", *args, case=case, hint_for=mistakes.predict_hint_for)
        expect_shape(got, expected, "predict", case, what="ŷ",
                     hint=mistakes.predict_shape_hint(np.shape(got), *args[0].shape))
        expect_close(got, expected, "predict", case, what="ŷ",
                     hints=mistakes.predict_mistakes(*args))


def _expect_loss(f, name):
    """Confere a medida de erro ``f`` (``name``: "mse", "mae" ou "rmse") nos casos de erro."""
    for y, y_hat, case in solution.loss_cases(seed=2):
        got = call(f, name, y, y_hat, case=f"{name}(y, y_hat) com {case}",
                   hint_for=mistakes.hint_for)
        expect_close(got, solution.LOSSES[name](y, y_hat), name, case, what="o erro",
                     hints=mistakes.loss_mistakes(name, y, y_hat))


@check
def check_mse(mse):
    """Confere ``mse(y, y_hat)``: y (n,), y_hat (n,) → número."""
    _expect_loss(mse, "mse")
    # Um número do enunciado escrito por extenso, além da fórmula.
    expect_close(call(mse, "mse", TOY_Y, np.array([403.0, 203.0, 303.0]),
                      case="tabela de 3 meses"),
                 51449.0, "mse", "tabela de 3 meses, b = 3, c0 = 2 (MSE = 51449)")


@check
def check_mae(mae):
    """Confere ``mae(y, y_hat)``: y (n,), y_hat (n,) → número."""
    _expect_loss(mae, "mae")


@check
def check_rmse(rmse):
    """Confere ``rmse(y, y_hat)``: y (n,), y_hat (n,) → número."""
    _expect_loss(rmse, "rmse")


@check
def check_mse_gradient(mse_gradient):
    """Confere ``mse_gradient(X, y, c, b)`` → ``(grad_c (d,), grad_b número)``.

    O enunciado não dá a fórmula: o aluno a deriva. O esperado é o gradiente exato, e ele bate
    com a inclinação do MSE medida por diferenças finitas (conferido no último caso).
    """
    X3, y3, _, _ = solution.regression_case(3, n=8, d=3)
    c3 = np.array([0.5, -1.0, 2.0])
    # O caso 8×3 vem primeiro: com d > 1 e n ≠ d, cada engano das dicas dá um número (ou uma
    # forma) diferente. Na tabela de 3 meses (d = 1), não dividir por n e dividir por d dão o
    # mesmo número, e `X @ r` até funciona quando n = d.
    cases = [
        (X3, y3, c3, 0.7, f"X aleatório 8×3, c = {fmt(c3)}, b = 0.7"),
        (TOY_X, TOY_Y, np.array([2.0]), 3.0, "tabela de 3 meses com b = 3, c0 = 2"),
        (X3, y3, np.zeros(3), 0.0, "X aleatório 8×3, c = 0, b = 0"),
    ]
    names = ("grad_c", "grad_b")
    for X, y, c, b, case in cases:
        expected = solution.gradient(X, y, c, b)
        got = expect_gradient(call(mse_gradient, "mse_gradient", X, y, c, b, case=case,
                                   hint_for=mistakes.gradient_hint_for),
                              "mse_gradient", names, expected, case, mistakes.GRADIENT_ORDER,
                              (mistakes.GRAD_C_SHAPE, mistakes.GRAD_B_SHAPE))
        for value, want, what, hints in zip(got, expected, names,
                                            mistakes.gradient_mistakes(X, y, c, b, *expected)):
            expect_close(value, want, "mse_gradient", case, what=what, hints=hints)
    # Conferência independente da fórmula: o gradiente medido (diferenças finitas).
    X, y, c, b, case = cases[0]
    got = call(mse_gradient, "mse_gradient", X, y, c, b, case=case)
    expect_pair(got, numeric_gradient(lambda c_, b_: np.mean((y - X @ c_ - b_) ** 2), c, b),
                "mse_gradient", "gradiente medido (diferenças finitas)", names, atol=1e-6)


def _decimal(value):
    """``0.14222`` → ``"0,1422"``."""
    return f"{float(value):.4f}".replace(".", ",")


@check
def check_fit_gd(fit_gd):
    """Confere ``fit_gd(X, y, lr, epochs)`` → ``(c (d,), b número, history (epochs,))``."""
    X2, y2, _, _ = solution.regression_case(4, n=40, d=2)
    toy_X, toy_y = TOY_X / 100, TOY_Y / 100   # a tabela de 3 meses em centenas de reais
    cases = [
        (X2, y2, 0.1, 60, "X aleatório 40×2, lr = 0.1, 60 épocas"),
        (toy_X, toy_y, 0.2, 5, "tabela de 3 meses (em centenas), lr = 0.2, 5 épocas"),
    ]
    for X, y, lr, epochs, case in cases:
        result = call(fit_gd, "fit_gd", X, y, lr, epochs, case=case)
        c, b, history = expect_tuple(result, "fit_gd", 3, ("c", "b", "history"), case)
        ref_c, ref_b, before, after = solution.fit(X, y, lr, epochs)
        expect_per_epoch(history, epochs, case,
                         "`fit_gd`: `history` deve ser uma lista com um MSE por época",
                         off_by_one(mistakes.EPOCHS_OFF_BY_ONE, epochs), count=False)
        history = as_numbers(history, "fit_gd", "history")
        variants = {v: solution.fit(X, y, lr, epochs, variant=v) for v in ("new_c", "per_sample")}
        with reminding("\n  lembre: comece com c = 0 e b = 0 e faça exatamente `epochs` "
                       "atualizações com todos os dados.",
                       mistakes.fit_hint(c, b, ref_b, history, variants)):
            expect_close(c, ref_c, "fit_gd", case, what="c (coeficientes finais)", rtol=1e-5)
            expect_close(b, ref_b, "fit_gd", case, what="b (viés final)", rtol=1e-5, atol=1e-7)
        # Aceitamos as duas convenções: MSE antes ou depois de cada atualização.
        if not (is_close(history, after, rtol=1e-5) or is_close(history, before, rtol=1e-5)):
            expect_close(history, after, "fit_gd", case, rtol=1e-5,
                         what="history (o MSE depois de cada época)",
                         hints=mistakes.history_mistakes(after, before, variants))
    # Conferência independente: com épocas suficientes, chega a mínimos quadrados.
    A = np.column_stack([toy_X, np.ones(3)])
    exact = np.linalg.lstsq(A, toy_y, rcond=None)[0]
    c, b, history = call(fit_gd, "fit_gd", toy_X, toy_y, 0.2, 2000,
                         case="tabela de 3 meses, 2000 épocas")
    expect_close(np.append(np.asarray(c, dtype=float), float(b)), exact, "fit_gd",
                 "tabela de 3 meses, lr = 0.2, 2000 épocas (deve chegar a mínimos quadrados)",
                 what="(c0, b)", rtol=1e-4, atol=1e-6)
    smallest = np.mean((toy_y - A @ exact) ** 2)
    return (f"tabela de 3 meses (em centenas de reais), 2000 épocas com lr = 0.2: o seu MSE "
            f"final é {_decimal(as_numbers(history, 'fit_gd', 'history')[-1])}; o menor "
            f"possível (mínimos quadrados) é {_decimal(smallest)}.")
