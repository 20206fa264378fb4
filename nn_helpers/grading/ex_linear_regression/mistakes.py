"""Os enganos de ``ex_linear_regression`` que as verificações reconhecem, com a dica que o aluno lê.

As funções ``*_mistakes`` refazem a conta com cada engano comum e devolvem os pares
``(valor errado, dica)`` que :func:`~nn_helpers.grading.checking.expect_close` recebe; os
``*hint_for`` dão a dica de uma exceção, e os ``*_hint``, a do primeiro engano que se aplica.
"""

import numpy as np

from ..checking import Hint, exception_hints, first_hint, is_close

__all__ = ["hint_for", "predict_hint_for", "predict_shape_hint", "predict_mistakes",
           "loss_mistakes", "gradient_hint_for", "GRAD_C_SHAPE", "GRAD_B_SHAPE", "GRADIENT_ORDER",
           "gradient_mistakes", "EPOCHS_OFF_BY_ONE", "fit_hint", "history_mistakes"]

hint_for = exception_hints((TypeError, ("^", "bitwise_xor"), Hint(
    "linear_regression.caret_is_not_power", "em Python, `^` não é potência (é o “ou exclusivo” "
    "bit a bit): o quadrado é `** 2` (ou `np.square`).")))

predict_hint_for = exception_hints((ValueError, ("matmul",), Hint(
    "linear_regression.predict_matmul_order", "confira as formas no produto: X é (n, d) e c é "
    "(d,), então é `X @ c`, nessa ordem (`c @ X` e `X.T @ c` só funcionam quando as formas "
    "coincidem por acaso).")))


def predict_shape_hint(shape, n, d):
    """A dica para um ŷ de forma ``shape`` (o certo é ``(n,)``), ou ``None``."""
    return first_hint([
        (shape in ((n, d), (n, 1)), Hint(
            "linear_regression.predict_not_vector", "ŷ tem um número por amostra, forma (n,). "
            "`X * c` multiplica elemento a elemento e dá uma matriz (n, d) — o produto de matriz "
            "por vetor é `X @ c`; e `[:, None]` ou `reshape(-1, 1)` transformam o vetor numa "
            "coluna (n, 1).")),
        (shape == (), Hint("linear_regression.predict_summed_all", "você somou tudo num número "
                           "só; cada amostra tem a sua previsão: some só ao longo dos atributos "
                           "(`axis=1`), ou use `X @ c`.")),
        (shape == (d,), Hint("linear_regression.predict_wrong_axis", "a soma foi ao longo das "
                             "amostras (`axis=0`, uma coluna por atributo); a previsão de cada "
                             "amostra soma ao longo dos atributos: `axis=1`, ou `X @ c`.")),
    ])


def predict_mistakes(X, c, b):
    """As previsões erradas comuns para ``X``, ``c`` e ``b``."""
    return [
        (X @ c, Hint("linear_regression.bias_missing",
                     "parece que o viés `b` ficou de fora: ŷ = X·c + b.")),
        (X @ c - b, Hint("linear_regression.bias_subtracted",
                         "o viés `b` deve ser somado, não subtraído.")),
        (X[:, 0] * c[0] + b, Hint("linear_regression.predict_first_feature_only", "só o primeiro "
                                  "atributo entrou na conta: ŷ soma c_j·x_j de TODOS os d "
                                  "atributos (`X @ c`).")),
    ]


# Os erros errados comuns, como função dos erros e = y − ŷ, cada um com a sua dica.
WRONG_LOSSES = {
    "sum_sq": (lambda e: np.sum(e ** 2), Hint("linear_regression.sum_of_squares", "parece a soma "
                                              "dos quadrados: faltou dividir por n (a média).")),
    "mse": (lambda e: np.mean(e ** 2), Hint("linear_regression.is_mse",
                                            "isto é o MSE (média dos quadrados).")),
    "mae": (lambda e: np.mean(np.abs(e)), Hint("linear_regression.is_mae",
                                               "isto é o MAE (média dos módulos).")),
    "rmse": (lambda e: np.sqrt(np.mean(e ** 2)), Hint("linear_regression.is_rmse",
                                                      "isto é o RMSE (raiz do MSE).")),
    "mean": (np.mean, Hint("linear_regression.errors_cancel", "faltou o quadrado/módulo: erros "
                           "positivos e negativos se cancelam.")),
    "sum_abs": (lambda e: np.sum(np.abs(e)), Hint("linear_regression.sum_of_abs", "parece a soma "
                                                  "dos módulos: faltou dividir por n.")),
    "n-1": (lambda e: np.sum(e ** 2) / max(len(e) - 1, 1), Hint(
        "linear_regression.divides_by_n_minus_1", "divida por n, não por n − 1.")),
    "mean_sq": (lambda e: np.mean(e) ** 2, Hint(
        "linear_regression.square_of_mean", "você elevou a média ao quadrado; o MSE é a média "
        "dos quadrados: eleve cada erro ao quadrado e só então tire a média.")),
    "var": (np.var, Hint("linear_regression.var_is_not_mse", "`np.var` tira a média dos erros "
                         "antes de elevar ao quadrado: só coincide com o MSE quando a média dos "
                         "erros é zero.")),
    "abs_of_mean": (lambda e: np.abs(np.mean(e)), Hint(
        "linear_regression.abs_of_mean", "o módulo vai em cada erro, antes da média: com `abs` "
        "da média, erros positivos e negativos se cancelam.")),
    "root_of_sum": (lambda e: np.sqrt(np.sum(e ** 2)), Hint(
        "linear_regression.root_of_sum", "a raiz deve ser da média, não da soma.")),
    "half": (lambda e: np.mean(e ** 2) / 2, Hint(
        "linear_regression.power_one_half", "`x ** 1/2` é `(x ** 1) / 2`, metade de x: a "
        "potência vem antes da divisão. A raiz é `x ** 0.5` ou `np.sqrt(x)`.")),
    "std": (np.std, Hint("linear_regression.std_is_not_rmse", "`np.std` tira a média dos erros "
                         "antes: só coincide com o RMSE quando a média dos erros é zero.")),
}
# Os enganos que cada medida de erro reconhece, na ordem das dicas.
LOSS_MISTAKES = {
    "mse": ("sum_sq", "mae", "rmse", "mean", "n-1", "mean_sq", "var"),
    "mae": ("sum_abs", "mse", "rmse", "mean", "abs_of_mean"),
    "rmse": ("mse", "mae", "root_of_sum", "half", "std"),
}


def loss_mistakes(name, y, y_hat):
    """Os valores errados comuns da medida de erro ``name`` ("mse", "mae" ou "rmse")."""
    return [(WRONG_LOSSES[key][0](y - y_hat), WRONG_LOSSES[key][1]) for key in LOSS_MISTAKES[name]]


gradient_hint_for = exception_hints((ValueError, ("matmul",), Hint(
    "linear_regression.gradient_matmul_shapes", "confira as formas: X é (n, d) e o resíduo r é "
    "(n,). Cada ∂MSE/∂c_j soma r_i·x_ij sobre as n amostras — a coluna j de X contra r —, e "
    "`X.T @ r` faz as d somas de uma vez (forma (d,)).")))
GRAD_C_SHAPE = Hint("linear_regression.grad_c_shape", "grad_c tem uma derivada por coeficiente: "
                    "forma (d,). Cada ∂MSE/∂c_j soma r_i·x_ij ao longo das n amostras (não dos "
                    "atributos): `X.T @ r` faz as d somas de uma vez. (Sem `[:, None]`, `X * r` "
                    "não multiplica linha por linha.)")
GRAD_B_SHAPE = Hint("linear_regression.grad_b_shape", "grad_b é um número só: como ∂r_i/∂b = −1, "
                    "é −2/n vezes a soma dos resíduos de todas as amostras, sem X.")
GRADIENT_ORDER = Hint("linear_regression.gradient_order", "a ordem da tupla é `(grad_c, "
                      "grad_b)`: primeiro o vetor das derivadas nos coeficientes, depois a "
                      "derivada no viés.")
# Dicas que servem a grad_c e a grad_b.
RESIDUAL_WITHOUT_B = Hint("linear_regression.gradient_residual_without_b", "o resíduo do "
                          "gradiente é r = y − ŷ com a previsão inteira, ŷ = X·c + b: o viés `b` "
                          "ficou de fora (use a sua `predict`).")
MISSES_A_SAMPLE = Hint("linear_regression.gradient_loop_misses_sample", "o laço sobre as amostras "
                       "deixou a última de fora: `range(n)` percorre as n amostras, `range(n - 1)` "
                       "para uma antes.")
DIVIDES_BY_D = Hint("linear_regression.gradient_divides_by_d", "a média é sobre as n amostras "
                    "(`len(y)` ou `X.shape[0]`), não sobre os d atributos (`len(c)` ou "
                    "`X.shape[1]`).")


def gradient_mistakes(X, y, c, b, gc, gb):
    """Os gradientes errados comuns (``gc``, ``gb``: os certos): ``(dicas de grad_c, de grad_b)``."""
    n, d = X.shape
    r, r_no_b = y - X @ c - b, y - X @ c
    last_missing = gc.copy()
    last_missing[-1] = 0.0
    c_hints = [
        (-gc, Hint("linear_regression.gradient_sign", "o sinal está trocado: o gradiente "
                   "aponta para onde o erro CRESCE.")),
        (gc / 2, Hint("linear_regression.gradient_factor_2",
                      "faltou o fator 2 que vem da derivada do quadrado.")),
        (gc * n, Hint("linear_regression.gradient_not_mean",
                      "faltou dividir por n (o MSE é uma média).")),
        (gc / 2 * n, Hint("linear_regression.gradient_factor_2_and_mean", "faltou o fator 2 e a "
                          "divisão por n. (`-2 // n` também dá isso: `//` é a divisão inteira, e "
                          "`-2 // n` vale −1; use `/`.)")),
        (np.full(d, -2.0 / n * np.sum(r)), Hint(
            "linear_regression.grad_c_missing_x", "cada resíduo é multiplicado pelo atributo "
            "antes da soma, porque ∂r_i/∂c_j = −x_ij (só a derivada em b fica sem x).")),
        (-2.0 / n * (X.T @ r_no_b), RESIDUAL_WITHOUT_B),
        (-2.0 / n * (X[:-1].T @ r[:-1]), MISSES_A_SAMPLE),
        (gc * n / d, DIVIDES_BY_D),
        (last_missing, Hint("linear_regression.gradient_loop_misses_feature", "a última "
                            "derivada ficou 0: o laço sobre os atributos parou um antes "
                            "(`range(d)` percorre os d coeficientes).")),
    ]
    b_hints = [
        (0.0, Hint("linear_regression.grad_b_zero",
                   "grad_b não pode ser sempre zero: o viés `b` também muda o erro.")),
        (-gb, Hint("linear_regression.grad_b_sign", "o sinal de grad_b está trocado.")),
        (gb / 2, Hint("linear_regression.grad_b_factor_2", "faltou o fator 2 em grad_b.")),
        (gb * n, Hint("linear_regression.grad_b_not_mean", "faltou dividir grad_b por n.")),
        (-2.0 / n * np.sum(r_no_b), RESIDUAL_WITHOUT_B),
        (-2.0 / n * np.sum(r[:-1]), MISSES_A_SAMPLE),
        (gb * n / d, DIVIDES_BY_D),
    ]
    return c_hints, b_hints


EPOCHS_OFF_BY_ONE = Hint("linear_regression.epochs_off_by_one", "o laço deve dar exatamente "
                         "`epochs` voltas, uma atualização e um MSE por volta: `for _ in "
                         "range(epochs)` (nem `range(epochs + 1)`, nem `range(1, epochs)`).")
BIAS_USES_NEW_C = Hint("linear_regression.bias_uses_new_coefficients", "o gradiente de `b` foi "
                       "calculado de novo, com o `c` já atualizado. Um passo usa um gradiente "
                       "só, o do ponto (c, b) de antes: calcule `grad_c, grad_b` uma vez e só "
                       "então atualize `c` e `b`.")
PER_SAMPLE = Hint("linear_regression.per_sample_updates", "isto é uma atualização por amostra "
                  "(gradiente descendente estocástico); aqui cada época faz UMA atualização, "
                  "com o gradiente do MSE de todos os dados de uma vez.")


def fit_hint(c, b, ref_b, history, variants):
    """A dica para um ``fit_gd`` cujo ``(c, b)`` final está errado (ou ``None``).

    variants: ``{"new_c": ..., "per_sample": ...}``, o que cada engano de ``solution.fit`` dá.
    """
    def gives(variant):
        return (is_close(c, variants[variant][0], rtol=1e-5)
                and is_close(b, variants[variant][1], rtol=1e-5))
    return first_hint([
        (history[-1] > history[0], Hint("linear_regression.climbs_the_gradient", "o erro está "
                                        "subindo — sinal do gradiente trocado (deve ser "
                                        "`c = c - lr * grad_c`)?")),
        (is_close(b, 0.0, rtol=0, atol=0) and not is_close(ref_b, 0.0), Hint(
            "linear_regression.b_never_updated",
            "`b` continua 0 — lembre de atualizar o viés também.")),
        (gives("new_c"), BIAS_USES_NEW_C),
        (gives("per_sample"), PER_SAMPLE),
    ])


def history_mistakes(after, before, variants):
    """Os históricos errados comuns (``after``, ``before``: o MSE depois e antes de cada época)."""
    root = Hint("linear_regression.history_is_rmse",
                "`history` guarda o MSE de cada época, sem a raiz (isto é o RMSE).")
    return [(np.sqrt(after), root), (np.sqrt(before), root)] + [
        (variants[v][k], hint) for v, hint in (("new_c", BIAS_USES_NEW_C),
                                               ("per_sample", PER_SAMPLE)) for k in (2, 3)]
