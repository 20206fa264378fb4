"""Regiões de decisão, num lugar só: a grade, a paleta, os pontos e as regiões pintadas.

Um classificador de duas entradas divide o plano em regiões. Para vê-las, avalia-se o modelo
nos pontos de uma grade que cobre uma caixa do plano (``region_box``, ``region_grid``), pinta-se
cada ponto com a saída ali — a probabilidade da classe 1 em 10 faixas, ou a classe prevista —
(``paint_regions``, ``plot_regions``) e, por cima, os dados, com um marcador e uma cor por classe
(``plot_points``). Uma paleta só, ``CMAP``: azul perto da classe 0, vermelho perto da classe 1.

Usam este módulo ``plotting.plot_decision_boundary``, as animações (``animate_perceptron``,
``animate_decision_regions``), os exploradores e o capítulo 4. No fim, as conferências dos
argumentos de um desenho (``drawable``, ``number_between``, ``points``, ``box``, ``grid``), que
``plotting``, ``animations`` e ``widgets`` também usam: elas recebem o nome da função pública
que as chama, para a mensagem de erro.
"""

import matplotlib.colors
import matplotlib.pyplot as plt
import numpy as np

from .validation import (HUGE, as_array, class_labels, flag, number_between, one_axes, same_length,
                         whole_number)

__all__ = ["CMAP", "region_box", "region_grid", "plot_points", "paint_regions", "plot_regions",
           "palette"]

CMAP = "RdBu_r"                   # azul: classe 0 (p perto de 0); vermelho: classe 1 (p perto de 1)
BANDS = np.linspace(0, 1, 11)     # a probabilidade em 10 faixas de cor, como curvas de nível
MARKERS = "os^vD*"                # classe 0: círculo; 1: quadrado; 2: triângulo...


def palette(n_classes=2):
    """As cores, em hexadecimal, para quem desenha fora do matplotlib (o JavaScript do livro):
    ``{"bands": as 10 faixas de probabilidade, "classes": uma cor por classe}``."""
    n_classes = whole_number(n_classes, "n_classes", "palette", 2, 100)
    return {"bands": [matplotlib.colors.to_hex(c) for c in _band_colors(BANDS)],
            "classes": [matplotlib.colors.to_hex(c) for c in _class_colors(n_classes)]}


def _class_colors(n_classes):
    """Uma cor RGBA por classe, de ``CMAP`` (0: azul … última: vermelho): (n_classes, 4)."""
    return plt.get_cmap(CMAP)(np.linspace(0.1, 0.9, n_classes))


def _band_colors(levels):
    """Cada faixa entre bordas consecutivas de ``levels``, na cor do seu meio: (len(levels) − 1, 4)."""
    middles = (levels[:-1] + levels[1:]) / 2
    return plt.get_cmap(CMAP)((middles - levels[0]) / (levels[-1] - levels[0]))


def region_box(X, padding=0.5):
    """A caixa que cobre os pontos X: (n, 2) com uma folga ``padding`` (≥ 0) em volta.

    Retorna ``(xlim, ylim)``: os pares ``(mínimo, máximo)`` de cada eixo.
    """
    return box(points(X, "region_box"), padding, "region_box")


def region_grid(X, resolution=80, padding=0.5):
    """Os pontos de uma grade que cobre o plano dos dados, onde se avalia um classificador.

    X: (n, 2). A grade cobre ``region_box(X, padding)`` e tem ``resolution`` valores em cada
    eixo. Retorna (resolution², 2), linha a linha, de baixo para cima — a ordem de
    ``probas.reshape(resolution, resolution)``.
    """
    where = "region_grid"
    return grid(*box(points(X, where), padding, where), resolution, where)


def plot_points(X, y, ax=None, class_names=None, size=40):
    """Os pontos X: (n, 2) de cada classe y: (n,) (inteiros 0, 1, …), um marcador e uma cor por
    classe: 0 em círculos azuis, 1 em quadrados vermelhos…

    class_names: um nome por classe, para a legenda (padrão: "classe 0", "classe 1"…); size: o
    tamanho dos marcadores (poucos pontos, como os 4 do XOR, pedem pontos grandes). A legenda
    fica para quem chama (``ax.legend()``). Retorna o ``Axes``.
    """
    where = "plot_points"
    ax = one_axes(ax, where)
    X, y = points(X, where), class_labels(y, "y", where)
    same_length(X, y, "X", "y", where)
    n_classes = max(2, int(y.max()) + 1)
    if class_names is None:
        class_names = [f"classe {k}" for k in range(n_classes)]
    if isinstance(class_names, (str, bytes)) or not hasattr(class_names, "__len__") \
            or len(class_names) < n_classes:
        raise ValueError(f"{where}: `class_names` deve ser uma lista com um nome por classe "
                         f"({n_classes}, de 0 a {n_classes - 1}), não {class_names!r}.")
    size = number_between(size, "size", where, 0, 10_000)
    if ax is None:
        _, ax = plt.subplots(figsize=(5, 4.5))
    colors = _class_colors(n_classes)
    for k in np.unique(y):
        ax.scatter(*X[y == k].T, s=size, marker=MARKERS[k % len(MARKERS)], color=colors[k],
                   edgecolors="black", linewidths=0.5, zorder=3, label=class_names[k])
    return ax


def paint_regions(values, xlim, ylim, ax=None, levels=None, alpha=0.5):
    """Pinta ``values`` sobre a caixa ``xlim`` × ``ylim``: a saída do modelo nos pontos da grade.

    values: (r, r), a linha i com os valores no i-ésimo x₂, de baixo para cima (a ordem de
    ``region_grid``); levels: as bordas das faixas de cor (padrão: 10 faixas de probabilidade,
    de 0 a 1, com as bordas suavizadas entre os pontos da grade, como curvas de nível; para k
    classes, ``np.arange(k + 1) - 0.5``, sem suavizar). Retorna a imagem (``AxesImage``, gid
    "regioes"): numa animação, ``image.set_data(...)`` troca as regiões a cada quadro.
    """
    where = "paint_regions"
    ax = one_axes(ax, where)
    values = drawable(values, "values", where, ndim=2)
    (x0, x1), (y0, y1) = _limits(xlim, "xlim", where), _limits(ylim, "ylim", where)
    smooth = levels is None                     # probabilidades: interpola, depois as faixas
    levels = BANDS if smooth else drawable(levels, "levels", where)
    if len(levels) < 2 or np.any(np.diff(levels) <= 0):
        raise ValueError(f"{where}: `levels` deve ter pelo menos 2 bordas, em ordem crescente.")
    alpha = number_between(alpha, "alpha", where, 0, 1)
    if ax is None:
        _, ax = plt.subplots(figsize=(5, 4.5))
    colors = _band_colors(levels)
    return ax.imshow(values, extent=(x0, x1, y0, y1), origin="lower", aspect="auto",
                     cmap=matplotlib.colors.ListedColormap(colors), alpha=alpha,
                     norm=matplotlib.colors.BoundaryNorm(levels, len(colors)),
                     interpolation="bilinear" if smooth else "nearest",
                     interpolation_stage="data", gid="regioes")


def plot_regions(predict_fn, xlim, ylim, ax=None, resolution=200, threshold=0.5, fill=True,
                 color="black", alpha=0.5, colorbar=False):
    """As regiões de decisão de um classificador de duas entradas, na caixa ``xlim`` × ``ylim``.

    predict_fn: recebe uma matriz (m, 2) e devolve (m,) — classes 0/1 ou a probabilidade da
    classe 1 — ou (m, k), uma coluna por classe (a classe prevista é a de maior valor). Avalia
    ``predict_fn`` numa grade de ``resolution`` × ``resolution`` pontos, pinta as regiões
    (``paint_regions``; com ``fill=False``, não pinta) e desenha a fronteira na cor ``color``:
    a curva ``saída = threshold`` ou, com k colunas, as bordas entre as classes. colorbar: com
    uma saída (m,) de probabilidades, uma barra de cores. Retorna o ``Axes``.
    """
    where = "plot_regions"
    if not callable(predict_fn):
        raise ValueError(f"{where}: `predict_fn` deve ser uma função que recebe uma matriz "
                         f"(m, 2) e devolve previsões.")
    ax = one_axes(ax, where)
    xlim, ylim = _limits(xlim, "xlim", where), _limits(ylim, "ylim", where)
    points_in_grid = grid(xlim, ylim, resolution, where)
    threshold = number_between(threshold, "threshold", where)
    fill, colorbar = flag(fill, "fill", where), flag(colorbar, "colorbar", where)
    if not matplotlib.colors.is_color_like(color):
        raise ValueError(f"{where}: `color` deve ser uma cor do matplotlib ('black', 'C1', "
                         f"'#1f77b4'...), não {color!r}.")
    out = as_array(predict_fn(points_in_grid), "predict_fn(...)", where, ndim=(1, 2))
    if out.shape[0] != len(points_in_grid) or out.ndim == 2 and out.shape[1] == 0:
        raise ValueError(f"{where}: `predict_fn` recebeu {len(points_in_grid)} pontos e devolveu "
                         f"{out.shape[0]} previsões, forma {out.shape}; deve devolver uma "
                         f"previsão por ponto: (m,) ou (m, k), uma coluna por classe.")
    side = int(resolution)
    if out.ndim == 2 and out.shape[1] > 1:                 # (m, k): uma coluna por classe
        values = out.argmax(axis=1).reshape(side, side)
        levels, edges = np.arange(out.shape[1] + 1) - 0.5, np.arange(out.shape[1] - 1) + 0.5
    else:
        values = out.reshape(side, side)
        levels, edges = None, [threshold]
    if ax is None:
        _, ax = plt.subplots(figsize=(5, 4.5))
    if fill:
        image = paint_regions(values, xlim, ylim, ax=ax, levels=levels, alpha=alpha)
        if colorbar and levels is None and not np.all(np.isin(values, (0.0, 1.0))):
            ax.figure.colorbar(image, ax=ax, label="probabilidade da classe 1")
    if values.min() < max(edges) and min(edges) < values.max():
        ax.contour(np.linspace(*xlim, side), np.linspace(*ylim, side), values, levels=edges,
                   colors=color, linewidths=1.5)
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_xlabel(ax.get_xlabel() or "$x_1$")
    ax.set_ylabel(ax.get_ylabel() or "$x_2$")
    return ax


# --- Os argumentos de um desenho: ``where`` é a função pública que os recebeu ------------------

def drawable(value, name, where, ndim=1, finite=True, empty=False):
    """``as_array`` e o que um desenho precisa: não vazio (se ``empty=False``) e |v| ≤ HUGE."""
    arr = as_array(value, name, where, ndim=ndim, finite=finite)
    big = np.abs(np.where(np.isfinite(arr), arr, 0.0)) > HUGE
    if big.any() or (arr.size == 0 and not empty):
        problem = (f"tem valores grandes demais para desenhar ({arr[big].flat[0]:g}); mude a "
                   f"escala dos dados" if big.any() else "está vazio; não há nada para desenhar")
        raise ValueError(f"{where}: `{name}` {problem}.")
    return arr


def points(X, where):
    """X: (n, 2), n ≥ 1 — os pontos de um gráfico de duas entradas."""
    X = drawable(X, "X", where, ndim=2)
    if X.shape[1] != 2:
        raise ValueError(f"{where}: `X` deve ter 2 colunas (dois atributos, um por eixo), mas "
                         f"tem {X.shape[1]}.")
    return X


def box(X, padding, where):
    """A caixa ``(xlim, ylim)`` em volta dos pontos X: (n, 2), com a folga ``padding`` ≥ 0."""
    padding = number_between(padding, "padding", where, low=0)
    lo, hi = X.min(axis=0) - padding, X.max(axis=0) + padding
    if np.any(hi <= lo):
        raise ValueError(f"{where}: todos os pontos têm o mesmo x₁ ou o mesmo x₂, e com "
                         f"`padding` = 0 a caixa não tem área; use `padding` > 0.")
    return (lo[0], hi[0]), (lo[1], hi[1])


def grid(xlim, ylim, resolution, where):
    """Os resolution² pontos (resolution de 2 a 1000) da grade sobre a caixa: (resolution², 2)."""
    resolution = whole_number(resolution, "resolution", where, minimum=2)
    if resolution > 1000:
        raise ValueError(f"{where}: `resolution` deve ser no máximo 1000 (são resolution² "
                         f"pontos), não {resolution}.")
    g1, g2 = np.meshgrid(np.linspace(*xlim, resolution), np.linspace(*ylim, resolution))
    return np.column_stack([g1.ravel(), g2.ravel()])


def _limits(pair, name, where):
    """Um par ``(mínimo, máximo)`` de um eixo, com mínimo < máximo."""
    pair = drawable(pair, name, where)
    if pair.shape != (2,) or not pair[0] < pair[1]:
        raise ValueError(f"{where}: `{name}` deve ser um par (mínimo, máximo), com mínimo < "
                         f"máximo, não {pair}.")
    return float(pair[0]), float(pair[1])
