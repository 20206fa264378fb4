"""As verificações de ``ex_linear_regression`` aceitam a resposta certa e recusam os enganos comuns.

Cada engano abaixo é um erro plausível de aluno; a verificação deve recusá-lo
com uma mensagem que aponte o problema (e, quando dá, a dica certa).
"""

import math

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


# --- a varredura da issue 13: mais enganos de aluno, cada um com a dica que deve receber ----

def fit_gd_variant(per_sample=False, recompute_for_b=False, epochs_shift=0, record=mse):
    """O laço de fit_gd com um engano escolhido (os outros passos certos)."""
    def fit_gd(X, y, lr, epochs):
        c, b, history = np.zeros(X.shape[1]), 0.0, []
        for _ in range(epochs + epochs_shift):
            if per_sample:
                for x_i, y_i in zip(X, y):
                    gc, gb = mse_gradient(x_i[None, :], np.array([y_i]), c, b)
                    c, b = c - lr * gc, b - lr * gb
            else:
                gc, gb = mse_gradient(X, y, c, b)
                c = c - lr * gc
                if recompute_for_b:
                    gb = mse_gradient(X, y, c, b)[1]      # já com o c novo
                b = b - lr * gb
            history.append(record(y, predict(X, c, b)))
        return c, b, history
    return fit_gd


def gradient_loop(X, y, c, b, skip_last_sample=False, skip_last_feature=False):
    """mse_gradient com laços explícitos (e, se pedido, um laço que para um antes)."""
    n, d = X.shape
    grad_c, grad_b = [0.0] * d, 0.0
    for i in range(n - 1 if skip_last_sample else n):
        r_i = y[i] - (sum(X[i, j] * c[j] for j in range(d)) + b)
        for j in range(d - 1 if skip_last_feature else d):
            grad_c[j] += -2 / n * r_i * X[i, j]
        grad_b += -2 / n * r_i
    return np.array(grad_c), grad_b


def _caret(y, y_hat):
    return np.mean((y - y_hat) ^ 2)


MISTAKES.update({
    "predict multiplies element-wise": ("check_predict", lambda X, c, b: X * c + b,
                                        "linear_regression.predict_not_vector"),
    "predict puts c first": ("check_predict", lambda X, c, b: c @ X + b,
                             "linear_regression.predict_matmul_order"),
    "predict sums everything": ("check_predict", lambda X, c, b: np.sum(X * c) + b,
                                "linear_regression.predict_summed_all"),
    "predict sums over the samples": ("check_predict", lambda X, c, b: np.sum(X * c, axis=0) + b,
                                      "linear_regression.predict_wrong_axis"),
    "predict uses only the first feature (written for the 3-month table)": (
        "check_predict", lambda X, c, b: X[:, 0] * c[0] + b,
        "linear_regression.predict_first_feature_only"),
    "mse squares the mean error": ("check_mse", lambda y, p: np.mean(y - p) ** 2,
                                   "linear_regression.square_of_mean"),
    "mse with ^ for the power": ("check_mse", _caret, "linear_regression.caret_is_not_power"),
    "mse is np.var of the errors": ("check_mse", lambda y, p: np.var(y - p),
                                    "linear_regression.var_is_not_mse"),
    "mae takes the abs of the mean": ("check_mae", lambda y, p: np.abs(np.mean(y - p)),
                                      "linear_regression.abs_of_mean"),
    "mae is the mean of the roots of the squares... of the squares": (
        "check_mae", lambda y, p: np.mean((y - p) ** 2), "linear_regression.is_mse"),
    "rmse with ** 1/2": ("check_rmse", lambda y, p: np.mean((y - p) ** 2) ** 1 / 2,
                         "linear_regression.power_one_half"),
    "rmse is np.std of the errors": ("check_rmse", lambda y, p: np.std(y - p),
                                     "linear_regression.std_is_not_rmse"),
    "rmse is the mean of the roots (the mae)": (
        "check_rmse", lambda y, p: np.mean(np.sqrt((y - p) ** 2)), "linear_regression.is_mae"),
    "gradient with X @ r": ("check_mse_gradient",
                            lambda X, y, c, b: (-2 / len(y) * X @ (y - X @ c - b),
                                                -2 / len(y) * np.sum(y - X @ c - b)),
                            "linear_regression.gradient_matmul_shapes"),
    "gradient sums X * r over everything": (
        "check_mse_gradient",
        lambda X, y, c, b: (-2 / len(y) * np.sum(X * (y - X @ c - b)[:, None]),
                            mse_gradient(X, y, c, b)[1]),
        "linear_regression.grad_c_shape"),
    "gradient forgets to sum over the samples": (
        "check_mse_gradient",
        lambda X, y, c, b: (-2 / len(y) * X * (y - X @ c - b)[:, None],
                            mse_gradient(X, y, c, b)[1]),
        "linear_regression.grad_c_shape"),
    "gradient forgets the x in grad_c": (
        "check_mse_gradient",
        lambda X, y, c, b: (np.full(len(c), mse_gradient(X, y, c, b)[1]),
                            mse_gradient(X, y, c, b)[1]),
        "linear_regression.grad_c_missing_x"),
    "gradient leaves b out of the residual": (
        "check_mse_gradient", lambda X, y, c, b: mse_gradient(X, y, c, 0.0),
        "linear_regression.gradient_residual_without_b"),
    "gradient divides by d": (
        "check_mse_gradient",
        lambda X, y, c, b: tuple(g * len(y) / len(c) for g in mse_gradient(X, y, c, b)),
        "linear_regression.gradient_divides_by_d"),
    "gradient with integer division -2 // n": (
        "check_mse_gradient",
        lambda X, y, c, b: (-2 // len(y) * (X.T @ (y - X @ c - b)),
                            -2 // len(y) * np.sum(y - X @ c - b)),
        "linear_regression.gradient_factor_2_and_mean"),
    "gradient loop misses the last sample": (
        "check_mse_gradient", lambda X, y, c, b: gradient_loop(X, y, c, b, skip_last_sample=True),
        "linear_regression.gradient_loop_misses_sample"),
    "gradient loop misses the last feature": (
        "check_mse_gradient",
        lambda X, y, c, b: gradient_loop(X, y, c, b, skip_last_feature=True),
        "linear_regression.gradient_loop_misses_feature"),
    "gradient returns (grad_b, grad_c)": (
        "check_mse_gradient", lambda X, y, c, b: mse_gradient(X, y, c, b)[::-1],
        "linear_regression.gradient_order"),
    "grad_b forgets the sum": (
        "check_mse_gradient",
        lambda X, y, c, b: (mse_gradient(X, y, c, b)[0], -2 / len(y) * (y - X @ c - b)),
        "linear_regression.grad_b_shape"),
    "grad_b multiplies by X like grad_c": (
        "check_mse_gradient", lambda X, y, c, b: (mse_gradient(X, y, c, b)[0],) * 2,
        "linear_regression.grad_b_shape"),
    "fit_gd takes one epoch too many": ("check_fit_gd", fit_gd_variant(epochs_shift=1),
                                        "linear_regression.epochs_off_by_one"),
    "fit_gd takes one epoch too few": ("check_fit_gd", fit_gd_variant(epochs_shift=-1),
                                       "linear_regression.epochs_off_by_one"),
    "fit_gd updates b with the new c": ("check_fit_gd", fit_gd_variant(recompute_for_b=True),
                                        "linear_regression.bias_uses_new_coefficients"),
    "fit_gd updates once per sample": ("check_fit_gd", fit_gd_variant(per_sample=True),
                                       "linear_regression.per_sample_updates"),
    "fit_gd records the rmse": ("check_fit_gd", fit_gd_variant(record=rmse),
                                "linear_regression.history_is_rmse"),
})


# --- respostas certas escritas de outro jeito: todas têm de passar ------------------------

def predict_loops(X, c, b):
    return [sum(x_ij * c_j for x_ij, c_j in zip(row, c)) + b for row in X]


def mse_loop(y, y_hat):
    total = 0.0
    for y_i, p_i in zip(y, y_hat):
        total += (y_i - p_i) ** 2
    return total / len(y)


def fit_gd_in_place(X, y, lr, epochs):
    c, b = np.zeros(X.shape[1]), 0.0
    history = np.empty(epochs)
    for epoch in range(1, epochs + 1):
        grad_c, grad_b = mse_gradient(X, y, c, b)
        c -= lr * grad_c                     # c é um array do próprio fit_gd: pode mudar
        b -= lr * grad_b
        history[epoch - 1] = np.mean((y - predict(X, c, b)) ** 2)
    return c, b, history


ALTERNATIVES = {
    "predict with np.dot": ("check_predict", lambda X, c, b: np.dot(X, c) + b),
    "predict with explicit loops, returning a list": ("check_predict", predict_loops),
    "predict with a sum along axis 1": ("check_predict", lambda X, c, b: (X * c).sum(axis=1) + b),
    "mse with a loop": ("check_mse", mse_loop),
    "mse with np.square and a sum over len": (
        "check_mse", lambda y, p: np.sum(np.square(p - y)) / len(y)),
    "mae with builtins": ("check_mae", lambda y, p: sum(abs(a - b) for a, b in zip(y, p)) / len(y)),
    "rmse with math.sqrt": ("check_rmse", lambda y, p: math.sqrt(mse(y, p))),
    "rmse with ** 0.5": ("check_rmse", lambda y, p: np.mean((y - p) ** 2) ** 0.5),
    "gradient written with ŷ − y and a plus sign": (
        "check_mse_gradient",
        lambda X, y, c, b: (2 / len(y) * X.T @ (X @ c + b - y), 2 * np.mean(X @ c + b - y))),
    "gradient with explicit loops": ("check_mse_gradient", gradient_loop),
    "gradient with a broadcast product and a list": (
        "check_mse_gradient",
        lambda X, y, c, b: [-2 * np.mean(X * (y - X @ c - b)[:, None], axis=0),
                            -2 * np.mean(y - X @ c - b)]),
    "gradient with np.dot": (
        "check_mse_gradient",
        lambda X, y, c, b: (-2 / X.shape[0] * np.dot(X.T, y - np.dot(X, c) - b),
                            float(-2 / X.shape[0] * np.sum(y - np.dot(X, c) - b)))),
    "fit_gd updating in place, history as an array": ("check_fit_gd", fit_gd_in_place),
    "fit_gd recording the MSE before each update": ("check_fit_gd",
                                                     make_fit_gd(record_before=True)),
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
