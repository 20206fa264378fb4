"""Os dicionários de parâmetros (``{"W1": ..., "b1": ..., "W2": ..., "b2": ...}``) que as funções do
aluno devolvem em ``ex_backprop`` e ``ex_xor_mlp``: conferidos, comparados e copiados num lugar só.
"""

import numpy as np

from .checking import as_numbers, fail, fmt, is_close

__all__ = ["KEYS", "shapes", "expect_dict", "same", "first_difference", "copy"]

KEYS = ("W1", "b1", "W2", "b2")


def shapes(n_in, n_hidden, n_out):
    """As formas dos parâmetros de uma rede com uma camada escondida."""
    return {"W1": (n_in, n_hidden), "b1": (n_hidden,), "W2": (n_hidden, n_out), "b2": (n_out,)}


def expect_dict(result, name, what, expected_shapes, case, shape_hint=None):
    """Confere o dicionário ``what`` devolvido por ``name`` (chaves, formas, valores finitos).

    shape_hint(forma_recebida, forma_esperada) → uma ``Hint`` (ou ``None``) para a forma errada.
    Devolve o dicionário com arrays float.
    """
    if not isinstance(result, dict) or set(result) != set(expected_shapes):
        got = sorted(result) if isinstance(result, dict) else type(result).__name__
        keys = ", ".join(f"'{k}'" for k in expected_shapes)
        fail(f"`{name}` deve devolver {what} como um dicionário com as chaves {keys}, "
             f"mas devolveu {got}.\n  entrada: {case}")
    out = {}
    for key, shape in expected_shapes.items():
        arr = as_numbers(result[key], name, f"{what}['{key}']")
        if arr.shape != shape:
            fail(f"`{name}`: {what}['{key}'] deveria ter forma {shape}, mas tem forma "
                 f"{arr.shape}.\n  entrada: {case}",
                 hints=[shape_hint(arr.shape, shape) if shape_hint else None])
        if not np.all(np.isfinite(arr)):
            fail(f"`{name}`: {what}['{key}'] contém NaN ou infinito.\n  entrada: {case}")
        out[key] = arr
    return out


def same(p, q, keys=KEYS, rtol=1e-6, atol=1e-9):
    """``True`` se os dois dicionários têm os mesmos valores em ``keys``."""
    return all(is_close(p[k], q[k], rtol=rtol, atol=atol) for k in keys)


def first_difference(got, expected, what, keys=KEYS, rtol=1e-6, atol=1e-9):
    """A primeira chave em que ``got`` e ``expected`` diferem e as linhas esperado/recebido."""
    key = next((k for k in keys if not is_close(got[k], expected[k], rtol=rtol, atol=atol)),
               keys[0])
    return key, (f"  {what}['{key}'] esperado: {fmt(np.asarray(expected[key]))}\n"
                 f"  {what}['{key}'] recebido: {fmt(np.asarray(got[key]))}")


def copy(params):
    """Uma cópia com arrays float novos (o dicionário e cada array)."""
    return {k: np.array(v, dtype=float) for k, v in params.items()}
