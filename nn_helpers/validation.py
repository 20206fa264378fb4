"""Validação de entradas na fronteira da biblioteca.

Toda função pública de ``nn_helpers`` passa seus argumentos por aqui antes de
fazer contas. Assim, um erro de uso vira uma mensagem em português que diz
*qual* argumento está errado e *por quê* (forma errada, tamanhos diferentes,
NaN...), em vez de um traceback vindo do fundo do numpy.
"""

import numpy as np

__all__ = ["as_array", "same_length", "first_nonfinite"]


def _shape_text(shape):
    return "(" + ", ".join(str(s) for s in shape) + (",)" if len(shape) == 1 else ")")


def as_array(value, name, where, ndim=None, finite=True):
    """Converte ``value`` em um ``np.ndarray`` de floats, validando-o.

    Parâmetros
    ----------
    value : array-like
        O que o usuário passou.
    name : str
        Nome do argumento, usado na mensagem de erro (``"y_hat"``).
    where : str
        Nome da função que recebeu o argumento (``"mse"``).
    ndim : int ou tupla de int, opcional
        Número(s) de dimensões aceito(s): ``1`` para vetores ``(n,)``,
        ``2`` para matrizes ``(n, d)``.
    finite : bool
        Se ``True``, recusa NaN e infinitos.

    Retorna
    -------
    np.ndarray
        Uma cópia (ou visão) em ponto flutuante de ``value``.

    Levanta
    -------
    ValueError
        Com uma mensagem em português que nomeia o problema.
    """
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(
            f"{where}: não consegui converter `{name}` em um array de números "
            f"({type(value).__name__} recebido). Passe uma lista ou um np.ndarray "
            f"de números."
        ) from exc
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else tuple(ndim)
        if arr.ndim not in allowed:
            expected = {0: "um número (escalar)", 1: "um vetor com forma (n,)",
                        2: "uma matriz com forma (n, d)"}
            wanted = " ou ".join(expected.get(k, f"um array {k}-D") for k in allowed)
            raise ValueError(
                f"{where}: `{name}` deve ser {wanted}, mas recebi forma "
                f"{_shape_text(arr.shape)}."
            )
    problem = first_nonfinite(arr) if finite else None
    if problem:
        kind, pos = problem
        raise ValueError(
            f"{where}: `{name}` contém {kind} (na posição {pos}). "
            f"Verifique os dados ou os cálculos que o produziram."
        )
    return arr


def first_nonfinite(arr):
    """O primeiro valor não finito de ``arr``: ``("NaN" ou "infinito", posição)``, ou ``None``.

    A posição é um índice (vetor) ou uma tupla de índices (matriz), para a mensagem de erro.
    """
    if not arr.size or np.all(np.isfinite(arr)):
        return None
    bad = np.argwhere(~np.isfinite(arr))[0]
    kind = "NaN" if np.isnan(arr[tuple(bad)]) else "infinito"
    return kind, (int(bad[0]) if len(bad) == 1 else tuple(int(i) for i in bad))


def same_length(a, b, name_a, name_b, where):
    """Confere que ``a`` e ``b`` têm o mesmo número de linhas (amostras).

    Levanta ``ValueError`` com mensagem em português se ``len(a) != len(b)``.
    """
    if a.shape[0] != b.shape[0]:
        raise ValueError(
            f"{where}: `{name_a}` e `{name_b}` devem ter o mesmo número de amostras, "
            f"mas `{name_a}` tem {a.shape[0]} e `{name_b}` tem {b.shape[0]}."
        )
