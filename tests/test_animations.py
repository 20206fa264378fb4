"""As animações do livro tocam sem kernel e sem internet, em português, com alt."""
import gc
import re

import matplotlib
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.animation import FuncAnimation  # noqa: E402

from nn_helpers.animations import to_html  # noqa: E402


def _rising_line(frames=6):
    fig, ax = plt.subplots(figsize=(3, 2), dpi=40)
    (line,) = ax.plot([], [])

    def update(k):
        line.set_data([0, 1], [0, k / frames])
        return (line,)

    return FuncAnimation(fig, update, frames=frames)


def test_html_has_every_frame_no_external_url_and_portuguese_controls():
    html = to_html(_rising_line(6), alt="Uma reta que sobe a cada quadro.").data
    assert 'data-frames="6"' in html
    assert len(re.findall(r"data:image/png;base64", html)) == 6
    assert not re.search(r"https?://", html), "o HTML da animação não pode buscar nada na internet"
    assert 'class="fa' not in html
    for title in ("Tocar", "Pausar", "Próximo quadro", "Modo de repetição"):
        assert f'title="{title}"' in html
    assert ">Repetir<" in html and ">Loop<" not in html


def test_alt_text_goes_on_the_image_and_figure_is_closed():
    anim = _rising_line()
    html = to_html(anim, alt='Reta "subindo" & parando.').data
    assert 'alt="Reta &quot;subindo&quot; &amp; parando."' in html
    assert not plt.fignum_exists(anim._fig.number)


@pytest.mark.parametrize("kwargs, message", [
    ({"alt": ""}, "alt"),
    ({"alt": "Uma descrição boa o bastante.", "default_mode": "forever"}, "default_mode"),
])
def test_bad_arguments_get_a_portuguese_message(kwargs, message):
    with pytest.raises(ValueError, match=message):
        to_html(_rising_line(), **kwargs)


def test_not_an_animation_is_named():
    with pytest.raises(TypeError, match="animação do matplotlib"):
        to_html(plt.figure(), alt="Uma figura que não é animação.")


# ---------- as três animações prontas ----------

import numpy as np  # noqa: E402

from nn_helpers.animations import (animate_decision_regions, animate_gradient_descent,  # noqa: E402
                                   animate_perceptron, region_grid)
from nn_helpers.datasets import load_toy_sales  # noqa: E402
from nn_helpers.linear import gradient_descent  # noqa: E402

# Os testes desenham quadros à mão e não geram o HTML: o aviso "Animation was deleted
# without rendering anything" do matplotlib é esperado aqui.
pytestmark = pytest.mark.filterwarnings("ignore:Animation was deleted:UserWarning")
SMALL = {"figsize": (3, 2), "dpi": 20}
XOR = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y_XOR = np.array([0, 1, 1, 0])


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")
    gc.collect()        # animações não desenhadas avisam ao sumir: que seja aqui, sob o filtro


def _frames(anim):
    return len(list(anim.new_frame_seq()))


def _artist(anim, gid):
    """O artista da figura com esse ``gid`` (os construtores dão nome ao que se mexe)."""
    found = anim._fig.findobj(lambda a: a.get_gid() == gid)
    assert len(found) == 1, f"esperava um artista '{gid}', achei {len(found)}"
    return found[0]


def _toy_history(epochs=6):
    toy = load_toy_sales()
    _, _, history = gradient_descent(toy.X, toy.y, lr=1e-5, epochs=epochs, c_init=[2.0],
                                     b_init=3.0)
    return toy.X[:, 0], toy.y, history


def test_gradient_descent_moves_the_line_and_grows_the_path():
    x, y, history = _toy_history(6)
    anim = animate_gradient_descent(x, y, history, minimum=(2.0, 226.67), **SMALL)
    assert _frames(anim) == 7
    line, path = _artist(anim, "reta"), _artist(anim, "caminho")
    anim._draw_frame(0)
    first_line, first_path = np.array(line.get_ydata()), len(path.get_xdata())
    assert anim._fig.texts[0].get_text().startswith("época 0: MSE = 51449")
    anim._draw_frame(6)
    assert not np.allclose(line.get_ydata(), first_line)
    assert (first_path, len(path.get_xdata())) == (1, 7)
    assert anim._fig.texts[0].get_text().startswith("época 6: MSE =")


def test_gradient_descent_keeps_first_and_last_epoch_when_thinning_frames():
    x, y, history = _toy_history(50)
    anim = animate_gradient_descent(x, y, history, max_frames=10, c0_values=[0, 5],
                                    b_values=[-50, 300], ylim=(0, 1000), **SMALL)
    assert _frames(anim) == 10
    assert _artist(anim, "reta").axes.get_ylim() == (0, 1000)
    anim._draw_frame(9)
    assert len(_artist(anim, "caminho").get_xdata()) == 51


@pytest.mark.parametrize("change, message", [
    (lambda h: h["loss"].__setitem__(-1, np.inf), "divergiu"),
    (lambda h: h.__setitem__("c", np.column_stack([h["c"], h["c"]])), "um atributo"),
    (lambda h: h["b"].__setitem__(2, np.nan), r"history\['b'\]` contém NaN"),
    (lambda h: h.pop("loss"), "chaves 'c', 'b' e 'loss'"),
])
def test_gradient_descent_rejects_a_bad_history_in_portuguese(change, message):
    x, y, history = _toy_history(4)
    change(history)
    with pytest.raises(ValueError, match=message):
        animate_gradient_descent(x, y, history, **SMALL)


def test_gradient_descent_rejects_data_of_different_lengths():
    x, y, history = _toy_history(2)
    with pytest.raises(ValueError, match="mesmo número de amostras"):
        animate_gradient_descent(x[:2], y, history, **SMALL)


def test_perceptron_boundary_moves_and_misclassified_points_are_ringed():
    states = [(np.zeros(2), 0.0), ([1.0, 1.0], -0.5), ([1.0, 1.0], -1.5)]
    anim = animate_perceptron(XOR, [0, 0, 0, 1], states, examples=[None, 0, 3], **SMALL)
    assert _frames(anim) == 3
    boundary, rings = _artist(anim, "fronteira"), _artist(anim, "errados")
    anim._draw_frame(0)
    assert len(boundary.get_xdata()) == 0           # w = 0: não há reta
    assert len(rings.get_offsets()) == 3            # degrau(0) = 1: erra os três "0"
    anim._draw_frame(1)
    middle = np.array(boundary.get_ydata())
    assert len(rings.get_offsets()) == 2            # x1 + x2 − 0,5 ≥ 0 erra (0,1) e (1,0)
    anim._draw_frame(2)
    assert not np.allclose(boundary.get_ydata(), middle)
    assert len(rings.get_offsets()) == 0            # o "e" (AND) certo


@pytest.mark.parametrize("kwargs, message", [
    ({"states": [([1.0, 2.0, 3.0], 0.0)]}, "2 pesos"),
    ({"states": [([1.0, np.nan], 0.0)]}, "contém NaN"),
    ({"states": [([1.0, 1.0],)]}, r"par \(w, b\)"),
    ({"states": []}, "vazio"),
    ({"examples": [7]}, "índice de um ponto"),
    ({"titles": ["a", "b"]}, "um item por quadro"),
    ({"y": [0, 1, 2, 0]}, "0 ou 1"),
])
def test_perceptron_rejects_bad_input_in_portuguese(kwargs, message):
    args = {"X": XOR, "y": Y_XOR, "states": [([1.0, 1.0], -1.0)]} | kwargs
    with pytest.raises(ValueError, match=message):
        animate_perceptron(**args, **SMALL)


def _growing_snapshots():
    """Uma "rede" cuja fronteira gira: p = σ(k·(x1 − x2)) com k crescendo."""
    return [(epoch, lambda P, k=epoch: 1 / (1 + np.exp(-k * (P[:, 0] - P[:, 1] - 0.1))), loss)
            for epoch, loss in [(0, 0.7), (5, 0.5), (10, 0.3)]]


def test_decision_regions_change_and_loss_curve_grows():
    anim = animate_decision_regions(XOR, Y_XOR, _growing_snapshots(), resolution=20, **SMALL)
    assert _frames(anim) == 3
    image, curve = _artist(anim, "regioes"), _artist(anim, "curva")
    anim._draw_frame(0)
    first = np.array(image.get_array())
    assert len(curve.get_xdata()) == 1
    anim._draw_frame(2)
    assert not np.allclose(image.get_array(), first)
    assert list(curve.get_xdata()) == [0, 5, 10]
    assert anim._fig.texts[0].get_text() == "época 10: custo = 0,300"


def test_decision_regions_accept_probabilities_already_on_the_grid():
    grid = region_grid(XOR, resolution=10)
    assert grid.shape == (100, 2)
    probas = 1 / (1 + np.exp(-(grid[:, 0] - 0.5)))
    snapshots = [(0, probas, 0.6), (1, probas.reshape(10, 10), 0.5),
                 (2, np.column_stack([1 - probas, probas]), 0.4)]
    anim = animate_decision_regions(XOR, Y_XOR, snapshots, resolution=10, **SMALL)
    assert _frames(anim) == 3


@pytest.mark.parametrize("snapshot, message", [
    ((0, np.full(99, 0.5), 0.6), r"region_grid"),
    ((0, np.full(100, 1.5), 0.6), "entre 0 e 1"),
    ((0, np.r_[np.nan, np.full(99, 0.5)], 0.6), "contém NaN"),
    ((0, np.full(100, 0.5), np.nan), "contém NaN"),
    ((0, np.full(100, 0.5)), r"\(época, probas, custo\)"),
])
def test_decision_regions_reject_bad_snapshots_in_portuguese(snapshot, message):
    with pytest.raises(ValueError, match=message):
        animate_decision_regions(XOR, Y_XOR, [snapshot], resolution=10, **SMALL)


def test_decision_regions_reject_epochs_out_of_order_and_a_wrong_X():
    snapshots = [(5, np.full(100, 0.5), 0.6), (1, np.full(100, 0.5), 0.5)]
    with pytest.raises(ValueError, match="ordem crescente"):
        animate_decision_regions(XOR, Y_XOR, snapshots, resolution=10, **SMALL)
    with pytest.raises(ValueError, match="2 colunas"):
        animate_decision_regions(np.ones((4, 3)), Y_XOR, snapshots[:1], resolution=10, **SMALL)


def test_a_built_animation_becomes_html_with_every_frame():
    anim = animate_decision_regions(XOR, Y_XOR, _growing_snapshots(), resolution=10, **SMALL)
    html = to_html(anim, alt="As regiões de decisão mudam a cada quadro.").data
    assert 'data-frames="3"' in html
    assert len(re.findall(r"data:image/png;base64", html)) == 3
