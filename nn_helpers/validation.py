"""Validação de entradas na fronteira da biblioteca.

Toda função pública de ``nn_helpers`` passa seus argumentos por aqui antes de
fazer contas. Assim, um erro de uso vira uma mensagem em português que diz
*qual* argumento está errado e *por quê* (forma errada, tamanhos diferentes,
NaN...), em vez de um traceback vindo do fundo do numpy.
"""

import numpy as np

__all__ = ["as_array", "same_length", "first_nonfinite", "positive", "whole_number", "seed_value",
           "class_labels", "one_axes"]


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


# --- Argumentos que não são arrays: declarados uma vez, usados por todo módulo --------------

def positive(value, name, where):
    """``value`` como ``float``, se for um número finito > 0 (uma taxa, um ε); senão, ``ValueError``."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer,
                                                                      np.floating)) \
            or not np.isfinite(value) or value <= 0:
        raise ValueError(f"{where}: `{name}` deve ser um número positivo, não {value!r}.")
    return float(value)


def whole_number(value, name, where, minimum=0):
    """``value`` como ``int``, se for um inteiro ≥ ``minimum`` (épocas, tamanhos); senão, ``ValueError``.

    ``True``/``False`` e ``3.0`` são recusados: um inteiro de verdade evita ``range(3.0)`` lá dentro.
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)) \
            or value < minimum:
        raise ValueError(f"{where}: `{name}` deve ser um inteiro ≥ {minimum}, não {value!r}.")
    return int(value)


def seed_value(seed, where, name="seed"):
    """A semente de um gerador: ``None`` (sorteada) ou um inteiro ≥ 0; senão, ``ValueError``."""
    if seed is None:
        return None
    return whole_number(seed, name, where, minimum=0)


def class_labels(labels, name, where, n_classes=None):
    """Rótulos de classe (n,) → ``np.ndarray`` de inteiros de 0 a ``n_classes − 1``.

    Aceita inteiros ou floats inteiros (``2.0``); recusa ``0.5``, negativos, NaN e rótulos ≥
    ``n_classes`` (``None``: qualquer inteiro ≥ 0), com a posição do primeiro rótulo errado.
    """
    y = as_array(labels, name, where, ndim=1)
    top = n_classes if n_classes is not None else np.inf
    bad = (y != np.round(y)) | (y < 0) | (y >= top)
    if bad.any():
        i = int(np.argmax(bad))
        wanted = f"de 0 a {n_classes - 1}" if n_classes is not None else "≥ 0"
        raise ValueError(f"{where}: os rótulos `{name}` devem ser inteiros {wanted}, mas "
                         f"{name}[{i}] = {y[i]:g}.")
    return y.astype(np.int64)


def one_axes(ax, where):
    """``ax`` deve ser UM eixo do matplotlib (ou ``None``); um array de eixos vira uma mensagem.

    O engano típico: ``fig, ax = plt.subplots(1, 2)`` devolve dois eixos num array.
    """
    if ax is None or hasattr(ax, "plot"):
        return ax
    if isinstance(ax, np.ndarray):
        raise ValueError(f"{where}: `ax` deve ser um eixo só, mas recebi um array com {ax.size} "
                         f"eixos (de `plt.subplots(...)` com mais de um). Escolha um: "
                         f"`ax=ax[0]`.")
    raise ValueError(f"{where}: `ax` deve ser um eixo do matplotlib (`fig, ax = plt.subplots()`), "
                     f"não {type(ax).__name__}.")
