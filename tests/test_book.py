"""O livro: cada capítulo importa só o que a biblioteca tem, e o build passa com -W.

O build executa todos os capítulos; um ``assert`` que falha num capítulo
derruba o build (``allow_errors: false`` + ``--warningiserror``).
"""

import ast
import base64
import importlib
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest
import yaml

from browser import chromium_or_skip
from conftest import ROOT
from explorer_page import network_step_js, network_step_python
from nn_helpers.grading.release import course_repository

CHAPTERS = sorted((ROOT / "book").glob("*.md"))
CODE_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def code_of(chapter):
    """O código Python das células de um capítulo MyST (sem as opções `:tag:` nem o bloco YAML)."""
    cells = []
    for body in CODE_CELL.findall(chapter.read_text(encoding="utf-8")):
        body = re.sub(r"\A---\n.*?^---\n", "", body, flags=re.MULTILINE | re.DOTALL)  # opções YAML
        lines = [ln for ln in body.splitlines()
                 if not re.match(r"^:\w[\w-]*:", ln) and not ln.startswith(("%", "!"))]
        cells.append("\n".join(lines))
    return cells


def toc_files():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]
    for part in toc.get("parts", []):
        files += [chapter["file"] for chapter in part["chapters"]]
    return files


def test_every_chapter_is_in_the_table_of_contents_and_vice_versa():
    listed = {ROOT / f"{name}.md" for name in toc_files()}
    assert listed == set(CHAPTERS)


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_what_a_chapter_imports_from_nn_helpers_exists(chapter):
    for source in code_of(chapter):
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("nn_helpers"):
                module = importlib.import_module(node.module)
                for alias in node.names:
                    assert hasattr(module, alias.name), f"{node.module}.{alias.name} não existe"
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("nn_helpers"):
                        importlib.import_module(alias.name)


@pytest.fixture(scope="module")
def built_html(tmp_path_factory):
    """O livro construído do zero com -W; ``NN_BOOK_HTML=_build/html`` reaproveita um build já feito."""
    if os.environ.get("NN_BOOK_HTML"):
        return Path(os.environ["NN_BOOK_HTML"]).resolve()
    out = tmp_path_factory.mktemp("book")
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    result = subprocess.run(
        [str(jupyter_book), "build", str(ROOT), "--path-output", str(out),
         "--warningiserror", "--keep-going"],
        capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, (result.stdout + result.stderr)[-6000:]
    return out / "_build" / "html"


def test_book_builds_with_every_page(built_html):
    for name in toc_files():
        assert (built_html / f"{name}.html").is_file(), name
    assert (built_html / "index.html").is_file()


def test_chapter_1_shows_the_five_mses_of_deck_000(built_html):
    page = (built_html / "book" / "01_linear_regression.html").read_text(encoding="utf-8")
    for number in ("51449", "7533,33", "121974,33", "5279", "22767,33"):
        assert number in page, number


def test_chapter_9_runs_on_the_real_cifar10_and_says_which_copy(built_html):
    page = (built_html / "book" / "09_cifar10_cnn.html").read_text(encoding="utf-8")
    assert page.count("CIFAR-10 (cópia em JPEG)") >= 5          # nas saídas e nas figuras
    for standin in ("substituto", "listras", "cifar10_standin"):
        assert standin not in page.lower(), standin


# --- O livro como um leitor o vê: links, recursos locais e, num Chromium sem rede, cada página ----------

SCREENSHOTS = ROOT / "_build" / "screenshots"
CHAPTER_PAGES = [name for name in toc_files() if re.match(r"book/\d\d_", name)]


class _Page(HTMLParser):
    """Ids, links e recursos (script, css, imagem) de uma página HTML."""

    def __init__(self):
        super().__init__()
        self.ids, self.links, self.resources = set(), [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag in ("script", "img", "iframe", "source") and attrs.get("src"):
            self.resources.append(attrs["src"])
        elif tag == "link" and attrs.get("href") and "stylesheet" in (attrs.get("rel") or ""):
            self.resources.append(attrs["href"])


def _parse(path):
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _is_external(url):
    """Um endereço fora do livro: com esquema (http:, https:...) ou sem (``//cdn...``)."""
    return url.startswith("//") or (bool(re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I))
                                    and not url.startswith(("data:", "mailto:")))


def test_no_page_loads_anything_from_the_internet(built_html):
    external = {}
    for path in sorted(built_html.rglob("*.html")):
        bad = [url for url in _parse(path).resources if _is_external(url)]
        if bad:
            external[str(path.relative_to(built_html))] = bad
    assert not external, f"recursos externos (o livro precisa abrir sem internet): {external}"


def test_every_internal_link_and_anchor_exists(built_html):
    pages = {path: _parse(path) for path in built_html.rglob("*.html")
             if "_static" not in path.relative_to(built_html).parts}
    broken = []
    for path, page in pages.items():
        for url in page.links + page.resources:
            if _is_external(url) or url.startswith(("data:", "mailto:")):     # embutido, ou um e-mail
                continue
            target, _, anchor = url.partition("#")
            target_path = (path.parent / target.split("?")[0]).resolve() if target else path
            if not target_path.exists():
                broken.append(f"{path.relative_to(built_html)} → {url}")
            elif anchor and target_path.suffix == ".html":
                ids = pages[target_path].ids if target_path in pages else _parse(target_path).ids
                if anchor not in ids:
                    broken.append(f"{path.relative_to(built_html)} → {url} (âncora)")
    assert not broken, "links internos quebrados:\n" + "\n".join(broken[:40])


READER = r"""(() => {
  const images = [...document.querySelectorAll('article img')];
  const maths = [...document.querySelectorAll('article .math')];
  return {
    math: maths.length,
    typeset: maths.filter(m => m.querySelector('mjx-container svg')).length,
    math_errors: document.querySelectorAll('mjx-merror, [data-mjx-error]').length,
    images: images.length,
    broken_images: images.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src.slice(-60)),
    no_alt: images.filter(i => !i.alt || /\.(png|jpe?g|svg)$/i.test(i.alt)).map(i => i.src.slice(-60)),
    animations: document.querySelectorAll('.nn-animation').length,
    cut_code: [...document.querySelectorAll('article div.cell_input div.highlight pre, ' +
                                            'article div.cell_output div.text_html div.highlight pre')]
      .filter(p => p.scrollWidth > p.clientWidth + 1)
      .map(p => p.textContent.split('\n').reduce((a, b) => a.length >= b.length ? a : b).slice(0, 70)),
    launch: [...document.querySelectorAll('a')].filter(a => /colab|mybinder/.test(a.href)).length,
  };
})()"""

PLAY = r"""(async () => {
  const results = [];
  for (const anim of document.querySelectorAll('.nn-animation')) {
    const img = anim.querySelector('img');
    anim.scrollIntoView();
    const before = img.src;
    anim.querySelector('button[title="Tocar"]').click();
    await new Promise(r => setTimeout(r, 700));
    anim.querySelector('button[title="Pausar"]').click();
    results.push({frames: +anim.dataset.frames, loaded: img.naturalWidth > 0, moved: img.src !== before});
  }
  return results;
})()"""


def visit(browser, path, screenshot=None):
    """Abre uma página e devolve o que o leitor vê (fórmulas, imagens, animações que tocam)."""
    browser.open(path)
    if browser.evaluate("!!document.querySelector('script[src*=\"mathjax\"]')") and browser.wait_until(
            "!!(window.MathJax && MathJax.startup && MathJax.startup.promise)", timeout=30):
        browser.evaluate("MathJax.startup.promise.then(() => true)", await_promise=True)
    browser.wait_until("[...document.images].every(i => i.complete)", timeout=20)
    page = browser.evaluate(READER)
    if screenshot:
        browser.screenshot(SCREENSHOTS / f"{screenshot}.png")
    page["played"] = browser.evaluate(PLAY, await_promise=True)
    if screenshot and page["played"]:
        browser.screenshot(SCREENSHOTS / f"{screenshot}-animation.png")
    return page


@pytest.fixture(scope="module")
def reader(built_html):
    """Cada página do sumário aberta num Chromium sem rede: o que o leitor vê, e uma foto de cada uma."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    seen = {}
    with chromium_or_skip() as browser:
        for name in toc_files():
            seen[name] = visit(browser, built_html / f"{name}.html", screenshot=name.replace("/", "_"))
        seen["_requests"] = list(browser.requests)
        seen["_errors"] = list(browser.console_errors)
    return seen


def test_the_reader_notices_a_cdn_a_missing_alt_and_a_stuck_animation(tmp_path):
    """O teste no navegador pode falhar: numa página ruim de propósito, ele vê cada defeito."""
    page = tmp_path / "ruim.html"
    page.write_text(
        '<html><body><article><script src="https://cdn.exemplo.invalid/lib.js"></script>'
        '<img src="figura.png"><div class="nn-animation" data-frames="12"><img alt="quadro parado" '
        'src="figura.png"><button title="Tocar"></button><button title="Pausar"></button></div>'
        '<span class="math">\\(x\\)</span></article></body></html>', encoding="utf-8")
    (tmp_path / "figura.png").write_bytes(base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="))
    with chromium_or_skip() as browser:
        seen = visit(browser, page)
        external = [u for u in browser.requests if u.startswith("https:")]
    assert external == ["https://cdn.exemplo.invalid/lib.js"]
    assert seen["no_alt"] and seen["typeset"] == 0 < seen["math"]
    assert seen["played"] == [{"frames": 12, "loaded": True, "moved": False}]


def test_browser_made_no_external_request(reader):
    external = [url for url in reader["_requests"] if not url.startswith(("file:", "data:", "blob:", "about:"))]
    assert not external, f"pedidos para fora do livro: {external[:10]}"


def test_pages_run_no_failing_javascript(reader):
    assert not reader["_errors"], reader["_errors"][:5]


def test_every_formula_is_typeset(reader):
    pages = {k: v for k, v in reader.items() if not k.startswith("_")}
    assert sum(p["math"] for p in pages.values()) > 100
    bad = {name: (p["typeset"], p["math"], p["math_errors"]) for name, p in pages.items()
           if p["typeset"] != p["math"] or p["math_errors"]}
    assert not bad, f"fórmulas não renderizadas (renderizadas, total, erros): {bad}"


def test_no_code_is_cut_off_on_the_page(reader):
    """Nenhuma célula de código (nem o que ``show_source`` mostra) precisa de rolagem lateral."""
    pages = {k: v for k, v in reader.items() if not k.startswith("_")}
    cut = {name: p["cut_code"] for name, p in pages.items() if p["cut_code"]}
    assert not cut, f"código cortado na página (linhas longas demais): {cut}"


def test_every_image_loads_and_has_alt_text(reader):
    pages = {k: v for k, v in reader.items() if not k.startswith("_")}
    broken = {name: p["broken_images"] for name, p in pages.items() if p["broken_images"]}
    assert not broken, f"imagens que não carregam: {broken}"
    no_alt = {name: p["no_alt"] for name, p in pages.items() if p["no_alt"]}
    assert not no_alt, f"imagens sem texto alternativo (alt): {no_alt}"


@pytest.mark.parametrize("name", CHAPTER_PAGES)
def test_every_chapter_has_figures_a_playing_animation_and_launch_buttons(reader, name):
    page = reader[name]
    assert page["images"] >= 1, f"{name}: nenhuma figura"
    assert page["launch"] >= 2, f"{name}: faltam os botões Colab/Binder"
    assert page["played"], f"{name}: nenhuma animação"
    for anim in page["played"]:
        assert anim["loaded"] and anim["moved"], f"{name}: uma animação não tocou ({anim})"
        assert anim["frames"] >= 10


def test_the_exercises_page_opens_every_exercise_in_colab_or_binder_and_offers_the_download(built_html):
    page = (built_html / "book" / "exercises.html").read_text(encoding="utf-8")
    url, branch = course_repository(ROOT)
    colab = url.replace("https://github.com/", "https://colab.research.google.com/github/")
    binder = url.replace("https://github.com/", "https://mybinder.org/v2/gh/")
    for exercise in sorted((ROOT / "exercises").glob("ex_*.ipynb")):
        assert f'href="{colab}/blob/{branch}/exercises/{exercise.name}"' in page, exercise.name
        assert f'href="{binder}/{branch}?urlpath=lab/tree/exercises/{exercise.name}"' in page, \
            exercise.name
        download = re.search(rf'href="(\.\./_downloads/\w+/{exercise.name})"', page)
        assert download, f"{exercise.name}: sem link para baixar"
        assert (built_html / "book" / download.group(1)).read_bytes() == exercise.read_bytes()


# --- O livro como um livro-texto: numerado, com legendas, em português, sem resto de build -------------

def soup_of(built_html, name):
    from bs4 import BeautifulSoup

    return BeautifulSoup((built_html / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def chapter_number(name):
    return int(Path(name).name[:2])


@pytest.mark.parametrize("name", CHAPTER_PAGES)
def test_chapters_and_sections_are_numbered_in_titles_and_sidebar(built_html, name):
    soup, number = soup_of(built_html, name), chapter_number(name)
    title = soup.select_one("article h1").get_text(" ", strip=True)
    assert title.startswith(f"{number}. "), f"{name}: título sem número: {title!r}"
    sections = [h.get_text(" ", strip=True) for h in soup.select("article section > h2")]
    assert sections, f"{name}: nenhuma seção"
    unnumbered = [s for s in sections if not re.match(rf"{number}\.\d+\. ", s)]
    assert not unnumbered, f"{name}: seções sem número: {unnumbered}"
    sidebar = [a.get_text(" ", strip=True) for a in soup.select("nav.bd-links a")]
    assert any(text.startswith(f"{number}. ") for text in sidebar), \
        f"{name}: o sumário lateral não numera o capítulo: {sidebar[:12]}"


def figures_of(soup):
    """O que o leitor vê como figura: cada imagem fora das animações, e cada animação."""
    images = [img for img in soup.select("article img") if not img.find_parent(class_="nn-animation")]
    return images + soup.select("article .nn-animation")


@pytest.mark.parametrize("name", CHAPTER_PAGES)
def test_every_figure_has_a_numbered_caption(built_html, name):
    soup, number = soup_of(built_html, name), chapter_number(name)
    missing, numbers = [], []
    for element in sorted(figures_of(soup), key=lambda e: e.sourceline or 0):
        figure = element.find_parent("figure")
        caption = figure and figure.find("figcaption")
        found = caption and re.search(r"Figura (\d+)\.(\d+)", caption.get_text(" ", strip=True))
        if not found:
            missing.append((element.get("alt") or element.get("aria-label") or element.name)[:60])
        else:
            numbers.append((int(found[1]), int(found[2])))
    assert not missing, f"{name}: figuras sem legenda numerada: {missing}"
    assert numbers and all(chapter == number for chapter, _ in numbers), numbers
    assert [k for _, k in numbers] == list(range(1, len(numbers) + 1)), \
        f"{name}: figuras fora de ordem ou repetidas: {numbers}"


ENGLISH_UI = ["Show code cell", "Hide code cell", "Show code", "Hide code", "Click to show",
              "Show source", "Hide source", '"Toggle hidden content"', '"Toggle primary sidebar"',
              '"Toggle secondary sidebar"', '"previous page"', '"next page"', '"Launch on Colab"',
              '"Launch on Binder"', '"Color mode"', '"System Settings"', 'title="Light"',
              'title="Dark"']


@pytest.mark.parametrize("name", toc_files())
def test_no_english_toggle_or_interface_text(built_html, name):
    text = (built_html / f"{name}.html").read_text(encoding="utf-8")
    found = [phrase for phrase in ENGLISH_UI if phrase in text]
    assert not found, f"{name}: texto de interface em inglês: {found}"
    # citações no texto: "Mesel e Uzeda", nunca "Mesel and Uzeda"
    english_citations = re.findall(r'href="references\.html#[^"]*"[^>]*>([^<]* and [^<]*)<', text)
    assert not english_citations, f"{name}: citações com 'and': {english_citations}"


ARTEFACTS = re.compile(r"np\.(float|int)\d+\(|site-packages|Warning\b|Traceback|/tmp/|/root/|"
                       r"/home/")
ENGLISH_DECIMAL = re.compile(r"(?<![\w.,/-])\d+\.\d+(?![\w.])")


def outputs_of(soup):
    """O texto de cada saída de célula publicada, e as saídas de stderr.

    Não contam: legendas, animações, código exibido (``show_source``) e as saídas de células com a
    tag ``code-output``, que mostram texto de máquina de propósito (um erro do Keras, um grafo do JAX).
    """
    for extra in soup.select("div.cell_output figcaption, div.cell_output .nn-animation, "
                             "div.cell_output .text_html .highlight, div.tag_code-output div.cell_output"):
        extra.decompose()     # "Figura 6.2", botões, código (show_source) e saídas que são código
    outputs = [out.get_text("\n") for out in soup.select("div.cell_output")]
    stderr = soup.select("div.cell_output .stderr, div.cell_output .output.stderr")
    return outputs, stderr


@pytest.mark.parametrize("name", CHAPTER_PAGES)
def test_published_outputs_are_clean_and_use_decimal_commas(built_html, name):
    outputs, stderr = outputs_of(soup_of(built_html, name))
    assert not stderr, f"{name}: saída de stderr publicada: {stderr[0].get_text()[:200]}"
    artefacts = [m.group(0) + " em: " + text[max(0, m.start() - 60):m.end() + 60].replace("\n", " ")
                 for text in outputs for m in ARTEFACTS.finditer(text)]
    assert not artefacts, f"{name}: restos do build nas saídas:\n" + "\n".join(artefacts[:10])
    decimals = [m.group(0) + " em: " + text[max(0, m.start() - 50):m.end() + 30].replace("\n", " ")
                for text in outputs for m in ENGLISH_DECIMAL.finditer(text)]
    assert not decimals, (f"{name}: números com ponto decimal (use br(...)):\n"
                          + "\n".join(decimals[:15]))


def test_the_clean_output_checks_can_fail():
    from bs4 import BeautifulSoup

    soup = BeautifulSoup('<div class="cell_output"><pre>(np.float64(-1.0), 2)\nMSE = 4872.25</pre>'
                         '<div class="output stderr">UserWarning: /x/site-packages/k.py</div></div>',
                         "html.parser")
    outputs, stderr = outputs_of(soup)
    assert stderr and ARTEFACTS.search(outputs[0]) and ENGLISH_DECIMAL.search(outputs[0])
    assert not ENGLISH_DECIMAL.search("forma (200, 3); keras 3.15.1; 4872,25; 1e-06")


@pytest.mark.parametrize("name", CHAPTER_PAGES)
def test_the_executable_copy_numbers_figures_and_equations_as_the_book_does(built_html, name):
    """``book/*.ipynb`` escreve "Figura 6.2" e "(6.3)" por conta própria: os números batem com o livro."""
    from nn_helpers.grading.plain_markdown import book_numbers

    soup = soup_of(built_html, name)
    in_book = {}
    for figure in soup.select("article figure[id]"):
        found = re.search(r"Figura (\d+\.\d+)", figure.find("figcaption").get_text(" ", strip=True))
        in_book[figure["id"]] = found.group(1)
    for equation in soup.select('article [id^="equation-"]'):
        found = re.search(r"\((\d+\.\d+)\)", equation.select_one(".eqno").get_text())
        in_book[equation["id"].removeprefix("equation-")] = found.group(1)
    source = (ROOT / f"{name}.md").read_text(encoding="utf-8")
    in_copy = book_numbers(source, chapter_number(name))
    assert in_copy == in_book


# --- Os exploradores vivos: no livro construído, sem Python e sem rede ---------------------------------

LIVE = {"book/01_linear_regression": ("regression", "fig-01-explorador"),
        "book/02_gradient_descent": ("learning_rate", "fig-02-explorador"),
        "book/03_logistic_regression_perceptron": ("perceptron", "fig-03-explorador"),
        "book/07_activations_regularization": ("playground", "fig-07-playground")}
LIVE_STATE = r"""(() => Explorers.mounted.map((e) => ({
  kind: e.kind, status: e.status(), canvases: e.root.querySelectorAll('canvas').length,
  controls: e.root.querySelectorAll('input, button, select').length,
  photoHidden: e.root.querySelector('img.nn-explorer-photo').offsetParent === null,
  alt: e.root.querySelector('img.nn-explorer-photo').alt })))()"""


# Pesos e dados fixos: a ida, o custo e um passo de SGD com L2 feitos pelo JavaScript da página do capítulo 7.
_rng = np.random.default_rng(11)
FIXED = {"sizes": [2, 6, 4, 1], "X": _rng.normal(size=(29, 2)), "y": _rng.integers(0, 2, 29),
         "params": [a for n_in, n_out in ((2, 6), (6, 4), (4, 1))
                    for a in (_rng.normal(size=(n_in, n_out)), _rng.normal(size=n_out))]}
FIXED_STEP = (FIXED["sizes"], "tanh", FIXED["params"], FIXED["X"], FIXED["y"], 0.5, 0.01)


@pytest.fixture(scope="module")
def live(built_html):
    """Cada página com um explorador, aberta num Chromium sem rede: o que montou, e uma foto dele vivo."""
    seen = {}
    with chromium_or_skip() as browser:
        for name in LIVE:
            browser.open(built_html / f"{name}.html")
            browser.wait_until("window.Explorers && Explorers.mounted.length > 0", timeout=20)
            seen[name] = browser.evaluate(LIVE_STATE)
            if LIVE[name][0] == "regression":      # o MSE que a página mostra, com os dados dela
                seen["_line"] = browser.evaluate("(() => { const e = Explorers.mounted[0];"
                                                 " return [e.config.x, e.config.y, e.state.c0, e.state.b, e.loss]; })()")
            if LIVE[name][0] == "playground":      # a rede da página, com pesos e dados fixos
                seen["_network"] = browser.evaluate(network_step_js(*FIXED_STEP))
            browser.evaluate("document.querySelector('.nn-explorer').scrollIntoView() || true")
            browser.screenshot(SCREENSHOTS / f"live-{LIVE[name][0]}.png")
        seen["_requests"] = list(browser.requests)
        seen["_errors"] = list(browser.console_errors)
    return seen


def chapter_alt(name, figure):
    """O texto alternativo que o capítulo escreveu para a figura ``figure``."""
    text = (ROOT / f"{name}.md").read_text(encoding="utf-8")
    header = text[text.index(f"name: {figure}"):]
    return yaml.safe_load(re.search(r"\n\s*alt: (\".*?\")\n", header)[1])


@pytest.mark.parametrize("name", list(LIVE))
def test_each_explorer_is_live_in_its_chapter_with_the_chapter_alt_text(live, name):
    kind, figure = LIVE[name]
    [explorer] = live[name]
    assert explorer["kind"] == kind and explorer["photoHidden"]
    assert explorer["canvases"] >= 1 and explorer["controls"] >= 2 and explorer["status"]
    assert explorer["alt"] == " ".join(chapter_alt(name, figure).split())


def test_live_explorers_request_nothing_outside_the_book_and_raise_no_error(live):
    assert not [u for u in live["_requests"] if not u.startswith(("file:", "data:", "blob:", "about:"))]
    assert not live["_errors"], live["_errors"][:5]


def test_the_live_explorers_add_less_than_1_mb_to_the_book(built_html):
    """O que os exploradores vivos acrescentam: os scripts e, em cada página, o HTML do explorador menos
    a foto PNG que o livro já tinha (antes um arquivo em _images, agora embutida em base64)."""
    static = sum(f.stat().st_size for f in (built_html / "_static" / "explorers").iterdir())
    pages = 0
    for name in LIVE:
        for div in re.findall(r'<div class="nn-explorer".*?</div>', (built_html / f"{name}.html").read_text("utf-8")):
            photo = re.search(r'base64,([^"]+)"', div)[1]
            pages += len(div.encode()) - len(base64.b64decode(photo))
    print(f"\nexploradores vivos: {static / 1e3:.0f} kB de scripts + {pages / 1e3:.0f} kB nas páginas")
    assert static + pages < 1e6


def test_the_book_pages_compute_what_nn_helpers_computes(live):
    """Na página publicada: o MSE do explorador da reta é o losses.mse, e a rede do playground faz a ida, o
    custo e um passo de SGD com L2 como o nn_helpers (float64), até 1e-9."""
    from nn_helpers.losses import mse

    x, y, c0, b, loss = live["_line"]
    assert loss == pytest.approx(mse(np.array(y), c0 * np.array(x) + b), rel=1e-12)
    P, loss, _, params = network_step_python(*FIXED_STEP)
    got = live["_network"]
    assert np.max(np.abs(np.subtract(got["P"], P))) < 1e-9 and abs(got["loss"] - loss) < 1e-9
    for after, want in zip(got["after"], params):
        assert np.max(np.abs(np.ravel(after) - np.ravel(want))) < 1e-9
