"""O modelo linear, mínimos quadrados e a grade de erros."""

import numpy as np
import pytest
from sklearn.linear_model import LinearRegression

from nn_helpers.datasets import load_advertising, load_toy_sales
from nn_helpers.linear import least_squares, loss_grid, predict
from nn_helpers.losses import mae, mse


def test_predict_reproduces_the_first_guess_of_deck_000():
    toy = load_toy_sales()
    assert predict(toy.X, [2.0], 3.0).tolist() == [403.0, 203.0, 303.0]


def test_predict_names_a_coefficient_count_mismatch():
    with pytest.raises(ValueError, match=r"`X` tem 2 coluna\(s\), mas `c` tem 3"):
        predict(np.ones((4, 2)), [1, 2, 3], 0.0)


def test_predict_wants_a_matrix():
    with pytest.raises(ValueError, match=r"`X` deve ser uma matriz com forma \(n, d\).*\(3,\)"):
        predict([1, 2, 3], [1.0], 0.0)


def test_least_squares_on_the_toy_table_beats_every_deck_guess():
    toy = load_toy_sales()
    c, b = least_squares(toy.X, toy.y)
    assert c[0] == pytest.approx(2.0) and b == pytest.approx(680 / 3)
    best = mse(toy.y, predict(toy.X, c, b))
    assert best == pytest.approx(4266.67 / 3, abs=0.01)
    for b_guess, c0_guess in [(3, 2), (10, 3), (1, 1.2), (12, 3.5), (7, 2.5)]:
        assert best < mse(toy.y, predict(toy.X, [c0_guess], b_guess))


def test_least_squares_matches_the_published_advertising_fit():
    data = load_advertising()
    c, b = least_squares(data.X, data.y)
    assert b == pytest.approx(2.939, abs=5e-4)
    assert c == pytest.approx([0.0458, 0.1885, -0.001], abs=5e-4)
    c_tv, b_tv = least_squares(data.X[:, :1], data.y)
    assert (b_tv, c_tv[0]) == pytest.approx((7.0326, 0.0475), abs=5e-5)


def test_least_squares_agrees_with_scikit_learn():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(50, 4))
    y = X @ rng.normal(size=4) + 3 + rng.normal(size=50)
    c, b = least_squares(X, y)
    oracle = LinearRegression().fit(X, y)
    assert c == pytest.approx(oracle.coef_) and b == pytest.approx(oracle.intercept_)


def test_least_squares_names_a_length_mismatch():
    with pytest.raises(ValueError, match="mesmo número de amostras.*3.*2"):
        least_squares(np.ones((3, 1)), [1, 2])


def test_loss_grid_is_indexed_b_by_c0():
    toy = load_toy_sales()
    c0s, bs = np.array([1.2, 2.0, 3.5]), np.array([1.0, 3.0])
    grid = loss_grid(toy.X[:, 0], toy.y, c0s, bs)
    assert grid.shape == (2, 3)
    assert grid[1, 1] == pytest.approx(51449.0)
    assert grid[0, 0] == pytest.approx(121974.33, abs=0.005)
    assert loss_grid(toy.X[:, 0], toy.y, c0s, bs, loss=mae)[1, 1] == pytest.approx(671 / 3)
