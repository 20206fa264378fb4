"""Toda porta pública de losses, activations, gradcheck, optimizers, linear e perceptron.

Primeiro, os escapes concretos achados na issue 14 (cada um com a mensagem que nomeia o argumento);
depois, uma varredura com hypothesis: argumentos hostis misturados a válidos, e o resultado deve ser
um retorno finito ou um ValueError/TypeError em português que nomeia a função ou o argumento.
"""

import re
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nn_helpers import activations, gradcheck, linear, losses, optimizers, perceptron

# --- Os escapes da issue ----------------------------------------------------------------------


@pytest.mark.parametrize("label", [2, -1, 0.5])
def test_binary_cross_entropy_refuses_labels_other_than_0_and_1(label):
    with pytest.raises(ValueError, match=r"binary_cross_entropy: os rótulos `y` devem ser 0 ou 1"):
        losses.binary_cross_entropy([1, label], [0.7, 0.4])


def test_cross_entropy_refuses_rows_that_do_not_sum_to_one():
    with pytest.raises(ValueError, match=r"cross_entropy: cada linha de `probs` deve somar 1"):
        losses.cross_entropy([[0, 1], [1, 0]], [[0.2, 0.3], [0.5, 0.5]])
    with pytest.raises(ValueError, match=r"cada linha de `y_onehot` deve somar 1"):
        losses.cross_entropy([[1, 1], [1, 0]], [[0.2, 0.8], [0.5, 0.5]])


def test_loss_messages_name_the_actual_arguments():
    with pytest.raises(ValueError, match=r"`p` contém NaN"):
        losses.binary_cross_entropy([1, 0], [0.5, np.nan])
    with pytest.raises(ValueError, match=r"`y_onehot` e `probs` devem ter a mesma forma"):
        losses.cross_entropy(np.eye(3), np.full((2, 3), 1 / 3))
    with pytest.raises(ValueError, match=r"`probs` deve ter valores entre 0 e 1"):
        losses.cross_entropy([[0, 1]], [[-0.5, 1.5]])


@pytest.mark.parametrize("cls", [optimizers.SGD, optimizers.SGDWithL2, optimizers.Momentum,
                                 optimizers.RMSProp, optimizers.Adam])
def test_optimizer_step_refuses_integer_params_and_nonfinite_gradients(cls):
    with pytest.raises(ValueError, match=r"\.step: o parâmetro 0 deve ser um np.ndarray de floats"):
        cls().step([np.array([1, 2])], [np.array([0.1, 0.2])])
    w = np.array([1.0, 2.0])
    for bad in (np.nan, np.inf):
        with pytest.raises(ValueError, match=r"\.step: `grads\[0\]` contém (NaN|infinito)"):
            cls().step([w], [np.array([0.1, bad])])
    assert w.tolist() == [1.0, 2.0]                 # recusado antes de mexer nos parâmetros


def test_numerical_gradient_of_a_vector_valued_f_is_named():
    with pytest.raises(ValueError, match=r"numerical_gradient: `f` deve devolver um número"):
        gradcheck.numerical_gradient(lambda v: v ** 2, np.array([1.0, 2.0]))


def test_relative_error_refuses_nan():
    with pytest.raises(ValueError, match=r"relative_error: `a` contém NaN"):
        gradcheck.relative_error([np.nan, 1.0], [1.0, 1.0])


def test_softmax_of_a_3d_array_is_refused():
    with pytest.raises(ValueError, match=r"softmax: `z` deve ser um vetor \(k,\) ou uma matriz"):
        activations.softmax(np.ones((4, 3, 1)))


@pytest.mark.parametrize("seed", [-1, "abc", 1.5])
def test_bad_seeds_are_named(seed):
    X, y = np.array([[0.0], [1.0]]), np.array([0.0, 1.0])
    with pytest.raises(ValueError, match=r"gradient_descent: `seed` deve ser um inteiro ≥ 0"):
        linear.gradient_descent(X, y, lr=0.1, epochs=1, batch_size=1, seed=seed)
    with pytest.raises(ValueError, match=r"Perceptron: `seed` deve ser um inteiro ≥ 0"):
        perceptron.Perceptron(seed=seed)


# --- A varredura -------------------------------------------------------------------------------

HOSTILE = [np.nan, np.inf, -np.inf, 1e308, None, "abc", True, [], [[1.0], [2.0, 3.0]], -1, 0,
           2.5, np.zeros((2, 2, 2)), np.array([1, 2]), {"a": 1}]
PORTUGUESE = re.compile(r"deve|não|recebi|contém|mesm|vazio|enorme|chame|desconhecido|demais|tem ")


def numbers(shape):
    return st.builds(lambda seed: np.random.default_rng(seed).normal(size=shape).round(3),
                     st.integers(0, 1000))


def maybe_hostile(valid):
    """Um argumento válido ou um hostil (e, às vezes, um array válido com um NaN ou 1e308)."""
    spoiled = valid.map(lambda a: np.where(np.arange(a.size).reshape(a.shape) == 0, 1e308, a)
                        if isinstance(a, np.ndarray) and a.size else a)
    return st.one_of(valid, valid, st.sampled_from(HOSTILE), spoiled)


def probabilities(shape):
    return numbers(shape).map(lambda z: activations.softmax(np.atleast_2d(z)).reshape(shape))


def labels01(n):
    return st.lists(st.sampled_from([0.0, 1.0]), min_size=n, max_size=n).map(np.array)


def rates():
    return st.sampled_from([0.1, 0.5, 1.0])


def check(call, name, finite=True):
    """Chama; o resultado deve ser finito, ou a recusa em português nomeando a função/argumento."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = call()
    except (ValueError, TypeError) as exc:
        message = str(exc)
        assert PORTUGUESE.search(message), f"{name}: mensagem não é em português: {message}"
        assert message.startswith(name.split(".")[0]) or "`" in message, \
            f"{name}: a mensagem não nomeia a função nem o argumento: {message}"
        return None
    if finite:
        values = result if isinstance(result, (tuple, list)) else [result]
        for value in values:
            arr = np.asarray(value, dtype=float)
            assert np.all(np.isfinite(arr)), f"{name}: resultado não finito {value!r}"
    return result


ARRAY_FUNCTIONS = [getattr(activations, name) for name in activations.__all__
                   if callable(getattr(activations, name))]


@settings(max_examples=60)
@given(f=st.sampled_from(ARRAY_FUNCTIONS), z=maybe_hostile(numbers((3, 2))),
       alpha=st.one_of(st.sampled_from([0.0, 0.01, 1.0]), st.sampled_from(HOSTILE)))
def test_sweep_activations(f, z, alpha):
    if "alpha" in f.__code__.co_varnames[:f.__code__.co_argcount]:
        check(lambda: f(z, alpha), f.__name__)
    else:
        check(lambda: f(z), f.__name__)


@given(f=st.sampled_from([losses.mse, losses.mae, losses.rmse]),
       y=maybe_hostile(numbers((4,))), y_hat=maybe_hostile(numbers((4,))))
def test_sweep_regression_losses(f, y, y_hat):
    check(lambda: f(y, y_hat), f.__name__)


@given(y=maybe_hostile(labels01(3)),
       p=maybe_hostile(numbers((3,)).map(lambda z: activations.sigmoid(z))),
       y1=maybe_hostile(st.just(np.eye(3))), probs=maybe_hostile(probabilities((3, 3))),
       eps=st.one_of(st.just(1e-12), st.sampled_from(HOSTILE)))
def test_sweep_cross_entropies(y, p, y1, probs, eps):
    check(lambda: losses.binary_cross_entropy(y, p, eps), "binary_cross_entropy")
    check(lambda: losses.cross_entropy(y1, probs, eps), "cross_entropy")


@given(X=maybe_hostile(numbers((5, 2))), y=maybe_hostile(numbers((5,))),
       c=maybe_hostile(numbers((2,))), b=maybe_hostile(st.just(0.5)),
       lr=st.one_of(rates(), st.sampled_from(HOSTILE)),
       epochs=st.one_of(st.just(3), st.sampled_from(HOSTILE)),
       batch=st.one_of(st.sampled_from([None, 1, 2]), st.sampled_from(HOSTILE)),
       seed=st.one_of(st.just(0), st.sampled_from(HOSTILE)))
def test_sweep_linear(X, y, c, b, lr, epochs, batch, seed):
    check(lambda: linear.predict(X, c, b), "predict")
    check(lambda: linear.least_squares(X, y), "least_squares")
    check(lambda: linear.mse_gradient(X, y, c, b), "mse_gradient")
    x1 = X[:, 0] if isinstance(X, np.ndarray) and X.ndim == 2 else X
    check(lambda: linear.loss_grid(x1, y, c, c), "loss_grid")
    result = check(lambda: linear.gradient_descent(X, y, lr, epochs, batch, seed, c, b),
                   "gradient_descent", finite=False)
    if result is not None:                     # pode divergir (documentado): só o fim estoura
        assert np.all(np.isfinite(result[2]["loss"][:-1]))
    check(lambda: linear.gradient_descent_epoch(X, y, c, b, lr, batch, np.random.default_rng(0)),
          "gradient_descent_epoch", finite=False)


@given(X=maybe_hostile(numbers((6, 2))), y=maybe_hostile(labels01(6)),
       w=maybe_hostile(numbers((2,))), b=maybe_hostile(st.just(0.0)),
       lr=st.one_of(rates(), st.sampled_from(HOSTILE)),
       epochs=st.one_of(st.just(5), st.sampled_from(HOSTILE)),
       seed=st.one_of(st.just(1), st.sampled_from(HOSTILE)))
def test_sweep_perceptron(X, y, w, b, lr, epochs, seed):
    check(lambda: perceptron.perceptron_predict(X, w, b), "perceptron_predict")
    x0 = X[0] if isinstance(X, np.ndarray) and X.ndim == 2 else X
    y0 = y[0] if isinstance(y, np.ndarray) and y.size else y
    check(lambda: perceptron.perceptron_update(x0, y0, w, b, lr), "perceptron_update")
    check(lambda: perceptron.perceptron_rule(x0, y0, w, b, lr), "perceptron_rule")
    model = check(lambda: perceptron.Perceptron(lr=lr, epochs=epochs, seed=seed), "Perceptron",
                  finite=False)
    if model is not None and check(lambda: model.fit(X, y), "Perceptron.fit",
                                   finite=False) is not None:
        check(lambda: (model.w_, model.b_, model.predict(X)), "Perceptron.predict")
    check(lambda: perceptron.Perceptron().predict(X), "Perceptron.predict")


OPTIMIZERS = [optimizers.SGD, optimizers.SGDWithL2, optimizers.Momentum, optimizers.RMSProp,
              optimizers.Adam]


@given(cls=st.sampled_from(OPTIMIZERS), lr=st.one_of(rates(), st.sampled_from(HOSTILE)),
       p=maybe_hostile(numbers((2, 2))), g=maybe_hostile(numbers((2, 2))),
       g2=maybe_hostile(numbers((2, 2))), as_dict=st.booleans(),
       name=st.one_of(st.sampled_from(["sgd", "adam", "momentum", "rmsprop"]),
                      st.sampled_from(HOSTILE)))
def test_sweep_optimizers(cls, lr, p, g, g2, as_dict, name):
    opt = check(lambda: cls(lr), cls.__name__, finite=False)
    check(lambda: optimizers.get_optimizer(name, None if lr is rates else lr), "get_optimizer",
          finite=False)
    if opt is None:
        return
    p = p.astype(float) if isinstance(p, np.ndarray) and p.dtype.kind == "i" and as_dict else p
    for grad in (g, g2):                           # dois passos: o estado também é conferido
        params, grads = ({"W": p}, {"W": grad}) if as_dict else ([p], [grad])
        check(lambda: opt.step(params, grads), f"{cls.__name__}.step", finite=False)
        if isinstance(p, np.ndarray) and p.dtype.kind == "f":
            assert np.all(np.isfinite(p)) or not np.all(np.isfinite(np.asarray(p)))


@settings(max_examples=30)
@given(f=st.sampled_from([lambda v: np.sum(v ** 2), lambda v: v, lambda v: "abc",
                          lambda v: np.nan, None]),
       x=maybe_hostile(numbers((3,))), a=maybe_hostile(numbers((3,))),
       b=maybe_hostile(numbers((3,))), eps=st.one_of(st.just(1e-6), st.sampled_from(HOSTILE)))
def test_sweep_gradcheck(f, x, a, b, eps):
    x = x.copy() if isinstance(x, np.ndarray) else x
    check(lambda: gradcheck.numerical_gradient(f, x, eps), "numerical_gradient")
    check(lambda: gradcheck.relative_error(a, b), "relative_error")


@settings(max_examples=10)
@given(model=st.sampled_from(["mlp", None, "abc", 3]),
       eps=st.one_of(st.just(1e-6), st.sampled_from(HOSTILE)))
def test_sweep_check_model_gradients(model, eps):
    X, y = np.random.default_rng(0).normal(size=(4, 2)), np.array([0, 1, 1, 0])
    net = model
    if model == "mlp":
        from nn_helpers.nn import MLP
        net = MLP([2, 3, 2], dtype=np.float64, seed=0)
    check(lambda: gradcheck.check_model_gradients(net, X, y, eps), "check_model_gradients")
