"""Verificação de gradientes (*gradient checking*): a retropropagação contra diferenças finitas.

A derivada numérica por diferenças centrais,

    ∂f/∂x_i ≈ (f(x + ε·e_i) − f(x − ε·e_i)) / (2ε),

não precisa de nenhuma regra da cadeia: só de avaliar ``f``. É lenta (duas
avaliações por número de ``x``), mas é o oráculo perfeito para conferir um
gradiente calculado à mão. Use float64: em float32 o arredondamento de
``f(x ± ε)`` engole a diferença.
"""

import numpy as np

__all__ = ["numerical_gradient", "relative_error", "check_model_gradients", "TOLERANCE"]

TOLERANCE = 1e-6    # erro relativo máximo de um gradiente certo, em float64


def numerical_gradient(f, x, eps=1e-6):
    """Gradiente de ``f`` em ``x`` por diferenças centrais.

    f: função que recebe ``x`` e devolve um número (o custo); x: np.ndarray de
    floats, de qualquer forma. Cada entrada de ``x`` é alterada **no lugar**
    (``x_i ± ε``) e restaurada logo depois — por isso ``f`` pode até ignorar o
    argumento e ler o mesmo array de outro lugar (os pesos de um modelo).
    Retorna um array com a forma de ``x``.
    """
    _check_float_array(x)
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


def relative_error(a, b):
    """Erro relativo entre dois gradientes: ``‖a − b‖ / (‖a‖ + ‖b‖)``.

    a, b: arrays de mesma forma (0 se ambos são zero). Em float64, um gradiente
    certo dá menos de ``TOLERANCE`` = 1e-6; um errado, algo perto de 1e-2 ou mais.
    """
    a, b = _same_shape(a, b)
    scale = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if scale == 0 else float(np.linalg.norm(a - b) / scale)


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


# --- Validação na fronteira ----------------------------------------------------------------------

def _check_float_array(x):
    if not (isinstance(x, np.ndarray) and x.dtype.kind == "f"):
        raise ValueError("numerical_gradient: `x` deve ser um np.ndarray de floats "
                         "(ele é alterado no lugar e restaurado).")


def _same_shape(a, b):
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError(f"relative_error: `a` e `b` devem ter a mesma forma, mas têm "
                         f"{a.shape} e {b.shape}.")
    return a, b
