"""draw_network: as contagens de unidades e arestas, o "⋮" das camadas largas, as espessuras
proporcionais a |w|, os tipos de modelo aceitos e os erros em português."""

import importlib.util
import os
import subprocess
import sys
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest

from nn_helpers.diagrams import draw_network
from nn_helpers.nn import MLP


pytestmark = pytest.mark.usefixtures("close_figures")


def artist(ax, gid):
    """O único artista de ``ax`` com esse gid (coleções e textos)."""
    found = [a for a in ax.collections + ax.texts if a.get_gid() == gid]
    assert len(found) == 1, f"{len(found)} artistas com gid {gid!r}"
    return found[0]


def n_units(ax):
    return len(artist(ax, "unidades").get_offsets())


def widths(ax, gid="arestas"):
    return np.asarray(artist(ax, gid).get_linewidths())


def n_edges(ax, gid="arestas"):
    return len(artist(ax, gid).get_segments())


def captions(ax):
    return [t.get_text() for t in ax.texts if "unidade" in t.get_text()]


# ---------- o desenho ----------

def test_sizes_2_2_1_draw_5_units_and_6_edges():
    ax = draw_network([2, 2, 1])
    assert n_units(ax) == 5 and n_edges(ax) == 6
    assert not [a for a in ax.collections if a.get_gid() in ("vieses", "arestas-vies")]
    assert captions(ax) == ["entrada\n2 unidades", "escondida 1\n2 unidades", "saída\n1 unidade"]
    assert ax.get_legend() is None               # sem pesos e sem vieses, nada a explicar


def test_bias_units_are_drawn_apart_with_their_own_edges():
    ax = draw_network([2, 2, 1], bias=True)
    assert n_units(ax) == 5 and n_edges(ax) == 6
    assert len(artist(ax, "vieses").get_offsets()) == 2        # um "1" na entrada e na escondida
    assert n_edges(ax, "arestas-vies") == 2 + 1                # 1 → cada escondida; 1 → a saída
    assert artist(ax, "vieses").get_paths()[0] != artist(ax, "unidades").get_paths()[0]
    assert "viés" in ax.get_legend().get_texts()[-1].get_text()


def test_a_wide_layer_is_truncated_with_the_true_count():
    ax = draw_network([784, 16, 10], max_units=8)
    # 7 de 784, 7 de 16, 7 de 10 (4 primeiras, ⋮, 3 últimas)
    assert n_units(ax) == 21 and n_edges(ax) == 7 * 7 + 7 * 7
    dots = [t for t in ax.texts if t.get_text() == "⋮"]
    assert len(dots) == 3
    assert "784 unidades\n(7 desenhadas)" in captions(ax)[0]
    labels = [t.get_text() for t in ax.texts]
    assert "$x_{1}$" in labels and "$x_{784}$" in labels and "$x_{5}$" not in labels


def test_no_truncation_up_to_max_units():
    ax = draw_network([8, 3], max_units=8)
    assert n_units(ax) == 11 and not [t for t in ax.texts if t.get_text() == "⋮"]


def test_linewidths_grow_with_abs_weight_and_colour_gives_the_sign():
    W = np.array([[0.1, -2.0], [0.5, 1.0], [-0.05, 3.0]])
    ax = draw_network([W])                       # uma lista de matrizes: os pesos já desenham
    edges, lw = artist(ax, "arestas"), widths(ax)
    order = np.argsort(np.abs(W).ravel())        # ordem das arestas: (i, j) linha a linha
    assert np.all(np.diff(lw[order]) > 0)
    assert np.isclose(lw.max() / lw.min(), (0.4 + 4.1 * 1) / (0.4 + 4.1 * 0.05 / 3))
    reds = edges.get_colors()[:, 0] > edges.get_colors()[:, 2]
    assert list(reds) == list(W.ravel() < 0)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["peso positivo", "peso negativo"]
    assert "|peso|" in ax.get_legend().get_title().get_text()


def test_bias_widths_share_the_scale_of_the_weights():
    W, b = np.array([[1.0, -1.0]]), np.array([2.0, -0.5])
    ax = draw_network([(W, b)], bias=True, show_values=True)
    lw, lw_bias = widths(ax), widths(ax, "arestas-vies")
    assert np.isclose(lw_bias.max(), 4.5)              # |b| = 2 é o maior: a espessura máxima
    assert np.all(lw < lw_bias.max())
    texts = {t.get_text() for t in ax.texts}
    assert {"1", "−1", "2", "−0,5"} <= texts                 # vírgula decimal e sinal de menos


def test_each_value_is_written_on_its_own_edge():
    W1, b1 = np.array([[0.5, -1.0, 0.25], [1.5, 0.5, -0.75]]), np.array([0.0, 0.5, -0.5])
    W2, b2 = np.array([[1.0, -1.0], [-0.5, 2.0], [0.75, 0.25]]), np.array([0.1, -0.1])
    ax = draw_network([(W1, b1), (W2, b2)], bias=True, show_values=True)
    texts = [t for t in ax.texts if t.get_fontsize() == 7]      # os valores, em letra pequena
    edges = artist(ax, "arestas").get_segments() + artist(ax, "arestas-vies").get_segments()
    values = np.concatenate([W1.ravel(), W2.ravel(), b1, b2])
    assert len(texts) == len(edges) == len(values) == 17

    def on_segment(point, seg):
        (x0, y0), (x1, y1) = seg
        t = (point[0] - x0) / (x1 - x0)
        return 0 < t < 1 and np.isclose(y0 + t * (y1 - y0), point[1])

    for seg, value in zip(edges, values):
        here = [t.get_text() for t in texts if on_segment(t.get_position(), seg)]
        expected = f"{value:g}".replace(".", ",").replace("-", "−")
        assert expected in here, (seg, value, here)


def test_weights_false_and_explicit_weights():
    W1, W2 = np.ones((2, 3)), -np.ones((3, 1))
    plain = draw_network([W1, W2], weights=False)
    assert len(set(widths(plain))) == 1 and plain.get_legend() is None
    ax = draw_network([2, 3, 1], weights=[W1, W2])
    assert n_edges(ax) == 9 and ax.get_legend() is not None


def test_draws_on_a_given_axes_and_returns_it():
    fig, (a, b) = plt.subplots(1, 2)
    assert draw_network([3, 1], ax=b) is b and not a.collections


def test_labels_activations_and_unit_labels():
    ax = draw_network([2, 2, 1], labels=["x", "h", "y"], activations=["degrau", "degrau"],
                      unit_labels=[None, ["NAND", "OR"], ["XOR"]])
    assert captions(ax)[1] == "h\n2 unidades\nativação: degrau"
    assert {"NAND", "OR", "XOR", "$x_{1}$"} <= {t.get_text() for t in ax.texts}


def test_no_font_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax = draw_network([784, 3, 1], bias=True, weights=[np.ones((784, 3)), np.ones((3, 1))],
                          show_values=True)
        ax.figure.canvas.draw()                  # desenha de verdade: glifo faltando avisa aqui


# ---------- os modelos aceitos ----------

def test_mlp_with_its_weights_and_activations():
    model = MLP([4, 5, 3], activation="tanh", dropout=0.5, seed=0)
    ax = draw_network(model, weights=True, bias=True)
    assert n_units(ax) == 12 and n_edges(ax) == 4 * 5 + 5 * 3
    assert n_edges(ax, "arestas-vies") == 5 + 3
    W = np.concatenate([model.layers[0].W.ravel(), model.layers[2].W.ravel()])
    assert np.all(np.diff(widths(ax)[np.argsort(np.abs(W))]) >= 0)
    assert captions(ax)[1].endswith("ativação: tanh") and captions(ax)[2].endswith("softmax")
    assert any("Dropout(0.5)" in t.get_text() for t in ax.texts)


def test_mlp_draws_plain_edges_by_default():
    ax = draw_network(MLP([3, 2, 1], output="sigmoid"))
    assert ax.get_legend() is None and n_edges(ax) == 8


class FakeLayer:
    """O bastante de uma camada Keras: nome, ``get_weights()`` e, se densa, ``units``."""

    def __init__(self, weights=(), units=None, activation=None):
        self.name = type(self).__name__.lower()
        self._weights = [np.asarray(w) for w in weights]
        if units is not None:
            self.units = units
        self.activation = activation

    def get_weights(self):
        return list(self._weights)


def layer(kind, *args, **kwargs):
    """Uma FakeLayer cuja classe se chama ``kind`` ("Dense", "Flatten"...), como no Keras."""
    return type(kind, (FakeLayer,), {})(*args, **kwargs)


class FakeModel:
    def __init__(self, layers):
        self.layers = layers


def dense(n_in, n_out, activation="relu", seed=0):
    rng = np.random.default_rng(seed)
    return layer("Dense", [rng.normal(size=(n_in, n_out)), np.zeros(n_out)], units=n_out,
                     activation=activation)


def test_fake_keras_model_skips_layers_without_weights_and_says_so():
    model = FakeModel([layer("InputLayer"), layer("Flatten"), dense(784, 32),
                       layer("Dropout"), dense(32, 10, activation="linear"),
                       layer("Activation", activation="softmax")])
    ax = draw_network(model)
    assert captions(ax)[0].startswith("entrada\n784 unidades")
    assert captions(ax)[2] == "saída\n10 unidades\n(7 desenhadas)\nativação: softmax"
    notes = [t.get_text() for t in ax.texts if t.get_text().startswith("Nota")]
    assert notes == [
        "Nota: camadas sem pesos, não desenhadas: Flatten, Dropout.",
        "Nota: Activation(softmax) aparece como a ativação da camada densa anterior."]
    ax = draw_network(model, weights=True)
    assert n_edges(ax) == 7 * 7 + 7 * 7


def test_fake_keras_activation_given_as_a_function():
    def relu(z):
        return z

    dense_layer = dense(3, 2)
    dense_layer.activation = relu
    ax = draw_network(FakeModel([dense_layer]))
    assert captions(ax)[1].endswith("ativação: relu")


@pytest.mark.parametrize("layers, match", [
    ([layer("Conv2D", [np.zeros((3, 3, 1, 2)), np.zeros(2)])],
     r"'conv2d' \(Conv2D\) tem pesos, mas não é densa"),
    ([layer("Dense", [], units=3)], "ainda não tem pesos: o modelo não foi construído"),
    ([layer("LSTM", [np.zeros((4, 12)), np.zeros((3, 12)), np.zeros(12)], units=3)],
     "não são os de uma camada densa"),
    ([layer("Flatten")], "nenhuma camada Dense"),
    ([dense(4, 3), dense(5, 2)], r"a matriz 2 tem forma \(5, 2\), mas a camada anterior tem 3"),
])
def test_fake_keras_errors(layers, match):
    with pytest.raises(ValueError, match=match):
        draw_network(FakeModel(layers))


@pytest.mark.filterwarnings("ignore:__array__ implementation:DeprecationWarning")  # do Keras
def test_real_keras_model():
    if importlib.util.find_spec("keras") is None or importlib.util.find_spec("jax") is None:
        pytest.skip("keras ou jax não instalado")
    os.environ.setdefault("KERAS_BACKEND", "jax")          # como em test_checks_keras_mnist.py
    import keras

    model = keras.Sequential([keras.Input(shape=(28, 28)), keras.layers.Flatten(),
                              keras.layers.Dense(16, activation="relu"),
                              keras.layers.Dropout(0.2), keras.layers.Dense(10)])
    ax = draw_network(model, weights=True, bias=True)
    assert captions(ax)[0] == "entrada\n784 unidades\n(7 desenhadas)"
    assert captions(ax)[2] == "saída\n10 unidades\n(7 desenhadas)\nativação: linear"
    assert any("Flatten, Dropout" in t.get_text() for t in ax.texts)
    assert n_edges(ax) == 7 * 7 + 7 * 7 and n_edges(ax, "arestas-vies") == 7 + 7
    kernel = model.layers[1].get_weights()[0]               # (784, 16): as 4 primeiras e 3 últimas
    shown = np.abs(kernel[[0, 1, 2, 3, 781, 782, 783]][:, [0, 1, 2, 3, 13, 14, 15]]).ravel()
    assert np.all(np.diff(widths(ax)[:49][np.argsort(shown)]) >= 0)


def test_importing_nn_helpers_diagrams_does_not_import_keras():
    code = ("import sys, nn_helpers, nn_helpers.diagrams\n"
            "print(sorted(m for m in sys.modules\n"
            "             if m.split('.')[0] in ('keras', 'jax', 'tensorflow')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# ---------- os erros, em português ----------

@pytest.mark.parametrize("model, match", [
    ([], "`model` está vazio"),
    ([3], "pelo menos 2 camadas"),
    ([2, 0, 1], r"`model\[1\]` \(a camada escondida 1\) vale 0; os tamanhos devem ser inteiros "
                "positivos"),
    ([2, -3], r"`model\[1\]` \(a camada saída\) vale -3"),
    ([2, 2.5, 1], "tamanhos inteiros e positivos"),
    ([np.zeros((2, 2)), np.zeros((3, 4))],
     r"a matriz 2 tem forma \(3, 4\), mas a camada anterior tem 2 unidades"),
    ([np.zeros(3)], r"a matriz 1 de `model` deve ser 2-D"),
    ([[[1, 2], [3]]], r"não consegui converter `matriz 1 de model`"),
    ([np.array([[1.0, np.nan]])], r"a matriz 1 contém NaN \(na posição \(0, 1\)\)"),
    ([(np.ones((2, 2)), np.array([0.0, np.inf]))], r"o viés b da camada 1 contém infinito"),
    ([(np.ones((2, 3)), np.zeros(2))], r"o viés b da camada 1 tem forma \(2,\), mas a "
                                       r"matriz 1 tem 3 colunas"),
    ("2-2-1", "não sei desenhar um str"),
])
def test_invalid_models_are_named_in_portuguese(model, match):
    with pytest.raises(ValueError, match=match):
        draw_network(model)


def test_nan_in_a_trained_mlp_is_reported():
    model = MLP([2, 2, 2])
    model.layers[1].W[0, 1] = np.nan
    with pytest.raises(ValueError, match=r"a matriz 2 contém NaN.*taxa de aprendizado"):
        draw_network(model, weights=True)


@pytest.mark.parametrize("kwargs, match", [
    (dict(weights=True), "weights=True, mas `model` é só uma lista de tamanhos"),
    (dict(weights=[np.ones((2, 2)), np.ones((3, 1))]), r"a matriz 2 tem forma \(3, 1\)"),
    (dict(weights=[np.ones((2, 3)), np.ones((3, 1))]), r"tamanhos \[2, 3, 1\], mas o modelo "
                                                       r"tem camadas de tamanhos \[2, 2, 1\]"),
    (dict(weights="sim"), "`weights` deve ser None, True, False ou uma lista"),
    (dict(weights=[]), "`weights` é uma lista vazia"),
    (dict(labels=["a", "b"]), r"`labels` deve ser uma lista com um nome por camada, contando a "
                              r"entrada \(3\)"),
    (dict(activations=["relu"]), "um nome por camada com pesos"),
    (dict(unit_labels=[None, ["a"], None]), r"`unit_labels\[1\]` deve ser None ou uma lista "
                                            r"com um nome por unidade \(2\)"),
    (dict(max_units=2), "`max_units` deve ser um inteiro ≥ 3"),
])
def test_invalid_options_are_named_in_portuguese(kwargs, match):
    with pytest.raises(ValueError, match=match):
        draw_network([2, 2, 1], **kwargs)
