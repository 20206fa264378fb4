"""Ativações: valores conhecidos, derivadas contra diferenças finitas, estabilidade e tipos."""

import warnings

import numpy as np
import pytest

from nn_helpers import activations as act

PAIRS = [(act.sigmoid, act.sigmoid_grad), (act.tanh, act.tanh_grad), (act.relu, act.relu_grad),
         (act.leaky_relu, act.leaky_relu_grad), (act.elu, act.elu_grad)]


@pytest.mark.parametrize("f, f_grad", PAIRS, ids=lambda f: getattr(f, "__name__", ""))
def test_derivative_matches_finite_differences(f, f_grad):
    z = np.array([-3.0, -0.7, -0.1, 0.2, 1.5, 4.0])
    eps = 1e-6
    numeric = (f(z + eps) - f(z - eps)) / (2 * eps)
    assert np.allclose(f_grad(z), numeric, atol=1e-6)


@pytest.mark.parametrize("f, f_grad", PAIRS, ids=lambda f: getattr(f, "__name__", ""))
def test_float32_stays_float32(f, f_grad):
    z = np.linspace(-2, 2, 7, dtype=np.float32)
    assert f(z).dtype == np.float32 and f_grad(z).dtype == np.float32


def test_sigmoid_has_no_overflow_for_huge_inputs():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = act.sigmoid(np.array([-1000.0, 0.0, 1000.0]))
    assert s.tolist() == [0.0, 0.5, 1.0]


def test_softmax_is_stable_and_sums_to_one_per_row():
    z = np.array([[1000.0, 1001.0, 1002.0], [2.0, 1.0, 0.1]])
    p = act.softmax(z)
    assert np.allclose(p.sum(axis=1), 1) and np.all(np.isfinite(p))
    assert np.allclose(p[0], act.softmax(np.array([0.0, 1.0, 2.0])))


def test_step_is_the_perceptron_threshold():
    assert act.step([-1, 0, 0.5]).tolist() == [0, 1, 1]   # deck 004: 1 se x >= 0


def test_nan_is_reported_in_portuguese():
    with pytest.raises(ValueError, match="contém NaN"):
        act.relu(np.array([1.0, np.nan]))


def test_softmax_of_a_number_is_refused():
    with pytest.raises(ValueError, match="deve ser um vetor"):
        act.softmax(3.0)
