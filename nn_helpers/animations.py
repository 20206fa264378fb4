"""Animações que tocam no livro publicado — sem kernel e sem internet.

Uma animação do matplotlib (``FuncAnimation``) vira HTML + JavaScript com
todos os quadros embutidos (``to_jshtml``). Este módulo só acrescenta o que o
livro precisa por cima disso:

* nenhum pedido externo: o ``to_jshtml`` do matplotlib busca os ícones dos
  botões em uma CDN; aqui eles viram caracteres comuns;
* botões, dicas e modos de repetição em português;
* texto alternativo (*alt text*) na imagem, para leitores de tela;
* a figura é fechada, para não aparecer de novo como imagem estática.

Uso típico em um capítulo::

    anim = FuncAnimation(fig, atualiza, frames=40, interval=120)
    to_html(anim, alt="A reta se aproxima dos pontos a cada passo.")

Três animações vêm prontas, uma para cada coisa que o livro mostra se mexendo
(o capítulo calcula os estados do treino; elas só desenham):

* ``animate_gradient_descent`` — a reta ``ŷ = c0·x + b`` e o caminho sobre a
  superfície do erro, época a época (capítulos 1 e 2);
* ``animate_perceptron`` — a fronteira do perceptron pulando a cada correção
  (capítulo 3);
* ``animate_decision_regions`` — as regiões de decisão de uma rede se formando,
  ao lado da curva do custo (capítulos 4 e 6).
"""

import html
import re

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.animation import FuncAnimation
from matplotlib.collections import LineCollection

from .linear import loss_grid
from .book import br_short
from .perceptron import perceptron_predict
from .regions import box, drawable, grid, number_between, paint_regions, plot_points, points
from .validation import as_array, class_labels, flag, one_of, positive, same_length, whole_number

__all__ = ["to_html", "animate_gradient_descent", "animate_perceptron",
           "animate_decision_regions"]

# título em inglês do matplotlib -> (título em português, ícone sem fonte externa)
_BUTTONS = {"Decrease speed": ("Mais devagar", "−"), "First frame": ("Primeiro quadro", "|◀◀"),
            "Previous frame": ("Quadro anterior", "|◀"),
            "Play backwards": ("Tocar de trás para a frente", "◀"), "Pause": ("Pausar", "❚❚"),
            "Play": ("Tocar", "▶"), "Next frame": ("Próximo quadro", "▶|"),
            "Last frame": ("Último quadro", "▶▶|"), "Increase speed": ("Mais depressa", "+")}
_LOOP_LABELS = {">Once<": ">Uma vez<", ">Loop<": ">Repetir<", ">Reflect<": ">Ida e volta<"}
_MODES = ("once", "loop", "reflect")


def to_html(anim, alt, default_mode="loop", fps=None, max_mb=4.0):
    """Converte ``anim`` em HTML autossuficiente e fecha a figura.

    anim: ``matplotlib.animation.Animation``; alt: frase que descreve o que a
    animação mostra (vai para o ``alt`` da imagem); default_mode: ``"once"``,
    ``"loop"`` ou ``"reflect"``; fps: quadros por segundo (padrão: o
    ``interval`` da animação); max_mb: tamanho máximo do HTML, em MB.
    Retorna um ``IPython.display.HTML`` (no Jupyter e no livro, é exibido).
    """
    from IPython.display import HTML

    if not isinstance(anim, matplotlib.animation.Animation):
        raise ValueError(f"to_html: `anim` deve ser uma animação do matplotlib "
                         f"(FuncAnimation), mas recebi {type(anim).__name__}.")
    if not isinstance(alt, str) or len(alt.strip()) < 10:
        raise ValueError("to_html: escreva em `alt` uma frase que descreva a animação "
                         "para quem não a vê (pelo menos 10 caracteres).")
    one_of(default_mode, "default_mode", "to_html", _MODES)
    fps = None if fps is None else positive(fps, "fps", "to_html")
    max_mb = positive(max_mb, "max_mb", "to_html")
    canvas = anim._fig.canvas
    # Ao salvar, o matplotlib desenha cada quadro duas vezes: uma na tela (draw_idle),
    # que aqui ninguém vê, e outra no PNG. Sem a primeira, a conversão leva metade do tempo.
    canvas.draw_idle = lambda *args, **kwargs: None
    try:
        with matplotlib.rc_context({"animation.embed_limit": max_mb}):
            text = anim.to_jshtml(fps=fps, default_mode=default_mode)
    finally:
        del canvas.draw_idle
    plt.close(anim._fig)
    return HTML(localize(text, alt))


def localize(text, alt):
    """Troca, no HTML do ``to_jshtml``, a CDN de ícones e os textos em inglês.

    text: o HTML devolvido por ``Animation.to_jshtml``; alt: o texto alternativo.
    Retorna o HTML modificado (``str``).
    """
    frames = re.search(r"new Array\((\d+)\)", text)
    n_frames = int(frames.group(1)) if frames else 0
    text = re.sub(r"<link[^>]*font-awesome[^>]*>", "", text)
    for english, (portuguese, icon) in _BUTTONS.items():
        text = re.sub(
            rf'title="{english}" aria-label="{english}"(.*?)>\s*<i class="[^"]*"></i>',
            rf'title="{portuguese}" aria-label="{portuguese}"\1>{icon}',
            text, flags=re.S)
    text = text.replace('title="Repetition mode" aria-label="Repetition mode"',
                        'title="Modo de repetição" aria-label="Modo de repetição"')
    for english, portuguese in _LOOP_LABELS.items():
        text = text.replace(english, portuguese)
    alt = html.escape(" ".join(alt.split()), quote=True)
    text = re.sub(r'<img id="(_anim_img\w+)">',
                  rf'<img id="\1" alt="{alt}" role="img">', text)
    text = text.replace('<div class="animation">',
                        f'<div class="animation nn-animation" data-frames="{n_frames}">', 1)
    return text


# ---------- três animações prontas para os capítulos ----------
#
# Todas seguem o mesmo roteiro: validar as entradas, desenhar a figura uma vez
# e, a cada quadro, só trocar os dados dos artistas (a reta, o caminho, a
# imagem das regiões). Os estados do treino são calculados antes, no capítulo;
# aqui só se desenha. Para exibir: ``to_html(anim, alt="...")``.


def animate_gradient_descent(x, y, history, c0_values=None, b_values=None, minimum=None,
                             max_frames=40, interval=200, figsize=(8, 3.5), dpi=70,
                             xlabel="x", ylabel="y", ylim=None):
    """O gradiente descendente de ``ŷ = c0·x + b``, época a época.

    x: (n,) o atributo; y: (n,) o alvo; history: o dicionário devolvido por
    ``linear.gradient_descent`` com um só atributo — ``"c"``: (k, 1),
    ``"b"``: (k,) e ``"loss"``: (k,), uma linha por época (a 0 é o início).
    c0_values: (p,) e b_values: (q,): a grade da superfície do erro (padrão:
    em volta do caminho); minimum: ``(c0, b)`` marcado na superfície (por
    exemplo, o de ``linear.least_squares``), ou ``None``.
    max_frames: com mais épocas que isso, anima só épocas espaçadas (sempre a
    primeira e a última). À esquerda, os pontos, a reta da época e os erros
    ``y − ŷ`` (ylim: ``(mínimo, máximo)`` do eixo vertical; padrão: os pontos e
    as previsões); à direita, as curvas de nível do MSE (``linear.loss_grid``)
    e o caminho até ali; no título, a época e o MSE.
    Retorna a ``FuncAnimation`` (exiba com ``to_html``).
    """
    where = "animate_gradient_descent"
    x, y = drawable(x, "x", where), drawable(y, "y", where)
    same_length(x, y, "x", "y", where)
    _figure(interval, figsize, dpi, where)
    if ylim is not None:
        ylim = drawable(ylim, "ylim", where)
        if ylim.shape != (2,) or not ylim[0] < ylim[1]:
            raise ValueError(f"{where}: `ylim` deve ser um par (mínimo, máximo), com mínimo < "
                             f"máximo, não {ylim}.")
    if not isinstance(history, dict) or not {"c", "b", "loss"} <= set(history):
        raise ValueError(f"{where}: `history` deve ser o dicionário devolvido por "
                         f"linear.gradient_descent, com as chaves 'c', 'b' e 'loss'.")
    losses = drawable(history["loss"], "history['loss']", where, finite=False, empty=True)
    if not np.all(np.isfinite(losses)):
        epoch = int(np.argmin(np.isfinite(losses)))
        raise ValueError(f"{where}: o treino divergiu (o MSE virou infinito ou NaN na época "
                         f"{epoch}); anime um treino que converge ou corte o histórico antes.")
    c = drawable(history["c"], "history['c']", where, ndim=2, empty=True)
    if c.shape[1] != 1:
        raise ValueError(f"{where}: a animação é do modelo de um atributo, ŷ = c0·x + b, mas "
                         f"history['c'] tem forma {c.shape}: {c.shape[1]} coeficientes por época.")
    c0s = c[:, 0]
    bs = drawable(history["b"], "history['b']", where, empty=True)
    same_length(c0s, bs, "history['c']", "history['b']", where)
    same_length(c0s, losses, "history['c']", "history['loss']", where)
    c0_values = _grid_axis(c0_values, c0s, "c0_values", where)
    b_values = _grid_axis(b_values, bs, "b_values", where)
    frames = _frame_indices(len(losses), max_frames, where)

    fig, (ax_data, ax_loss) = plt.subplots(1, 2, figsize=figsize, dpi=dpi)
    span = np.linspace(min(0.0, x.min()), x.max() * 1.05, 50)
    ax_data.scatter(x, y, color="black", zorder=3, label="dados")
    (line,) = ax_data.plot([], [], color="C1", linewidth=2, label="ŷ = c0·x + b", gid="reta")
    errors = LineCollection([], colors="red", linestyles="dotted", label="erro y − ŷ")
    ax_data.add_collection(errors)
    predictions = np.outer(c0s[frames], x) + bs[frames, None]
    ax_data.set_xlim(span[0], span[-1])
    ax_data.set_ylim(*(_limits(y, predictions) if ylim is None else ylim))
    ax_data.set_xlabel(xlabel)
    ax_data.set_ylabel(ylabel)
    ax_data.legend(loc="upper left", fontsize="small")

    surface = loss_grid(x, y, c0_values, b_values)
    if surface.max() > surface.min():                # faixas de cor sem suavizar as bordas:
        levels = np.geomspace(max(surface.min(), 1e-12), surface.max(), 12)   # PNGs menores
        ax_loss.contourf(c0_values, b_values, surface, levels=levels, cmap="viridis", alpha=0.45,
                         antialiased=False)
    if minimum is not None:
        best = drawable(minimum, "minimum", where)
        if best.shape != (2,):
            raise ValueError(f"{where}: `minimum` deve ser o par (c0, b), mas tem forma "
                             f"{best.shape}.")
        ax_loss.plot(*best, "*", color="gold", markeredgecolor="black", markersize=12,
                     label="mínimo")
    (path,) = ax_loss.plot([], [], "-o", color="C3", markersize=3, linewidth=1,
                           label="caminho", gid="caminho")
    (point,) = ax_loss.plot([], [], "o", color="C3", markersize=7)
    ax_loss.set_xlim(c0_values[0], c0_values[-1])
    ax_loss.set_ylim(b_values[0], b_values[-1])
    ax_loss.set_xlabel("$c_0$")
    ax_loss.set_ylabel("$b$")
    ax_loss.legend(loc="upper right", fontsize="small")
    title = fig.suptitle("")

    def update(frame):
        i = frames[frame]
        c0, b = c0s[i], bs[i]
        line.set_data(span, c0 * span + b)
        errors.set_segments([[(xi, yi), (xi, c0 * xi + b)] for xi, yi in zip(x, y)])
        path.set_data(c0s[:i + 1], bs[:i + 1])
        point.set_data([c0], [b])
        title.set_text(f"época {i}: MSE = {br_short(losses[i])}")
        return line, errors, path, point, title

    return _animation(fig, update, len(frames), interval)


def animate_perceptron(X, y, states, examples=None, titles=None, interval=600,
                       figsize=(7, 3.8), dpi=70, class_names=("classe 0", "classe 1"),
                       xlabel="$x_1$", ylabel="$x_2$", padding=0.5):
    """A fronteira do perceptron, ``w·x + b = 0``, se mexendo enquanto ele aprende.

    X: (n, 2) pontos; y: (n,) classes 0 ou 1; states: sequência de ``(w, b)``,
    um por quadro, com w: (2,) e b: número — por exemplo, os pesos antes e
    depois de cada correção de ``perceptron.perceptron_update``.
    examples: ``None`` ou uma sequência com um item por quadro: o índice do
    exemplo em foco naquele quadro (destacado com uma estrela) ou ``None``;
    titles: ``None`` ou um título por quadro (padrão: o passo e quantos
    pontos estão do lado errado). Em cada quadro, o fundo mostra a classe
    prevista, ``perceptron_predict(X, w, b)``, e os pontos classificados errado ganham um
    anel vermelho. Retorna a ``FuncAnimation`` (exiba com ``to_html``).
    """
    where = "animate_perceptron"
    X, y = _two_classes(X, y, where)
    _figure(interval, figsize, dpi, where)
    class_names, (xlim, ylim) = _names(class_names, where), box(X, padding, where)
    weights, biases = [], []
    for k, (w, b) in enumerate(_per_frame_items(states, 2, "states", "um par (w, b)", where)):
        w = drawable(w, f"states[{k}][0] (w)", where)
        if w.shape != (2,):
            raise ValueError(f"{where}: `w` deve ter 2 pesos, um por coluna de X, mas "
                             f"states[{k}][0] tem forma {w.shape}.")
        weights.append(w)
        biases.append(number_between(b, f"states[{k}][1] (b)", where))
    examples = _per_frame(examples, len(states), "examples", where)
    for k, i in enumerate(examples):
        if i is not None and (isinstance(i, bool) or not isinstance(i, (int, np.integer))
                              or not 0 <= i < len(X)):
            raise ValueError(f"{where}: examples[{k}] deve ser None ou o índice de um ponto "
                             f"(0 a {len(X) - 1}), não {i!r}.")
    titles = _per_frame(titles, len(states), "titles", where)

    fig, ax = plt.subplots(figsize=figsize, dpi=dpi)
    plane = grid(xlim, ylim, 120, where)                  # onde se pinta a classe prevista
    image = paint_regions(np.zeros((120, 120)), xlim, ylim, ax=ax, alpha=0.25)
    plot_points(X, y, ax=ax, class_names=class_names)
    rings = ax.scatter([], [], s=160, facecolors="none", edgecolors="red", linewidths=1.5,
                       zorder=4, label="classificado errado", gid="errados")
    focus = ax.scatter([], [], s=260, marker="*", color="gold", edgecolors="black",
                       zorder=5, label="exemplo da vez")
    (boundary,) = ax.plot([], [], color="black", linewidth=2, label="fronteira",
                          gid="fronteira")
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), fontsize="small")
    title = ax.set_title("", fontsize="medium")

    def update(frame):
        w, b = weights[frame], biases[frame]
        image.set_data(perceptron_predict(plane, w, b).reshape(120, 120))
        boundary.set_data(*_line_in_box(w, b, xlim, ylim))
        wrong = perceptron_predict(X, w, b) != y
        rings.set_offsets(X[wrong] if wrong.any() else np.empty((0, 2)))
        i = examples[frame]
        focus.set_offsets(X[[i]] if i is not None else np.empty((0, 2)))
        title.set_text(titles[frame] if titles[frame] is not None
                       else f"passo {frame}: {int(wrong.sum())} ponto(s) do lado errado")
        return image, boundary, rings, focus, title

    return _animation(fig, update, len(states), interval)


def animate_decision_regions(X, y, snapshots, resolution=80, padding=0.5, interval=250,
                             figsize=(8, 3.5), dpi=70, class_names=("classe 0", "classe 1"),
                             loss_label="custo", log_loss=False, point_size=20,
                             xlabel="$x_1$", ylabel="$x_2$"):
    """As regiões de decisão de um classificador se formando durante o treino.

    X: (n, 2) pontos; y: (n,) classes 0 ou 1; snapshots: sequência de
    ``(época, probas, custo)``, um por quadro, em que ``probas`` é a
    probabilidade da classe 1 naquele momento do treino: ou uma função que
    recebe (m, 2) e devolve (m,), (m, 1) ou (m, 2) (a saída de uma softmax de
    duas classes: usa a coluna 1), ou os valores já calculados nos pontos de
    ``regions.region_grid(X, resolution, padding)``, com forma (resolution²,) ou
    (resolution, resolution). Guarde as funções com os pesos daquele momento
    (uma cópia), não o modelo que continua treinando.
    À esquerda, as regiões (vermelho: classe 1; azul: classe 0), a fronteira
    ``p = 0,5`` e os pontos; à direita, o custo até a época do quadro
    (``log_loss=True``: eixo em escala log). point_size: o tamanho dos pontos
    (poucos pontos, como os 4 do XOR, pedem pontos grandes). Retorna a ``FuncAnimation``.
    """
    where = "animate_decision_regions"
    X, y = _two_classes(X, y, where)
    _figure(interval, figsize, dpi, where)
    class_names, point_size = _names(class_names, where), positive(point_size, "point_size", where)
    xlim, ylim = box(X, padding, where)
    plane, log_loss = grid(xlim, ylim, resolution, where), flag(log_loss, "log_loss", where)
    epochs, images, losses = [], [], []
    form = "(época, probas, custo)"
    for k, (epoch, probas, loss) in enumerate(_per_frame_items(snapshots, 3, "snapshots", form,
                                                               where)):
        epochs.append(number_between(epoch, f"snapshots[{k}][0] (época)", where))
        losses.append(number_between(loss, f"snapshots[{k}][2] (custo)", where))
        images.append(_probability_image(probas, plane, resolution, k, where))
    epochs, losses = np.array(epochs), np.array(losses)
    if np.any(np.diff(epochs) < 0):
        raise ValueError(f"{where}: as épocas de `snapshots` devem vir em ordem crescente.")
    if log_loss and np.any(losses <= 0):
        raise ValueError(f"{where}: com `log_loss=True` os custos devem ser positivos.")

    fig, (ax_regions, ax_loss) = plt.subplots(1, 2, figsize=figsize, dpi=dpi,
                                              gridspec_kw={"width_ratios": [1, 1.2]})
    # 10 faixas de probabilidade, como num contourf: cores chapadas, PNGs pequenos
    image = paint_regions(images[0], xlim, ylim, ax=ax_regions, alpha=0.55)
    plot_points(X, y, ax=ax_regions, class_names=class_names, size=point_size)
    ax_regions.set_xlim(*xlim)
    ax_regions.set_ylim(*ylim)
    ax_regions.set_xlabel(xlabel)
    ax_regions.set_ylabel(ylabel)
    ax_regions.legend(loc="upper center", bbox_to_anchor=(0.5, -0.27), ncol=2,
                      fontsize="x-small")                  # embaixo: não cobre nenhum ponto
    x1s, x2s = np.linspace(*xlim, resolution), np.linspace(*ylim, resolution)
    boundary = []                                   # a curva p = 0,5 do quadro atual

    (curve,) = ax_loss.plot([], [], color="C0", gid="curva")
    (point,) = ax_loss.plot([], [], "o", color="C0")
    ax_loss.set_xlim(epochs[0], max(epochs[-1], epochs[0] + 1))
    if log_loss:
        ax_loss.set_yscale("log")
        ax_loss.set_ylim(losses.min() / 1.5, losses.max() * 1.5)
    else:
        ax_loss.set_ylim(min(0.0, losses.min()), losses.max() * 1.08 or 1.0)
    ax_loss.set_xlabel("época")
    ax_loss.set_ylabel(loss_label)
    ax_loss.grid(alpha=0.3)
    title = fig.suptitle("")

    def update(frame):
        image.set_data(images[frame])
        while boundary:                             # apaga só a fronteira anterior
            boundary.pop().remove()
        if images[frame].min() < 0.5 < images[frame].max():
            boundary.append(ax_regions.contour(x1s, x2s, images[frame], levels=[0.5],
                                               colors="black", linewidths=1.5))
        curve.set_data(epochs[:frame + 1], losses[:frame + 1])
        point.set_data([epochs[frame]], [losses[frame]])
        title.set_text(f"época {br_short(epochs[frame])}: {loss_label} = "
                       f"{br_short(losses[frame])}")
        return image, curve, point, title, *boundary

    return _animation(fig, update, len(snapshots), interval)


# ---------- peças pequenas usadas acima ----------

def _animation(fig, update, n_frames, interval):
    """Desenha o primeiro quadro (a figura sai arrumada) e devolve a ``FuncAnimation``."""
    update(0)
    fig.tight_layout()
    return FuncAnimation(fig, update, frames=n_frames, interval=interval)


def _frame_indices(k, max_frames, where):
    """Até ``max_frames`` índices entre 0 e k − 1, espaçados, com o primeiro e o último."""
    if k == 0:
        raise ValueError(f"{where}: o histórico está vazio; não há nada para animar.")
    if k <= whole_number(max_frames, "max_frames", where, minimum=2):
        return np.arange(k)
    return np.unique(np.linspace(0, k - 1, max_frames).round().astype(int))


def _grid_axis(values, path, name, where):
    """Os valores de um eixo da grade: os dados (crescentes) ou, se None, em volta de ``path``."""
    if values is None:
        lo, hi = path.min(), path.max()
        margin = 0.3 * (hi - lo) if hi > lo else 0.5 * abs(hi) + 1.0
        return np.linspace(lo - margin, hi + margin, 80)
    values = drawable(values, name, where)
    if len(values) < 2 or np.any(np.diff(values) <= 0):
        raise ValueError(f"{where}: `{name}` deve ter pelo menos 2 valores, em ordem crescente.")
    return values


def _limits(y, predictions):
    """Limites do eixo vertical: dados e previsões, sem que uma reta distante achate os pontos."""
    spread = max(np.ptp(y), 1e-9)
    lo = max(min(y.min(), predictions.min()), y.min() - 1.5 * spread)
    hi = min(max(y.max(), predictions.max()), y.max() + 1.5 * spread)
    margin = 0.08 * (hi - lo)
    return lo - margin, hi + margin


def _two_classes(X, y, where):
    """Valida X: (n, 2) e y: (n,) com classes 0 e 1; devolve os dois como arrays."""
    X, y = points(X, where), class_labels(y, "y", where, n_classes=2)
    same_length(X, y, "X", "y", where)
    return X, y


def _sized(value):
    """Uma sequência de itens (lista, tupla, array), não um texto nem um número."""
    return hasattr(value, "__len__") and not isinstance(value, (str, bytes, dict))


def _names(class_names, where):
    """``class_names``: os nomes das classes 0 e 1."""
    if not _sized(class_names) or len(class_names) != 2:
        raise ValueError(f"{where}: `class_names` deve ser um par de nomes (classe 0, classe 1), "
                         f"não {class_names!r}.")
    return list(class_names)


def _figure(interval, figsize, dpi, where):
    """Confere o tempo entre quadros (ms) e o tamanho da figura: positivos, até 4000 pixels."""
    positive(interval, "interval", where)
    with np.errstate(over="ignore"):                    # dpi = 1e308: infinito, recusado
        size = drawable(figsize, "figsize", where) * positive(dpi, "dpi", where)
    if size.shape != (2,) or not np.all((size >= 10) & (size <= 4000)):
        raise ValueError(f"{where}: `figsize` deve ser (largura, altura), em polegadas, com "
                         f"figsize × dpi entre 10 e 4000 pixels; recebi figsize={figsize!r} e "
                         f"dpi={dpi!r}.")


def _per_frame(values, n_frames, name, where):
    """``None`` vira uma lista de ``None``; senão, confere que há um item por quadro."""
    if values is None:
        return [None] * n_frames
    if _sized(values) and len(values) == n_frames:
        return list(values)
    raise ValueError(f"{where}: `{name}` deve ser None ou uma lista com um item por quadro "
                     f"({n_frames}), não {values!r}.")


def _per_frame_items(items, size, name, form, where):
    """``items``: uma lista não vazia, um item por quadro, cada um uma tupla ``form``, de
    ``size`` elementos."""
    if not _sized(items) or len(items) == 0:
        raise ValueError(f"{where}: `{name}` deve ser uma lista não vazia de {form}, um por "
                         f"quadro, não {items!r}.")
    for k, item in enumerate(items):
        if _sized(item) and len(item) == size:
            continue
        raise ValueError(f"{where}: cada item de `{name}` deve ser {form}, mas {name}[{k}] = "
                         f"{item!r}.")
    return items


def _probability_image(probas, plane, resolution, k, where):
    """A probabilidade da classe 1 na grade, como imagem (resolution, resolution)."""
    name = f"snapshots[{k}][1] (probas)"
    out = as_array(probas(plane) if callable(probas) else probas, name, where, ndim=(1, 2))
    if out.ndim == 2 and out.shape != (resolution, resolution):    # uma coluna por classe
        if out.shape[1] not in (1, 2):
            raise ValueError(f"{where}: {name} tem forma {out.shape}; esperava (m,), (m, 1) "
                             f"ou (m, 2) — duas classes.")
        out = out[:, -1]
    if out.size != resolution * resolution:
        raise ValueError(f"{where}: {name} tem {out.size} valores, mas a grade tem "
                         f"{resolution}×{resolution} = {resolution * resolution} pontos "
                         f"(veja regions.region_grid).")
    if out.min() < -1e-6 or out.max() > 1 + 1e-6:
        raise ValueError(f"{where}: {name} deve conter probabilidades, entre 0 e 1, mas vai de "
                         f"{out.min():g} a {out.max():g}.")
    return out.reshape(resolution, resolution)


def _line_in_box(w, b, xlim, ylim):
    """Dois pontos da reta ``w·x + b = 0`` que atravessam a caixa xlim × ylim; vazio se w = 0."""
    if abs(w[1]) >= abs(w[0]) and w[1] != 0:
        xs = np.array(xlim)
        return xs, -(w[0] * xs + b) / w[1]
    if w[0] != 0:
        ys = np.array(ylim)
        return -(w[1] * ys + b) / w[0], ys
    return [], []

