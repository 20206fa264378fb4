"""Funções de custo (*cost functions*, também *loss functions*): quanto o modelo está errando.

* capítulo 1 — erro quadrático médio (MSE), erro absoluto médio (MAE) e a raiz
  do erro quadrático médio (RMSE);
* capítulos 3 e 5 — entropia cruzada binária e multiclasse (*cross-entropy*);
* capítulo 6 — a entropia cruzada junto com o seu gradiente, a primeira conta da volta.

Todas recebem os valores verdadeiros e as previsões com a mesma forma e
devolvem um número (a média sobre as amostras).
"""

import numpy as np

from .doors import checked
from .validation import numbers, positive

__all__ = ["mse", "mae", "rmse", "binary_cross_entropy", "cross_entropy", "cross_entropy_and_grad"]

# --- As conferências --------------------------------------------------------------------------

def _pair(where, **arrays):
    """Os dois primeiros argumentos: arrays (n,) ou (n, k) de mesma forma, não vazios, de números
    finitos e não enormes; os demais (``eps``) seguem como vieram."""
    (name_a, a), (name_b, b), *rest = arrays.items()
    a, b = numbers(a, name_a, where), numbers(b, name_b, where)
    for arr, name in ((a, name_a), (b, name_b)):
        if arr.ndim not in (1, 2):
            raise ValueError(f"{where}: `{name}` deve ser um vetor (n,) ou uma matriz (n, k), "
                             f"mas tem forma {arr.shape}.")
    if a.shape != b.shape:
        hint = ": rótulos? Use one_hot(y, k)." if a.ndim != b.ndim else "."
        raise ValueError(f"{where}: `{name_a}` e `{name_b}` devem ter a mesma forma, mas "
                         f"`{name_a}` tem forma {a.shape} e `{name_b}` tem forma {b.shape}{hint}")
    if a.size == 0:
        raise ValueError(f"{where}: `{name_a}` está vazio; não há erro médio de zero amostras.")
    return (a, b, *(value for _, value in rest))


def _probabilities(where, **arrays):
    """Alvos e probabilidades: valores de 0 a 1; na binária, rótulos 0 ou 1; na multiclasse
    (a última dimensão ≥ 2), cada linha somando 1. ``eps``: um número positivo < 0,5."""
    y, p, eps = _pair(where, **arrays)
    (name_y, _), (name_p, _), _ = arrays.items()
    if not positive(eps, "eps", where) < 0.5:
        raise ValueError(f"{where}: `eps` deve ser um número pequeno (< 0,5), não {eps!r}.")
    binary = where == "binary_cross_entropy" or y.shape[-1] == 1
    if where == "binary_cross_entropy" and np.any((y != 0) & (y != 1)):
        i = int(np.argmax((y != 0) & (y != 1)))
        raise ValueError(f"{where}: os rótulos `{name_y}` devem ser 0 ou 1, mas {name_y}[{i}] = "
                         f"{y.flat[i]:g}.")
    for arr, name in ((y, name_y), (p, name_p)):
        if np.any((arr < 0) | (arr > 1)):
            raise ValueError(f"{where}: `{name}` deve ter valores entre 0 e 1 (probabilidades, "
                             f"não logits); recebi valores de {arr.min():.4g} a {arr.max():.4g}.")
        sums = arr.sum(axis=-1)
        if not binary and np.any(np.abs(sums - 1) > 1e-3):
            i = int(np.argmax(np.abs(sums - 1)))
            raise ValueError(f"{where}: cada linha de `{name}` deve somar 1, mas a linha {i} "
                             f"soma {sums.flat[i]:.4g}.")
    return y, p, eps


# --- As contas --------------------------------------------------------------------------------

@checked(_pair)
def mse(y, y_hat):
    """Erro quadrático médio (*mean squared error*).

    ``MSE = (1/n) · Σ (y_i − ŷ_i)²``

    y: (n,) valores verdadeiros; y_hat: (n,) previsões.
    Retorna um ``float``.
    """
    return float(np.mean((y - y_hat) ** 2))


@checked(_pair)
def mae(y, y_hat):
    """Erro absoluto médio (*mean absolute error*).

    ``MAE = (1/n) · Σ |y_i − ŷ_i|``

    y: (n,) valores verdadeiros; y_hat: (n,) previsões.
    Retorna um ``float``.
    """
    return float(np.mean(np.abs(y - y_hat)))


@checked(_pair)
def rmse(y, y_hat):
    """Raiz do erro quadrático médio (*root mean squared error*).

    ``RMSE = √MSE`` — na mesma unidade de ``y``.

    y: (n,) valores verdadeiros; y_hat: (n,) previsões.
    Retorna um ``float``.
    """
    return float(np.sqrt(np.mean((y - y_hat) ** 2)))


@checked(_probabilities)
def binary_cross_entropy(y, p, eps=1e-12):
    """Entropia cruzada binária (*binary cross-entropy*), a média sobre as amostras.

    ``BCE = −(1/n) · Σ [ y_i·ln(p_i) + (1 − y_i)·ln(1 − p_i) ]``

    y: (n,) rótulos 0 ou 1; p: (n,) probabilidades previstas de a classe ser 1.
    ``p`` é cortado em [eps, 1 − eps]: ln 0 seria −∞.
    Retorna um ``float`` (≥ 0; 0 só para previsões perfeitas).
    """
    p = np.clip(p, eps, 1 - eps)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


@checked(_probabilities)
def cross_entropy(y_onehot, probs, eps=1e-12):
    """Entropia cruzada multiclasse (*categorical cross-entropy*), média nas amostras.

    ``CE = −(1/n) · Σ_i Σ_j y_ij · ln(p_ij)``

    y_onehot: (n, k) rótulos em *one-hot*; probs: (n, k) probabilidades (cada
    linha soma 1, como as da softmax). Um único exemplo (k,) também é aceito.
    ``probs`` é cortado em [eps, 1 − eps]: ln 0 seria −∞. Retorna um ``float``.
    """
    p = np.clip(probs, eps, 1 - eps)
    if y_onehot.ndim == 1:
        y_onehot, p = y_onehot[None, :], p[None, :]
    return float(-np.mean(np.sum(y_onehot * np.log(p), axis=-1)))


def _output_and_targets(where, P, Y, eps):
    """P: (n, k) saída da rede e Y: (n, k) alvos, como matrizes de probabilidades."""
    P, Y = numbers(P, "P", where), numbers(Y, "Y", where)
    if P.ndim != 2:
        raise ValueError(f"{where}: `P` deve ser uma matriz (n, k), mas tem forma {P.shape}.")
    if Y.shape != P.shape:
        raise ValueError(f"{where}: `Y` deve ter a forma de `P`, {P.shape}, mas tem forma "
                         f"{Y.shape}" + (": rótulos? Use one_hot(y, k)." if Y.ndim == 1 else "."))
    return _probabilities(where, P=P, Y=Y, eps=eps)


@checked(_output_and_targets)
def cross_entropy_and_grad(P, Y, eps=1e-12):
    """Entropia cruzada média e o seu gradiente em relação a ``z`` da última camada.

    P: (n, k) saída da softmax, com Y: (n, k) one-hot — ``C = −(1/n)·Σ Y·ln P``;
    ou P: (n, 1) saída da sigmoide, com Y: (n, 1) de 0/1 — a binária
    ``C = −(1/n)·Σ [Y·ln P + (1 − Y)·ln(1 − P)]``. Nos dois casos a derivada da
    ativação cancela a do custo e sobra ``∂C/∂z = (P − Y)/n``. Como acima,
    ``ln`` recebe no mínimo ``eps`` (ln 0 seria −∞).
    Retorna ``(custo, dZ)``: um float e um array (n, k).
    """
    n = P.shape[0]
    loss = -(Y * np.log(np.maximum(P, eps))).sum()
    if P.shape[1] == 1:
        loss -= ((1 - Y) * np.log(np.maximum(1 - P, eps))).sum()
    return float(loss / n), (P - Y) / n
