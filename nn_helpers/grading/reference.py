"""As contas de referência e as constantes dos enunciados que mais de um exercício usa.

Numpy puro, escrito aqui de novo: as verificações nunca usam as funções de ``nn_helpers`` que os
capítulos ensinam (um erro na biblioteca não pode aprovar o mesmo erro no aluno).
"""

import numpy as np

__all__ = ["sigmoid", "softmax", "step", "PARK_X", "PARK_Y"]

# Os dados "vamos ao parque?" (Mesel e Uzeda): x1 = clima, x2 = dinheiro → 1 = vamos.
PARK_X = np.array([[1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [-1.0, 0.0], [-1.0, -1.0], [0.0, -1.0]])
PARK_Y = np.array([1.0, 1.0, 1.0, 0.0, 0.0, 0.0])


def sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)), sem estourar: só e^(−|z|) é calculado."""
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def softmax(z, axis=-1):
    """A softmax ao longo de ``axis``, depois de subtrair o máximo (sem estourar)."""
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def step(z):
    """O degrau do perceptron: 1.0 onde z ≥ 0, senão 0.0."""
    return (np.asarray(z) >= 0).astype(float)
