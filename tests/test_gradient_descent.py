"""Gradiente do MSE e gradiente descendente (capítulo 2).

Oráculos independentes: diferenças finitas e mínimos quadrados.
"""

import numpy as np
import pytest

from nn_helpers.datasets import load_advertising, load_toy_sales
from nn_helpers.linear import gradient_descent, least_squares, mse_gradient, predict
from nn_helpers.losses import mse


def numerical_gradient(X, y, c, b, eps=1e-6):
    """Diferenças centrais do MSE: o oráculo independente do gradiente analítico."""
    grad_c = np.empty_like(c)
    for j in range(len(c)):
        step = np.zeros_like(c)
        step[j] = eps
        plus, minus = mse(y, predict(X, c + step, b)), mse(y, predict(X, c - step, b))
        grad_c[j] = (plus - minus) / (2 * eps)
    grad_b = (mse(y, predict(X, c, b + eps)) - mse(y, predict(X, c, b - eps))) / (2 * eps)
    return grad_c, grad_b


def standardized_advertising():
    data = load_advertising()
    return (data.X - data.X.mean(axis=0)) / data.X.std(axis=0), data.y


def test_mse_gradient_matches_finite_differences():
    rng = np.random.default_rng(0)
    for n, d in [(1, 1), (5, 3), (40, 2)]:
        X, y, c, b = rng.normal(size=(n, d)), rng.normal(size=n), rng.normal(size=d), rng.normal()
        grad_c, grad_b = mse_gradient(X, y, c, b)
        num_c, num_b = numerical_gradient(X, y, c, b)
        assert grad_c.shape == (d,) and isinstance(grad_b, float)
        assert grad_c == pytest.approx(num_c, rel=1e-6, abs=1e-8)
        assert grad_b == pytest.approx(num_b, rel=1e-6, abs=1e-8)


def test_mse_gradient_at_the_first_guess_of_deck_000_points_to_higher_c0_and_b():
    toy = load_toy_sales()
    grad_c, grad_b = mse_gradient(toy.X, toy.y, [2.0], 3.0)
    # resíduos 197, 197, 277: o modelo prevê de menos, então o gradiente é negativo
    assert grad_c[0] == pytest.approx(-2 / 3 * (200 * 197 + 100 * 197 + 150 * 277))
    assert grad_b == pytest.approx(-2 / 3 * (197 + 197 + 277))


def test_mse_gradient_is_zero_at_the_least_squares_solution():
    X, y = standardized_advertising()
    grad_c, grad_b = mse_gradient(X, y, *least_squares(X, y))
    assert np.allclose(grad_c, 0, atol=1e-10) and abs(grad_b) < 1e-10


def test_mse_gradient_names_a_coefficient_count_mismatch():
    with pytest.raises(ValueError, match=r"`X` tem 2 coluna\(s\), mas `c` tem 1"):
        mse_gradient(np.ones((3, 2)), np.ones(3), [1.0], 0.0)


def test_full_batch_gradient_descent_reaches_least_squares_on_advertising():
    X, y = standardized_advertising()
    c, b, history = gradient_descent(X, y, lr=0.1, epochs=300)
    c_exact, b_exact = least_squares(X, y)
    assert c == pytest.approx(c_exact, abs=1e-6) and b == pytest.approx(b_exact, abs=1e-6)
    assert history["loss"][-1] == pytest.approx(mse(y, predict(X, c_exact, b_exact)), rel=1e-9)


@pytest.mark.parametrize("batch_size, lr, epochs, tol",
                         [(1, 0.001, 40, 0.05), (20, 0.01, 60, 0.02)])
def test_stochastic_and_mini_batch_land_near_least_squares(batch_size, lr, epochs, tol):
    X, y = standardized_advertising()
    c, b, history = gradient_descent(X, y, lr=lr, epochs=epochs, batch_size=batch_size, seed=3)
    c_exact, b_exact = least_squares(X, y)
    assert c == pytest.approx(c_exact, abs=tol) and b == pytest.approx(b_exact, abs=tol)
    assert history["loss"][-1] < 1.01 * mse(y, predict(X, c_exact, b_exact))


def test_history_records_the_start_and_every_epoch():
    toy = load_toy_sales()
    c, b, history = gradient_descent(toy.X, toy.y, lr=1e-5, epochs=4, c_init=[2.0], b_init=3.0)
    assert history["loss"].shape == (5,) and history["c"].shape == (5, 1)
    assert history["b"].shape == (5,)
    assert history["loss"][0] == pytest.approx(51449.0)            # o 1º chute do deck 000
    assert (history["c"][0, 0], history["b"][0]) == (2.0, 3.0)
    assert (history["c"][-1, 0], history["b"][-1]) == (c[0], b)
    assert np.all(np.diff(history["loss"]) < 0)                    # taxa pequena: só desce


def test_one_full_batch_epoch_is_one_step_against_the_gradient():
    toy = load_toy_sales()
    grad_c, grad_b = mse_gradient(toy.X, toy.y, [2.0], 3.0)
    c, b, _ = gradient_descent(toy.X, toy.y, lr=1e-5, epochs=1, c_init=[2.0], b_init=3.0)
    assert c[0] == pytest.approx(2.0 - 1e-5 * grad_c[0])
    assert b == pytest.approx(3.0 - 1e-5 * grad_b)


def test_batch_size_equal_to_n_is_the_full_batch():
    X, y = standardized_advertising()
    full = gradient_descent(X, y, lr=0.05, epochs=5)
    same = gradient_descent(X, y, lr=0.05, epochs=5, batch_size=len(y), seed=99)
    assert np.allclose(full[0], same[0]) and full[1] == pytest.approx(same[1])


def test_the_seed_fixes_the_stochastic_order():
    X, y = standardized_advertising()
    one = gradient_descent(X, y, lr=0.01, epochs=2, batch_size=1, seed=7)
    two = gradient_descent(X, y, lr=0.01, epochs=2, batch_size=1, seed=7)
    other = gradient_descent(X, y, lr=0.01, epochs=2, batch_size=1, seed=8)
    assert np.array_equal(one[0], two[0]) and not np.array_equal(one[0], other[0])


def test_a_rate_too_large_diverges_and_stops_early():
    toy = load_toy_sales()          # atributo na casa das centenas: lr = 1e-4 já explode
    c, b, history = gradient_descent(toy.X, toy.y, lr=1e-4, epochs=1000)
    assert len(history["loss"]) < 1001 and not np.isfinite(history["loss"][-1])


@pytest.mark.parametrize("kwargs, message", [
    ({"lr": 0.0, "epochs": 3}, "`lr` deve ser um número positivo"),
    ({"lr": "rápido", "epochs": 3}, r"`lr` deve ser um número positivo \(e não enorme\), não 'rápido'"),
    ({"lr": 0.1, "epochs": 2.5}, "`epochs` deve ser um inteiro ≥ 0"),
    ({"lr": 0.1, "epochs": 3, "batch_size": 0}, "`batch_size` deve ser None"),
    ({"lr": 0.1, "epochs": 3, "c_init": [1.0, 2.0]}, "`c_init` tem 2 coeficiente"),
])
def test_gradient_descent_refuses_bad_arguments_in_portuguese(kwargs, message):
    toy = load_toy_sales()
    with pytest.raises(ValueError, match=message):
        gradient_descent(toy.X, toy.y, **kwargs)
