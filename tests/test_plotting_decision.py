"""Os gráficos do gradiente descendente e da fronteira de decisão (capítulos 2 e 3)."""

import numpy as np
import pytest

from nn_helpers.datasets import load_toy_sales
from nn_helpers.linear import gradient_descent, loss_grid
from nn_helpers.plotting import plot_decision_boundary, plot_learning_curves, plot_path_on_surface

POINTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
AND = np.array([0, 0, 0, 1])


pytestmark = pytest.mark.usefixtures("close_figures")


def test_path_on_surface_draws_every_step_of_a_history():
    toy = load_toy_sales()
    _, _, history = gradient_descent(toy.X, toy.y, lr=1e-5, epochs=6, c_init=[2.0], b_init=3.0)
    c0s, bs = np.linspace(0, 5, 21), np.linspace(-50, 300, 15)
    ax = plot_path_on_surface(c0s, bs, loss_grid(toy.X[:, 0], toy.y, c0s, bs),
                              [(history["c"][:, 0], history["b"], "lr = 1e-5")])
    path = next(line for line in ax.get_lines() if line.get_label() == "lr = 1e-5")
    assert len(path.get_xdata()) == 7
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["lr = 1e-5"]


def test_path_on_surface_names_a_malformed_path():
    with pytest.raises(ValueError, match=r"cada caminho deve ser \(c0s, bs, rótulo\)"):
        plot_path_on_surface([0, 1], [0, 1], np.ones((2, 2)), [([0, 1], [0, 1])])


def test_learning_curves_skip_the_values_of_a_diverged_run():
    ax = plot_learning_curves({"ok": [4.0, 2.0, 1.0], "diverge": [4.0, 40.0, np.inf]})
    lines = {line.get_label(): line for line in ax.get_lines()}
    assert len(lines["diverge"].get_xdata()) == 2 and ax.get_yscale() == "log"
    assert ax.get_xlabel() == "época"


def test_learning_curves_refuse_non_positive_values_on_a_log_axis():
    with pytest.raises(ValueError, match="use `log=False`"):
        plot_learning_curves({"a": [1.0, 0.0]})
    assert plot_learning_curves({"a": [1.0, 0.0]}, log=False).get_yscale() == "linear"


def test_decision_boundary_with_class_predictions_draws_regions_and_points():
    ax = plot_decision_boundary(lambda Z: (Z @ [1, 1] - 1.5 >= 0).astype(float), POINTS, AND,
                                class_names=["0", "1 (AND)"])
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["0", "1 (AND)"]
    assert len(ax.collections) >= 3                    # regiões, fronteira e os pontos


def test_decision_boundary_with_probabilities_adds_a_colorbar():
    sigmoid = lambda z: 1 / (1 + np.exp(-z))           # noqa: E731
    ax = plot_decision_boundary(lambda Z: sigmoid(10 * (Z @ [1, 1] - 1.5)), POINTS, AND)
    assert len(ax.figure.axes) == 2                    # o gráfico e a barra de cores


def test_decision_boundary_accepts_one_column_per_class():
    def scores(Z):                                     # três classes pela coordenada x1
        return np.column_stack([-Z[:, 0], np.zeros(len(Z)), Z[:, 0] - 1])
    ax = plot_decision_boundary(scores, POINTS, np.array([0, 1, 1, 2]))
    assert len(ax.get_legend().get_texts()) == 3


def test_two_boundaries_share_an_axes():
    ax = plot_decision_boundary(lambda Z: (Z @ [1, 1] - 1.5 >= 0).astype(float), POINTS, AND,
                                fill=False, color="C0", label="modelo A")
    plot_decision_boundary(lambda Z: (Z @ [1, 1] - 1.2 >= 0).astype(float), POINTS, AND,
                           fill=False, points=False, color="C1", label="modelo B", ax=ax)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "modelo A" in labels and "modelo B" in labels


def test_a_second_boundary_keeps_the_axis_names_of_the_first():
    ax = plot_decision_boundary(lambda Z: Z[:, 0], POINTS, AND, xlabel="raio", ylabel="textura")
    plot_decision_boundary(lambda Z: Z[:, 1], POINTS, AND, fill=False, points=False, ax=ax)
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("raio", "textura")
    assert plot_decision_boundary(lambda Z: Z[:, 0], POINTS, AND).get_xlabel() == "$x_1$"


@pytest.mark.parametrize("call, message", [
    (lambda: plot_decision_boundary("não é função", POINTS, AND), "deve ser uma função"),
    (lambda: plot_decision_boundary(lambda Z: Z[:, 0], np.ones((4, 3)), AND), "deve ter 2 colunas"),
    (lambda: plot_decision_boundary(lambda Z: Z[:5, 0], POINTS, AND), "devolveu 5 previsões"),
    (lambda: plot_decision_boundary(lambda Z: Z[:, 0], POINTS, AND[:3]), "mesmo número"),
])
def test_decision_boundary_refuses_bad_inputs_in_portuguese(call, message):
    with pytest.raises(ValueError, match=message):
        call()
