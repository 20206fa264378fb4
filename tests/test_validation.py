"""As conferências declaradas de ``nn_helpers.validation``: aceitam o que é certo e recusam o
resto com uma mensagem em português que nomeia a função e o argumento."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from nn_helpers import validation as v


@pytest.mark.parametrize("value", [0.1, 3, np.float32(0.5), np.int64(2)])
def test_a_positive_number_is_accepted_as_a_float(value):
    assert v.positive(value, "lr", "f") == float(value)


@pytest.mark.parametrize("value", [0, -1, np.nan, np.inf, "0.1", None, True, [0.1]])
def test_anything_else_is_not_a_positive_number(value):
    with pytest.raises(ValueError, match=r"^f: `lr` deve ser um número positivo"):
        v.positive(value, "lr", "f")


def test_a_whole_number_is_an_int_at_least_the_minimum():
    assert v.whole_number(np.int64(3), "epochs", "f", minimum=1) == 3
    for bad in (0, 3.0, "3", True, None):
        with pytest.raises(ValueError, match=r"`epochs` deve ser um inteiro ≥ 1"):
            v.whole_number(bad, "epochs", "f", minimum=1)


def test_a_seed_is_none_or_a_whole_number():
    assert v.seed_value(None, "f") is None and v.seed_value(7, "f") == 7
    for bad in (-1, "abc", 1.5):
        with pytest.raises(ValueError, match=r"`seed` deve ser um inteiro ≥ 0"):
            v.seed_value(bad, "f")


def test_class_labels_accept_integral_floats_and_name_the_first_bad_label():
    assert v.class_labels([0, 2.0, 1], "y", "f", n_classes=3).tolist() == [0, 2, 1]
    with pytest.raises(ValueError, match=r"inteiros de 0 a 2, mas y\[1\] = 0.5"):
        v.class_labels([0, 0.5], "y", "f", n_classes=3)
    with pytest.raises(ValueError, match=r"y\[0\] = 3"):
        v.class_labels([3], "y", "f", n_classes=3)
    with pytest.raises(ValueError, match=r"inteiros ≥ 0, mas y\[0\] = -1"):
        v.class_labels([-1], "y", "f")


def test_one_axes_explains_the_array_of_axes_from_subplots():
    fig, axes = plt.subplots(1, 2)
    assert v.one_axes(axes[0], "f") is axes[0] and v.one_axes(None, "f") is None
    with pytest.raises(ValueError, match=r"um array com 2 eixos .* `ax=ax\[0\]`"):
        v.one_axes(axes, "f")
    with pytest.raises(ValueError, match=r"deve ser um eixo do matplotlib"):
        v.one_axes("ax", "f")
    plt.close(fig)


def test_none_is_named_as_none_not_as_a_nan():
    with pytest.raises(ValueError, match=r"f: `x` é None, mas deve ser um número ou um array"):
        v.as_array(None, "x", "f", ndim=0)


def test_a_number_between_bounds_refuses_none_bools_nan_and_the_open_end():
    assert v.number_between(0.5, "beta", "f", 0, 1, below_high=True) == 0.5
    for bad in (None, True, np.nan, np.inf, 1.0, -0.1, "abc"):
        with pytest.raises(ValueError, match=r"f: `beta` "):
            v.number_between(bad, "beta", "f", 0, 1, below_high=True)
    assert v.number_between(1.0, "p", "f", 0, 1) == 1.0


def test_a_whole_number_can_have_a_maximum():
    assert v.whole_number(10, "n", "f", 1, maximum=10) == 10
    with pytest.raises(ValueError, match=r"f: `n` deve ser no máximo 10, não 11"):
        v.whole_number(11, "n", "f", 1, maximum=10)


def test_one_of_lists_the_options_and_refuses_anything_else():
    assert v.one_of("relu", "activation", "f", ["relu", "tanh"]) == "relu"
    for bad in ("relux", None, ["relu"], 3):
        with pytest.raises(ValueError, match=r"f: `activation` deve ser um de \['relu', 'tanh'\]"):
            v.one_of(bad, "activation", "f", ["relu", "tanh"])
