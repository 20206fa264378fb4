"""O perceptron (capítulo 3): a regra de aprendizado, AND/OR e parada em dados separáveis."""

import numpy as np
import pytest
from sklearn.datasets import load_breast_cancer, load_iris

from nn_helpers.perceptron import Perceptron, perceptron_predict, perceptron_update

INPUTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
AND = np.array([0, 0, 0, 1.0])
OR = np.array([0, 1, 1, 1.0])
PARK_X = np.array([[1, 0], [1, 1], [0, 1], [-1, 0], [-1, -1], [0, -1]], dtype=float)
PARK_Y = np.array([1, 1, 1, 0, 0, 0], dtype=float)


def test_predict_uses_the_step_with_the_tie_going_to_one():
    # deck 000, AND: 0·1 + 1·1 − 1 = 0 → com o degrau do deck 004 (z >= 0) isso vale 1
    assert perceptron_predict(INPUTS, [1, 1], -1).tolist() == [0, 1, 1, 1]
    assert perceptron_predict(INPUTS, [1, 1], -1.5).tolist() == AND.tolist()
    assert perceptron_predict(INPUTS, [2, 2], -1).tolist() == OR.tolist()
    assert perceptron_predict([0, 1], [2, 2], -1) == 1.0        # um único exemplo → um número


def test_update_moves_toward_a_missed_positive_and_away_from_a_missed_negative():
    w, b = perceptron_update([1.0, 2.0], 1, [0.0, -1.0], -1.0, lr=0.5)   # z = −3 → ŷ = 0, erro +1
    assert w.tolist() == [0.5, 0.0] and b == -0.5
    w, b = perceptron_update([1.0, 2.0], 0, [1.0, 1.0], 0.0, lr=0.5)     # z = 3 → ŷ = 1, erro −1
    assert w.tolist() == [0.5, 0.0] and b == -0.5


def test_update_leaves_a_correct_example_alone_and_does_not_mutate_w():
    w0 = np.array([1.0, 1.0])
    w, b = perceptron_update([1.0, 1.0], 1, w0, 0.0, lr=1.0)
    assert w.tolist() == [1.0, 1.0] and b == 0.0 and w is not w0


def test_update_from_zero_weights_learns_unlike_the_rule_of_deck_000():
    # a regra do deck 000, Δw = λ·w·(y − ŷ), nunca sai de w = 0; a correta sai
    w, b = perceptron_update([1.0, 1.0], 0, [0.0, 0.0], 0.0, lr=0.1)
    assert w.tolist() == [-0.1, -0.1] and b == pytest.approx(-0.1)


@pytest.mark.parametrize("target", [AND, OR], ids=["AND", "OR"])
def test_perceptron_learns_and_and_or(target):
    model = Perceptron(lr=1.0, epochs=50, seed=0).fit(INPUTS, target)
    assert model.predict(INPUTS).tolist() == target.tolist()
    assert model.errors_[-1] == 0 and len(model.errors_) < 50


def test_the_park_example_of_deck_002_converges_without_bias():
    model = Perceptron(lr=1.0, epochs=10, shuffle=False, fit_intercept=False).fit(PARK_X, PARK_Y)
    assert model.w_.tolist() == [1.0, 1.0] and model.b_ == 0.0
    assert model.errors_ == [2, 0]
    assert model.predict(PARK_X).tolist() == PARK_Y.tolist()


def test_perceptron_stops_on_separable_real_data():
    iris = load_iris()
    keep = iris.target < 2                                       # setosa × versicolor
    X = iris.data[keep][:, :2]
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    y = iris.target[keep].astype(float)
    for seed in range(3):
        model = Perceptron(epochs=100, seed=seed).fit(X, y)
        assert model.errors_[-1] == 0 and np.all(model.predict(X) == y)


def test_perceptron_never_settles_on_non_separable_data():
    data = load_breast_cancer()
    X = data.data[:, :2]
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    model = Perceptron(epochs=20, seed=0).fit(X, 1 - data.target)
    assert len(model.errors_) == 20 and min(model.errors_) > 0


def test_learning_rate_does_not_change_decisions_when_starting_from_zero():
    a = Perceptron(lr=1.0, seed=1).fit(INPUTS, AND)
    b = Perceptron(lr=0.01, seed=1).fit(INPUTS, AND)
    assert a.errors_ == b.errors_ and np.allclose(a.w_ * 0.01, b.w_)


def test_bad_inputs_are_named_in_portuguese():
    with pytest.raises(ValueError, match=r"2 atributo\(s\), mas `w` tem 3 peso\(s\)"):
        perceptron_predict(INPUTS, [1, 1, 1], 0)
    with pytest.raises(ValueError, match="`y` deve ser 0 ou 1"):
        perceptron_update([1, 1], 2, [0, 0], 0, 1.0)
    with pytest.raises(ValueError, match="`lr` deve ser um número positivo"):
        perceptron_update([1, 1], 1, [0, 0], 0, -1.0)
    with pytest.raises(ValueError, match="rótulos `y` devem ser 0 ou 1"):
        Perceptron().fit(INPUTS, [0, 1, 2, 1])
    with pytest.raises(ValueError, match="chame `fit` antes"):
        Perceptron().predict(INPUTS)
