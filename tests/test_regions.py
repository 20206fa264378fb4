"""Regiões de decisão: a caixa e a grade, os pontos de cada classe e as regiões pintadas, numa
paleta só (a mesma nos gráficos, nas animações e nos exploradores)."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from nn_helpers.plotting import plot_decision_boundary
from nn_helpers.regions import (CMAP, paint_regions, plot_points, plot_regions, region_box,
                                region_grid)

pytestmark = pytest.mark.usefixtures("close_figures")
XOR = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y_XOR = np.array([0, 1, 1, 0])
BOX = dict(xlim=(-0.5, 1.5), ylim=(-0.5, 1.5))


def sigmoid_x1(P):
    return 1 / (1 + np.exp(-10 * (P[:, 0] - 0.5)))


def images(ax):
    return [im for im in ax.images if im.get_gid() == "regioes"]


def test_the_box_covers_the_points_with_the_padding_and_the_grid_goes_row_by_row():
    assert region_box(XOR, padding=0.5) == ((-0.5, 1.5), (-0.5, 1.5))
    grid = region_grid(XOR, resolution=3, padding=0.5)
    assert grid.shape == (9, 2)
    assert np.allclose(grid[:3], [[-0.5, -0.5], [0.5, -0.5], [1.5, -0.5]])   # de baixo, x₁ cresce
    assert np.allclose(grid[-1], [1.5, 1.5])


def test_points_get_one_marker_color_and_name_per_class():
    ax = plot_points(XOR, Y_XOR, class_names=["saída 0", "saída 1"], size=120)
    zero, one = ax.collections
    assert (zero.get_label(), one.get_label()) == ("saída 0", "saída 1")
    assert len(zero.get_offsets()) == 2 and zero.get_sizes()[0] == 120
    blue, red = zero.get_facecolor()[0], one.get_facecolor()[0]
    assert blue[2] > blue[0] and red[0] > red[2]               # classe 0 azul, classe 1 vermelha


def test_points_of_three_classes_need_three_names():
    with pytest.raises(ValueError, match=r"^plot_points: `class_names` deve ser uma lista com um "
                                         r"nome por classe \(3, de 0 a 2\)"):
        plot_points(XOR, [0, 1, 2, 0], class_names=["a", "b"])


def test_painted_regions_are_an_image_over_the_box_in_ten_probability_bands():
    _, ax = plt.subplots()
    values = np.array([[0.02, 0.04], [0.96, 0.98]])            # duas faixas: a primeira e a última
    image = paint_regions(values, (0, 2), (0, 1), ax=ax)
    assert image.get_gid() == "regioes" and image.get_extent() == [0, 2, 0, 1]
    low, high = (image.cmap(image.norm(v)) for v in (0.02, 0.98))
    assert image.norm(0.02) == image.norm(0.04) and low[2] > low[0] and high[0] > high[2]
    assert image.cmap.N == 10


def test_plot_regions_paints_the_probability_and_draws_the_boundary_at_the_threshold():
    ax = plot_regions(sigmoid_x1, ax=plt.subplots()[1], resolution=50, **BOX)
    (image,) = images(ax)
    assert image.get_array().shape == (50, 50)
    (boundary,) = ax.collections                               # a curva p = 0,5: x₁ = 0,5
    (path,) = boundary.get_paths()
    assert np.allclose(path.vertices[:, 0], 0.5, atol=0.03)
    assert (ax.get_xlim(), ax.get_xlabel()) == ((-0.5, 1.5), "$x_1$")


def test_plot_regions_with_one_column_per_class_paints_the_predicted_class():
    def three_classes(P):
        return np.column_stack([-P[:, 0], np.zeros(len(P)), P[:, 0] - 1])
    ax = plot_regions(three_classes, resolution=40, **BOX)
    (image,) = images(ax)
    assert set(np.unique(image.get_array())) == {0, 1, 2} and image.cmap.N == 3


def test_without_fill_only_the_boundary_is_drawn_in_the_given_color():
    ax = plot_regions(sigmoid_x1, fill=False, color="C1", resolution=30, **BOX)
    assert images(ax) == [] and len(ax.collections) == 1
    assert np.allclose(ax.collections[0].get_edgecolor()[0][:3], plt.matplotlib.colors.to_rgb("C1"))


def test_the_colorbar_appears_only_for_probabilities():
    ax = plot_regions(sigmoid_x1, colorbar=True, resolution=30, **BOX)
    assert len(ax.figure.axes) == 2
    ax = plot_regions(lambda P: (P[:, 0] > 0.5).astype(float), colorbar=True, resolution=30, **BOX)
    assert len(ax.figure.axes) == 1                            # classes 0/1: sem barra


def test_a_predict_fn_that_returns_too_few_values_is_named():
    with pytest.raises(ValueError, match=r"^plot_regions: `predict_fn` recebeu 100 pontos e "
                                         r"devolveu 5 previsões"):
        plot_regions(lambda P: P[:5, 0], resolution=10, **BOX)


def test_plot_decision_boundary_uses_the_same_palette_and_points():
    ax = plot_decision_boundary(sigmoid_x1, XOR, Y_XOR, resolution=30)
    (image,) = images(ax)
    assert image.cmap(0.0)[:3] == pytest.approx(plt.get_cmap(CMAP)(0.05)[:3])
    names = [c.get_label() for c in ax.collections if not c.get_label().startswith("_")]
    assert names == ["classe 0", "classe 1"]
