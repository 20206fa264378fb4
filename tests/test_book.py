"""O livro: cada capítulo importa só o que a biblioteca tem, e o build passa com -W.

O build executa todos os capítulos; um ``assert`` que falha num capítulo
derruba o build (``allow_errors: false`` + ``--warningiserror``).
"""

import ast
import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

CHAPTERS = sorted((ROOT / "book").glob("*.md"))
CODE_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def code_of(chapter):
    """O código Python das células de um capítulo MyST (sem as opções `:tag:`)."""
    cells = []
    for body in CODE_CELL.findall(chapter.read_text(encoding="utf-8")):
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
