"""Otimizadores: dois passos conferidos à mão, a descida de funções conhecidas e a fronteira."""

import numpy as np
import pytest

from nn_helpers.optimizers import SGD, Adam, Momentum, RMSProp, SGDWithL2, get_optimizer

G1, G2 = np.array([0.5, -2.0]), np.array([1.0, 1.0])     # gradientes do 1º e do 2º passo


def two_steps(opt):
    w = np.array([1.0, 1.0])
    opt.step([w], [G1.copy()])
    after_one = w.copy()
    opt.step([w], [G2.copy()])
    return after_one, w


def test_sgd_subtracts_the_learning_rate_times_the_gradient():
    one, two = two_steps(SGD(lr=0.1))
    assert np.allclose(one, [1 - 0.05, 1 + 0.2])
    assert np.allclose(two, [0.95 - 0.1, 1.2 - 0.1])


def test_momentum_accumulates_a_velocity():
    one, two = two_steps(Momentum(lr=0.1, beta=0.9))
    v1 = -0.1 * G1                                   # v = 0,9·0 − 0,1·g1
    v2 = 0.9 * v1 - 0.1 * G2
    assert np.allclose(one, 1 + v1) and np.allclose(two, 1 + v1 + v2)


def test_rmsprop_divides_by_the_root_mean_square():
    one, two = two_steps(RMSProp(lr=0.01, beta=0.9, eps=1e-7))
    s1 = 0.1 * G1 ** 2
    s2 = 0.9 * s1 + 0.1 * G2 ** 2
    w1 = 1 - 0.01 * G1 / (np.sqrt(s1) + 1e-7)
    assert np.allclose(one, w1) and np.allclose(two, w1 - 0.01 * G2 / (np.sqrt(s2) + 1e-7))


def test_adam_corrects_the_bias_of_its_first_steps():
    one, two = two_steps(Adam(lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8))
    # 1º passo: m̂ = g1, v̂ = g1², então o passo é lr·sinal(g1) (quase exatamente)
    assert np.allclose(one, 1 - 0.01 * np.sign(G1), atol=1e-9)
    m = 0.9 * 0.1 * G1 + 0.1 * G2
    v = 0.999 * 0.001 * G1 ** 2 + 0.001 * G2 ** 2
    m_hat, v_hat = m / (1 - 0.9 ** 2), v / (1 - 0.999 ** 2)
    assert np.allclose(two, one - 0.01 * m_hat / (np.sqrt(v_hat) + 1e-8))


def quadratic(w):
    """f(w) = ½ wᵀ A w com A mal condicionada (um vale estreito); mínimo em w = 0."""
    A = np.diag([1.0, 25.0])
    return 0.5 * w @ A @ w, A @ w


def rosenbrock(w):
    """f(x, y) = (1 − x)² + 10·(y − x²)²: vale curvo; mínimo em (1, 1)."""
    x, y = w
    value = (1 - x) ** 2 + 10 * (y - x * x) ** 2
    return value, np.array([-2 * (1 - x) - 40 * x * (y - x * x), 20 * (y - x * x)])


@pytest.mark.parametrize("opt", [SGD(0.03), Momentum(0.01), RMSProp(0.005), Adam(0.05)],
                         ids=repr)
def test_each_optimizer_descends_a_narrow_quadratic(opt):
    w = np.array([3.0, 2.0])
    for _ in range(1000):
        opt.step([w], [quadratic(w)[1]])
    assert quadratic(w)[0] < 1e-4


@pytest.mark.parametrize("opt", [SGD(0.01), Momentum(0.002), RMSProp(0.002), Adam(0.02)],
                         ids=repr)
def test_each_optimizer_finds_the_rosenbrock_minimum(opt):
    w = np.array([-1.0, 1.5])
    start = rosenbrock(w)[0]
    for _ in range(5000):
        opt.step({"w": w}, {"w": rosenbrock(w)[1]})
    assert rosenbrock(w)[0] < 1e-3 * start and np.allclose(w, [1, 1], atol=0.05)


def test_momentum_beats_plain_sgd_in_the_narrow_valley():
    losses = {}
    for opt in (SGD(0.01), Momentum(0.01, beta=0.9)):
        w = np.array([3.0, 2.0])
        for _ in range(100):
            opt.step([w], [quadratic(w)[1]])
        losses[type(opt).__name__] = quadratic(w)[0]
    assert losses["Momentum"] < losses["SGD"] / 100


def test_each_parameter_keeps_its_own_memory_and_float32_stays_float32():
    W, b = np.ones((2, 3), dtype=np.float32), np.zeros(3, dtype=np.float32)
    opt = Adam(lr=0.1)
    opt.step([W, b], [np.ones_like(W), -np.ones_like(b)])
    assert W.dtype == np.float32 and b.dtype == np.float32
    assert np.allclose(W, 0.9) and np.allclose(b, 0.1)
    assert all(a.shape == (2, 3) for a in opt.state[0]) and opt.t == 1


def test_get_optimizer_by_name_with_default_or_given_rate():
    assert isinstance(get_optimizer("Adam"), Adam) and get_optimizer("adam").lr == 0.001
    assert get_optimizer("momentum", lr=0.5).lr == 0.5


@pytest.mark.parametrize("make, message", [
    (lambda: SGD(lr=0), "`lr` deve ser um número positivo"),
    (lambda: Momentum(beta=1.0), r"`beta` deve ser um número em \[0, 1\)"),
    (lambda: get_optimizer("adagrad"), "otimizador desconhecido 'adagrad'"),
    (lambda: SGD().step([np.zeros(2)], []), "um gradiente por parâmetro"),
    (lambda: SGD().step([np.zeros(2)], [np.zeros(3)]), r"forma do seu gradiente \(3,\)"),
    (lambda: SGD().step({"w": np.zeros(2)}, {"v": np.zeros(2)}), "mesmas chaves"),
])
def test_mistakes_are_named_in_portuguese(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_sgd_with_l2_shrinks_weight_matrices_and_leaves_intercepts_alone():
    W, b = np.array([[1.0, -2.0]]), np.array([0.5])
    SGDWithL2(lr=0.1, lam=0.5).step([W, b], [np.array([[0.5, 0.5]]), np.array([1.0])])
    assert np.allclose(W, (1 - 0.1 * 0.5) * np.array([[1.0, -2.0]]) - 0.1 * 0.5)   # (1 − ηλ)W − ηg
    assert np.allclose(b, 0.5 - 0.1 * 1.0)                                          # b: SGD puro
