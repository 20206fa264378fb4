"""As animações do livro tocam sem kernel e sem internet, em português, com alt.

Os quadros são conferidos como o matplotlib os grava (``record_frames``, em ``conftest.py``:
``anim.save`` com um gravador que mede cada quadro em vez de fazer um vídeo).
"""
import re

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.animation import FuncAnimation

from nn_helpers.animations import (animate_decision_regions, animate_gradient_descent,
                                   animate_perceptron, to_html)
from nn_helpers.datasets import load_toy_sales
from nn_helpers.linear import gradient_descent
from nn_helpers.perceptron import perceptron_predict
from nn_helpers.regions import region_grid

# to_html recusa argumentos antes de tocar a animação: o matplotlib avisa quando ela some
pytestmark = [pytest.mark.filterwarnings("ignore:Animation was deleted:UserWarning"),
              pytest.mark.usefixtures("close_figures", "collect_animations")]
SMALL = {"figsize": (3, 2), "dpi": 20}
XOR = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y_XOR = np.array([0, 1, 1, 0])


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
    assert len(plt.get_fignums()) == 1
    html = to_html(anim, alt='Reta "subindo" & parando.').data
    assert 'alt="Reta &quot;subindo&quot; &amp; parando."' in html
    assert plt.get_fignums() == []


@pytest.mark.parametrize("kwargs, message", [
    ({"alt": ""}, "alt"),
    ({"alt": "Uma descrição boa o bastante.", "default_mode": "forever"}, "default_mode"),
])
def test_bad_arguments_get_a_portuguese_message(kwargs, message):
    with pytest.raises(ValueError, match=message):
        to_html(_rising_line(), **kwargs)


def test_not_an_animation_is_named():
    with pytest.raises(ValueError, match="^to_html: `anim` deve ser uma animação do matplotlib"):
        to_html(plt.figure(), alt="Uma figura que não é animação.")


# ---------- as três animações prontas ----------

def artist(fig, gid):
    """O artista da figura com esse ``gid`` (as animações dão nome ao que se mexe)."""
    found = fig.findobj(lambda a: a.get_gid() == gid)
    assert len(found) == 1, f"esperava um artista '{gid}', achei {len(found)}"
    return found[0]


def _toy_history(epochs=6):
    toy = load_toy_sales()
    _, _, history = gradient_descent(toy.X, toy.y, lr=1e-5, epochs=epochs, c_init=[2.0],
                                     b_init=3.0)
    return toy.X[:, 0], toy.y, history


def test_gradient_descent_moves_the_line_and_grows_the_path(record_frames):
    x, y, history = _toy_history(6)
    anim = animate_gradient_descent(x, y, history, minimum=(2.0, 226.67), **SMALL)
    frames = record_frames(anim, lambda fig: (np.array(artist(fig, "reta").get_ydata()),
                                       len(artist(fig, "caminho").get_xdata()),
                                       fig.texts[0].get_text()))
    assert len(frames) == 7
    (first_line, first_path, first_title), (last_line, last_path, last_title) = frames[0], frames[6]
    assert first_title.startswith("época 0: MSE = 51449")
    assert last_title.startswith("época 6: MSE =")
    assert not np.allclose(last_line, first_line)
    assert (first_path, last_path) == (1, 7)


def test_gradient_descent_keeps_first_and_last_epoch_when_thinning_frames(record_frames):
    x, y, history = _toy_history(50)
    anim = animate_gradient_descent(x, y, history, max_frames=10, c0_values=[0, 5],
                                    b_values=[-50, 300], ylim=(0, 1000), **SMALL)
    frames = record_frames(anim, lambda fig: (artist(fig, "reta").axes.get_ylim(),
                                       len(artist(fig, "caminho").get_xdata())))
    assert len(frames) == 10
    assert frames[0] == ((0, 1000), 1) and frames[-1] == ((0, 1000), 51)


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


def test_perceptron_boundary_moves_and_misclassified_points_are_ringed(record_frames):
    states = [(np.zeros(2), 0.0), ([1.0, 1.0], -0.5), ([1.0, 1.0], -1.5)]
    anim = animate_perceptron(XOR, [0, 0, 0, 1], states, examples=[None, 0, 3], **SMALL)
    frames = record_frames(anim, lambda fig: (np.array(artist(fig, "fronteira").get_ydata()),
                                       len(artist(fig, "errados").get_offsets()),
                                       np.array(artist(fig, "regioes").get_array())))
    assert len(frames) == 3
    (line_0, wrong_0, _), (line_1, wrong_1, _), (line_2, wrong_2, regions_2) = frames
    assert len(line_0) == 0 and wrong_0 == 3        # w = 0: não há reta; degrau(0) = 1 erra os "0"
    assert wrong_1 == 2                             # x1 + x2 − 0,5 ≥ 0 erra (0,1) e (1,0)
    assert not np.allclose(line_2, line_1) and wrong_2 == 0    # o "e" (AND) certo
    plane = region_grid(XOR, resolution=120, padding=0.5)      # o fundo: a regra da biblioteca
    assert np.array_equal(regions_2.ravel(), perceptron_predict(plane, [1.0, 1.0], -1.5))


@pytest.mark.parametrize("kwargs, message", [
    ({"states": [([1.0, 2.0, 3.0], 0.0)]}, "2 pesos"),
    ({"states": [([1.0, np.nan], 0.0)]}, "contém NaN"),
    ({"states": [([1.0, 1.0],)]}, r"par \(w, b\)"),
    ({"states": []}, "uma lista não vazia de um par"),
    ({"examples": [7]}, "índice de um ponto"),
    ({"titles": ["a", "b"]}, "um item por quadro"),
    ({"y": [0, 1, 2, 0]}, r"os rótulos `y` devem ser inteiros de 0 a 1, mas y\[2\] = 2"),
])
def test_perceptron_rejects_bad_input_in_portuguese(kwargs, message):
    args = {"X": XOR, "y": Y_XOR, "states": [([1.0, 1.0], -1.0)]} | kwargs
    with pytest.raises(ValueError, match=message):
        animate_perceptron(**args, **SMALL)


def _growing_snapshots():
    """Uma "rede" cuja fronteira gira: p = σ(k·(x1 − x2)) com k crescendo."""
    return [(epoch, lambda P, k=epoch: 1 / (1 + np.exp(-k * (P[:, 0] - P[:, 1] - 0.1))), loss)
            for epoch, loss in [(0, 0.7), (5, 0.5), (10, 0.3)]]


def test_decision_regions_change_and_loss_curve_grows(record_frames):
    anim = animate_decision_regions(XOR, Y_XOR, _growing_snapshots(), resolution=20, **SMALL)
    frames = record_frames(anim, lambda fig: (np.array(artist(fig, "regioes").get_array()),
                                       list(artist(fig, "curva").get_xdata()),
                                       fig.texts[0].get_text()))
    assert len(frames) == 3
    (first, curve_0, _), (last, curve_2, title_2) = frames[0], frames[2]
    assert curve_0 == [0] and curve_2 == [0, 5, 10]
    assert not np.allclose(last, first)
    assert title_2 == "época 10: custo = 0,3"


def test_decision_regions_accept_probabilities_already_on_the_grid(record_frames):
    grid = region_grid(XOR, resolution=10)
    assert grid.shape == (100, 2)
    probas = 1 / (1 + np.exp(-(grid[:, 0] - 0.5)))
    snapshots = [(0, probas, 0.6), (1, probas.reshape(10, 10), 0.5),
                 (2, np.column_stack([1 - probas, probas]), 0.4)]
    anim = animate_decision_regions(XOR, Y_XOR, snapshots, resolution=10, **SMALL)
    frames = record_frames(anim, lambda fig: np.array(artist(fig, "regioes").get_array()))
    assert len(frames) == 3 and all(np.allclose(f.ravel(), probas) for f in frames)


@pytest.mark.parametrize("snapshot, message", [
    ((0, np.full(99, 0.5), 0.6), r"region_grid"),
    ((0, np.full(100, 1.5), 0.6), "entre 0 e 1"),
    ((0, np.r_[np.nan, np.full(99, 0.5)], 0.6), "contém NaN"),
    ((0, np.full(100, 0.5), np.nan), r"`snapshots\[0\]\[2\] \(custo\)` deve ser um número finito"),
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
