"""Uma página de teste com exploradores vivos, sem construir o livro: o HTML que cada explorador
do ``nn_helpers.widgets`` põe no livro e os mesmos scripts e estilos que o livro serve.

    page = explorer_page(tmp_path, [regression_explorer(x, y)])
    with Chromium() as browser:
        browser.open(page)
        browser.evaluate("Explorers.mounted[0].status()")
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "book" / "_ext"))
from book_html import EXPLORER_SCRIPTS, EXPLORERS  # noqa: E402


def explorer_page(folder, explorers, name="explorers.html", width=900):
    """Escreve ``folder/name`` com os exploradores (objetos ou o HTML de cada um) e devolve o caminho."""
    parts = [e if isinstance(e, str) else e.html() for e in explorers]
    scripts = "".join(f'<script defer src="{(EXPLORERS / s).as_uri()}"></script>'
                      for s in EXPLORER_SCRIPTS)
    page = Path(folder) / name
    page.write_text(
        f'<!doctype html><html lang="pt-BR"><head><meta charset="utf-8"><title>exploradores</title>'
        f'<link rel="stylesheet" href="{(EXPLORERS / "explorers.css").as_uri()}">{scripts}</head>'
        f'<body><main style="max-width:{width}px;margin:16px auto">'
        + "".join(f"<section>{p}</section>" for p in parts) + "</main></body></html>",
        encoding="utf-8")
    return page
