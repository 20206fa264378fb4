"""Os dados de brinquedo em 2-D: a forma, as classes, a semente e a geometria de cada um."""

import numpy as np
import pytest

from nn_helpers import toy_data
from nn_helpers.toy_data import TOY_DATA, blobs, circles, two_spirals, xor


@pytest.mark.parametrize("name", sorted(TOY_DATA))
def test_every_generator_gives_n_points_in_the_square_with_two_classes(name):
    X, y = TOY_DATA[name](201, noise=0.0, seed=3)
    assert X.shape == (201, 2) and X.dtype == float and y.shape == (201,)
    assert y.dtype.kind == "i" and set(np.unique(y)) == {0, 1}
    inside = np.abs(X) <= 1.0
    assert (inside.mean() > 0.9 if name == "blobs" else inside.all()) and 0.35 < y.mean() < 0.65


@pytest.mark.parametrize("name", sorted(TOY_DATA))
def test_the_same_seed_gives_the_same_points_and_noise_moves_them(name):
    generate = TOY_DATA[name]
    X, y = generate(50, noise=0.0, seed=7)
    assert np.array_equal(X, generate(50, noise=0.0, seed=7)[0])
    assert not np.array_equal(X, generate(50, noise=0.0, seed=8)[0])
    noisy, same_y = generate(50, noise=0.2, seed=7)
    assert np.array_equal(y, same_y) and 0.1 < np.std(noisy - X) < 0.3


def test_xor_labels_are_the_quadrants_with_opposite_signs():
    X, y = xor(100, noise=0.0)
    assert np.array_equal(y, (np.sign(X[:, 0]) != np.sign(X[:, 1])).astype(int))
    assert np.all(np.abs(X) >= 0.1)                      # longe dos eixos


def test_circles_put_a_disc_inside_a_ring():
    X, y = circles(100, noise=0.0)
    radius = np.hypot(*X.T)
    assert radius[y == 1].max() <= 0.5 and radius[y == 0].min() >= 0.7


def test_the_second_spiral_is_the_first_turned_half_a_turn():
    X, y = two_spirals(60, noise=0.0)
    assert np.array_equal(y, np.repeat([0, 1], 30))
    assert np.allclose(X[y == 1], -X[y == 0])
    radius = np.hypot(*X.T)
    assert 0.14 <= radius.min() and radius.max() <= 1.0


def test_blobs_sit_around_minus_and_plus_half():
    X, y = blobs(2000, noise=0.0)
    assert np.allclose(X[y == 0].mean(axis=0), -0.5, atol=0.05)
    assert np.allclose(X[y == 1].mean(axis=0), 0.5, atol=0.05)


@pytest.mark.parametrize("kwargs, message", [
    ({"n": 0}, r"`n` deve ser um inteiro ≥ 1"),
    ({"n": 2.5}, r"`n` deve ser um inteiro ≥ 1"),
    ({"n": 10 ** 7}, r"`n` deve ser no máximo 1000000"),
    ({"noise": 2}, r"`noise` deve ser um número de 0 a 1, não 2"),
    ({"noise": np.nan}, r"`noise` deve ser um número de 0 a 1, não nan"),
    ({"noise": "muito"}, r"`noise` deve ser um número de 0 a 1, não 'muito'"),
    ({"seed": -1}, r"`seed` deve ser um inteiro ≥ 0"),
])
def test_bad_arguments_are_named_in_portuguese(kwargs, message):
    with pytest.raises(ValueError, match=r"^two_spirals: " + message):
        two_spirals(**kwargs)


@pytest.mark.parametrize("name", list(toy_data.TOY_DATA))
def test_the_clean_points_plus_noise_are_the_generator_points_for_any_noise(name):
    """O playground do livro refaz os pontos de qualquer ruído com as duas partes: os mesmos bits."""
    X, E, y = toy_data.clean_and_noise(name, 120, seed=4)
    for noise in (0.0, 0.1, 0.35):
        X_noisy, y_noisy = toy_data.TOY_DATA[name](120, noise, seed=4)
        assert np.array_equal(X + noise * E, X_noisy) and np.array_equal(y, y_noisy)


def test_the_features_are_the_columns_of_tensorflow_playground():
    X = np.array([[0.5, -2.0], [1.0, 3.0]])
    got = toy_data.features(X, list(toy_data.FEATURES))
    want = [[0.5, -2.0, 0.25, 4.0, -1.0, np.sin(0.5), np.sin(-2.0)],
            [1.0, 3.0, 1.0, 9.0, 3.0, np.sin(1.0), np.sin(3.0)]]
    assert np.allclose(got, want)
    with pytest.raises(ValueError, match="features: atributos \\['x3'\\] desconhecidos"):
        toy_data.features(X, ["x1", "x3"])
