"""Gráficos do curso, todos com matplotlib.

Cada função desenha em um ``ax`` (cria um, se não for dado) e devolve esse
``ax``, para que o capítulo possa acrescentar títulos e anotações.
"""

import matplotlib.pyplot as plt
import numpy as np

from . import regions
from .book import br_short
from .regions import drawable, plot_points, plot_regions
from .validation import class_labels, flag, number_between, one_axes, same_length

__all__ = ["plot_data_line", "plot_loss_curve", "plot_loss_surface", "plot_path_on_surface",
           "plot_learning_curves", "plot_decision_boundary"]


def _axes(ax, figsize=(6, 4)):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def _mark(ax, x, y, label, color=None):
    """Um ponto destacado (x, y), com o rótulo ao lado."""
    ax.scatter([x], [y], color=color, zorder=3)
    ax.annotate(label, (x, y), textcoords="offset points", xytext=(5, 5))


# --- Os argumentos dos desenhos, conferidos na entrada de cada função pública ---------------

def _tuples(items, name, where, form, sizes=(3,)):
    """``items``: uma lista de tuplas ``form`` — dois números e, por último, um rótulo.

    Devolve a lista com os dois números como ``float``. O engano típico: ``lines=(2, 0)``
    (uma tupla só) em vez de ``lines=[(2, 0)]`` (uma lista de tuplas).
    """
    if isinstance(items, (str, bytes, dict)) or not hasattr(items, "__iter__"):
        raise ValueError(f"{where}: `{name}` deve ser uma lista de {form}, não {items!r}.")
    checked = []
    for k, item in enumerate(items):
        if isinstance(item, (str, bytes)) or not hasattr(item, "__len__") \
                or len(item) not in sizes:
            raise ValueError(f"{where}: cada item de `{name}` deve ser {form}, mas {name}[{k}] "
                             f"= {item!r}. Para um item só, escreva `{name}=[{form}]`.")
        numbers = [number_between(v, f"{name}[{k}][{i}]", where) for i, v in
                   enumerate(item[:2])]
        checked.append((*numbers, *item[2:]))
    return checked


def plot_data_line(x, y, lines=(), xlabel="x", ylabel="y", ax=None, residuals=False):
    """Pontos ``(x, y)`` e uma ou mais retas ``ŷ = c0·x + b``.

    x: (n,); y: (n,); lines: sequência de ``(c0, b)`` ou ``(c0, b, rótulo)``.
    Com ``residuals=True``, liga cada ponto à primeira reta (o erro ``y − ŷ``).
    Retorna o ``Axes``.
    """
    ax = one_axes(ax, "plot_data_line")
    x, y = drawable(x, "x", "plot_data_line"), drawable(y, "y", "plot_data_line")
    same_length(x, y, "x", "y", "plot_data_line")
    lines = _tuples(lines, "lines", "plot_data_line", "(c0, b)", sizes=(2, 3))
    residuals = flag(residuals, "residuals", "plot_data_line")
    ax = _axes(ax)
    ax.scatter(x, y, color="black", zorder=3, label="dados")
    span = np.linspace(min(0.0, x.min()), x.max() * 1.05, 100)
    for k, line in enumerate(lines):
        c0, b = line[0], line[1]
        label = line[2] if len(line) > 2 else f"ŷ = {br_short(c0)}·x + {br_short(b)}"
        ax.plot(span, c0 * span + b, label=label)
        if residuals and k == 0:
            ax.vlines(x, y, c0 * x + b, colors="red", linestyles="dotted",
                      label="erro y − ŷ")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if lines:
        ax.legend()
    return ax


def plot_loss_curve(values, losses, marks=(), xlabel="parâmetro", ylabel="MSE", ax=None):
    """Curva do erro em função de um parâmetro.

    values: (p,) valores do parâmetro; losses: (p,) erro em cada valor;
    marks: sequência de ``(valor, erro, rótulo)`` destacados na curva.
    Retorna o ``Axes``.
    """
    ax = one_axes(ax, "plot_loss_curve")
    values = drawable(values, "values", "plot_loss_curve")
    losses = drawable(losses, "losses", "plot_loss_curve")
    same_length(values, losses, "values", "losses", "plot_loss_curve")
    marks = _tuples(marks, "marks", "plot_loss_curve", "(valor, erro, rótulo)")
    ax = _axes(ax)
    ax.plot(values, losses)
    for v, loss, label in marks:
        _mark(ax, v, loss, label)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


def plot_loss_surface(c0_values, b_values, grid, marks=(), kind="contour",
                      xlabel="c0", ylabel="b", ax=None):
    """Superfície do erro sobre a grade ``(c0, b)`` (veja ``linear.loss_grid``).

    c0_values: (p,); b_values: (q,); grid: (q, p);
    marks: sequência de ``(c0, b, rótulo)`` marcados sobre a superfície;
    kind: ``"contour"`` (curvas de nível, em 2-D) ou ``"3d"``.
    Retorna o ``Axes``.
    """
    ax = one_axes(ax, "plot_loss_surface")
    if not isinstance(kind, str) or kind not in ("contour", "3d"):
        raise ValueError(f"plot_loss_surface: `kind` deve ser 'contour' ou '3d', não {kind!r}.")
    if kind == "3d" and ax is not None and not hasattr(ax, "plot_surface"):
        raise ValueError("plot_loss_surface: com kind='3d', `ax` deve ser um eixo 3-D "
                         "(`fig.add_subplot(projection='3d')`).")
    c0_values, b_values, grid = _surface(c0_values, b_values, grid, "plot_loss_surface",
                                         contour=kind == "contour")
    marks = _tuples(marks, "marks", "plot_loss_surface", "(c0, b, rótulo)")
    return _draw_surface(c0_values, b_values, grid, marks, kind, xlabel, ylabel, ax)


def _surface(c0_values, b_values, grid, where, contour=True):
    """Confere a grade do erro: c0_values (p,) e b_values (q,), p, q ≥ 2; grid (q, p)."""
    c0_values = drawable(c0_values, "c0_values", where)
    b_values = drawable(b_values, "b_values", where)
    grid = drawable(grid, "grid", where, ndim=2)
    if grid.shape != (len(b_values), len(c0_values)):
        raise ValueError(
            f"{where}: `grid` deve ter forma (len(b_values), len(c0_values)) = "
            f"({len(b_values)}, {len(c0_values)}), mas tem forma {grid.shape}."
        )
    if min(grid.shape) < 2:
        raise ValueError(f"{where}: a grade precisa de pelo menos 2 valores em `c0_values` e em "
                         f"`b_values`, mas tem forma {grid.shape}.")
    if contour and not grid.max() > max(grid.min(), 1e-12):
        raise ValueError(f"{where}: as curvas de nível vão de max(min(grid), 1e-12) a max(grid), "
                         f"em escala log: `grid` deve ter erros ≥ 0 e não constantes, mas vai de "
                         f"{grid.min():g} a {grid.max():g}.")
    return c0_values, b_values, grid


def _draw_surface(c0_values, b_values, grid, marks, kind, xlabel, ylabel, ax):
    C0, B = np.meshgrid(c0_values, b_values)
    if kind == "3d":
        if ax is None:
            ax = plt.figure(figsize=(7, 5)).add_subplot(projection="3d")
        ax.plot_surface(C0, B, grid, cmap="viridis", alpha=0.8)
        ax.set_zlabel("erro")
    else:
        ax = _axes(ax, figsize=(6, 5))
        levels = np.geomspace(max(grid.min(), 1e-12), grid.max(), 20)
        cs = ax.contour(C0, B, grid, levels=levels, cmap="viridis")
        ax.figure.colorbar(cs, ax=ax, label="erro")
    for c0, b, label in marks:
        if kind == "3d":
            z = grid[np.abs(b_values - b).argmin(), np.abs(c0_values - c0).argmin()]
            ax.scatter([c0], [b], [z], color="red", s=30)
            ax.text(c0, b, z, f" {label}")
        else:
            _mark(ax, c0, b, label, color="red")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


def plot_path_on_surface(c0_values, b_values, grid, paths, marks=(), xlabel="c0", ylabel="b",
                         ax=None):
    """Caminhos do gradiente descendente sobre as curvas de nível do erro.

    c0_values: (p,); b_values: (q,); grid: (q, p) (como em ``plot_loss_surface``);
    paths: sequência de ``(c0s, bs, rótulo)``, com c0s: (k,) e bs: (k,) os
    parâmetros a cada passo (por exemplo ``history["c"][:, 0]`` e
    ``history["b"]`` de ``linear.gradient_descent``). O início de cada caminho
    é marcado com um círculo e o fim com um ``x``. Retorna o ``Axes``.
    """
    where = "plot_path_on_surface"
    ax = one_axes(ax, where)
    if isinstance(paths, (str, bytes, dict)) or not hasattr(paths, "__len__"):
        raise ValueError(f"{where}: `paths` deve ser uma lista de (c0s, bs, rótulo), não "
                         f"{paths!r}.")
    checked = []
    for k, path in enumerate(paths):
        if isinstance(path, (str, bytes)) or not hasattr(path, "__len__") or len(path) != 3:
            raise ValueError(f"plot_path_on_surface: cada caminho deve ser (c0s, bs, rótulo), "
                             f"mas paths[{k}] = {path!r}.")
        c0s = drawable(path[0], "c0s", where, empty=True)
        bs = drawable(path[1], "bs", where, empty=True)
        same_length(c0s, bs, "c0s", "bs", where)
        checked.append((c0s, bs, path[2]))
    c0_values, b_values, grid = _surface(c0_values, b_values, grid, where)
    marks = _tuples(marks, "marks", where, "(c0, b, rótulo)")
    ax = _draw_surface(c0_values, b_values, grid, marks, "contour", xlabel, ylabel, ax)
    for c0s, bs, label in checked:
        (line,) = ax.plot(c0s, bs, marker=".", markersize=4, linewidth=1.2, label=label)
        ax.plot(c0s[:1], bs[:1], "o", color=line.get_color(), markersize=7)
        ax.plot(c0s[-1:], bs[-1:], "x", color=line.get_color(), markersize=9, mew=2)
    if len(paths):
        ax.legend(loc="best", fontsize="small")
    return ax


def plot_learning_curves(curves, xlabel="época", ylabel="MSE", log=True, ax=None):
    """Curvas de aprendizado: o erro a cada época (ou passo) de um ou mais treinos.

    curves: dicionário ``{rótulo: erros}``, cada ``erros`` com forma (k,) (o
    índice ``i`` é a época ``i``; ``history["loss"]`` de
    ``linear.gradient_descent`` serve direto). Valores infinitos ou NaN (um
    treino que divergiu) não são desenhados. Com ``log=True``, o eixo vertical
    fica em escala logarítmica (os erros devem ser positivos). Retorna o ``Axes``.
    """
    ax = one_axes(ax, "plot_learning_curves")
    if not isinstance(curves, dict) or not curves:
        raise ValueError("plot_learning_curves: `curves` deve ser um dicionário não vazio "
                         "{rótulo: erros}.")
    curves = {label: drawable(values, f"curves[{label!r}]", "plot_learning_curves", finite=False,
                           empty=True) for label, values in curves.items()}
    log = flag(log, "log", "plot_learning_curves")
    ax = _axes(ax)
    for label, values in curves.items():
        ok = np.isfinite(values)
        if log and np.any(values[ok] <= 0):
            raise ValueError(f"plot_learning_curves: com `log=True` os erros devem ser positivos, "
                             f"mas `curves[{label!r}]` tem valores ≤ 0; use `log=False`.")
        ax.plot(np.arange(len(values))[ok], values[ok], label=label)
    if log:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(alpha=0.3)
    ax.legend()
    return ax


def plot_decision_boundary(predict_fn, X, y, ax=None, threshold=0.5, fill=True, points=True,
                           color="black", label=None, class_names=None, resolution=200,
                           padding=0.5, xlabel=None, ylabel=None):
    """Regiões de decisão e fronteira de um classificador com duas entradas.

    predict_fn: função que recebe uma matriz (m, 2) e devolve (m,) — classes
    0/1 (``predict``) ou probabilidades da classe 1 (``predict_proba``) — ou
    (m, k) com uma coluna por classe (a classe prevista é a coluna de maior
    valor). X: (n, 2) pontos; y: (n,) classes (inteiros 0, 1, …).

    Pinta as regiões na caixa dos pontos com a folga ``padding`` e desenha a
    fronteira de decisão (``regions.plot_regions``: com saída (m,), a curva de
    nível ``threshold``); se a saída for contínua (probabilidades), o fundo
    mostra a probabilidade em faixas, com uma barra de cores. Com
    ``fill=False``, desenha só a fronteira, na cor ``color`` e com a legenda
    ``label`` — útil para comparar dois modelos no mesmo ``ax``. Com
    ``points=True``, desenha os pontos, um marcador por classe, com a legenda
    ``class_names[k]`` (ou "classe k"). xlabel, ylabel: nomes dos eixos (se
    ``None``, mantém os que o ``ax`` já tem ou usa "x₁" e "x₂"). Retorna o ``Axes``.
    """
    where = "plot_decision_boundary"
    ax = one_axes(ax, where)
    X, y = regions.points(X, where), class_labels(y, "y", where)
    same_length(X, y, "X", "y", where)
    xlim, ylim = regions.box(X, padding, where)
    points = flag(points, "points", where)
    ax = _axes(ax, figsize=(5, 4.5))
    plot_regions(predict_fn, xlim, ylim, ax=ax, resolution=resolution, threshold=threshold,
                 fill=fill, color=color, alpha=0.35, colorbar=True)
    if label is not None:
        ax.plot([], [], color=color, linewidth=1.5, label=label)   # entrada da legenda
    if points:
        plot_points(X, y, ax=ax, class_names=class_names, size=18)
    ax.set_xlabel(xlabel if xlabel is not None else ax.get_xlabel() or "$x_1$")
    ax.set_ylabel(ylabel if ylabel is not None else ax.get_ylabel() or "$x_2$")
    if points or label is not None:
        ax.legend(loc="best", fontsize="small")
    return ax
