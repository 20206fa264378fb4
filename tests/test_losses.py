"""As funções de erro: os números dos decks, um oráculo (scikit-learn) e entradas ruins."""

import numpy as np
import pytest
from sklearn import metrics

from nn_helpers.losses import binary_cross_entropy, cross_entropy, mae, mse, rmse

DECK_Y = [600, 400, 580]


@pytest.mark.parametrize("b, c0, expected", [
    (3, 2, 51449.0), (10, 3, 7533.33), (1, 1.2, 121974.33), (12, 3.5, 5279.0), (7, 2.5, 22767.33),
])
def test_mse_reproduces_the_five_guesses_of_deck_000(b, c0, expected):
    y_hat = [b + c0 * x for x in (200, 100, 150)]
    assert mse(DECK_Y, y_hat) == pytest.approx(expected, abs=0.005)


def test_mse_reproduces_the_cost_examples_of_deck_001():
    assert mse([1.0], [0.8]) == pytest.approx(0.04)
    assert mse([1, 0, 1, 0], [0.8, 0.3, 0.8, 0.5]) == pytest.approx(0.105)


@pytest.mark.parametrize("ours, oracle", [
    (mse, metrics.mean_squared_error),
    (mae, metrics.mean_absolute_error),
    (rmse, lambda y, p: np.sqrt(metrics.mean_squared_error(y, p))),
])
def test_losses_agree_with_scikit_learn(ours, oracle):
    rng = np.random.default_rng(0)
    for n in (1, 2, 17, 300):
        y, y_hat = rng.normal(size=n), rng.normal(size=n)
        assert ours(y, y_hat) == pytest.approx(oracle(y, y_hat), rel=1e-12)


def test_losses_return_a_plain_float():
    for loss in (mse, mae, rmse):
        assert type(loss([1, 2], [1, 3])) is float


@pytest.mark.parametrize("loss", [mse, mae, rmse])
def test_different_lengths_are_named_in_portuguese(loss):
    with pytest.raises(ValueError, match=r"mesma forma.*\(3,\).*\(2,\)"):
        loss([1, 2, 3], [1, 2])


@pytest.mark.parametrize("loss", [mse, mae, rmse])
def test_nan_is_reported_with_its_position(loss):
    with pytest.raises(ValueError, match=r"`y_hat` contém NaN \(na posição 1\)"):
        loss([1, 2, 3], [1, np.nan, 3])


def test_text_is_not_silently_accepted():
    with pytest.raises(ValueError, match="não consegui converter `y`"):
        mse(["a", "b"], [1, 2])


def test_three_dimensional_input_is_refused():
    with pytest.raises(ValueError, match=r"deve ser um vetor \(n,\) ou uma matriz"):
        mse(np.zeros((2, 2, 2)), np.zeros((2, 2, 2)))


def test_empty_input_is_refused():
    with pytest.raises(ValueError, match="vazio"):
        mse([], [])


def test_binary_cross_entropy_reproduces_deck_004_and_scikit_learn():
    # deck 004: probabilidades 0,6 · 0,2 · 0,1 · 0,7 → −ln do produto = 4,8 (arredondado)
    y, p = [1, 1, 0, 0], [0.6, 0.2, 0.9, 0.3]
    assert binary_cross_entropy(y, p) * 4 == pytest.approx(-np.log(0.6 * 0.2 * 0.1 * 0.7))
    assert binary_cross_entropy(y, p) == pytest.approx(metrics.log_loss(y, p))


def test_cross_entropy_of_one_hot_labels_agrees_with_scikit_learn():
    rng = np.random.default_rng(3)
    logits = rng.normal(size=(6, 4))
    probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    labels = np.array([0, 1, 2, 3, 1, 2])
    assert cross_entropy(np.eye(4)[labels], probs) == pytest.approx(
        metrics.log_loss(labels, probs, labels=range(4)))


def test_probabilities_outside_zero_one_are_named():
    with pytest.raises(ValueError, match="entre 0 e 1"):
        binary_cross_entropy([1, 0], [1.2, 0.1])
