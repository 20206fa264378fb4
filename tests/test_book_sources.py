"""As regras de escrita do livro (CONTRIBUTING.md), conferidas nas fontes dos capítulos.

Cada teste roda por capítulo (``-k 06``) e aponta arquivo e linha. O livro construído é conferido em
``tests/test_book.py``; a terminologia, em ``tests/test_glossary.py``.
"""
import importlib
import re
from pathlib import Path

import pytest
from myst_nb.core.read import read_myst_markdown_notebook

from nn_helpers.book import source_text

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "book").glob("[0-9][0-9]_*.md"))
BOOK_PAGES = CHAPTERS + [ROOT / "book" / "intro.md"]
NOTEBOOK_PAGES = [p for p in sorted((ROOT / "book").glob("*.md"))        # tudo o que executa código
                  if "kernelspec:" in p.read_text(encoding="utf-8").split("\n---", 1)[0]]
MAX_CODE_LINE = 88
MAX_SOURCE_MENTIONS = 5

_ATENCAO = re.compile(r"^(`{3,}|:{3,})\{admonition\} Atenção\s*\n(.*?)^\1\s*$", re.M | re.S)
_FENCE = re.compile(r"^(`{3,}|:{3,}).*?^\1\s*$", re.M | re.S)
_MENTION = re.compile(r"(?<![\w-])(decks?|slides?)(?![\w-])", re.I)   # não as chaves `slides-…`


def cells(path):
    """As células do notebook MyST: objetos com ``cell_type``, ``source`` e ``metadata``."""
    return read_myst_markdown_notebook(path.read_text(encoding="utf-8")).cells


def line_of(text, index):
    return text.count("\n", 0, index) + 1


def without_atencao(text):
    """O texto com as caixas "Atenção" trocadas por linhas em branco (os números de linha ficam)."""
    return _ATENCAO.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def source_mentions(text):
    """``(linha, trecho)`` de cada menção a "deck"/"slide" fora das caixas "Atenção"."""
    text = without_atencao(text)
    return [(line_of(text, m.start()), text[max(0, m.start() - 30):m.end() + 30].replace("\n", " "))
            for m in _MENTION.finditer(text)]


@pytest.mark.parametrize("page", sorted((ROOT / "book").glob("*.md")), ids=lambda p: p.stem)
def test_the_book_speaks_in_its_own_voice(page):
    """Fora das caixas "Atenção", no máximo 5 menções aos decks/slides; nunca os ids 000–004."""
    text = page.read_text(encoding="utf-8")
    found = source_mentions(text)
    report = "\n".join(f"  {page.name}:{line}: …{snippet}…" for line, snippet in found)
    assert len(found) <= MAX_SOURCE_MENTIONS, (
        f"{len(found)} menções a deck/slide fora das caixas Atenção (o máximo é "
        f"{MAX_SOURCE_MENTIONS}); ensine o assunto e cite a fonte com {{cite:p}}:\n{report}")
    ids = [line_of(text, m.start()) for m in re.finditer(r"\bdecks? 00[0-4]\b", text, re.I)]
    assert not ids, f"{page.name}: os ids dos decks não significam nada para o leitor (linhas {ids})"


@pytest.mark.parametrize("page", CHAPTERS, ids=lambda p: p.stem)
def test_every_atencao_box_cites_the_source_it_corrects(page):
    text = page.read_text(encoding="utf-8")
    for box in _ATENCAO.finditer(text):
        assert "{cite" in box.group(2), (
            f"{page.name}:{line_of(text, box.start())}: uma caixa Atenção corrige um deslize de uma "
            "fonte; cite-a ({cite:p}`slides-...`)")


def test_the_source_mention_counter_can_fail():
    text = ("O deck diz.\n```{admonition} Atenção\n:class: warning\nO slide erra {cite:p}`x`.\n```\n"
            "Os slides mostram; o deck 000 também.\n")
    assert [line for line, _ in source_mentions(text)] == [1, 6, 6]


@pytest.mark.parametrize("page", NOTEBOOK_PAGES, ids=lambda p: p.stem)
def test_no_code_line_is_cut_off_on_the_page(page):
    long = []
    for cell in cells(page):
        hidden = {"remove-input", "remove-cell"} & set(cell.metadata.get("tags", []))
        if cell.cell_type == "code" and not hidden:          # o que o leitor pode ver
            long += [line for line in cell.source.splitlines() if len(line) > MAX_CODE_LINE]
    report = "\n".join(f"  ({len(line)}) {line}" for line in long)
    assert not long, f"{page.name}: linhas de código com mais de {MAX_CODE_LINE} caracteres:\n{report}"


def shown_sources(page):
    """Os nomes passados a ``show_source(...)`` num capítulo, como escritos (``mse``,
    ``nn_helpers.linear.predict``); ``resolve`` acha o objeto."""
    return [target for cell in cells(page) if cell.cell_type == "code"
            for target in re.findall(r"show_source\(([\w.]+)\)", cell.source)]


def resolve(name, page):
    """Acha o objeto ``name`` (``nn_helpers.linear.mse`` ou ``mse`` importado no capítulo)."""
    parts = name.split(".")
    if parts[0] == "nn_helpers":
        for cut in range(len(parts) - 1, 0, -1):
            try:
                obj = importlib.import_module(".".join(parts[:cut]))
            except ImportError:
                continue
            for attr in parts[cut:]:
                obj = getattr(obj, attr)
            return obj
    text = page.read_text(encoding="utf-8")
    for module, items in re.findall(r"^from (nn_helpers[\w.]*) import \(?([^)]+?)\)?$", text, re.M):
        for item in re.split(r"[,\s]+", items):
            if item == parts[0]:
                obj = importlib.import_module(module)
                for attr in parts:
                    obj = getattr(obj, attr)
                return obj
    raise LookupError(f"{page.name}: não sei de onde vem {name!r} (importe-o de nn_helpers)")


_VALIDATION = re.compile(r"^\s*raise\b|\bas_array\(|\bvalidation\.|\bcheck_\w+\(|_validate\w*\(|"
                         r"\bisinstance\(|_FAST\b", re.M)


@pytest.mark.parametrize("page", CHAPTERS, ids=lambda p: p.stem)
def test_show_source_shows_the_teaching_code(page):
    """O que ``show_source`` mostra é a conta, sem validação nem caminho rápido, em linhas curtas."""
    problems = []
    for name in shown_sources(page):
        source = source_text(resolve(name, page))
        body = "\n".join(ln for ln in source.splitlines()       # a assinatura não conta
                         if not ln.lstrip().startswith(("def ", "class ")))
        for match in _VALIDATION.finditer(body):
            problems.append(f"  {name}: mostra validação/caminho rápido: "
                            f"{body[match.start():].splitlines()[0].strip()}")
        problems += [f"  {name}: linha com {len(line)} caracteres: {line.strip()}"
                     for line in source.splitlines() if len(line) > MAX_CODE_LINE]
    assert not problems, (f"{page.name}: show_source deve mostrar só a conta que ensina "
                          "(dê a ela uma função pública própria):\n" + "\n".join(problems))


def figure_cells(page):
    """As células que desenham uma imagem (têm texto alternativo) ou uma animação (``to_html``)."""
    for cell in cells(page):
        if cell.cell_type != "code":
            continue
        mystnb = cell.metadata.get("mystnb", {})
        if "image" in mystnb or "figure" in mystnb or "to_html(" in cell.source:
            yield cell, mystnb


@pytest.mark.parametrize("page", CHAPTERS, ids=lambda p: p.stem)
def test_every_figure_has_a_caption_and_a_name(page):
    missing = [cell.source.strip().splitlines()[0][:70] for cell, mystnb in figure_cells(page)
               if not (mystnb.get("figure", {}).get("caption") and mystnb["figure"].get("name"))]
    assert not missing, (f"{page.name}: figuras sem legenda numerada (mystnb.figure.caption e "
                         "name):\n" + "\n".join(f"  célula que começa com: {m}" for m in missing))


@pytest.mark.parametrize("page", CHAPTERS, ids=lambda p: p.stem)
def test_drawing_code_is_hidden_the_same_way_everywhere(page):
    """Uma célula que só desenha uma figura leva ``hide-input``, em todos os capítulos."""
    shown = [cell.source.strip().splitlines()[0][:70] for cell, mystnb in figure_cells(page)
             if "hide-input" not in cell.metadata.get("tags", [])
             and ("plt." in cell.source or "to_html(" in cell.source)]
    assert not shown, (f"{page.name}: células de figura sem tags: [hide-input]:\n"
                       + "\n".join(f"  {s}" for s in shown))


# --- Markdown que come números: "…0 ou\n1." vira uma lista numerada no CommonMark --------------------

_LIST_START = re.compile(r"^(1[.)]|[-+*])(\s|$)")
_BLOCK_START = re.compile(r"^(\s|#|\||>|`{3}|:{3}|\$\$|[-+*] |\d+[.)] |\(\w[\w-]*\)=|:\w|---|\[)")


def accidental_blocks(text):
    """``(linha, texto)`` de cada linha de um parágrafo que o CommonMark leria como início de lista."""
    found, in_fence, in_math, previous = [], None, False, ""
    for number, line in enumerate(text.splitlines(), 1):
        fence = re.match(r"^(`{3,}|:{3,})", line)
        if in_fence:
            if fence and line.strip() == in_fence:
                in_fence = None
            previous = ""
            continue
        if fence:
            in_fence, previous = fence.group(1), ""
            continue
        if line.strip() == "$$" or (line.startswith("$$") and not line.rstrip().endswith("$$")):
            in_math = not in_math
            previous = ""
            continue
        if in_math:
            continue
        paragraph = previous.strip() and not _BLOCK_START.match(previous)
        if paragraph and _LIST_START.match(line) and not previous.rstrip().endswith(":"):
            found.append((number, previous.strip()[-40:] + " ⏎ " + line.strip()[:40]))
        previous = line if not line.strip() or paragraph or not _BLOCK_START.match(line) else "# "
    return found


@pytest.mark.parametrize("page", BOOK_PAGES, ids=lambda p: p.stem)
def test_no_line_turns_into_a_list_by_accident(page):
    found = accidental_blocks(page.read_text(encoding="utf-8"))
    assert not found, (f"{page.name}: linhas que viram lista no Markdown (reescreva a quebra de linha "
                       "para não começar com '1.' ou '-'):\n"
                       + "\n".join(f"  linha {n}: {s}" for n, s in found))


@pytest.mark.parametrize("text, lines", [
    ("as saídas devolvem 0 ou\n1. Depois…\n", [2]),
    ("o erro cai para\n- 3 no fim\n", [2]),
    ("Três passos:\n1. um\n2. dois\n", []),
    ("Texto.\n\n1. um\n2. dois\n", []),
    ("```{code-cell}\nx = 0 ou\n1. + 2\n```\n", []),
    ("- item\n- outro\n", []),
])
def test_the_accidental_list_check_can_fail(text, lines):
    assert [n for n, _ in accidental_blocks(text)] == lines


# --- Um símbolo por conceito: a taxa de aprendizado é η ---------------------------------------------

_LR_SYMBOL = re.compile(
    r"taxa de aprendizado[^.$]{0,30}\$\\(alpha|lambda)\b"       # "taxa de aprendizado $\alpha$"
    r"|[-+]\s*\\(alpha|lambda)\s*(\\,)?\s*(\\nabla|\\frac\{\\partial|g\b|\\cdot\s*\\nabla)"
    r"|(alpha|lambda)\s*<\s*2\s*/", re.I)


def learning_rate_as_other_letter(text):
    return [line_of(text, m.start()) for m in _LR_SYMBOL.finditer(text)]


@pytest.mark.parametrize("page", BOOK_PAGES + [ROOT / "book" / "glossary.md"], ids=lambda p: p.stem)
def test_the_learning_rate_is_always_eta(page):
    lines = learning_rate_as_other_letter(page.read_text(encoding="utf-8"))
    assert not lines, (f"{page.name}: a taxa de aprendizado é $\\eta$ (CONTRIBUTING.md); "
                       f"α e λ têm outros papéis — linhas {lines}")


def test_the_learning_rate_check_can_fail():
    assert learning_rate_as_other_letter(
        "a taxa de aprendizado $\\alpha$ e $w - \\alpha \\nabla C$\n$v - \\alpha g$") == [1, 1, 2]
    assert learning_rate_as_other_letter("$w - \\eta \\nabla C$, leaky ReLU com $\\alpha$") == []


# --- As cópias executáveis (book/*.ipynb, o que o Colab e o Binder abrem) em Markdown comum ---------

_MYST = re.compile(r"^(`{3,}|:{3,})\{[\w-]+\}|\{(cite|term|doc|ref|numref|eq)[:\w]*\}`|^\([\w-]+\)=\s*$"
                   r"|^:(class|name|tags):|\$\$[ \t]*\(eq-|\?\)|Figura \?", re.M)


def myst_left(text):
    return [text[max(0, m.start() - 20):m.end() + 20].replace("\n", "⏎") for m in _MYST.finditer(text)]


@pytest.mark.parametrize("page", BOOK_PAGES, ids=lambda p: p.stem)
def test_the_executable_copy_has_no_myst_syntax(page):
    import nbformat

    copy = nbformat.read(page.with_suffix(".ipynb"), as_version=4)
    left = [snippet for cell in copy.cells if cell.cell_type == "markdown"
            for snippet in myst_left(cell.source)]
    assert not left, (f"{page.with_suffix('.ipynb').name}: sintaxe MyST que o Jupyter mostraria crua "
                      "(rode `python3 course.py release`):\n" + "\n".join(f"  …{s}…" for s in left))


def test_myst_becomes_plain_markdown():
    from nn_helpers.grading.plain_markdown import book_numbers, plain_markdown, read_bibliography

    bib = read_bibliography((ROOT / "book" / "references.bib").read_text(encoding="utf-8"))
    source = ("```{admonition} Atenção\n:class: warning\nO sinal {cite:p}`nielsen2015`.\n```\n\n"
              "```{admonition} Resposta\n:class: dropdown\n42\n```\n\n"
              "Veja a {numref}`Figura %s <fig-06-x>`, a {eq}`eq-06-a` e o {term}`viés`, como "
              "{cite:t}`rumelhart1986`.\n\n(sec-x)=\n$$\nC = 1\n$$ (eq-06-a)\n")
    numbers = book_numbers("mystnb:\n  figure:\n    name: fig-06-x\n$$\nC\n$$ (eq-06-a)\n", 6)
    plain = plain_markdown(source, bib, numbers, "https://dono.github.io/curso")
    assert "> **Atenção.** O sinal (Nielsen, 2015)." in plain
    assert "<details>\n<summary><b>Resposta</b></summary>\n\n42\n\n</details>" in plain
    assert "Figura 6.1" in plain and "(6.1)" in plain and "\\tag{6.1}" in plain
    assert "[viés](https://dono.github.io/curso/book/glossary.html#term-viés)" in plain
    assert "Rumelhart et al. (1986)" in plain
    assert not myst_left(plain) and myst_left(source)
