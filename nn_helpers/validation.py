"""Validação de entradas na fronteira da biblioteca.

Toda função pública de ``nn_helpers`` passa seus argumentos por aqui antes de
fazer contas. Assim, um erro de uso vira uma mensagem em português que diz
*qual* argumento está errado e *por quê* (forma errada, tamanhos diferentes,
NaN...), em vez de um traceback vindo do fundo do numpy.
"""

import numpy as np

HUGE = 1e100    # acima disso, quadrados e produtos estourariam o float64: "grande demais"

__all__ = ["HUGE", "as_array", "numbers", "samples", "same_length", "first_nonfinite", "positive",
           "whole_number", "seed_value", "flag", "one_of", "number_between", "class_labels",
           "one_axes"]


def _shape_text(shape):
    return "(" + ", ".join(str(s) for s in shape) + (",)" if len(shape) == 1 else ")")


def as_array(value, name, where, ndim=None, finite=True):
    """``value`` como ``np.ndarray`` de floats, ou ``ValueError`` em português que nomeia o problema.

    name: o nome do argumento (``"y_hat"``); where: a função que o recebeu (``"mse"``); ndim: o(s)
    número(s) de dimensões aceito(s) (``1``: vetor (n,), ``2``: matriz (n, d)); finite: recusar
    NaN, infinitos e valores enormes (|v| > ``HUGE``).
    """
    if value is None:                   # np.asarray(None, dtype=float) seria um NaN calado
        raise ValueError(f"{where}: `{name}` é None, mas deve ser um número ou um array de números.")
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
    if finite:
        _finite_and_moderate(arr, name, where)
    return arr


def numbers(value, name, where):
    """Como :func:`as_array`, mas um array numérico passa como está (mantém o dtype: float32
    continua float32)."""
    if not (isinstance(value, np.ndarray) and value.dtype.kind in "fiu"):
        return as_array(value, name, where)
    return _finite_and_moderate(value, name, where)


def _finite_and_moderate(arr, name, where):
    """Recusa NaN, infinito (dizendo onde) e valores enormes, com que as contas estourariam."""
    if not arr.size:
        return arr
    with np.errstate(invalid="ignore"):
        biggest = float(np.max(np.abs(arr)))       # uma passada só: NaN e infinito aparecem aqui
    if biggest <= HUGE:
        return arr
    problem = first_nonfinite(arr)
    if problem:
        kind, pos = problem
        raise ValueError(f"{where}: `{name}` contém {kind} (na posição {pos}). "
                         f"Verifique os dados ou os cálculos que o produziram.")
    raise ValueError(f"{where}: `{name}` tem valores grandes demais (até {biggest:.3g}): as "
                     "contas estourariam. Reescale os dados (padronize).")


def samples(value, name, where):
    """Um np.ndarray com uma amostra por linha, de qualquer tipo numérico, sem NaN nem infinito."""
    try:
        arr = np.asarray(value)
    except ValueError:                           # uma lista irregular: [[1, 2], [3]]
        arr = np.asarray(None)
    if arr.ndim == 0 or arr.dtype == object:
        raise ValueError(f"{where}: `{name}` deve ser um array com uma amostra por linha, "
                         f"não {type(value).__name__}.")
    return numbers(arr, name, where) if arr.dtype.kind in "fiu" else arr


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
    """``value`` como ``float``, se for um número > 0 e ≤ ``HUGE`` (uma taxa, um ε); senão,
    ``ValueError``."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer,
                                                                      np.floating)) \
            or not 0 < float(value) <= HUGE:
        raise ValueError(f"{where}: `{name}` deve ser um número positivo (e não enorme), "
                         f"não {value!r}.")
    return float(value)


def whole_number(value, name, where, minimum=0, maximum=None):
    """``value`` como ``int``, se for um inteiro de ``minimum`` a ``maximum`` (épocas, tamanhos);
    senão, ``ValueError``.

    ``True``/``False`` e ``3.0`` são recusados: um inteiro de verdade evita ``range(3.0)`` lá dentro.
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)) \
            or value < minimum:
        raise ValueError(f"{where}: `{name}` deve ser um inteiro ≥ {minimum}, não {value!r}.")
    if maximum is not None and value > maximum:
        raise ValueError(f"{where}: `{name}` deve ser no máximo {maximum}, não {value}.")
    return int(value)


def seed_value(seed, where, name="seed"):
    """A semente: ``None`` (sorteada), um inteiro ≥ 0 ou um ``np.random.Generator`` (usado como
    está); senão, ``ValueError``."""
    if seed is None or isinstance(seed, np.random.Generator):
        return seed
    return whole_number(seed, name, where, minimum=0)


def flag(value, name, where):
    """``value``, se for ``True`` ou ``False``; senão, ``ValueError`` (um array ou um texto seria
    ambíguo)."""
    if not isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{where}: `{name}` deve ser True ou False, não {value!r}.")
    return bool(value)


def one_of(value, name, where, options):
    """``value``, se for uma das ``options`` (uma lista de textos ou números); senão,
    ``ValueError`` que as lista."""
    if not isinstance(value, (str, int, float)) or value not in options:
        raise ValueError(f"{where}: `{name}` deve ser um de {list(options)}, não {value!r}.")
    return value


def number_between(value, name, where, low=-HUGE, high=HUGE, below_high=False):
    """``value`` como ``float``, se for um número de ``low`` a ``high`` (com ``below_high=True``,
    menor que ``high``: um β, uma taxa de dropout); senão, ``ValueError`` — também para ``None``,
    ``True``, NaN e infinito."""
    try:
        number = (np.nan if isinstance(value, (bool, np.bool_)) else
                  float(as_array(value, name, where, ndim=0, finite=False)))
    except ValueError:                         # None, um texto, uma lista: não é um número
        number = np.nan
    if not (low <= number <= high and not (below_high and number == high)):
        wanted = ("finito" if (low, high) == (-HUGE, HUGE) else f"≥ {low:g}" if high == HUGE
                  else f"em [{low:g}, {high:g})" if below_high else f"de {low:g} a {high:g}")
        raise ValueError(f"{where}: `{name}` deve ser um número {wanted}, não {value!r}.")
    return number


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
