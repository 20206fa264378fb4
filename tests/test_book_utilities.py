"""nn_helpers.book: o código na página sem a conferência, os números com vírgula decimal e a
linha de progresso do treino."""

import subprocess
import sys

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib import scale

from nn_helpers import activations
from nn_helpers.book import (CommaFormatter, Progress, br, br_list, br_matrix, br_sci, br_short,
                             source_text, use_decimal_comma)


def test_br_writes_numbers_the_brazilian_way():
    assert br(7533.333) == "7533,33" and br(0.638, 1) == "0,6" and br(5279) == "5279,00"


def test_numbers_are_written_with_a_decimal_comma_in_every_shape():
    assert br_sci(4.831e39, 2) == "4,83·10³⁹" and br_sci(1.93e-22) == "1,9·10⁻²²"
    assert br_sci(0) == "0"
    assert br_list([0.5, -1.5]) == "(0,50; -1,50)"
    assert br_list(np.array([[1, 2]]), 1) == "(1,0; 2,0)"
    assert br_matrix(np.array([[1.0, -0.0], [2.5, 3.0]]), 2) == "[[1,00  0,00]\n [2,50  3,00]]"


@pytest.mark.parametrize("value, text", [
    (0.69315, "0,693"), (51449.3, "51449"), (-0.5, "−0,5"), (2.0, "2"), (9.996, "10"),
    (0.25, "0,25"), (1422.22, "1422"), (2.5e-5, "2,5·10⁻⁵"), (4.1e-5, "4,1·10⁻⁵"),
    (2e6, "2·10⁶"), (0.0, "0"), (np.inf, "infinito"), (-np.inf, "−infinito"), (np.nan, "NaN"),
])
def test_br_short_writes_a_few_significant_digits_for_figures(value, text):
    assert br_short(value) == text


def test_source_text_leaves_out_the_argument_check_and_keeps_the_maths():
    text = source_text(activations.sigmoid)
    assert text.startswith("def sigmoid(z):") and "@checked" not in text
    assert "np.exp(-np.abs(z))" in text


def test_source_text_names_what_has_no_source():
    with pytest.raises(ValueError, match=r"^source_text: não encontrei o código-fonte de 3"):
        source_text(3)


def test_axes_use_a_decimal_comma_after_use_decimal_comma():
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


def test_progress_prints_one_line_per_epoch_with_decimal_commas(capsys):
    progress = Progress(True, 3)
    progress.update(1, {"loss": [0.69314], "val_accuracy": [0.5]})
    assert capsys.readouterr().out == "época 1/3 — custo 0,6931 — acurácia (validação) 0,5000\n"
    Progress(False, 3).update(1, {"loss": [0.5]})
    assert capsys.readouterr().out == ""


def test_importing_the_book_module_does_not_import_matplotlib_or_ipython():
    code = ("import sys, nn_helpers.book\n"
            "print(sorted(m for m in ('matplotlib', 'IPython') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
