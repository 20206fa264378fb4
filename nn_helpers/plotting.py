"""Gráficos do curso, todos com matplotlib.

Cada função desenha em um ``ax`` (cria um, se não for dado) e devolve esse
``ax``, para que o capítulo possa acrescentar títulos e anotações.
"""

import matplotlib.pyplot as plt
import numpy as np

from .validation import as_array, same_length

__all__ = ["plot_data_line", "plot_loss_curve", "plot_loss_surface", "show_source"]


def _axes(ax, figsize=(6, 4)):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def plot_data_line(x, y, lines=(), xlabel="x", ylabel="y", ax=None, residuals=False):
    """Pontos ``(x, y)`` e uma ou mais retas ``ŷ = c0·x + b``.

    x: (n,); y: (n,); lines: sequência de ``(c0, b)`` ou ``(c0, b, rótulo)``.
    Com ``residuals=True``, liga cada ponto à primeira reta (o erro ``y − ŷ``).
    Retorna o ``Axes``.
    """
    x = as_array(x, "x", "plot_data_line", ndim=1)
    y = as_array(y, "y", "plot_data_line", ndim=1)
    same_length(x, y, "x", "y", "plot_data_line")
    ax = _axes(ax)
    ax.scatter(x, y, color="black", zorder=3, label="dados")
    span = np.linspace(min(0.0, x.min()), x.max() * 1.05, 100)
    for k, line in enumerate(lines):
        c0, b = line[0], line[1]
        label = line[2] if len(line) > 2 else f"ŷ = {c0:g}·x + {b:g}"
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
    values = as_array(values, "values", "plot_loss_curve", ndim=1)
    losses = as_array(losses, "losses", "plot_loss_curve", ndim=1)
    same_length(values, losses, "values", "losses", "plot_loss_curve")
    ax = _axes(ax)
    ax.plot(values, losses)
    for v, loss, label in marks:
        ax.scatter([v], [loss], zorder=3)
        ax.annotate(label, (v, loss), textcoords="offset points", xytext=(5, 5))
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
    c0_values = as_array(c0_values, "c0_values", "plot_loss_surface", ndim=1)
    b_values = as_array(b_values, "b_values", "plot_loss_surface", ndim=1)
    grid = as_array(grid, "grid", "plot_loss_surface", ndim=2)
    if grid.shape != (len(b_values), len(c0_values)):
        raise ValueError(
            f"plot_loss_surface: `grid` deve ter forma (len(b_values), len(c0_values)) = "
            f"({len(b_values)}, {len(c0_values)}), mas tem forma {grid.shape}."
        )
    if kind not in ("contour", "3d"):
        raise ValueError(f"plot_loss_surface: `kind` deve ser 'contour' ou '3d', não {kind!r}.")
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
            ax.scatter([c0], [b], color="red", zorder=3)
            ax.annotate(label, (c0, b), textcoords="offset points", xytext=(5, 5))
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


def show_source(obj):
    """Mostra, com cores, o código-fonte de uma função da biblioteca.

    Os capítulos usam isto para exibir exatamente o código que está em
    ``nn_helpers`` — assim o texto do livro e a biblioteca nunca divergem.
    """
    import inspect

    from IPython.display import Code, display

    display(Code(inspect.getsource(obj), language="python"))
