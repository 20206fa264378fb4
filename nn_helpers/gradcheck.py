"""Verificação de gradientes (*gradient checking*): a retropropagação contra diferenças finitas.

A derivada numérica por diferenças centrais,

    ∂f/∂x_i ≈ (f(x + ε·e_i) − f(x − ε·e_i)) / (2ε),

não precisa de nenhuma regra da cadeia: só de avaliar ``f``. É lenta (duas
avaliações por número de ``x``), mas é o oráculo perfeito para conferir um
gradiente calculado à mão. Use float64: em float32 o arredondamento de
``f(x ± ε)`` engole a diferença.
"""

import numpy as np

from . import nn_checks
from .doors import checked, outside
from .validation import as_array, positive

__all__ = ["numerical_gradient", "relative_error", "check_model_gradients", "TOLERANCE"]

TOLERANCE = 1e-6    # erro relativo máximo de um gradiente certo, em float64


# --- As conferências (doors.checked) ------------------------------------------------------

def _cost_args(where, f, x, eps):
    """f: uma função; x: np.ndarray de floats finitos (alterado no lugar). O ``f`` devolvido é o
    mesmo, embrulhado: cada custo deve ser um número finito."""
    if not callable(f):
        raise ValueError(f"{where}: `f` deve ser uma função de `x` que devolve o custo, não "
                         f"{type(f).__name__}.")
    if not (isinstance(x, np.ndarray) and x.dtype.kind == "f"):
        raise ValueError(f"{where}: `x` deve ser um np.ndarray de floats "
                         "(ele é alterado no lugar e restaurado).")
    as_array(x, "x", where)
    f = outside(f)

    def cost(x_moved):
        value = f(x_moved)
        if np.ndim(value) != 0:
            raise ValueError(f"{where}: `f` deve devolver um número (o custo), mas devolveu "
                             f"algo com forma {np.shape(value)}. Some ou tire a média.")
        return float(as_array(value, "f(x)", where))
    return cost, x, positive(eps, "eps", where)


def _pair_args(where, a, b):
    a, b = as_array(a, "a", where), as_array(b, "b", where)
    if a.shape != b.shape:
        raise ValueError(f"{where}: `a` e `b` devem ter a mesma forma, mas têm "
                         f"{a.shape} e {b.shape}.")
    return a, b


def _model_args(where, model, X, y, eps):
    if not hasattr(model, "loss_and_gradients") or not hasattr(model, "params"):
        raise ValueError(f"{where}: `model` deve ser um MLP de nn_helpers.nn, "
                         f"não {type(model).__name__}.")
    return (model, *nn_checks.labelled(model, X, y, where), positive(eps, "eps", where))


@checked(_cost_args)
def numerical_gradient(f, x, eps=1e-6):
    """Gradiente de ``f`` em ``x`` por diferenças centrais.

    f: função que recebe ``x`` e devolve um número (o custo); x: np.ndarray de
    floats, de qualquer forma. Cada entrada de ``x`` é alterada **no lugar**
    (``x_i ± ε``) e restaurada logo depois — por isso ``f`` pode até ignorar o
    argumento e ler o mesmo array de outro lugar (os pesos de um modelo).
    Retorna um array com a forma de ``x``.
    """
    grad = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        f_plus = float(f(x))
        x[i] = old - eps
        f_minus = float(f(x))
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad


@checked(_pair_args)
def relative_error(a, b):
    """Erro relativo entre dois gradientes: ``‖a − b‖ / (‖a‖ + ‖b‖)``.

    a, b: arrays de mesma forma (0 se ambos são zero). Em float64, um gradiente
    certo dá menos de ``TOLERANCE`` = 1e-6; um errado, algo perto de 1e-2 ou mais.
    """
    scale = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if scale == 0 else float(np.linalg.norm(a - b) / scale)


@checked(_model_args)
def check_model_gradients(model, X, y, eps=1e-6):
    """Compara a retropropagação de ``model`` com o gradiente numérico do custo.

    model: um ``nn_helpers.nn.MLP`` (de preferência em float64, com poucos pesos);
    X: (n, d); y: (n,) rótulos ou (n, k) one-hot. O dropout fica desligado
    (o custo precisa ser determinístico). Retorna o maior erro relativo entre os
    parâmetros (W1, b1, W2, ...): abaixo de ``TOLERANCE`` (1e-6), eles conferem.
    """
    _, grads = model.loss_and_gradients(X, y)
    grads = [g.copy() for g in grads]    # a próxima volta reaproveitaria os arrays

    def loss(_):
        return model.evaluate(X, y)[0]

    return max(relative_error(g, numerical_gradient(loss, p, eps))
               for p, g in zip(model.params, grads))
