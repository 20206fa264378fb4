"""Funções de ativação (*activation functions*) e suas derivadas, lado a lado.

Cada ativação ``f`` recebe um array ``z`` de qualquer forma e devolve um array
da mesma forma; ``f_grad(z)`` devolve a derivada ``f'(z)`` elemento a
elemento (também com a forma de ``z``). ``softmax`` é a exceção: normaliza ao
longo do último eixo, e sua derivada entra junto com a entropia cruzada
(capítulo 5).

Todas funcionam em float32 e float64 (o resultado tem o tipo da entrada) e são
numericamente estáveis: ``sigmoid(±1000)`` não gera avisos de overflow.
"""

import numpy as np

from .validation import as_array

__all__ = ["step", "sigmoid", "sigmoid_grad", "tanh", "tanh_grad", "relu", "relu_grad",
           "leaky_relu", "leaky_relu_grad", "elu", "elu_grad", "softmax", "ACTIVATIONS"]


def _vector_or_matrix(z, where):
    """``z`` como array de floats com forma (k,) ou (n, k)."""
    z = _float(z, where)
    if z.ndim == 0:
        raise ValueError(f"{where}: `z` deve ser um vetor (k,) ou uma matriz (n, k), "
                         "não um número.")
    return z


def _float(z, where):
    """``z`` como array de ponto flutuante, preservando float32."""
    if isinstance(z, np.ndarray) and z.dtype in (np.float32, np.float64):
        if not np.all(np.isfinite(z)):
            as_array(z, "z", where)  # levanta a mensagem em português sobre NaN/infinito
        return z
    return as_array(z, "z", where)


def step(z):
    """Degrau (*step*) do perceptron: 1 onde ``z >= 0``, senão 0.

    z: qualquer forma. No empate ``z = 0`` a saída é 1 (há textos que usam ``z > 0``).
    """
    z = _float(z, "step")
    return (z >= 0).astype(z.dtype)


def sigmoid(z):
    """Sigmoide (função logística): ``1 / (1 + e^{-z})``, sem overflow para |z| grande.

    Para ``z >= 0`` usa ``1 / (1 + e^{-z})``; para ``z < 0``, a forma equivalente
    ``e^{z} / (1 + e^{z})`` — assim a exponencial nunca recebe um número grande
    e positivo.
    """
    z = _float(z, "sigmoid")
    e = np.exp(-np.abs(z))           # sempre em (0, 1]: nunca estoura
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_grad(z):
    """Derivada da sigmoide: ``σ(z) · (1 − σ(z))``."""
    s = sigmoid(z)
    return s * (1 - s)


def tanh(z):
    """Tangente hiperbólica: ``(e^z − e^{-z}) / (e^z + e^{-z})``, com saída em (−1, 1)."""
    return np.tanh(_float(z, "tanh"))


def tanh_grad(z):
    """Derivada da tangente hiperbólica: ``1 − tanh(z)²``."""
    t = tanh(z)
    return 1 - t * t


def relu(z):
    """ReLU (*rectified linear unit*): ``max(0, z)``."""
    z = _float(z, "relu")
    return np.maximum(z, 0)


def relu_grad(z):
    """Derivada da ReLU: 1 onde ``z > 0``, senão 0 (em ``z = 0`` usamos 0)."""
    z = _float(z, "relu_grad")
    return (z > 0).astype(z.dtype)


def leaky_relu(z, alpha=0.01):
    """Leaky ReLU: ``z`` onde ``z > 0``, senão ``α·z`` (α = ``alpha``, a inclinação)."""
    z = _float(z, "leaky_relu")
    out = np.where(z > 0, z, alpha * z)
    return out.astype(z.dtype, copy=False)       # float32 continua float32


def leaky_relu_grad(z, alpha=0.01):
    """Derivada da leaky ReLU: 1 onde ``z > 0``, senão ``alpha``."""
    z = _float(z, "leaky_relu_grad")
    return np.where(z > 0, 1, alpha).astype(z.dtype, copy=False)


def elu(z, alpha=1.0):
    """ELU (*exponential linear unit*): ``z`` se ``z > 0``, senão ``α·(e^z − 1)``."""
    z = _float(z, "elu")
    negative = alpha * np.expm1(np.minimum(z, 0))    # e^z − 1, sem estourar para z ≫ 0
    return np.where(z > 0, z, negative).astype(z.dtype, copy=False)


def elu_grad(z, alpha=1.0):
    """Derivada da ELU: 1 onde ``z > 0``, senão ``alpha · e^z``."""
    z = _float(z, "elu_grad")
    return np.where(z > 0, 1, alpha * np.exp(np.minimum(z, 0))).astype(z.dtype, copy=False)


def softmax(z):
    """Softmax ao longo do último eixo: ``e^{z_i} / Σ_j e^{z_j}``.

    z: (k,) ou (n, k). Retorna probabilidades com a mesma forma, cada linha
    somando 1. Subtrai o máximo de cada linha antes da exponencial (não muda o
    resultado e evita overflow com logits enormes).
    """
    z = _vector_or_matrix(z, "softmax")
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


# nome → (função, derivada): usado pelas camadas da rede e pelos gráficos do capítulo 7.
ACTIVATIONS = {
    "sigmoid": (sigmoid, sigmoid_grad),
    "tanh": (tanh, tanh_grad),
    "relu": (relu, relu_grad),
    "leaky_relu": (leaky_relu, leaky_relu_grad),
    "elu": (elu, elu_grad),
    "linear": (lambda z: _float(z, "linear"), lambda z: np.ones_like(_float(z, "linear"))),
}
