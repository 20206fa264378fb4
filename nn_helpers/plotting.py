"""Gráficos do curso, todos com matplotlib.

Cada função desenha em um ``ax`` (cria um, se não for dado) e devolve esse
``ax``, para que o capítulo possa acrescentar títulos e anotações.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib import scale as _scale
from matplotlib import ticker

from .validation import as_array, same_length

# os formatadores padrão do matplotlib, antes de use_decimal_comma
_DEFAULTS = {kind: kind.set_default_locators_and_formatters
             for kind in (_scale.LinearScale, _scale.FuncScale)}

__all__ = ["br", "br_sci", "br_list", "br_matrix", "use_decimal_comma", "plot_data_line",
           "plot_loss_curve", "plot_loss_surface", "plot_path_on_surface",
           "plot_learning_curves", "region_grid", "plot_decision_boundary", "show_source"]


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


def plot_path_on_surface(c0_values, b_values, grid, paths, marks=(), xlabel="c0", ylabel="b",
                         ax=None):
    """Caminhos do gradiente descendente sobre as curvas de nível do erro.

    c0_values: (p,); b_values: (q,); grid: (q, p) (como em ``plot_loss_surface``);
    paths: sequência de ``(c0s, bs, rótulo)``, com c0s: (k,) e bs: (k,) os
    parâmetros a cada passo (por exemplo ``history["c"][:, 0]`` e
    ``history["b"]`` de ``linear.gradient_descent``). O início de cada caminho
    é marcado com um círculo e o fim com um ``x``. Retorna o ``Axes``.
    """
    checked = []
    for k, path in enumerate(paths):
        if len(path) != 3:
            raise ValueError(f"plot_path_on_surface: cada caminho deve ser (c0s, bs, rótulo); "
                             f"o caminho {k} tem {len(path)} elemento(s).")
        c0s = as_array(path[0], "c0s", "plot_path_on_surface", ndim=1)
        bs = as_array(path[1], "bs", "plot_path_on_surface", ndim=1)
        same_length(c0s, bs, "c0s", "bs", "plot_path_on_surface")
        checked.append((c0s, bs, path[2]))
    ax = plot_loss_surface(c0_values, b_values, grid, marks=marks, kind="contour",
                           xlabel=xlabel, ylabel=ylabel, ax=ax)
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
    if not isinstance(curves, dict) or not curves:
        raise ValueError("plot_learning_curves: `curves` deve ser um dicionário não vazio "
                         "{rótulo: erros}.")
    ax = _axes(ax)
    for label, values in curves.items():
        values = as_array(values, f"curves[{label!r}]", "plot_learning_curves", ndim=1,
                          finite=False)
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


def region_grid(X, resolution=80, padding=0.5):
    """Os pontos de uma grade que cobre o plano dos dados, onde se avalia um classificador.

    X: (n, 2). A grade cobre os pontos com uma folga ``padding`` e tem
    ``resolution`` valores em cada eixo. Retorna (resolution², 2), linha a
    linha, de baixo para cima — a ordem de ``probas.reshape(resolution, resolution)``.
    """
    X = as_array(X, "X", "region_grid", ndim=2)
    if X.shape[1] != 2:
        raise ValueError(f"region_grid: `X` deve ter 2 colunas, mas tem {X.shape[1]}.")
    lo, hi = X.min(axis=0) - padding, X.max(axis=0) + padding
    g1, g2 = np.meshgrid(np.linspace(lo[0], hi[0], resolution),
                         np.linspace(lo[1], hi[1], resolution))
    return np.column_stack([g1.ravel(), g2.ravel()])


def plot_decision_boundary(predict_fn, X, y, ax=None, threshold=0.5, fill=True, points=True,
                           color="black", label=None, class_names=None, resolution=200,
                           padding=0.5, xlabel=None, ylabel=None):
    """Regiões de decisão e fronteira de um classificador com duas entradas.

    predict_fn: função que recebe uma matriz (m, 2) e devolve (m,) — classes
    0/1 (``predict``) ou probabilidades da classe 1 (``predict_proba``) — ou
    (m, k) com uma coluna por classe (a classe prevista é a coluna de maior
    valor). X: (n, 2) pontos; y: (n,) classes (inteiros 0, 1, …).

    Com saída (m,), pinta as regiões e desenha a curva de nível ``threshold``
    (a fronteira de decisão); se a saída for contínua (probabilidades), o
    fundo mostra a probabilidade em tons. Com ``fill=False``, desenha só a
    fronteira, na cor ``color`` e com a legenda ``label`` — útil para comparar
    dois modelos no mesmo ``ax``. Com ``points=True``, desenha os pontos, um
    marcador por classe, com a legenda ``class_names[k]`` (ou "classe k").
    xlabel, ylabel: nomes dos eixos (se ``None``, mantém os que o ``ax`` já
    tem ou usa "x₁" e "x₂"). Retorna o ``Axes``.
    """
    if not callable(predict_fn):
        raise ValueError("plot_decision_boundary: `predict_fn` deve ser uma função que recebe "
                         "uma matriz (m, 2) e devolve previsões.")
    X = as_array(X, "X", "plot_decision_boundary", ndim=2)
    y = as_array(y, "y", "plot_decision_boundary", ndim=1)
    same_length(X, y, "X", "y", "plot_decision_boundary")
    if X.shape[1] != 2:
        raise ValueError(f"plot_decision_boundary: `X` deve ter 2 colunas (dois atributos, um "
                         f"por eixo), mas tem {X.shape[1]}.")
    ax = _axes(ax, figsize=(5, 4.5))
    lo, hi = X.min(axis=0) - padding, X.max(axis=0) + padding
    grid_points = region_grid(X, resolution, padding)
    g1, g2 = (grid_points[:, k].reshape(resolution, resolution) for k in (0, 1))
    out = as_array(predict_fn(grid_points), "predict_fn(...)", "plot_decision_boundary",
                   ndim=(1, 2))
    if out.shape[0] != len(grid_points):
        raise ValueError(f"plot_decision_boundary: `predict_fn` recebeu {len(grid_points)} "
                         f"pontos e devolveu {out.shape[0]} previsões; deve devolver uma por "
                         f"ponto.")
    if out.ndim == 2 and out.shape[1] == 1:
        out = out[:, 0]
    if out.ndim == 2:                                   # (m, k): uma coluna por classe
        classes = out.argmax(axis=1).reshape(g1.shape)
        k = out.shape[1]
        if fill:
            ax.contourf(g1, g2, classes, levels=np.arange(k + 1) - 0.5, cmap="coolwarm",
                        alpha=0.3)
        ax.contour(g1, g2, classes, levels=np.arange(k - 1) + 0.5, colors=color,
                   linewidths=1.5)
    else:
        Z = out.reshape(g1.shape)
        discrete = np.all(np.isin(out, (0.0, 1.0)))
        if fill:
            levels = [-0.5, threshold, 1.5] if discrete else np.linspace(0, 1, 11)
            filled = ax.contourf(g1, g2, Z, levels=levels, cmap="coolwarm", alpha=0.35)
            if not discrete:
                ax.figure.colorbar(filled, ax=ax, label="probabilidade da classe 1")
        if Z.min() < threshold < Z.max():
            ax.contour(g1, g2, Z, levels=[threshold], colors=color, linewidths=1.5)
    if label is not None:
        ax.plot([], [], color=color, linewidth=1.5, label=label)   # entrada da legenda
    if points:
        classes = np.unique(y)
        if class_names is not None and len(class_names) < len(classes):
            raise ValueError(f"plot_decision_boundary: `class_names` tem {len(class_names)} "
                             f"nome(s), mas `y` tem {len(classes)} classes.")
        colors = plt.get_cmap("coolwarm")(np.linspace(0, 1, max(len(classes), 2)))
        for k, cls in enumerate(classes):
            mask = y == cls
            ax.scatter(X[mask, 0], X[mask, 1], s=18, marker="os^vD*"[k % 6], color=colors[k],
                       edgecolors="black", linewidths=0.4,
                       label=f"classe {cls:g}" if class_names is None else class_names[k])
    ax.set_xlim(lo[0], hi[0])
    ax.set_ylim(lo[1], hi[1])
    ax.set_xlabel(xlabel if xlabel is not None else ax.get_xlabel() or "$x_1$")
    ax.set_ylabel(ylabel if ylabel is not None else ax.get_ylabel() or "$x_2$")
    if points or label is not None:
        ax.legend(loc="best", fontsize="small")
    return ax


def show_source(obj):
    """Mostra, com cores, o código-fonte de uma função da biblioteca.

    Os capítulos usam isto para exibir exatamente o código que está em
    ``nn_helpers`` — assim o texto do livro e a biblioteca nunca divergem.
    """
    import inspect

    from IPython.display import Code, display

    display(Code(inspect.getsource(obj), language="python"))


def br(value, decimals=2):
    """Escreve um número no estilo brasileiro, com vírgula decimal: ``br(7533.333) -> '7533,33'``.

    Os capítulos usam isto para imprimir todo número com vírgula decimal, como se escreve no Brasil.
    """
    return f"{float(value):.{decimals}f}".replace(".", ",")


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def br_sci(value, decimals=1):
    """Notação científica com vírgula decimal: ``br_sci(4.831e39, 2) -> '4,83·10³⁹'``."""
    value = float(value)
    if value == 0:
        return "0"
    mantissa, exponent = f"{value:.{decimals}e}".split("e")
    return f"{mantissa.replace('.', ',')}·10{str(int(exponent)).translate(_SUPERSCRIPT)}"


def br_list(values, decimals=2):
    """Vários números com vírgula decimal, separados por ponto e vírgula: ``'(0,50; −1,50)'``.

    values: qualquer array-like (é achatado).
    """
    return "(" + "; ".join(br(v, decimals) for v in np.ravel(values)) + ")"


def br_matrix(M, decimals=4):
    """Um array do numpy escrito com vírgula decimal e colunas alinhadas (como ``print(M)``)."""
    M = np.asarray(M, dtype=float) + 0.0               # + 0.0: sem "-0,0000"
    width = max(len(br(v, decimals)) for v in M.ravel())
    return np.array2string(M, separator="  ",
                           formatter={"float_kind": lambda v: f"{br(v, decimals):>{width}}"})


class CommaFormatter(ticker.ScalarFormatter):
    """O formatador padrão dos eixos do matplotlib, com vírgula decimal: 0,5 em vez de 0.5."""

    def __call__(self, x, pos=None):
        return _comma(super().__call__(x, pos), self._useMathText)

    def get_offset(self):
        return _comma(super().get_offset(), self._useMathText)


def _comma(text, mathtext):
    return text.replace(".", "{,}" if mathtext else ",")


def use_decimal_comma():
    """Vírgula decimal nos números dos eixos de todas as figuras criadas depois desta chamada.

    O matplotlib escreve 0.5; o livro escreve 0,5. Os capítulos chamam isto uma vez, logo
    depois das importações: os eixos lineares (e as barras de cores, que usam a escala
    ``FuncScale``) passam a usar ``CommaFormatter``.
    """
    from matplotlib import scale

    for kind in (scale.LinearScale, scale.FuncScale):
        original = _DEFAULTS[kind]
        if kind.set_default_locators_and_formatters is original:
            kind.set_default_locators_and_formatters = _with_commas(original)


def _with_commas(original):
    def defaults_with_commas(self, axis):
        original(self, axis)
        axis.set_major_formatter(CommaFormatter())
    return defaults_with_commas
