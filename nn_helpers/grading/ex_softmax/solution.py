"""A conta de referência de ``ex_softmax`` que :mod:`nn_helpers.grading.reference` não tem (numpy puro)."""

import numpy as np

__all__ = ["cross_entropy"]


def cross_entropy(y, p):
    """A entropia cruzada média: −(1/n)·Σ_i Σ_j y_ij·ln(p_ij)."""
    return -np.mean(np.sum(y * np.log(p), axis=-1))
