"""Os gráficos devolvem o Axes desenhado e recusam entradas incoerentes em português."""

import numpy as np
import pytest

from nn_helpers.datasets import load_toy_sales
from nn_helpers.linear import loss_grid
from nn_helpers.plotting import plot_data_line, plot_loss_curve, plot_loss_surface


pytestmark = pytest.mark.usefixtures("close_figures")


def test_data_line_draws_points_lines_and_residuals():
    toy = load_toy_sales()
    ax = plot_data_line(toy.X[:, 0], toy.y, lines=[(2, 3), (3, 10, "chute 2")], residuals=True)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert sorted(labels) == sorted(["ŷ = 2·x + 3", "chute 2", "dados", "erro y − ŷ"])


def test_loss_curve_marks_points():
    ax = plot_loss_curve([1, 2, 3], [4, 1, 4], marks=[(2, 1, "mínimo")])
    assert [t.get_text() for t in ax.texts] == ["mínimo"]


@pytest.mark.parametrize("kind", ["contour", "3d"])
def test_loss_surface_accepts_a_grid_from_loss_grid(kind):
    toy = load_toy_sales()
    c0s, bs = np.linspace(0, 4, 9), np.linspace(-50, 300, 7)
    ax = plot_loss_surface(c0s, bs, loss_grid(toy.X[:, 0], toy.y, c0s, bs),
                           marks=[(2, 3, "1º chute")], kind=kind)
    assert ax.get_xlabel() == "c0"


def test_loss_surface_names_a_transposed_grid():
    with pytest.raises(ValueError, match=r"forma \(len\(b_values\), len\(c0_values\)\) = \(2, 3\)"):
        plot_loss_surface([1, 2, 3], [1, 2], np.zeros((3, 2)))


def test_loss_surface_names_an_unknown_kind():
    with pytest.raises(ValueError, match="'contour' ou '3d'"):
        plot_loss_surface([1, 2], [1, 2], np.ones((2, 2)), kind="surface")

