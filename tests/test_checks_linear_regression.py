"""As verificações de ``ex_linear_regression`` aceitam a resposta certa e recusam os enganos comuns.

Cada engano abaixo é um erro plausível de aluno; a verificação deve recusá-lo
com uma mensagem que aponte o problema (e, quando dá, a dica certa).
"""

import numpy as np
import pytest

from nn_helpers.grading import ex_linear_regression as checks


# --- a resposta de referência ------------------------------------------------------------

def predict(X, c, b):
    return X @ c + b


def mse(y, y_hat):
    return np.mean((y - y_hat) ** 2)


def mae(y, y_hat):
    return np.mean(np.abs(y - y_hat))


def rmse(y, y_hat):
    return np.sqrt(mse(y, y_hat))


def mse_gradient(X, y, c, b):
    r = y - predict(X, c, b)
    return -2 / len(y) * X.T @ r, -2 / len(y) * np.sum(r)


def make_fit_gd(gradient=mse_gradient, record_before=False, sign=1.0, init=0.0):
    def fit_gd(X, y, lr, epochs):
        c, b, history = np.full(X.shape[1], init), init, []
        for _ in range(epochs):
            if record_before:
                history.append(mse(y, predict(X, c, b)))
            gc, gb = gradient(X, y, c, b)
            c, b = c - sign * lr * gc, b - sign * lr * gb
            if not record_before:
                history.append(mse(y, predict(X, c, b)))
        return c, b, history
    return fit_gd


REFERENCE = {
    "check_predict": predict, "check_mse": mse, "check_mae": mae, "check_rmse": rmse,
    "check_mse_gradient": mse_gradient, "check_fit_gd": make_fit_gd(),
}


def test_history_recorded_before_each_update_is_also_accepted():
    checks.check_fit_gd(make_fit_gd(record_before=True))


# --- enganos plausíveis: (verificação, função errada, trecho esperado na mensagem) ---------

def _not_implemented(*args):
    raise NotImplementedError


MISTAKES = {
    "predict ignores b": ("check_predict", lambda X, c, b: X @ c, "viés `b` ficou de fora"),
    "predict subtracts b": ("check_predict", lambda X, c, b: X @ c - b, "deve ser somado"),
    "predict returns a column": ("check_predict", lambda X, c, b: (X @ c + b)[:, None],
                                 "deveria ser forma (3,), mas veio forma (3, 1)"),
    "predict blank": ("check_predict", _not_implemented, "ainda não foi implementada"),
    "mse forgets the mean": ("check_mse", lambda y, p: np.sum((y - p) ** 2), "faltou dividir por n"),
    "mse is the mae": ("check_mse", mae, "isto é o MAE"),
    "mse is the rmse": ("check_mse", rmse, "isto é o RMSE"),
    "mse forgets the square": ("check_mse", lambda y, p: np.mean(y - p), "se cancelam"),
    "mse returns the vector": ("check_mse", lambda y, p: (y - p) ** 2, "esqueceu de reduzir"),
    "mse divides by n-1": ("check_mse", lambda y, p: np.sum((y - p) ** 2) / (len(y) - 1),
                           "não por n − 1"),
    "mae is the mse": ("check_mae", mse, "isto é o MSE"),
    "mae forgets the abs": ("check_mae", lambda y, p: np.mean(y - p), "se cancelam"),
    "mae forgets the mean": ("check_mae", lambda y, p: np.sum(np.abs(y - p)),
                             "linear_regression.sum_of_abs"),
    "rmse forgets the root": ("check_rmse", mse, "isto é o MSE"),
    "rmse roots the sum": ("check_rmse", lambda y, p: np.sqrt(np.sum((y - p) ** 2)),
                           "raiz deve ser da média"),
    "gradient has the wrong sign": (
        "check_mse_gradient", lambda X, y, c, b: tuple(-g for g in mse_gradient(X, y, c, b)),
        "sinal está trocado"),
    "gradient misses the factor 2": (
        "check_mse_gradient", lambda X, y, c, b: tuple(g / 2 for g in mse_gradient(X, y, c, b)),
        "faltou o fator 2"),
    "gradient misses the mean": (
        "check_mse_gradient",
        lambda X, y, c, b: tuple(g * len(y) for g in mse_gradient(X, y, c, b)),
        "faltou dividir por n"),
    "gradient misses the factor 2 and the mean": (
        "check_mse_gradient",
        lambda X, y, c, b: tuple(g / 2 * len(y) for g in mse_gradient(X, y, c, b)),
        "faltou o fator 2 e a divisão por n"),
    "grad_b has the wrong sign": (
        "check_mse_gradient", lambda X, y, c, b: (mse_gradient(X, y, c, b)[0], -mse_gradient(X, y, c, b)[1]),
        "linear_regression.grad_b_sign"),
    "grad_b misses the factor 2": (
        "check_mse_gradient", lambda X, y, c, b: (mse_gradient(X, y, c, b)[0], mse_gradient(X, y, c, b)[1] / 2),
        "linear_regression.grad_b_factor_2"),
    "grad_b misses the mean": (
        "check_mse_gradient",
        lambda X, y, c, b: (mse_gradient(X, y, c, b)[0], mse_gradient(X, y, c, b)[1] * len(y)),
        "linear_regression.grad_b_not_mean"),
    "gradient ignores b": (
        "check_mse_gradient", lambda X, y, c, b: (mse_gradient(X, y, c, b)[0], 0.0),
        "viés `b` também muda o erro"),
    "gradient returns one value": (
        "check_mse_gradient", lambda X, y, c, b: mse_gradient(X, y, c, b)[0], "deve devolver 2 valores"),
    "fit_gd climbs the gradient": ("check_fit_gd", make_fit_gd(sign=-1.0), "erro está subindo"),
    "fit_gd never updates b": (
        "check_fit_gd", make_fit_gd(gradient=lambda X, y, c, b: (mse_gradient(X, y, c, b)[0], 0.0)),
        "`b` continua 0"),
    "fit_gd starts from ones": ("check_fit_gd", make_fit_gd(init=1.0), "comece com c = 0 e b = 0"),
    "fit_gd forgets the history": (
        "check_fit_gd", lambda X, y, lr, e: make_fit_gd()(X, y, lr, e)[:2] + ([],),
        "um MSE por época"),
    "fit_gd blank": ("check_fit_gd", _not_implemented, "ainda não foi implementada"),
}


def test_a_raising_function_reports_the_input_it_failed_on():
    def broken(y, y_hat):
        return y.shape[5]
    with pytest.raises(AssertionError, match="IndexError.*\n  entrada: mse"):
        checks.check_mse(broken)


def test_a_non_function_is_explained():
    with pytest.raises(AssertionError, match="deveria ser uma função, mas é um int"):
        checks.check_mae(3)


def test_changing_the_inputs_in_place_is_caught():
    def sneaky(X, c, b):
        X += 1
        return X @ c + b - c.sum()
    with pytest.raises(AssertionError, match="modificou um dos arrays que recebeu, `X`") as failure:
        checks.check_predict(sneaky)
    # A dica nomeia a operação que faz isso e o que escrever no lugar.
    assert "`X += ...`" in str(failure.value) and "`X = X + ...`" in str(failure.value)
    assert [h.id for h in failure.value.hints] == ["common.mutated_input"]
