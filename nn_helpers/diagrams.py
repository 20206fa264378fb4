"""Diagramas de redes neurais desenhados a partir das formas do modelo (capítulos 4, 6 e 8).

Cada camada vira uma coluna de círculos (entrada, camadas escondidas, saída), e cada
peso vira uma aresta entre duas colunas vizinhas. Com os pesos, a espessura de
cada aresta é proporcional a ``|w|`` e a cor diz o sinal. O modelo pode ser:

* uma lista de tamanhos, como ``[2, 2, 1]``;
* uma lista de matrizes de pesos ``W: (n_in, n_out)``, ou de pares ``(W, b)``
  com ``b: (n_out,)`` — a convenção do livro, ``Z = X·W + b``;
* um ``nn_helpers.nn.MLP``;
* um modelo Keras feito de camadas ``Dense``, lido por ``model.layers`` e
  ``get_weights()`` — este módulo não importa o Keras.

Uso típico em um capítulo::

    ax = draw_network([(W1, b1), (W2, b2)], bias=True, show_values=True)
    ax.set_title("A rede XOR com os pesos escolhidos à mão")
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D

from .nn import MLP, Dense, Dropout
from .book import br_short
from .validation import as_array, first_nonfinite, flag, one_axes, whole_number

__all__ = ["draw_network"]

WHERE = "draw_network"
POSITIVE, NEGATIVE, PLAIN = "#1f77b4", "#d62728", "0.6"     # azul, vermelho, cinza
FILL = {"entrada": "#dbe9f6", "escondida": "#fff2cc", "saída": "#d9ead3"}
MIN_WIDTH, MAX_WIDTH = 0.4, 4.5                               # espessuras das arestas, em pontos


# ---------- 1. ler o modelo: tamanhos, pesos, vieses e ativações ----------

def _is_size(value):
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def _read_matrices(items, where_name):
    """Lista de ``W: (n_in, n_out)`` ou de pares ``(W, b)`` → (tamanhos, [W], [b ou None]).

    Confere que cada matriz é 2-D, que as formas encadeiam (o ``n_in`` de uma é
    o ``n_out`` da anterior), que cada ``b`` tem forma ``(n_out,)`` e que não há
    NaN nem infinito.
    """
    if len(items) == 0:
        raise ValueError(f"{WHERE}: `{where_name}` é uma lista vazia; passe uma matriz de pesos "
                         f"(n_in, n_out) por camada.")
    Ws, bs = [], []
    for k, item in enumerate(items, start=1):
        is_pair = (isinstance(item, tuple) and len(item) == 2
                   and np.asarray(item[0], dtype=object).ndim == 2)
        W, b = item if is_pair else (item, None)
        W = as_array(W, f"matriz {k} de {where_name}", WHERE, finite=False)
        if W.ndim != 2:
            raise ValueError(f"{WHERE}: a matriz {k} de `{where_name}` deve ser 2-D, com forma "
                             f"(n_in, n_out), mas tem forma {W.shape}.")
        if Ws and W.shape[0] != Ws[-1].shape[1]:
            raise ValueError(
                f"{WHERE}: a matriz {k} tem forma {W.shape}, mas a camada anterior tem "
                f"{Ws[-1].shape[1]} unidades (a matriz {k - 1} tem forma {Ws[-1].shape}). "
                f"Cada matriz tem forma (n_in, n_out), com n_in igual ao n_out da anterior.")
        _check_finite(W, f"a matriz {k}")
        if b is not None:
            b = as_array(b, f"viés b da camada {k}", WHERE, finite=False)
            if b.shape != (W.shape[1],):
                raise ValueError(f"{WHERE}: o viés b da camada {k} tem forma {b.shape}, "
                                 f"mas a matriz {k} tem {W.shape[1]} colunas; b deve ter forma "
                                 f"({W.shape[1]},).")
            _check_finite(b, f"o viés b da camada {k}")
        Ws.append(W)
        bs.append(b)
    return [Ws[0].shape[0]] + [W.shape[1] for W in Ws], Ws, bs


def _check_finite(values, what):
    """Sem NaN nem infinito: a espessura de uma aresta é |w|."""
    if first_nonfinite(values):
        kind, pos = first_nonfinite(values)
        raise ValueError(f"{WHERE}: {what} contém {kind} (na posição {pos}); não dá para "
                         f"desenhar a espessura de um peso {kind}. O treino divergiu? "
                         f"Experimente uma taxa de aprendizado menor.")


def _from_list(model):
    """Lista de tamanhos ou de matrizes → o dicionário de ``_read_model``."""
    if all(_is_size(s) for s in model):
        if len(model) < 2:
            raise ValueError(f"{WHERE}: uma rede precisa de pelo menos 2 camadas (entrada e "
                             f"saída), mas `model` tem só {len(model)}: {list(model)}.")
        for i, size in enumerate(model):
            if size <= 0:
                raise ValueError(f"{WHERE}: `model[{i}]` (a camada {_default_names(len(model))[i]}"
                                 f") vale {size}; os tamanhos devem ser inteiros positivos, "
                                 f"como [2, 2, 1].")
        return {"sizes": [int(s) for s in model], "W": None, "b": None, "act": None, "notes": []}
    if any(_is_size(s) or isinstance(s, (float, np.floating)) for s in model):
        raise ValueError(f"{WHERE}: `model` deve ser uma lista de tamanhos inteiros e positivos, "
                         f"como [2, 2, 1] (ou uma lista de matrizes de pesos), mas recebi "
                         f"{list(model)!r}.")
    sizes, Ws, bs = _read_matrices(model, "model")
    return {"sizes": sizes, "W": Ws, "b": bs, "act": None, "notes": []}


def _from_mlp(model):
    """``nn_helpers.nn.MLP`` → tamanhos, pesos e ativações das camadas ``Dense``."""
    dense = [layer for layer in model.layers if isinstance(layer, Dense)]
    dropouts = [layer for layer in model.layers if isinstance(layer, Dropout)]
    sizes, Ws, bs = _read_matrices([(d.W, d.b) for d in dense], "model")
    notes = ([f"camadas sem pesos, não desenhadas: Dropout({dropouts[0].rate:g}) depois de "
              f"cada camada escondida"] if dropouts else [])
    return {"sizes": sizes, "W": Ws, "b": bs, "act": [d.activation for d in dense],
            "notes": notes}


def _activation_name(layer):
    activation = getattr(layer, "activation", None)
    if activation is None or isinstance(activation, str):
        return activation
    return getattr(activation, "__name__", None)


def _from_keras(model):
    """Modelo Keras (ou parecido: ``.layers`` com ``get_weights()``) → o mesmo dicionário.

    Camadas densas têm ``units`` e pesos ``[W: (n_in, units), b: (units,)]``. Camadas
    sem pesos (Flatten, Dropout...) são puladas e anotadas; uma ``Activation`` vira a
    ativação da camada densa anterior; qualquer outra camada com pesos é um erro.
    """
    pairs, acts, skipped, folded = [], [], [], []
    for layer in model.layers:
        kind = type(layer).__name__
        name = getattr(layer, "name", kind)
        if kind == "InputLayer":
            continue
        if not callable(getattr(layer, "get_weights", None)):
            raise ValueError(f"{WHERE}: a camada {name!r} ({kind}) não tem `get_weights()`; "
                             f"passe um modelo Keras de camadas Dense.")
        weights = [np.asarray(w) for w in layer.get_weights()]
        if hasattr(layer, "units"):
            if not weights:
                raise ValueError(f"{WHERE}: a camada {name!r} ({kind}) ainda não tem pesos: o "
                                 f"modelo não foi construído. Comece o Sequential com "
                                 f"keras.Input(shape=...) ou chame model.build(...).")
            units = int(layer.units)
            if (len(weights) not in (1, 2) or weights[0].ndim != 2
                    or weights[0].shape[1] != units
                    or (len(weights) == 2 and weights[1].shape != (units,))):
                raise ValueError(f"{WHERE}: a camada {name!r} ({kind}) tem `units`, mas os pesos "
                                 f"{[w.shape for w in weights]} não são os de uma camada densa "
                                 f"[W: (n_in, {units}), b: ({units},)].")
            pairs.append((weights[0], weights[1] if len(weights) == 2 else None))
            acts.append(_activation_name(layer))
        elif weights:
            raise ValueError(f"{WHERE}: a camada {name!r} ({kind}) tem pesos, mas não é densa; "
                             f"só sei desenhar redes de camadas Dense (camadas sem pesos, como "
                             f"Flatten e Dropout, são puladas).")
        elif kind == "Activation" and acts:
            acts[-1] = _activation_name(layer)          # Dense + Activation = Dense com ativação
            folded.append(f"{kind}({acts[-1]})")
        else:
            skipped.append(kind)
    if not pairs:
        raise ValueError(f"{WHERE}: o modelo não tem nenhuma camada Dense para desenhar.")
    sizes, Ws, bs = _read_matrices(pairs, "model.layers")
    notes = [f"camadas sem pesos, não desenhadas: {', '.join(skipped)}"] if skipped else []
    if folded:
        notes.append(f"{', '.join(folded)} aparece como a ativação da camada densa anterior")
    return {"sizes": sizes, "W": Ws, "b": bs, "act": acts, "notes": notes}


def _read_model(model):
    """Qualquer ``model`` aceito → dict com ``sizes`` (L,), ``W`` e ``b`` (listas de L − 1,
    ou None), ``act`` (L − 1 nomes, ou None) e ``notes`` (textos para o rodapé)."""
    if isinstance(model, MLP):
        return _from_mlp(model)
    if hasattr(model, "layers"):
        return _from_keras(model)
    if isinstance(model, (list, tuple)):
        if len(model) == 0:
            raise ValueError(f"{WHERE}: `model` está vazio; passe os tamanhos das camadas (como "
                             f"[2, 2, 1]), as matrizes de pesos, um MLP ou um modelo Keras.")
        return _from_list(model)
    raise ValueError(f"{WHERE}: não sei desenhar um {type(model).__name__}; passe os tamanhos "
                     f"das camadas (como [2, 2, 1]), uma lista de matrizes de pesos (n_in, n_out), "
                     f"um nn_helpers.nn.MLP ou um modelo Keras de camadas Dense.")


def _choose_weights(spec, weights, model):
    """Decide quais pesos desenham as espessuras: (lista de W, lista de b) ou (None, None)."""
    if weights is None:                 # automático: só quando o próprio model é uma lista de W
        weights = isinstance(model, (list, tuple)) and spec["W"] is not None
    if weights is False:
        return None, None
    if weights is True:
        if spec["W"] is None:
            raise ValueError(f"{WHERE}: weights=True, mas `model` é só uma lista de tamanhos, "
                             f"sem pesos; passe weights=[W1, W2, ...] com as matrizes.")
        return spec["W"], spec["b"]
    if not isinstance(weights, (list, tuple)):
        raise ValueError(f"{WHERE}: `weights` deve ser None, True, False ou uma lista de "
                         f"matrizes (n_in, n_out), não {type(weights).__name__}.")
    sizes, Ws, bs = _read_matrices(weights, "weights")
    if sizes != spec["sizes"]:
        raise ValueError(f"{WHERE}: as matrizes de `weights` ligam camadas de tamanhos {sizes}, "
                         f"mas o modelo tem camadas de tamanhos {spec['sizes']}.")
    return Ws, bs


# ---------- 2. onde fica cada unidade ----------

def _default_names(n_layers):
    return ["entrada"] + [f"escondida {i}" for i in range(1, n_layers - 1)] + ["saída"]


def _slots(n, max_units):
    """As posições de uma coluna de ``n`` unidades: índices das unidades desenhadas e ``None``
    no lugar do "⋮" quando ``n > max_units`` (as primeiras e as últimas unidades ficam)."""
    if n <= max_units:
        return list(range(n))
    head = max_units // 2
    tail = max_units - 1 - head
    return list(range(head)) + [None] + list(range(n - tail, n))


def _check_options(spec, labels, activations, unit_labels, max_units):
    n_layers = len(spec["sizes"])
    whole_number(max_units, "max_units", WHERE, minimum=3)     # as primeiras, o ⋮ e as últimas
    for name, value, count, each in (
            ("labels", labels, n_layers, "um nome por camada, contando a entrada"),
            ("activations", activations, n_layers - 1, "um nome por camada com pesos"),
            ("unit_labels", unit_labels, n_layers, "uma lista de nomes (ou None) por camada")):
        if value is None or (name == "activations" and value is False):
            continue
        if isinstance(value, str) or not hasattr(value, "__len__") or len(value) != count:
            raise ValueError(f"{WHERE}: `{name}` deve ser uma lista com {each} ({count}), "
                             f"não {value!r}.")
    for i, (names, size) in enumerate(zip(unit_labels or [], spec["sizes"])):
        if names is not None and (isinstance(names, str) or not hasattr(names, "__len__")
                                  or len(names) != size):
            raise ValueError(f"{WHERE}: `unit_labels[{i}]` deve ser None ou uma lista com um "
                             f"nome por unidade ({size}), não {names!r}.")


# ---------- 3. desenhar ----------

def draw_network(model, ax=None, weights=None, labels=None, max_units=8, bias=False,
                 activations=None, unit_labels=None, show_values=False):
    """Desenha uma rede densa: colunas de neurônios ligados camada a camada.

    model: ``[2, 2, 1]`` (tamanhos das camadas, da entrada à saída); ou
    ``[W1, W2, ...]`` com ``Wk: (n_in, n_out)``, ou ``[(W1, b1), ...]`` com
    ``bk: (n_out,)``; ou um ``nn_helpers.nn.MLP``; ou um modelo Keras de camadas
    ``Dense`` (Flatten, Dropout e outras camadas sem pesos são puladas, com uma nota
    no rodapé; uma ``Activation`` vira a ativação da camada anterior).
    weights: ``None`` (padrão: usa os pesos só quando ``model`` é uma lista de
    matrizes), ``True`` (usa os pesos do modelo), ``False`` (arestas iguais) ou
    uma lista de matrizes/pares como a de ``model``, com formas que casam com as
    camadas. Com pesos, a espessura da aresta é proporcional a ``|w|`` (na mesma
    escala para a rede toda) e a cor dá o sinal: azul positivo, vermelho negativo.
    labels: nomes das camadas (padrão: "entrada", "escondida 1", ..., "saída").
    max_units: camadas mais largas são desenhadas com as primeiras e as últimas
    unidades e um "⋮" no meio (o tamanho verdadeiro fica na legenda da coluna).
    bias: desenha, acima de cada camada menos a saída, a unidade constante 1 do
    viés (um quadrado) e as suas arestas, tracejadas.
    activations: um nome por camada com pesos (``None``: os do modelo, se ele
    souber; ``False``: nenhum). unit_labels: por camada, ``None`` ou um nome por
    unidade (padrão: x₁, x₂... na entrada e ŷ na saída).
    show_values: escreve o valor de cada peso desenhado sobre a sua aresta.

    Retorna o ``Axes``. As unidades são o ``PathCollection`` de gid ``"unidades"``,
    as arestas o ``LineCollection`` de gid ``"arestas"`` (ordem: camada, unidade de
    origem, unidade de destino) e, com ``bias=True``, ``"vieses"`` e ``"arestas-vies"``.
    """
    ax = one_axes(ax, WHERE)
    bias, show_values = flag(bias, "bias", WHERE), flag(show_values, "show_values", WHERE)
    spec = _read_model(model)
    Ws, bs = _choose_weights(spec, weights, model)
    _check_options(spec, labels, activations, unit_labels, max_units)
    sizes = spec["sizes"]
    n_layers = len(sizes)
    names = list(labels) if labels is not None else _default_names(n_layers)
    acts = spec["act"] if activations is None else (activations or None)

    # Posições: coluna k em x = k; em cada coluna, de cima para baixo, em torno de y = 0.
    slots = [_slots(n, max_units) for n in sizes]
    height = max(len(s) for s in slots)
    ys = [(len(s) - 1) / 2 - np.arange(len(s)) for s in slots]
    unit_y = [{u: y for u, y in zip(s, yk) if u is not None} for s, yk in zip(slots, ys)]
    bias_y = (height - 1) / 2 + 1.1                     # os "1" do viés: uma linha no topo

    if ax is None:
        legend_width = 2.2 if (Ws is not None or bias) else 0.6
        _, ax = plt.subplots(figsize=(1.7 * n_layers + legend_width, 0.5 * (height + bias) + 1.6))

    # Arestas: uma por par (unidade desenhada, unidade desenhada) de camadas vizinhas.
    # Onde escrever o valor (show_values): a uma fração t da aresta, que cresce de 0,3 (na
    # primeira unidade da coluna) a 0,7 (na última), para os números de arestas que se
    # cruzam não caírem no mesmo lugar; nas arestas do viés, que saem do mesmo ponto, 0,4.
    segments, values, spots = [], [], []
    bias_segments, bias_values, bias_spots = [], [], []
    for k in range(n_layers - 1):
        n_src = len(unit_y[k])
        for rank, (i, y0) in enumerate(unit_y[k].items()):
            t = 0.3 + 0.4 * rank / max(n_src - 1, 1)
            for j, y1 in unit_y[k + 1].items():
                segments.append(((k, y0), (k + 1, y1)))
                values.append(Ws[k][i, j] if Ws is not None else np.nan)
                spots.append((k + t, y0 + t * (y1 - y0)))
        if bias:
            for j, y1 in unit_y[k + 1].items():
                bias_segments.append(((k, bias_y), (k + 1, y1)))
                has_b = Ws is not None and bs[k] is not None
                bias_values.append(bs[k][j] if has_b else np.nan)
                bias_spots.append((k + 0.4, bias_y + 0.4 * (y1 - bias_y)))
    values, bias_values = np.array(values, dtype=float), np.array(bias_values, dtype=float)
    drawn = np.concatenate([values, bias_values])
    scale = np.nanmax(np.abs(drawn)) if np.isfinite(drawn).any() else 0.0

    def style(v):
        """Espessuras e cores: |w| / max|w| entre MIN_WIDTH e MAX_WIDTH; sem peso, fino e cinza."""
        known = np.isfinite(v)
        frac = np.where(known, np.abs(np.nan_to_num(v)) / scale if scale > 0 else 0.0, 0.0)
        widths = np.where(known, MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * frac, 0.8)
        colors = [PLAIN if not ok else (NEGATIVE if x < 0 else POSITIVE)
                  for ok, x in zip(known, v)]
        return widths, colors

    widths, colors = style(values)
    ax.add_collection(LineCollection(segments, linewidths=widths, colors=colors, alpha=0.8,
                                     zorder=1, gid="arestas"))
    if bias:
        widths_b, colors_b = style(bias_values)
        ax.add_collection(LineCollection(bias_segments, linewidths=widths_b, colors=colors_b,
                                         linestyles="--", alpha=0.8, zorder=1,
                                         gid="arestas-vies"))
    if show_values:
        for (x, y), v in zip(spots + bias_spots, drawn):
            if np.isfinite(v):
                ax.text(x, y, br_short(v), fontsize=7, ha="center", va="center", zorder=4,
                        bbox=dict(boxstyle="round,pad=0.1", fc="white", ec="none", alpha=0.85))

    # Unidades: círculos (cor por tipo de camada); "⋮" no lugar das que não cabem.
    xs, yy, fills = [], [], []
    for k, (s, yk) in enumerate(zip(slots, ys)):
        kind = "entrada" if k == 0 else "saída" if k == n_layers - 1 else "escondida"
        for u, y in zip(s, yk):
            if u is None:
                ax.text(k, y, "⋮", fontsize=16, ha="center", va="center", gid="reticencias")
            else:
                xs.append(k)
                yy.append(y)
                fills.append(FILL[kind])
    ax.scatter(xs, yy, s=320, c=fills, edgecolors="black", linewidths=1, zorder=3,
               gid="unidades")
    if bias:
        ax.scatter(range(n_layers - 1), [bias_y] * (n_layers - 1), s=260, marker="s",
                   c="white", edgecolors="0.3", linewidths=1, zorder=3, gid="vieses")
        for k in range(n_layers - 1):
            ax.text(k, bias_y, "1", fontsize=9, ha="center", va="center", zorder=4)

    # Nomes das unidades: à esquerda da entrada, à direita da saída, acima nas escondidas.
    for k, positions in enumerate(unit_y):
        given = unit_labels[k] if unit_labels is not None else None
        for u, y in positions.items():
            if given is not None:
                text = given[u]
            elif k == 0:
                text = f"$x_{{{u + 1}}}$"
            elif k == n_layers - 1:
                text = r"$\hat{y}$" if sizes[k] == 1 else f"$\\hat{{y}}_{{{u + 1}}}$"
            else:
                continue
            if k == 0:
                ax.annotate(text, (k, y), xytext=(-14, 0), textcoords="offset points",
                            ha="right", va="center", fontsize=9)
            elif k == n_layers - 1:
                ax.annotate(text, (k, y), xytext=(14, 0), textcoords="offset points",
                            ha="left", va="center", fontsize=9)
            else:
                ax.annotate(text, (k, y), xytext=(0, 11), textcoords="offset points",
                            ha="center", va="bottom", fontsize=8, zorder=5,
                            bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none",
                                      alpha=0.85))

    # Legenda de cada coluna: nome, tamanho (quantas desenhadas) e ativação.
    bottom = -(height - 1) / 2
    caption_lines = 0
    for k, n in enumerate(sizes):
        shown = sum(u is not None for u in slots[k])
        lines = [names[k], f"{n} unidade{'s' if n > 1 else ''}"]
        if shown < n:
            lines.append(f"({shown} desenhadas)")
        if acts is not None and k > 0 and acts[k - 1]:
            lines.append(f"ativação: {acts[k - 1]}")
        caption_lines = max(caption_lines, len(lines))
        ax.annotate("\n".join(lines), (k, bottom), xytext=(0, -16), textcoords="offset points",
                    ha="center", va="top", fontsize=9)
    for m, note in enumerate(spec["notes"]):
        ax.annotate(f"Nota: {note}.", ((n_layers - 1) / 2, bottom),
                    xytext=(0, -22 - 12 * caption_lines - 11 * m), textcoords="offset points",
                    ha="center", va="top", fontsize=8, style="italic", color="0.3")

    # Legenda das arestas (só quando elas dizem algo além de "há uma ligação").
    handles = []
    if np.isfinite(drawn).any():
        handles += [Line2D([], [], color=POSITIVE, lw=3, label="peso positivo"),
                    Line2D([], [], color=NEGATIVE, lw=3, label="peso negativo")]
    if bias:
        handles.append(Line2D([], [], marker="s", color="0.3", markerfacecolor="white",
                              linestyle="--", markersize=9,
                              label="viés: a entrada\nconstante 1 e seus pesos"))
    if handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8,
                  frameon=False, title=("espessura ∝ |peso|" if np.isfinite(drawn).any()
                                        else None), title_fontsize=8)

    ax.set_xlim(-0.55, n_layers - 0.45)
    ax.set_ylim(bottom - 0.6, (bias_y if bias else -bottom) + 0.6)
    ax.set_axis_off()
    return ax
