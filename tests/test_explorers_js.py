"""Os exploradores vivos do livro (JavaScript) fazem as mesmas contas e dizem o mesmo que o Python.

Uma página com os três exploradores (a regressão, a taxa de aprendizado e o perceptron), montada
como o livro a monta (``tests/explorer_page.py``), aberta num Chromium sem rede. Primeiro, as contas de
``nn.js`` contra as do ``nn_helpers`` (até 1e-9); depois, o que o leitor faz: arrastar um controle,
apertar "Passo do perceptron", usar o teclado. ``pytest -s`` imprime as maiores diferenças.
"""

import json

import numpy as np
import pytest

from browser import chromium_or_skip
from conftest import ROOT
from explorer_page import explorer_page, network_step_js, network_step_python
from nn_helpers import toy_data
from nn_helpers.activations import ACTIVATIONS
from nn_helpers.book import br, br_sci, br_short
from nn_helpers.linear import gradient_descent
from nn_helpers.losses import mse
from nn_helpers.nn import MLP
from nn_helpers.optimizers import SGDWithL2
from nn_helpers.widgets import learning_rate_explorer, perceptron_explorer, regression_explorer

SHOTS = ROOT / "_build" / "screenshots"
X_TOY, Y_TOY = np.array([200.0, 100.0, 150.0]), np.array([600.0, 400.0, 580.0])   # os 3 meses
TOLERANCE = 1e-9


@pytest.fixture(scope="module")
def blobs():
    return toy_data.blobs(60, noise=0.6, seed=3)           # com ruído: o perceptron erra alguns


@pytest.fixture(scope="module")
def page(tmp_path_factory, blobs):
    """Um Chromium com a página dos três exploradores aberta; ``python`` guarda os gêmeos em Python."""
    X, y = blobs
    python = [regression_explorer(X_TOY, Y_TOY, c0=2, b=3, xlabel="Investido (R$)", ylabel="Venda (R$)"),
              learning_rate_explorer(X_TOY, Y_TOY, lr=4e-5, steps=50, c0=2, b=3),
              perceptron_explorer(X, y, w=(1, -1), b=0.5)]
    path = explorer_page(tmp_path_factory.mktemp("explorers"), python)
    with chromium_or_skip() as browser:
        browser.open(path)
        assert browser.wait_until("window.Explorers && Explorers.mounted.length === 3", timeout=20)
        browser.python = python
        yield browser


def js(page, expression):
    """O valor (JSON) de uma expressão JavaScript, embrulhada numa função."""
    return page.evaluate(f"(() => {{ {expression} }})()")


# --- As contas de nn.js, uma a uma, contra o Python ----------------------------------------------

NUMBERS = [0, -0.0, 0.125, 2.5, -2.5, 0.5, 1.5, 0.0005, 0.001, 0.00099999, 1e6, 999999.5, 51449.3, 51449,
           1422.2222, -0.5, 2.5e-5, 4.831e39, 7533.333, 0.69315, 1 / 3, 12.345, 5279, 1e-300, -1e300, 1234567.0,
           0.0625, 0.03125, 9.995, 0.045, 4.14e-5]


def test_numbers_are_written_exactly_as_the_book_writes_them(page):
    rng = np.random.default_rng(0)
    values = NUMBERS + list(rng.choice([-1, 1], 300) * 10 ** rng.uniform(-8, 9, 300))
    values += list(np.round(rng.uniform(-100, 100, 100), 3))      # empates de arredondamento
    got = js(page, f"const v = {json.dumps(values)}; return v.map((x) => ["
                   "[0, 1, 2, 3].map((d) => NN.br(x, d)), [1, 2, 3, 4].map((d) => NN.brShort(x, d)),"
                   "[0, 1, 2].map((d) => NN.brSci(x, d))]);")
    for x, (fixed, short, sci) in zip(values, got):
        assert fixed == [br(x, d) for d in range(4)], x
        assert short == [br_short(x, d) for d in (1, 2, 3, 4)], x
        assert sci == [br_sci(x, d) for d in range(3)], x


def test_the_line_mse_is_the_library_mse(page):
    rng = np.random.default_rng(1)
    x, y = rng.normal(size=40) * 50, rng.normal(size=40) * 300
    lines = rng.normal(size=(20, 2)) * [3, 100]
    got = js(page, f"return {json.dumps(lines.tolist())}.map(([c, b]) => "
                   f"NN.lineMse({json.dumps(x.tolist())}, {json.dumps(y.tolist())}, c, b));")
    want = [mse(y, c * x + b) for c, b in lines]
    print(f"\nMSE: maior diferença relativa JS × nn_helpers.losses.mse = "
          f"{np.max(np.abs(np.subtract(got, want)) / np.abs(want)):.1e}")
    assert np.allclose(got, want, rtol=TOLERANCE, atol=0)


@pytest.mark.parametrize("lr", [1e-5, 4e-5, 1e-4])
def test_gradient_descent_follows_the_library_path_also_when_it_diverges(page, lr):
    got = js(page, f"return NN.gradientDescent({X_TOY.tolist()}, {Y_TOY.tolist()}, {lr}, 60, 2, 3);")
    _, _, history = gradient_descent(X_TOY[:, None], Y_TOY, lr=lr, epochs=60, c_init=np.array([2.0]),
                                     b_init=3.0)
    for key, want in (("c", history["c"][:, 0]), ("b", history["b"]), ("loss", history["loss"])):
        assert len(got[key]) == len(want)
        assert np.allclose(got[key], want, rtol=TOLERANCE, atol=0), key


def test_the_input_features_are_those_of_toy_data(page):
    X, _ = toy_data.two_spirals(50, 0.2, seed=2)
    names = list(toy_data.FEATURES)
    got = js(page, f"return Array.from(NN.features(Float64Array.from({X.ravel().tolist()}), {json.dumps(names)}));")
    assert np.allclose(np.reshape(got, (50, len(names))), toy_data.features(X, names), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("activation", list(ACTIVATIONS))
def test_the_network_computes_what_nn_helpers_computes(page, activation):
    """A ida, o custo, os gradientes e um passo de SGD com L2, com pesos e dados fixos, até 1e-9."""
    rng = np.random.default_rng(7)
    sizes = [3, 5, 4, 1]
    params = [a for n_in, n_out in zip(sizes[:-1], sizes[1:])
              for a in (rng.normal(size=(n_in, n_out)), rng.normal(size=n_out) * 0.5)]
    X, y = rng.normal(size=(37, 3)), rng.integers(0, 2, 37)
    lr, l2 = 0.3, 0.01
    got = page.evaluate(network_step_js(sizes, activation, params, X, y, lr, l2))
    P, loss, grads, after = network_step_python(sizes, activation, params, X, y, lr, l2)
    differences = {
        "ida": np.max(np.abs(np.subtract(got["P"], P))),
        "custo": abs(got["loss"] - loss),
        "gradientes": max(np.max(np.abs(np.ravel(g) - np.ravel(w))) for g, w in zip(got["grads"], grads)),
        "passo": max(np.max(np.abs(np.ravel(g) - np.ravel(w))) for g, w in zip(got["after"], after)),
    }
    print(f"\n{activation}: maiores diferenças JS × nn_helpers: "
          + ", ".join(f"{k} {v:.1e}" for k, v in differences.items()))
    assert max(differences.values()) < TOLERANCE, differences


def test_an_epoch_of_mini_batches_is_the_library_epoch(page):
    """Na mesma ordem dos exemplos, uma época de mini-lotes dá os mesmos pesos e o mesmo custo médio."""
    rng = np.random.default_rng(3)
    sizes, X, y = [2, 4, 1], rng.normal(size=(23, 2)), rng.integers(0, 2, 23)
    model = MLP(sizes, "tanh", "sigmoid", dtype=np.float64, seed=1)
    start = [p.copy() for p in model.params]
    order_rng = np.random.default_rng(5)
    order = np.random.default_rng(5).permutation(23)
    loss, accuracy = model.train_epoch(X, y[:, None].astype(float), y, 4, SGDWithL2(0.5, 0.001), order_rng)
    got = js(page, f"""
        const model = new NN.MLP({sizes}, "tanh", 0).setWeights({json.dumps([p.tolist() for p in start])});
        const result = model.trainEpoch(Float64Array.from({X.ravel().tolist()}), Float64Array.from({y.tolist()}),
                                        2, 4, 0.5, 0.001, {order.tolist()});
        return {{ ...result, after: model.getWeights() }};""")
    assert abs(got["loss"] - loss) < TOLERANCE and got["accuracy"] == accuracy
    for g, w in zip(got["after"], model.params):
        assert np.allclose(np.ravel(g), np.ravel(w), rtol=0, atol=TOLERANCE)


# --- Os exploradores, como o leitor os usa ---------------------------------------------------------


def test_the_page_has_live_explorers_without_errors_or_requests(page):
    assert js(page, "return [...document.querySelectorAll('img.nn-explorer-photo')].every((i) => i.offsetParent === null);")
    assert js(page, "return document.querySelectorAll('.nn-live canvas').length;") == 5
    assert not page.console_errors
    assert all(url.startswith(("file:", "data:")) for url in page.requests), page.requests


def drag(page, explorer, control, value):
    """Como a mão no controle: muda o valor do <input type=range> e avisa a página (evento input)."""
    return js(page, f"""
        const input = Explorers.mounted[{explorer}].controls.{control}.input;
        input.value = {value}; input.dispatchEvent(new Event('input'));
        return Number(input.value);""")


def canvas_pixels(page, explorer, which=0):
    return js(page, f"return Explorers.mounted[{explorer}].plots.querySelectorAll('canvas')[{which}].toDataURL();")


def test_dragging_c0_or_b_changes_the_line_and_the_mse_as_in_python(page):
    regression = page.python[0]
    assert js(page, "return Explorers.mounted[0].status();") == regression.status.value.replace("<b>", "").replace("</b>", "")
    before = canvas_pixels(page, 0)
    c0 = drag(page, 0, "c0", 3.5)                          # a 4ª tentativa: o controle chega lá
    b = drag(page, 0, "b", 12)
    assert (c0, b) == (3.5, 12) and "MSE = 5279 " in js(page, "return Explorers.mounted[0].status();")
    regression.set(c0=c0, b=b)
    status = js(page, "return Explorers.mounted[0].status();")
    assert status == regression.text("status", mse=br_short(regression.loss), best=br_short(regression.mse_best)
                                     ).replace("<b>", "").replace("</b>", "")
    assert js(page, "return Explorers.mounted[0].loss;") == pytest.approx(regression.loss, rel=TOLERANCE)
    assert canvas_pixels(page, 0) != before                              # a reta e os erros mudaram
    page.screenshot(SHOTS / "explorer-regression-moved.png")


def test_the_b_lock_disables_the_b_slider(page):
    js(page, "const box = Explorers.mounted[0].controls.fix_b.input; box.click(); return box.checked;")
    assert js(page, "return Explorers.mounted[0].controls.b.input.disabled;")
    js(page, "Explorers.mounted[0].controls.fix_b.input.click(); return 0;")
    assert not js(page, "return Explorers.mounted[0].controls.b.input.disabled;")


@pytest.mark.parametrize("lr", [1e-5, 1e-4])
def test_the_learning_rate_explorer_says_what_python_says(page, lr):
    explorer = page.python[1]
    explorer.set(lr=lr)
    js(page, f"Explorers.mounted[1].set({{lr: {lr}}}); return 0;")
    assert js(page, "return Explorers.mounted[1].status();") == explorer.status.value.replace(
        "<b style='color:#b00'>", "").replace("<b>", "").replace("</b>", "")
    assert js(page, "return Explorers.mounted[1].diverged;") == explorer.diverged
    page.screenshot(SHOTS / f"explorer-learning-rate-{'diverges' if explorer.diverged else 'converges'}.png")


def test_the_learning_rate_slider_redraws_the_path(page):
    before = canvas_pixels(page, 1)
    drag(page, 1, "steps", 5)
    assert js(page, "return Explorers.mounted[1].history.loss.length;") == 6
    assert canvas_pixels(page, 1) != before


def test_the_perceptron_step_button_moves_the_boundary_exactly_as_python(page):
    explorer = page.python[2]
    js(page, "Explorers.mounted[2].reset(); return 0;")
    explorer.reset()
    for _ in range(6):
        before = canvas_pixels(page, 2)
        js(page, "Explorers.mounted[2].stepButton.click(); return 0;")
        i = explorer.step()
        state = js(page, "const e = Explorers.mounted[2]; return [e.state.w1, e.state.w2, e.state.b, e.last && e.last[0]];")
        assert state == [explorer["w1"], explorer["w2"], explorer["b"], i]
        assert js(page, "return Explorers.mounted[2].status();").startswith(
            f"{len(explorer.wrong)} erro(s) em 60 pontos. Último passo: o exemplo {i}")
        assert canvas_pixels(page, 2) != before                          # a fronteira andou
    page.screenshot(SHOTS / "explorer-perceptron-steps.png")


def test_every_control_is_reached_and_moved_with_the_keyboard(page):
    """Tab chega a cada controle, na ordem; a seta para a direita move um deslizante."""
    focusable = js(page, "return [...document.querySelectorAll('.nn-live input, .nn-live button, .nn-live select')].length;")
    js(page, "document.querySelector('.nn-live input').focus(); return 0;")
    seen = set()
    for _ in range(focusable):
        seen.add(js(page, "const a = document.activeElement; return a.closest('.nn-live') ? "
                          "[...document.querySelectorAll('.nn-live input, .nn-live button, .nn-live select')].indexOf(a) : -1;"))
        page.send("Input.dispatchKeyEvent", type="keyDown", key="Tab", code="Tab", windowsVirtualKeyCode=9)
        page.send("Input.dispatchKeyEvent", type="keyUp", key="Tab", code="Tab", windowsVirtualKeyCode=9)
    assert seen == set(range(focusable))
    js(page, "Explorers.mounted[0].controls.c0.input.focus(); return 0;")
    before = js(page, "return Explorers.mounted[0].state.c0;")
    page.send("Input.dispatchKeyEvent", type="keyDown", key="ArrowRight", code="ArrowRight", windowsVirtualKeyCode=39)
    page.send("Input.dispatchKeyEvent", type="keyUp", key="ArrowRight", code="ArrowRight", windowsVirtualKeyCode=39)
    assert js(page, "return Explorers.mounted[0].state.c0;") > before


def test_without_javascript_the_photo_and_its_alt_text_stay(tmp_path):
    path = explorer_page(tmp_path, [regression_explorer(X_TOY, Y_TOY, c0=2, b=3)])
    with chromium_or_skip() as browser:
        browser.send("Emulation.setScriptExecutionDisabled", value=True)
        browser.open(path)
        live, width, alt = browser.evaluate(
            "[typeof window.Explorers, document.querySelector('img.nn-explorer-photo').naturalWidth,"
            " document.querySelector('img.nn-explorer-photo').alt]")
        browser.screenshot(SHOTS / "explorer-without-javascript.png")
    assert live == "undefined" and width == 800                      # a foto, em tamanho real
    assert alt == "c0 = 2,000, b = 3,00: MSE = 51449 (o menor possível: 1422)"
