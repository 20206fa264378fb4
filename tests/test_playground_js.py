"""O playground vivo do livro (book/_ext/static/explorers/playground.js) num Chromium sem tela.

Uma página de teste com o HTML do ``nn_helpers.widgets.Playground`` treinado (a foto e a
configuração) e os mesmos scripts do livro: o playground monta, começa dos pesos do Python, refaz
os mesmos pontos, treina na página (≥ 30 quadros por segundo com uma rede [8, 8] em 500 pontos),
reage aos controles e ao teclado. As fotos ficam em ``_build/screenshots/playground-*.png``.
"""

import base64
import hashlib
import re
import sys
import time
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import chromium_or_skip  # noqa: E402
from explorer_page import explorer_page  # noqa: E402

from nn_helpers.nn import MLP  # noqa: E402
from nn_helpers.toy_data import TOY_DATA, features  # noqa: E402
from nn_helpers.widgets import TEXTS, playground  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "_build" / "screenshots"
PLAY = TEXTS["playground"]
# O playground na página. Uma expressão que devolve o próprio playground vai com `void`: o JSON dele
# inteiro (dados, grades, pesos) levaria segundos para voltar.
PG = "Explorers.mounted[0]"


def errors(browser):
    """Os erros de JavaScript da página."""
    return list(browser.console_errors)


@pytest.fixture(scope="module")
def trained():
    """O playground do Python, treinado (200 épocas de uma rede [8, 8] no XOR, n = 250)."""
    return playground().train()


@pytest.fixture(scope="module")
def page(trained, tmp_path_factory):
    return explorer_page(tmp_path_factory.mktemp("playground"), [trained], width=900)


@pytest.fixture(scope="module")
def browser(page):
    with chromium_or_skip() as chromium:
        chromium.open(page)
        assert chromium.wait_until(f"window.Explorers && Explorers.mounted.length === 1", timeout=30)
        yield chromium


def reopen(browser, page):
    """A página do começo outra vez (o playground como chegou do Python)."""
    browser.open(page)
    assert browser.wait_until("window.Explorers && Explorers.mounted.length === 1", timeout=30)


def shot(browser, name):
    """Foto só do playground, em _build/screenshots/playground-{name}.png."""
    box = browser.evaluate("(() => { const r = document.querySelector('.nn-live').getBoundingClientRect();"
                           " return [r.left, r.top + scrollY, r.width, r.height]; })()")
    data = browser.send("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                        clip={"x": box[0] - 8, "y": box[1] - 8, "width": box[2] + 16, "height": box[3] + 16,
                              "scale": 1})["data"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / f"playground-{name}.png").write_bytes(base64.b64decode(data))


def canvas_hash(browser, selector):
    url = browser.evaluate(f"document.querySelector({selector!r}).toDataURL()")
    return hashlib.sha1(url.encode()).hexdigest()


def test_mounts_on_every_load(tmp_path, trained):
    """Os scripts rodam em ordem (defer): o playground está registrado antes da montagem, sempre."""
    page = explorer_page(tmp_path, [trained], width=900)
    with chromium_or_skip() as chromium:
        for _ in range(10):
            chromium.open(page)
            assert chromium.wait_until("window.Explorers && Explorers.mounted.length === 1", timeout=30)
        assert not chromium.console_errors


def test_renders_the_controls_instead_of_the_photo(browser, page):
    reopen(browser, page)
    assert browser.evaluate("document.querySelector('img.nn-explorer-photo').hidden") is True
    counts = browser.evaluate("""(() => { const box = document.querySelector('.nn-playground');
        return { buttons: box.querySelectorAll('button').length, selects: box.querySelectorAll('select').length,
                 ranges: box.querySelectorAll('input[type=range]').length,
                 checkboxes: box.querySelectorAll('input[type=checkbox]').length,
                 canvases: box.querySelectorAll('canvas').length }; })()""")
    # play, época, recomeçar, 4 conjuntos, 7 atributos, ± camada e ± neurônio nas 2 camadas
    assert counts == {"buttons": 3 + 4 + 7 + 2 + 2 * 2, "selects": 3, "ranges": 3, "checkboxes": 1,
                      "canvases": 4 + 7 + 1 + 1 + 2 + 1}
    labels = browser.evaluate("[...document.querySelectorAll('.nn-playground button')].map(b => b.textContent)")
    assert [PLAY["buttons"][k] for k in ("play", "step", "reset")] == labels[:3]
    assert browser.evaluate(f"{PG}.playButton.getAttribute('aria-pressed')") == "false"
    assert errors(browser) == []
    assert [u for u in browser.requests if not u.startswith(("file:", "data:"))] == []
    shot(browser, "start")


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def test_every_text_the_reader_sees_comes_from_explorers_json(browser, trained):
    """Nenhum texto em português escrito no JavaScript: cada texto, rótulo de acessibilidade e
    dica da página é um texto de explorers.json (com os {nomes} preenchidos), um rótulo de atributo
    ou chave de texto, ou só números e símbolos."""
    config = trained.config()
    sources = [*_strings(PLAY), *PLAY["datasets"].values(), *config["feature_labels"].values(),
               *PLAY["l2_values"].keys()]
    patterns = [re.compile("".join(".+?" if part.startswith("{") else re.escape(part)
                                   for part in re.split(r"(\{\w+\})", re.sub("<[^>]+>", "", s))) + "$", re.S)
                for s in sources]
    browser.evaluate(f"void {PG}.set({{ show_test: true, hidden: [3, 2] }}).stepEpoch()")
    # o texto de cada elemento que tem texto seu (um <b> no meio de uma frase vai junto com ela)
    seen = browser.evaluate("""(() => { const out = [];
        for (const e of document.querySelector('.nn-playground').querySelectorAll('*')) {
            if (e.tagName !== 'B' && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
                out.push(e.textContent);
            for (const a of ['aria-label', 'title', 'aria-valuetext'])
                if (e.getAttribute(a)) out.push(e.getAttribute(a));
        }
        return out.map(s => s.trim()).filter(Boolean); })()""")
    assert len(seen) > 40
    symbols = re.compile(r"^[\d\s,.%−+\-·⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+$")
    strays = [s for s in seen if not symbols.match(s) and not any(p.match(s) for p in patterns)]
    assert strays == []


def test_starts_from_the_python_weights_and_curves(browser, page, trained):
    reopen(browser, page)
    config = trained.config()
    js = browser.evaluate(f"""(() => {{ const e = {PG};
        return {{ epoch: e.epoch, curves: e.curves, train: e.model.evaluate(e.trainX, e.trainY, e.trainY.length),
                  points: Array.from(e.points), index: e.trainIndex, sizes: e.sizes }}; }})()""")
    assert js["epoch"] == 200 and js["sizes"] == [2, 8, 8, 1]
    assert js["curves"] == {"train": config["curves"][0], "test": config["curves"][1]}
    # O mesmo MLP em float64, com os mesmos pesos, nos mesmos pontos (os da configuração, com 6 casas).
    data = config["data"]["xor"]
    points = np.array(data["X"]).reshape(-1, 2) + config["noise"] * np.array(data["E"]).reshape(-1, 2)
    np.testing.assert_allclose(js["points"], points.ravel(), atol=1e-12)
    train = np.array(js["index"])
    model = MLP([2, 8, 8, 1], "tanh", "sigmoid", dtype=np.float64)
    for param, weights in zip(model.params, config["weights"]):
        param[...] = np.array(weights, dtype=np.float64)
    loss, accuracy = model.evaluate(features(points[train], ["x1", "x2"]), np.array(data["y"])[train])
    assert abs(js["train"]["loss"] - loss) < 1e-9
    assert js["train"]["accuracy"] == accuracy == trained.accuracy[PLAY["train"]]


@pytest.mark.parametrize("name", ["xor", "circles", "spirals", "blobs"])
def test_the_points_and_the_split_are_the_python_ones(browser, name):
    reference = playground(dataset=name, noise=0.2)           # a mesma semente e o mesmo n
    n, seed = reference.n, reference.seed
    js = browser.evaluate(f"""(() => {{ const e = {PG}.set({{ dataset: {name!r}, noise: 0.2, train_percent: 50,
        features: ["x1", "x2"] }});
        return {{ points: Array.from(e.points), labels: Array.from(e.labels), trainX: Array.from(e.trainX),
                  trainY: Array.from(e.trainY), epoch: e.epoch }}; }})()""")
    X, y = TOY_DATA[name](2 * n, 0.2, np.random.default_rng(seed))
    np.testing.assert_allclose(np.reshape(js["points"], (-1, 2)), X, atol=1e-5)
    assert js["labels"] == y.tolist()
    np.testing.assert_allclose(np.reshape(js["trainX"], (-1, 2)), reference.train_data[0], atol=1e-5)
    assert js["trainY"] == reference.train_data[1].tolist()
    assert js["epoch"] == 0


def test_one_epoch_and_the_controls(browser, page):
    reopen(browser, page)
    before = browser.evaluate(f"[{PG}.epoch, {PG}.regionsChecksum()]")
    browser.evaluate(f"{PG}.stepButton.click()")
    after = browser.evaluate(f"[{PG}.epoch, {PG}.regionsChecksum()]")
    assert after[0] == before[0] + 1 and after[1] != before[1]
    # outro conjunto (o botão dos círculos): rede nova, época 0, outras regiões e outros pontos
    overlay = canvas_hash(browser, ".nn-regions canvas:last-child")
    browser.evaluate(f"{PG}.datasetButtons.circles.click()")
    state = browser.evaluate(f"[{PG}.epoch, {PG}.regionsChecksum(), {PG}.state.dataset]")
    assert state[0] == 0 and state[1] != after[1] and state[2] == "circles"
    assert canvas_hash(browser, ".nn-regions canvas:last-child") != overlay
    assert browser.evaluate(f"{PG}.datasetButtons.circles.getAttribute('aria-pressed')") == "true"
    # mais uma camada (o botão +): [8, 8] → [8, 8, 8], época 0, outro desenho da rede
    browser.evaluate(f"void {PG}.stepEpoch()")
    network = canvas_hash(browser, ".nn-net > canvas")
    browser.evaluate("document.querySelector('[data-key=\"layer+\"]').click()")
    assert browser.evaluate(f"[{PG}.epoch, {PG}.sizes]") == [0, [2, 8, 8, 8, 1]]
    assert canvas_hash(browser, ".nn-net > canvas") != network
    # um neurônio a menos na camada 2; um atributo a mais (x₁x₂): a rede muda de forma
    browser.evaluate("document.querySelector('[data-key=\"unit-2\"]').click()")
    browser.evaluate(f"{PG}.featureButtons['x1*x2'].click()")
    assert browser.evaluate(f"[{PG}.epoch, {PG}.sizes, {PG}.model.sizes]") == [0, [3, 8, 7, 8, 1],
                                                                              [3, 8, 7, 8, 1]]
    # o último atributo ligado não desliga
    browser.evaluate(f"{PG}.set({{ features: ['x2'] }}); {PG}.featureButtons.x2.click()")
    assert browser.evaluate(f"{PG}.state.features") == ["x2"]
    # a taxa de aprendizado não recomeça a rede
    browser.evaluate(f"void {PG}.stepEpoch()")
    browser.evaluate(f"(() => {{ const s = {PG}.controls.lr.input; s.value = '0.03';"
                     " s.dispatchEvent(new Event('change')); })()")
    assert browser.evaluate(f"[{PG}.epoch, {PG}.state.lr]") == [1, 0.03]
    assert errors(browser) == []


def test_play_learns_the_xor_and_pause_stops(browser, page):
    reopen(browser, page)
    browser.evaluate(f"void {PG}.reset(1).play()")
    assert browser.wait_until(f"{PG}.epoch >= 100", timeout=30)     # ~2 s aqui; folga para um CI lento
    browser.evaluate(f"void {PG}.pause()")
    curves = browser.evaluate(f"{PG}.curves")
    # a época 100 é sempre a mesma (a semente fixa os pesos e as ordens): custo de teste ≈ 0,1
    assert curves["test"][99] < 0.2 and curves["test"][-1] < 0.2
    assert curves["test"][0] > 0.5
    epoch = browser.evaluate(f"{PG}.epoch")
    time.sleep(0.4)
    assert browser.evaluate(f"[{PG}.epoch, {PG}.playing]") == [epoch, False]
    status = browser.evaluate(f"{PG}.status()")
    assert status.startswith(f"Época {epoch}: custo de treino")
    browser.evaluate(f"void {PG}.set({{ show_test: true }})")
    shot(browser, "trained")


def test_space_on_the_focused_play_button_toggles(browser, page):
    reopen(browser, page)
    browser.evaluate(f"{PG}.playButton.focus()")
    assert browser.evaluate(f"document.activeElement === {PG}.playButton")
    key = dict(key=" ", code="Space", windowsVirtualKeyCode=32, nativeVirtualKeyCode=32)
    browser.send("Input.dispatchKeyEvent", type="keyDown", text=" ", **key)
    browser.send("Input.dispatchKeyEvent", type="keyUp", **key)
    assert browser.wait_until(f"{PG}.playing && {PG}.epoch > 200", timeout=5)
    assert browser.evaluate(f"{PG}.playButton.getAttribute('aria-pressed')") == "true"
    assert browser.evaluate(f"{PG}.playButton.textContent") == PLAY["buttons"]["pause"]
    browser.send("Input.dispatchKeyEvent", type="keyDown", text=" ", **key)
    browser.send("Input.dispatchKeyEvent", type="keyUp", **key)
    assert browser.wait_until(f"!{PG}.playing", timeout=5)
    # todo controle é um botão, uma lista ou um deslizante do HTML: o Tab chega a todos
    tags = browser.evaluate("[...document.querySelectorAll('.nn-playground button, .nn-playground select,"
                            " .nn-playground input')].map(e => e.tabIndex)")
    assert tags and all(t == 0 for t in tags)


def test_spirals_with_all_the_features(browser, page):
    reopen(browser, page)
    browser.evaluate(f"""(() => {{ const e = {PG}.set({{ dataset: 'spirals', noise: 0,
        features: ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)'], hidden: [8, 8, 6],
        activation: 'tanh', lr: 0.03, batch_size: 10, show_test: true }}).reset(3);
        for (let i = 0; i < 400; i++) e.trainEpoch();
        e.update(); }})()""")
    js = browser.evaluate(f"[{PG}.epoch, {PG}.sizes, {PG}.last.testAccuracy]")
    assert js[:2] == [400, [7, 8, 8, 6, 1]]
    assert js[2] > 0.8
    shot(browser, "spirals")
    assert errors(browser) == []
