"""Toda porta pública dos gráficos, diagramas, animações e exploradores, com entradas hostis.

Cada chamada ou desenha (e o desenho renderiza sem erro) ou é recusada com um ``ValueError``/
``TypeError`` em português que começa pelo nome da função — nunca um erro do numpy ou do
matplotlib lá de dentro, nem um aviso de conta que estourou (``RuntimeWarning``).
"""

import re
import warnings

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.animation import Animation, FuncAnimation

from nn_helpers.animations import (animate_decision_regions, animate_gradient_descent,
                                   animate_perceptron, to_html)
from nn_helpers.book import (Progress, br, br_list, br_matrix, br_sci, br_short, show_source,
                             source_text)
from nn_helpers.diagrams import draw_network
from nn_helpers.linear import gradient_descent
from nn_helpers.plotting import (plot_data_line, plot_decision_boundary, plot_learning_curves,
                                 plot_loss_curve, plot_loss_surface, plot_path_on_surface)
from nn_helpers.regions import paint_regions, plot_points, plot_regions, region_box, region_grid
from nn_helpers.toy_data import blobs, circles, two_spirals, xor
from nn_helpers.widgets import (learning_rate_explorer, perceptron_explorer, playground,
                                regression_explorer)


# uma porta que recusa os argumentos não toca a animação: o matplotlib avisa quando ela some
pytestmark = [pytest.mark.filterwarnings("ignore:Animation was deleted:UserWarning"),
              pytest.mark.usefixtures("collect_animations")]

X2 = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y2 = np.array([0.0, 1.0, 1.0, 0.0])
X1, Y1 = np.array([1.0, 2.0, 3.0]), np.array([2.0, 4.0, 7.0])
GRID = np.array([[3.0, 2.0, 4.0], [2.0, 1.0, 3.0]])               # (len(b), len(c0)) = (2, 3)


@pytest.fixture(autouse=True)
def small_figures(close_figures):
    """Figuras pequenas (a varredura desenha centenas), todas fechadas no fim de cada teste."""
    with matplotlib.rc_context({"figure.dpi": 20}):
        yield


def _two_axes():
    return plt.subplots(1, 2)[1]                  # o engano típico: um array com dois eixos


# ---------- 1. os escapes do issue 14, um por um ----------

@pytest.mark.parametrize("call", [
    lambda ax: plot_data_line(X1, Y1, ax=ax),
    lambda ax: plot_loss_curve(X1, Y1, ax=ax),
    lambda ax: plot_loss_surface([1, 2, 3], [1, 2], GRID, ax=ax),
    lambda ax: plot_path_on_surface([1, 2, 3], [1, 2], GRID, [([1, 2], [1, 2], "a")], ax=ax),
    lambda ax: plot_learning_curves({"a": [3.0, 2.0, 1.0]}, ax=ax),
    lambda ax: plot_decision_boundary(lambda Z: Z[:, 0] > 0.5, X2, Y2, ax=ax),
    lambda ax: draw_network([2, 2, 1], ax=ax),
], ids=["data_line", "loss_curve", "loss_surface", "path_on_surface", "learning_curves",
        "decision_boundary", "draw_network"])
def test_an_array_of_axes_is_named_instead_of_numpy_attribute_errors(call):
    with pytest.raises(ValueError, match=r"^\w+: `ax` deve ser um eixo só.*`ax=ax\[0\]`"):
        call(_two_axes())


def test_one_line_without_the_list_is_explained():
    with pytest.raises(ValueError, match=r"^plot_data_line: cada item de `lines` deve ser "
                                         r"\(c0, b\).*`lines=\[\(c0, b\)\]`"):
        plot_data_line(X1, Y1, lines=(2.0, 0.0))
    with pytest.raises(ValueError, match=r"`lines\[0\]\[1\]` deve ser um número finito, não nan"):
        plot_data_line(X1, Y1, lines=[(2.0, np.nan)])
    ax = plot_data_line(X1, Y1, lines=[(2.0, 0.0)])             # a forma certa continua valendo
    assert len(ax.get_lines()) == 1


@pytest.mark.parametrize("call, message", [
    (lambda: plot_data_line([1, np.nan], [1, 2]), r"^plot_data_line: `x` contém NaN"),
    (lambda: plot_data_line([], []), r"^plot_data_line: `x` está vazio"),
    (lambda: plot_data_line([1, 1e308], [1, 2]), r"`x` tem valores grandes demais"),
    (lambda: plot_loss_curve([1, 2], [1, np.inf]), r"^plot_loss_curve: `losses` contém infinito"),
    (lambda: plot_loss_curve([1, 2], [1, 2], marks=[(1, 2)]), r"cada item de `marks`"),
    (lambda: plot_loss_surface([1, 2], [1, 2], np.ones((2, 2))), r"não constantes"),
    (lambda: plot_loss_surface([1], [1], np.ones((1, 1))), r"pelo menos 2 valores"),
    (lambda: plot_loss_surface([1, 2, 3], [1, 2], GRID, kind="3d", ax=plt.subplots()[1]),
     r"eixo 3-D"),
    (lambda: plot_path_on_surface([1, 2, 3], [1, 2], GRID, None), r"`paths` deve ser uma lista"),
    (lambda: plot_learning_curves({"a": [1, 1e300]}), r"grandes demais"),
    (lambda: region_grid(X2, resolution=2.5), r"^region_grid: `resolution` deve ser um inteiro"),
    (lambda: region_grid(X2, padding=-1), r"^region_grid: `padding` deve ser um número ≥ 0"),
    (lambda: region_grid(np.empty((0, 2))), r"`X` está vazio"),
    (lambda: plot_decision_boundary(lambda Z: Z[:, 0], X2, Y2, color="verdinho"), r"`color`"),
    (lambda: plot_decision_boundary(lambda Z: Z[:, 0], X2, Y2, threshold=np.nan),
     r"`threshold` deve ser um número finito"),
    (lambda: plot_decision_boundary(lambda Z: Z[:, 0], X2, Y2, class_names=3), r"`class_names`"),
    (lambda: br("abc"), r"^br: não consegui converter `value`"),
    (lambda: br(1.5, -1), r"^br: `decimals` deve ser um inteiro ≥ 0"),
    (lambda: br_list([[1, 2], [3]]), r"^br_list: não consegui converter `values`"),
    (lambda: br_matrix(np.ones(2), decimals=1.5), r"^br_matrix: `decimals`"),
    (lambda: show_source(3), r"^source_text: não encontrei o código-fonte"),
    (lambda: draw_network([2, 2, 1], labels=5), r"^draw_network: `labels` deve ser uma lista"),
    (lambda: draw_network([(np.ones((2, 2)), "ab")]), r"não consegui converter `viés b da camada"),
])
def test_nan_inf_wrong_shape_and_wrong_type_are_named(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_formatters_write_nan_and_infinity_instead_of_failing():
    assert br_sci(np.inf) == "inf" and br_sci(np.nan) == "nan" and br_matrix([]) == "[]"


@pytest.mark.parametrize("call, message", [
    (lambda: animate_perceptron(X2, Y2, None), r"`states`"),
    (lambda: animate_perceptron(X2, Y2, [([1, 1], 0)], class_names="ab"), r"`class_names`"),
    (lambda: animate_perceptron(X2, Y2, [([1, 1], 0)], examples=[True]), r"examples\[0\]"),
    (lambda: animate_perceptron(X2, Y2, [([1, 1], 0)], figsize=(0, 3)), r"`figsize`"),
    (lambda: animate_decision_regions(X2, Y2, 5), r"`snapshots`"),
    (lambda: animate_decision_regions(X2, Y2, [(0, np.full(4, 0.5), 1.0)], resolution=2,
                                      point_size=-1), r"`point_size`"),
    (lambda: animate_gradient_descent(X1, Y1, _history(), interval=0), r"`interval`"),
    (lambda: animate_gradient_descent(X1, Y1, _history(), ylim=(5, 1)), r"`ylim`"),
])
def test_animations_name_the_argument(call, message):
    with pytest.raises(ValueError, match=r"^animate_\w+: .*" + message):
        call()


def test_to_html_names_fps_and_max_mb():
    for kwargs in ({"fps": 0}, {"fps": "rápido"}, {"max_mb": -1}):
        with pytest.raises(ValueError, match=r"^to_html: `(fps|max_mb)`"):
            to_html(_tiny_animation(), alt="Uma reta que sobe a cada quadro.", **kwargs)


def test_playground_takes_the_hidden_layers_as_a_number_or_a_list():
    assert playground(hidden=8, n=10, epochs=1).train().sizes == [2, 8, 1]
    assert playground(hidden=[3, 2], n=10, epochs=1).train().sizes == [2, 3, 2, 1]
    with pytest.raises(ValueError, match="^playground: camadas escondidas '8.5' não entendidas"):
        playground(hidden=8.5)


@pytest.mark.parametrize("kwargs, message", [
    ({"seed": -1}, r"`seed` deve ser um inteiro ≥ 0"),
    ({"seed": "abc"}, r"`seed`"),
    ({"lr": "0.1"}, r"`lr` deve ser um número positivo"),
    ({"activation": ["relu"]}, r"`activation` deve ser um de"),
    ({"epochs": True}, r"`epochs` deve ser um inteiro ≥ 1"),
    ({"noise": np.nan}, r"`noise` deve ser um número de 0 a 1"),
])
def test_playground_arguments_are_named(kwargs, message):
    with pytest.raises(ValueError, match="^playground: .*" + message):
        playground(**kwargs)


def test_playground_keeps_few_epochs_and_a_large_dropout_instead_of_clamping_them():
    ex = playground(n=10, epochs=3, dropout=0.9, hidden="2")
    assert ex["epochs"] == 3 and ex["dropout"] == 0.9
    assert len(ex.train().curves["treino"]) == 3
    with pytest.raises(ValueError, match=r"^playground.train_more: `epochs` deve ser um inteiro"):
        ex.train_more(2.5)


@pytest.mark.parametrize("values, message", [
    ({"c0": "abc"}, r"`c0` deve ser um número de .* a .* \(a faixa do controle\), não 'abc'"),
    ({"c0": 1e9}, r"`c0` deve ser um número de"),
    ({"b": np.nan}, r"`b` deve ser um número"),
    ({"fix_b": "sim"}, r"`fix_b` deve ser True ou False"),
])
def test_regression_explorer_controls_refuse_what_the_mouse_could_not_do(values, message):
    ex = regression_explorer(X1, Y1)
    with pytest.raises(ValueError, match=r"^regression_explorer.set: " + message):
        ex.set(**values)
    with pytest.raises(ValueError, match=r"^regression_explorer: não há controle 'c1'"):
        ex["c1"]


def test_playground_controls_refuse_unknown_options_and_accept_a_number_of_neurons():
    ex = playground(n=10, epochs=1)
    for values, message in [({"dataset": "lua"}, r"`dataset` deve ser um de \['xor'"),
                            ({"l2": 0.5}, r"`l2` deve ser um de \[0.0"),
                            ({"epochs": 2.5}, r"`epochs` deve ser um inteiro de 1 a 1000"),
                            ({"lr": -0.1}, r"`lr` deve ser um número de 0.001 a")]:
        with pytest.raises(ValueError, match=r"^playground.set: " + message):
            ex.set(**values)
    assert ex.set(hidden=4)["hidden"] == "4" and ex.train().sizes == [2, 4, 1]


# ---------- 2. a varredura: cada porta, argumentos hostis misturados aos válidos ----------

def _history():
    return gradient_descent(X1[:, None], Y1, lr=0.01, epochs=3)[2]


def _tiny_animation():
    fig, ax = plt.subplots(figsize=(1, 1), dpi=20)
    (line,) = ax.plot([], [])
    return FuncAnimation(fig, lambda k: line.set_data([0, 1], [0, k]) or (line,), frames=2)


def _sigmoid(Z):
    return 1 / (1 + np.exp(-Z[:, 0]))


REGRESSION, RATE = regression_explorer(X1, Y1), learning_rate_explorer(X1, Y1, steps=3)
PROGRESS = Progress(False, 3)
PERCEPTRON = perceptron_explorer(X2, Y2)
PLAYGROUND = playground(n=10, epochs=2, hidden="2")

# porta → (função, argumentos válidos)
DOORS = {
    "br": (br, {"value": 1.5, "decimals": 2}),
    "br_sci": (br_sci, {"value": 4.8e39, "decimals": 1}),
    "br_list": (br_list, {"values": [0.5, -1.5], "decimals": 2}),
    "br_matrix": (br_matrix, {"M": np.eye(2), "decimals": 2}),
    "br_short": (br_short, {"value": 0.69315, "digits": 3}),
    "show_source": (show_source, {"obj": br}),
    "source_text": (source_text, {"obj": br}),
    "Progress": (Progress, {"verbose": False, "epochs": 3}),
    "Progress.update": (PROGRESS.update, {"epoch": 1, "history": {"loss": [0.5],
                                                                   "accuracy": [0.25]}}),
    "plot_data_line": (plot_data_line, {"x": X1, "y": Y1, "lines": [(2.0, 0.0, "r")],
                                        "residuals": True, "ax": None}),
    "plot_loss_curve": (plot_loss_curve, {"values": X1, "losses": Y1, "marks": [(2, 4, "m")],
                                          "ax": None}),
    "plot_loss_surface": (plot_loss_surface, {"c0_values": [1, 2, 3], "b_values": [1, 2],
                                              "grid": GRID, "marks": [(2, 1, "m")],
                                              "kind": "contour", "ax": None}),
    "plot_path_on_surface": (plot_path_on_surface, {
        "c0_values": [1, 2, 3], "b_values": [1, 2], "grid": GRID,
        "paths": [([1, 2, 3], [1, 1.5, 2], "p")], "marks": [(2, 1, "m")], "ax": None}),
    "plot_learning_curves": (plot_learning_curves, {"curves": {"a": [3.0, 2.0, 1.0]},
                                                    "log": True, "ax": None}),
    "region_box": (region_box, {"X": X2, "padding": 0.5}),
    "region_grid": (region_grid, {"X": X2, "resolution": 5, "padding": 0.5}),
    "plot_points": (plot_points, {"X": X2, "y": Y2, "ax": None, "class_names": ["a", "b"],
                                  "size": 40}),
    "paint_regions": (paint_regions, {"values": np.eye(3), "xlim": (0, 1), "ylim": (0, 1),
                                      "ax": None, "levels": [0.0, 0.5, 1.0], "alpha": 0.5}),
    "plot_regions": (plot_regions, {"predict_fn": _sigmoid, "xlim": (-1, 1), "ylim": (-1, 1),
                                    "ax": None, "resolution": 10, "threshold": 0.5,
                                    "fill": True, "color": "black", "alpha": 0.5,
                                    "colorbar": True}),
    "plot_decision_boundary": (plot_decision_boundary, {
        "predict_fn": _sigmoid, "X": X2, "y": Y2, "ax": None,
        "threshold": 0.5, "class_names": ["a", "b"], "resolution": 10, "padding": 0.5,
        "color": "black"}),
    "draw_network": (draw_network, {"model": [2, 3, 1], "ax": None, "weights": None,
                                    "labels": ["e", "h", "s"], "max_units": 8,
                                    "activations": ["relu", "sigmoid"],
                                    "unit_labels": [None, None, ["y"]]}),
    "to_html": (lambda **k: to_html(_tiny_animation() if isinstance(k["anim"], str)
                                    and k["anim"] == "anim" else k["anim"],
                                    **{n: v for n, v in k.items() if n != "anim"}),
                {"anim": "anim", "alt": "Uma reta que sobe a cada quadro.",
                 "default_mode": "loop", "fps": 5, "max_mb": 1.0}),
    "animate_gradient_descent": (animate_gradient_descent, {
        "x": X1, "y": Y1, "history": _history(), "c0_values": [0, 1, 2],
        "b_values": [-1, 0, 1], "minimum": (2.5, -0.7), "max_frames": 3, "interval": 100,
        "figsize": (3, 2), "dpi": 20, "ylim": (0, 8)}),
    "animate_perceptron": (animate_perceptron, {
        "X": X2, "y": Y2, "states": [([1, 1], -0.5), ([1, -1], 0.0)], "examples": [None, 1],
        "titles": ["a", "b"], "interval": 100, "figsize": (3, 2), "dpi": 20,
        "class_names": ("0", "1"), "padding": 0.5}),
    "animate_decision_regions": (animate_decision_regions, {
        "X": X2, "y": Y2, "snapshots": [(0, _sigmoid, 0.7)],
        "resolution": 5, "padding": 0.5, "interval": 100, "figsize": (3, 2), "dpi": 20,
        "class_names": ("0", "1"), "point_size": 20}),
    "regression_explorer": (regression_explorer, {"x": X1, "y": Y1, "c0": 1.0, "b": 0.0}),
    "learning_rate_explorer": (learning_rate_explorer, {"x": X1, "y": Y1, "lr": 0.01,
                                                        "steps": 3, "c0": 0.0, "b": 0.0}),
    "perceptron_explorer": (perceptron_explorer, {"X": X2, "y": Y2, "w": (0.5, 0.5), "b": 0.0,
                                                  "lr": 1.0}),
    "playground": (playground, {"dataset": "xor", "hidden": "2", "activation": "tanh",
                                "lr": 0.1, "epochs": 2, "dropout": 0.0, "l2": 0.0,
                                "noise": 0.1, "n": 10, "seed": 0}),
    "xor": (xor, {"n": 6, "noise": 0.1, "seed": 1}),
    "circles": (circles, {"n": 6, "noise": 0.1, "seed": 1}),
    "two_spirals": (two_spirals, {"n": 7, "noise": 0.1, "seed": 1}),
    "blobs": (blobs, {"n": 6, "noise": 0.1, "seed": 1}),
    "regression_explorer.set": (REGRESSION.set, {"c0": 1.5, "b": 0.5, "fix_b": True}),
    "learning_rate_explorer.set": (RATE.set, {"lr": 0.01, "steps": 4}),
    "perceptron_explorer.set": (PERCEPTRON.set, {"w1": 1.0, "w2": -1.0, "b": 0.5}),
    "playground.set": (PLAYGROUND.set, {"dataset": "circles", "noise": 0.2, "hidden": "3",
                                        "activation": "relu", "lr": 0.05, "dropout": 0.1,
                                        "l2": 0.001, "epochs": 20}),
    "playground.train_more": (PLAYGROUND.train_more, {"epochs": 1}),
    "perceptron_explorer.step": (lambda **k: PERCEPTRON.step(), {}),
}

NASTY = [None, "abc", True, np.nan, np.inf, -np.inf, 1e308, -1e308, -1, 0, 2.5, 10 ** 9, [],
         np.array([]), [[1.0, 2.0], [3.0]], np.zeros((2, 2, 2)), np.ones((7, 2)), np.ones((3, 3)),
         {"a": 1}, (2.0, 0.0), [np.nan, 1.0], [1e308, -1e308], [(1.0, 2.0)], "8, 8", [0, 0]]


def _spoiled(value):
    """Um valor válido estragado: um NaN, um infinito ou 1e308 no meio, uma linha a menos, um
    eixo a mais, a matriz transposta."""
    arr = np.array(value, dtype=float)
    return st.sampled_from([
        np.where(np.arange(arr.size).reshape(arr.shape) == 0, bad, arr)
        for bad in (np.nan, np.inf, 1e308)] + [arr[:-1], arr[None], arr.T, -arr])


def _is_array(value):
    try:
        return np.asarray(value, dtype=float).size > 1
    except (TypeError, ValueError):
        return False


@st.composite
def hostile_kwargs(draw, valid):
    kwargs = dict(valid)
    for name in draw(st.lists(st.sampled_from(sorted(valid)), max_size=2, unique=True)
                     if valid else st.just([])):
        choices = st.sampled_from(NASTY)
        if _is_array(valid[name]):
            choices = st.one_of(choices, _spoiled(valid[name]))
        kwargs[name] = draw(choices)
    return kwargs


ENGLISH = re.compile(r"\b(must|could|cannot|expected|invalid|object|should|the|has no|not "
                     r"supported|unsupported|operand|index)\b")
PORTUGUESE = re.compile(r"\b(deve|devem|não|mas|recebi|contém|está|precisa|passe|tem)\b")


def _render(out, record_frames):
    """Desenha o que a porta devolveu: um erro adiado para a hora de desenhar também é escape."""
    if isinstance(out, str) or out is None:
        return
    if isinstance(out, Animation):                     # toca todos os quadros
        record_frames(out)
    for number in plt.get_fignums():
        plt.figure(number).canvas.draw()
    if hasattr(out, "snapshot"):                       # um explorador
        out.snapshot().canvas.draw()
    if hasattr(out, "get_xlim"):                       # um Axes: limites finitos
        assert np.all(np.isfinite([*out.get_xlim(), *out.get_ylim()]))


# uma porta que passa um argumento adiante, a outra função pública, deixa que ela o confira: a
# mensagem nomeia a função que conferiu (e o argumento, com o mesmo nome)
DELEGATES = {"plot_decision_boundary": ("plot_regions", "plot_points"),
             "plot_regions": ("paint_regions",), "show_source": ("source_text",)}


def _knock(door, kwargs, record_frames):
    fn, _ = DOORS[door]
    prefix = (door.split(".")[0], *DELEGATES.get(door, ()))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", RuntimeWarning)       # conta que estourou = escape
            _render(fn(**kwargs), record_frames)
    except ValueError as error:
        message = str(error)
        assert message.startswith(prefix), f"{door}({kwargs!r}): a mensagem não diz a função: " \
                                           f"{message!r}"
        assert PORTUGUESE.search(message) and not ENGLISH.search(message), \
            f"{door}({kwargs!r}): mensagem que não é do curso: {message!r}"
    finally:
        plt.close("all")


SLOW = {"to_html", "animate_gradient_descent", "animate_perceptron", "animate_decision_regions",
        "regression_explorer", "learning_rate_explorer", "perceptron_explorer", "playground",
        "regression_explorer.set", "learning_rate_explorer.set", "perceptron_explorer.set",
        "playground.set", "playground.train_more", "draw_network"}


@pytest.mark.parametrize("door", sorted(DOORS))
def test_every_public_door_survives_hostile_arguments(door, record_frames):
    @settings(max_examples=12 if door in SLOW else 25)
    @given(kwargs=hostile_kwargs(DOORS[door][1]))
    def knock(kwargs):
        _knock(door, kwargs, record_frames)

    knock()
