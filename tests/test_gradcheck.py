"""Verificação de gradientes: o verificador acerta o que sabemos de cor, aprova a
retropropagação do MLP com cada ativação e pega um gradiente errado de propósito."""

import numpy as np
import pytest

from nn_helpers import activations, nn
from nn_helpers.gradcheck import check_model_gradients, numerical_gradient, relative_error
from nn_helpers.nn import MLP


def test_numerical_gradient_of_known_functions():
    x = np.array([[1.0, -2.0], [0.5, 3.0]])
    assert np.allclose(numerical_gradient(lambda v: np.sum(v ** 2), x), 2 * x)
    assert np.allclose(numerical_gradient(lambda v: np.sin(v).sum(), x), np.cos(x), atol=1e-9)


def test_numerical_gradient_changes_x_in_place_and_restores_it():
    x = np.array([1.0, 2.0, 3.0])
    seen = []
    numerical_gradient(lambda v: seen.append(v.copy()) or v.sum(), x, eps=0.5)
    assert seen[0].tolist() == [1.5, 2, 3] and seen[1].tolist() == [0.5, 2, 3]
    assert x.tolist() == [1.0, 2.0, 3.0]


def test_numerical_gradient_refuses_integer_arrays():
    with pytest.raises(ValueError, match="np.ndarray de floats"):
        numerical_gradient(lambda v: v.sum(), np.array([1, 2]))


def test_relative_error_is_scale_free_and_symmetric():
    a = np.array([1.0, 2.0, 3.0])
    assert relative_error(a, a) == 0 and relative_error(np.zeros(3), np.zeros(3)) == 0
    assert relative_error(a, 1.001 * a) == pytest.approx(relative_error(1e6 * a, 1.001e6 * a))
    assert relative_error(a, -a) == 1
    with pytest.raises(ValueError, match="mesma forma"):
        relative_error(np.zeros(2), np.zeros(3))


@pytest.mark.parametrize("activation", list(activations.ACTIVATIONS))
@pytest.mark.parametrize("output, n_out", [("softmax", 3), ("sigmoid", 1)])
def test_backpropagation_agrees_with_numerical_gradients(activation, output, n_out):
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(6, 4)), np.array([0, 1, 2, 1, 0, 2]) % max(n_out, 2)
    model = MLP([4, 5, 3, n_out], activation=activation, output=output, dtype=np.float64, seed=1)
    for b in model.params[1::2]:
        b[:] = rng.normal(scale=0.1, size=b.shape)       # viés não nulo: testado também
    assert check_model_gradients(model, X, y) < 1e-6


def test_a_deliberately_broken_gradient_is_caught():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(6, 4)), np.array([0, 1, 2, 1, 0, 2])
    model = MLP([4, 5, 3], activation="tanh", dtype=np.float64, seed=1)
    assert check_model_gradients(model, X, y) < 1e-6
    # o engano clássico: esquecer a derivada da ativação na regra da cadeia
    broken = MLP([4, 5, 3], activation="tanh", dtype=np.float64, seed=1)
    broken.layers[0].f_grad = np.ones_like
    assert check_model_gradients(broken, X, y) > 1e-2


def test_a_forgotten_one_over_n_is_caught(monkeypatch):
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(6, 4)), np.array([0, 1, 2, 1, 0, 2])
    model = MLP([4, 5, 3], dtype=np.float64, seed=1)
    original = nn.cross_entropy_and_grad

    def sum_not_mean(P, Y):
        loss, dZ = original(P, Y)
        return loss, dZ * len(P)
    monkeypatch.setattr(nn, "cross_entropy_and_grad", sum_not_mean)
    assert check_model_gradients(model, X, y) > 0.5


def test_dropout_is_off_while_checking():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(6, 4)), np.array([0, 1, 2, 1, 0, 2])
    model = MLP([4, 8, 3], dropout=0.5, dtype=np.float64, seed=1)
    assert check_model_gradients(model, X, y) < 1e-6
