"""Funções de ativação (*activation functions*) e suas derivadas, lado a lado.

Cada ativação ``f`` recebe um array ``z`` de qualquer forma e devolve um array
da mesma forma; ``f_grad(z)`` devolve a derivada ``f'(z)`` elemento a
elemento (também com a forma de ``z``). ``softmax`` é a exceção: normaliza ao
longo do último eixo, e sua derivada entra junto com a entropia cruzada
(capítulo 5).

Todas funcionam em float32 e float64 (o resultado tem o tipo da entrada) e são
numericamente estáveis: ``sigmoid(±1000)`` não gera avisos de overflow. As camadas de
``nn_helpers.nn`` usam estas mesmas funções (a tabela ``ACTIVATIONS``).
"""

import numpy as np

from .doors import checked
from .validation import numbers

__all__ = ["step", "sigmoid", "sigmoid_grad", "tanh", "tanh_grad", "relu", "relu_grad",
           "leaky_relu", "leaky_relu_grad", "elu", "elu_grad", "linear", "linear_grad", "softmax",
           "ACTIVATIONS"]


# --- As conferências: z é um array de floats finitos (float32 continua float32) ----------------

def _floats(z, where):
    z = numbers(z, "z", where)
    return z if z.dtype in (np.float32, np.float64) else z.astype(np.float64)


def _z(where, z):
    return (_floats(z, where),)


def _z_alpha(where, z, alpha):
    """z e ``alpha``, a inclinação do lado negativo: um número finito ≥ 0."""
    if isinstance(alpha, (bool, np.bool_)) or not isinstance(alpha, (int, float, np.integer,
                                                                      np.floating)) \
            or not 0 <= alpha < np.inf:
        raise ValueError(f"{where}: `alpha` deve ser um número finito ≥ 0, não {alpha!r}.")
    return _floats(z, where), float(alpha)


def _logits(where, z):
    """z: (k,) ou (n, k), com k ≥ 1."""
    z = _floats(z, where)
    if z.ndim not in (1, 2) or z.shape[-1] == 0:
        got = "um número" if z.ndim == 0 else f"forma {z.shape}"
        raise ValueError(f"{where}: `z` deve ser um vetor (k,) ou uma matriz (n, k), com k ≥ 1, "
                         f"não {got}.")
    return (z,)


# --- As contas --------------------------------------------------------------------------------

@checked(_z)
def step(z):
    """Degrau (*step*) do perceptron: 1 onde ``z >= 0``, senão 0.

    z: qualquer forma. No empate ``z = 0`` a saída é 1 (há textos que usam ``z > 0``).
    """
    return (z >= 0).astype(z.dtype)


@checked(_z)
def sigmoid(z):
    """Sigmoide (função logística): ``1 / (1 + e^{-z})``, sem overflow para |z| grande.

    Para ``z >= 0`` usa ``1 / (1 + e^{-z})``; para ``z < 0``, a forma equivalente
    ``e^{z} / (1 + e^{z})`` — assim a exponencial nunca recebe um número grande
    e positivo.
    """
    e = np.exp(-np.abs(z))           # sempre em (0, 1]: nunca estoura
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


@checked(_z)
def sigmoid_grad(z):
    """Derivada da sigmoide: ``σ(z) · (1 − σ(z))``."""
    s = sigmoid(z)
    return s * (1 - s)


@checked(_z)
def tanh(z):
    """Tangente hiperbólica: ``(e^z − e^{-z}) / (e^z + e^{-z})``, com saída em (−1, 1)."""
    return np.tanh(z)


@checked(_z)
def tanh_grad(z):
    """Derivada da tangente hiperbólica: ``1 − tanh(z)²``."""
    t = np.tanh(z)
    return 1 - t * t


@checked(_z)
def relu(z):
    """ReLU (*rectified linear unit*): ``max(0, z)``."""
    return np.maximum(z, 0)


@checked(_z)
def relu_grad(z):
    """Derivada da ReLU: 1 onde ``z > 0``, senão 0 (em ``z = 0`` usamos 0)."""
    return (z > 0).astype(z.dtype)


@checked(_z_alpha)
def leaky_relu(z, alpha=0.01):
    """Leaky ReLU: ``z`` onde ``z > 0``, senão ``α·z`` (α = ``alpha``, a inclinação)."""
    out = np.where(z > 0, z, alpha * z)
    return out.astype(z.dtype, copy=False)       # float32 continua float32


@checked(_z_alpha)
def leaky_relu_grad(z, alpha=0.01):
    """Derivada da leaky ReLU: 1 onde ``z > 0``, senão ``alpha``."""
    return np.where(z > 0, 1, alpha).astype(z.dtype, copy=False)


@checked(_z_alpha)
def elu(z, alpha=1.0):
    """ELU (*exponential linear unit*): ``z`` se ``z > 0``, senão ``α·(e^z − 1)``."""
    negative = alpha * np.expm1(np.minimum(z, 0))    # e^z − 1, sem estourar para z ≫ 0
    return np.where(z > 0, z, negative).astype(z.dtype, copy=False)


@checked(_z_alpha)
def elu_grad(z, alpha=1.0):
    """Derivada da ELU: 1 onde ``z > 0``, senão ``alpha · e^z``."""
    return np.where(z > 0, 1, alpha * np.exp(np.minimum(z, 0))).astype(z.dtype, copy=False)


@checked(_z)
def linear(z):
    """Identidade (a saída de uma regressão): ``z``."""
    return z


@checked(_z)
def linear_grad(z):
    """Derivada da identidade: 1 em toda parte."""
    return np.ones_like(z)


@checked(_logits)
def softmax(z):
    """Softmax ao longo do último eixo: ``e^{z_i} / Σ_j e^{z_j}``.

    z: (k,) ou (n, k). Retorna probabilidades com a mesma forma, cada linha
    somando 1. Subtrai o máximo de cada linha antes da exponencial (não muda o
    resultado e evita overflow com logits enormes).
    """
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


# nome → (função, derivada): usado pelas camadas da rede e pelos gráficos do capítulo 7.
ACTIVATIONS = {
    "sigmoid": (sigmoid, sigmoid_grad),
    "tanh": (tanh, tanh_grad),
    "relu": (relu, relu_grad),
    "leaky_relu": (leaky_relu, leaky_relu_grad),
    "elu": (elu, elu_grad),
    "linear": (linear, linear_grad),
}
