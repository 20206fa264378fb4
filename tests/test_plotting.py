"""Os gráficos devolvem o Axes desenhado e recusam entradas incoerentes em português."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from nn_helpers.datasets import load_toy_sales
from nn_helpers.linear import loss_grid
from nn_helpers.plotting import plot_data_line, plot_loss_curve, plot_loss_surface


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


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


def test_br_writes_numbers_the_brazilian_way():
    from nn_helpers.plotting import br
    assert br(7533.333) == "7533,33" and br(0.638, 1) == "0,6" and br(5279) == "5279,00"


def test_numbers_are_written_with_a_decimal_comma_in_every_shape():
    from nn_helpers.plotting import br_list, br_matrix, br_sci

    assert br_sci(4.831e39, 2) == "4,83·10³⁹" and br_sci(1.93e-22) == "1,9·10⁻²²"
    assert br_sci(0) == "0"
    assert br_list([0.5, -1.5]) == "(0,50; -1,50)" and br_list(np.array([[1, 2]]), 1) == "(1,0; 2,0)"
    assert br_matrix(np.array([[1.0, -0.0], [2.5, 3.0]]), 2) == "[[1,00  0,00]\n [2,50  3,00]]"


def test_axes_use_a_decimal_comma_after_use_decimal_comma():
    from matplotlib import scale

    from nn_helpers.plotting import CommaFormatter, use_decimal_comma

    originals = {kind: kind.set_default_locators_and_formatters
                 for kind in (scale.LinearScale, scale.FuncScale)}
    try:
        use_decimal_comma()
        use_decimal_comma()                                   # chamar duas vezes não empilha
        fig, ax = plt.subplots()
        ax.plot([0, 1], [0, 0.5])
        fig.canvas.draw()
        labels = [t.get_text() for t in ax.get_yticklabels()]
        assert isinstance(ax.yaxis.get_major_formatter(), CommaFormatter)
        assert "0,5" in labels and not any("." in label for label in labels)
        filled = ax.contourf(np.random.default_rng(0).random((5, 5)) * 3)
        bar = fig.colorbar(filled, ax=ax)                     # barra de cores também
        fig.canvas.draw()
        assert all("." not in t.get_text() for t in bar.ax.get_yticklabels())
        assert any("," in t.get_text() for t in bar.ax.get_yticklabels())
        plt.close(fig)
    finally:
        for kind, original in originals.items():
            kind.set_default_locators_and_formatters = original
