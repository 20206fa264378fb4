"""Os exploradores interativos: cada controle muda o que se vê; a foto PNG vai com o widget."""
import base64
import html
import io
import json
import os
import re
import subprocess
import sys

import matplotlib.image
import nbformat
import numpy as np
import pytest
from nbclient import NotebookClient

from conftest import ROOT
from nn_helpers.perceptron import perceptron_predict, perceptron_update
from nn_helpers import toy_data
from nn_helpers.widgets import (L2_VALUES, TEXTS, learning_rate_explorer, perceptron_explorer,
                                playground, regression_explorer)

X_TOY, Y_TOY = np.array([200.0, 100.0, 150.0]), np.array([600.0, 400.0, 580.0])   # deck 000


@pytest.fixture(scope="module")
def blobs():
    return toy_data.blobs(60, noise=0.1, seed=1)


@pytest.fixture(scope="module")
def trained_xor():
    return playground().train()          # as configurações padrão, no XOR


def button(explorer, description):
    """O botão do explorador com esse texto (``.click()`` faz o que o mouse faria)."""
    row = explorer.widget.children[0]                        # os controles e os botões
    return next(w for w in row.children if getattr(w, "description", None) == description
                and hasattr(w, "click"))


def test_regression_explorer_follows_c0_b_and_the_lock():
    ex = regression_explorer(X_TOY, Y_TOY, c0=2, b=3)
    assert np.isclose(ex.loss, 51449) and "MSE = 51449</b>" in ex.status.value
    ex.set(c0=3.5, b=12)                                    # a 4ª tentativa do deck 000
    assert np.isclose(ex.loss, 5279) and "MSE = 5279</b>" in ex.status.value
    line = ex.snapshot().axes[0].get_lines()[0]             # a reta desenhada é a atual
    assert np.allclose(line.get_ydata(), 3.5 * line.get_xdata() + 12)
    ex.controls["b"].value = 10                             # como o mouse: só um controle
    assert np.isclose(ex.loss, np.mean((Y_TOY - 3.5 * X_TOY - 10) ** 2))
    assert "o menor possível: 1422)" in ex.status.value   # o mínimo de mínimos quadrados
    assert not ex.controls["b"].disabled
    ex.set(fix_b=True)
    assert ex.controls["b"].disabled
    curve = ex.snapshot().axes[1]
    assert "b = 10,00 fixo" in curve.get_title()


def test_learning_rate_explorer_converges_diverges_and_counts_steps():
    ex = learning_rate_explorer(X_TOY, Y_TOY, lr=1e-5, steps=30, c0=2, b=3)
    assert np.isclose(ex.limit, 4.14e-5, rtol=1e-2)             # 2/λ_max do capítulo 2
    assert not ex.diverged and "Diverge" not in ex.status.value
    assert ex.history["loss"][-1] < 5000 and len(ex.history["loss"]) == 31
    ex.set(lr=1e-4)
    assert ex.diverged and "Diverge!" in ex.status.value and "Diminua a taxa" in ex.status.value
    assert ex.snapshot().axes[0].get_title() == "Diverge!"
    ex.set(lr=1e-5, steps=5)
    assert len(ex.history["loss"]) == 6 and "em 5 passos" in ex.status.value
    path = ex.snapshot().axes[0].get_lines()[0]
    assert np.allclose(path.get_xdata(), ex.history["c"][:, 0])


def test_learning_rate_explorer_picks_a_safe_rate_by_default():
    x = (X_TOY - X_TOY.mean()) / X_TOY.std()
    ex = learning_rate_explorer(x, Y_TOY)
    assert np.isclose(ex["lr"], ex.limit / 4) and np.isclose(ex.limit, 1.0)
    assert np.isclose(ex.history["loss"][-1], ex.mse_best)


def test_perceptron_step_applies_exactly_the_rule_and_reset_goes_back(blobs):
    X, y = blobs
    ex = perceptron_explorer(X, y, w=(0.5, -0.5), b=0.2, lr=0.5)
    wrong_before = len(ex.wrong)
    wrong = perceptron_predict(X, [0.5, -0.5], 0.2) != y
    expected_i = int(np.argmax(wrong))                      # o primeiro errado
    i = ex.step()
    w, b = perceptron_update(X[i], y[i], [0.5, -0.5], 0.2, lr=0.5)
    assert i == expected_i
    assert np.array_equal(ex.w, w) and ex["b"] == b
    assert "Último passo: o exemplo" in ex.status.value
    w_before, b_before = ex.w.copy(), ex["b"]
    j = ex.step()                                          # o próximo errado, depois de i
    assert j > i and perceptron_predict(X[j], w_before, b_before) != y[j]
    w, b = perceptron_update(X[j], y[j], w_before, b_before, lr=0.5)
    assert np.array_equal(ex.w, w) and ex["b"] == b
    ex.reset()
    assert np.array_equal(ex.w, [0.5, -0.5]) and ex["b"] == 0.2 and len(ex.wrong) == wrong_before


def test_perceptron_sliders_move_the_boundary_and_the_error_count(blobs):
    X, y = blobs
    ex = perceptron_explorer(X, y)
    assert len(ex.wrong) == np.sum(y == 0)                   # w = 0, b = 0: tudo vira classe 1
    ex.set(w1=1.0, w2=1.0, b=0.0)                            # os blobs ficam em −0,5 e +0,5
    assert len(ex.wrong) < 5 and f"<b>{len(ex.wrong)} erro(s)</b>" in ex.status.value
    assert "1,00; 1,00" in ex.snapshot().axes[0].get_title()
    while ex.step() is not None:                             # a regra acaba sem erros
        pass
    assert len(ex.wrong) == 0 and "Nenhum ponto errado" in ex.status.value


def test_playground_learns_xor_with_the_default_settings(trained_xor):
    ex = trained_xor
    assert ex.accuracy["validação"] >= 0.9 and ex.accuracy["treino"] >= 0.9
    assert len(ex.curves["treino"]) == len(ex.curves["validação"]) == 200
    assert "Acurácia" in ex.status.value and "validação" in ex.status.value
    ax = ex.snapshot().axes[0]
    assert "XOR" in ax.get_title() and "sintético" in ax.get_title()
    ex.train_more(10)
    assert len(ex.curves["treino"]) == 210


def test_playground_controls_reset_the_network_and_change_what_is_trained():
    ex = playground(dataset="circles", hidden="4", epochs=10, n=50)
    assert ex.model is None and "Treinar" in ex.status.value
    ex.train()
    assert [layer.W.shape for layer in ex.model.layers] == [(2, 4), (4, 1)]
    ex.set(hidden="3, 2", activation="relu", dropout=0.5, l2=L2_VALUES["0,01"], lr=0.5, epochs=20)
    assert ex.model is None                                 # mudou: a rede velha não vale mais
    ex.train()
    assert ex.optimizer.lr == 0.5 and len(ex.curves["treino"]) == 20
    dense = [layer for layer in ex.model.layers if hasattr(layer, "W")]
    assert [d.W.shape for d in dense] == [(2, 3), (3, 2), (2, 1)] and dense[0].activation == "relu"
    assert [type(layer).__name__ for layer in ex.model.layers].count("Dropout") == 2
    assert ex.optimizer.lam == 0.01
    old = ex.train_data[0].copy()
    ex.set(dataset="spirals", noise=0.0)
    assert not np.array_equal(old, ex.train_data[0])
    assert "duas espirais" in ex.snapshot().axes[0].get_title()
    ex.controls["hidden"].value = "oito"                     # o botão mostra o erro, sem traceback
    button(ex, "Treinar").click()
    assert "camadas escondidas 'oito' não entendidas" in ex.status.value


def test_playground_draws_both_halves_at_random_so_each_has_both_classes():
    ex = playground(dataset="spirals", n=50)               # as espirais vêm por classe, em ordem
    (X_train, y_train), (X_val, y_val) = ex.train_data, ex.val_data
    assert len(X_train) == len(X_val) == 50
    assert 0.3 < y_train.mean() < 0.7 and 0.3 < y_val.mean() < 0.7
    assert not set(map(tuple, X_train)) & set(map(tuple, X_val))


def test_mimebundle_has_the_widget_view_a_png_and_text(trained_xor):
    bundle = trained_xor._repr_mimebundle_()
    view = bundle["application/vnd.jupyter.widget-view+json"]
    assert view["model_id"] == trained_xor.widget.model_id
    image = matplotlib.image.imread(io.BytesIO(base64.b64decode(bundle["image/png"])), "png")
    width, height = trained_xor.figsize
    assert image.shape[:2] == (round(height * 80), round(width * 80))     # a 80 dpi
    assert "Acurácia" in bundle["text/plain"]
    assert trained_xor.image.value == base64.b64decode(bundle["image/png"])


def test_mimebundle_has_the_live_html_for_the_book_with_the_same_photo(trained_xor):
    """O livro mostra o text/html: a mesma foto (com alt) e, em data-config, o estado e os textos."""
    bundle = trained_xor._repr_mimebundle_()
    page = bundle["text/html"]
    assert page.startswith('<div class="nn-explorer" data-explorer="playground" data-config="')
    photo = re.search(r'<img class="nn-explorer-photo" src="data:image/png;base64,([^"]+)" alt="([^"]+)"', page)
    assert photo and photo[1] == bundle["image/png"]
    assert re.match(r"Rede \[2, 8, 8, 1\]: \d+ épocas", photo[2])          # o texto de status, sem tags
    config = json.loads(html.unescape(re.search(r'data-config="([^"]*)"', page)[1]))
    assert config["kind"] == "playground" and config["texts"] == TEXTS["playground"]
    assert config["hidden"] == [8, 8] and len(config["weights"]) == 6
    assert config["curves"][0] == trained_xor.curves["treino"]
    X, E, y, order = (config["data"]["xor"][k] for k in ("X", "E", "y", "order"))
    points = np.reshape(X, (-1, 2)) + 0.1 * np.reshape(E, (-1, 2))
    assert np.allclose(points[order[:250]], trained_xor.points[0], atol=2e-6)   # arredondados a 1e-6
    assert config["palette"]["classes"] == ["#2065ab", "#b1182b"]


@pytest.mark.parametrize("make, kind", [
    (lambda: regression_explorer(X_TOY, Y_TOY, c0=2, b=3), "regression"),
    (lambda: learning_rate_explorer(X_TOY, Y_TOY, lr=4e-5, steps=50, c0=2, b=3), "learning_rate"),
    (lambda: perceptron_explorer([[0.0, 1.0], [1.0, 0.0]], [0, 1]), "perceptron"),
    (lambda: playground(), "playground"),
])
def test_every_explorer_reads_its_labels_from_the_one_source_the_book_reads(make, kind):
    ex = make()
    labels = {getattr(w, "description", "") for w in ex.widget.children[0].children}
    shared = TEXTS[kind]["controls"]
    assert {shared[name] for name in ex.controls if name in shared} <= labels
    config = json.loads(html.unescape(re.search(r'data-config="([^"]*)"', ex.html())[1]))
    assert config["kind"] == kind and config["texts"] == TEXTS[kind]


def test_the_regression_sliders_pass_through_round_values():
    """Passos de potência de 10 e pontas múltiplas deles: dá para chegar a c0 = 3,5 e b = 12."""
    ex = regression_explorer(X_TOY, Y_TOY, c0=2, b=3)
    for name, value in (("c0", 3.5), ("b", 12.0)):
        control = ex.controls[name]
        steps = (value - control.min) / control.step
        assert abs(steps - round(steps)) < 1e-6 and np.log10(control.step) % 1 == 0


@pytest.mark.parametrize("make, message", [
    (lambda: regression_explorer([1, 2, 3], [1, 2]), "mesmo número de amostras"),
    (lambda: regression_explorer([2, 2, 2], [1, 2, 3]), "dois valores diferentes"),
    (lambda: regression_explorer([1, np.nan], [1, 2]), "contém NaN"),
    (lambda: learning_rate_explorer([1, 2, 3], [1, 2, 3], lr=-1),
     "`lr` deve ser um número positivo"),
    (lambda: learning_rate_explorer([1, 2, 3], [1, 2, 3], steps=2.5), "um inteiro ≥ 1"),
    (lambda: perceptron_explorer([[1, 2, 3]], [1]), "`X` deve ter 2 colunas"),
    (lambda: perceptron_explorer([[1, 2]], [2]), "os rótulos `y` devem ser inteiros de 0 a 1"),
    (lambda: perceptron_explorer([[1, 2]], [1], lr=0), "`lr` deve ser um número positivo"),
    (lambda: playground(dataset="lua"), "`dataset` deve ser um de"),
    (lambda: playground(hidden="8, x"), "não entendidas"),
    (lambda: playground(activation="swish"), "`activation` deve ser um de"),
    (lambda: playground(dropout=1.0), "`dropout` deve ser um número de 0 a 0.95, não 1.0"),
    (lambda: playground(l2=0.5), "`l2` deve ser um de"),
    (lambda: playground(features=5), "`features` deve ser um ou mais de"),
    (lambda: playground(features=["x1", 2]), "`features` deve ser um ou mais de"),
    (lambda: playground(batch_size=0), "`batch_size` deve ser um inteiro ≥ 1"),
])
def test_bad_inputs_are_explained_in_portuguese(make, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")
                       .replace("[", r"\[")):
        make()


def test_unknown_control_in_set_is_explained():
    with pytest.raises(ValueError, match="controle\\(s\\) desconhecido\\(s\\) \\['d'\\]"):
        regression_explorer(X_TOY, Y_TOY).set(d=1)


def test_importing_nn_helpers_does_not_import_ipywidgets():
    code = "import sys, nn_helpers, nn_helpers.nn\nprint('ipywidgets' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


NOTEBOOK = [
    "import numpy as np, nn_helpers\n"
    "from nn_helpers.widgets import *\n"
    "x, y = np.array([200.0, 100.0, 150.0]), np.array([600.0, 400.0, 580.0])",
    "reg = regression_explorer(x, y, c0=2, b=3)\nreg",
    "reg.controls['c0'].value = 3.5\nreg.controls['b'].value = 12\nprint(reg.status.value)",
    "lr = learning_rate_explorer(x, y, c0=2, b=3)\nlr.set(lr=1e-4)\nprint(lr.status.value)",
    "from nn_helpers.toy_data import blobs\n"
    "X, labels = blobs(40)\np = perceptron_explorer(X, labels)\n"
    "p.step()\nprint(p.status.value)",
    "pg = playground(epochs=10, n=40).train()\npg.set(activation='relu')\nprint(pg.status.value)\n"
    "print(nn_helpers.__file__)",
]


def test_explorers_work_inside_a_real_kernel():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in NOTEBOOK])
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg"}
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT)}}).execute(env=env)
    shown = nb.cells[1].outputs[0]["data"]
    assert {"application/vnd.jupyter.widget-view+json", "image/png", "text/plain"} <= set(shown)
    printed = ["".join(o.get("text", "") for o in cell.outputs) for cell in nb.cells[2:]]
    assert "MSE = 5279</b>" in printed[0]
    assert "Diverge!" in printed[1]
    assert "Último passo" in printed[2]
    assert "aperte <b>Treinar</b>" in printed[3]
    assert printed[3].strip().endswith(str(ROOT / "nn_helpers" / "__init__.py"))
