"""Ajustes do HTML do livro, num lugar só (extensão Sphinx local, ligada em _config.yml).

1. **MathJax servido pelo próprio livro**: as fórmulas aparecem sem internet, até abrindo o HTML do
   disco. Os arquivos vêm do pacote ``sphinx-mathjax-offline`` (MathJax 3, instalado por
   requirements.txt); aqui eles são copiados para ``_static/mathjax`` e a saída é SVG, que não depende de
   fontes web (o Chromium bloqueia fontes carregadas de ``file://``).
2. **Nenhum script duplicado**: com o Jupyter Book 1.0.4, o sphinx-thebe põe a sua configuração duas
   vezes em cada página (``const THEBE_JS_URL`` declarada duas vezes é um erro de JavaScript).
3. **Código que cabe na página**: ``static/book.css`` deixa as células de código em 12 px, e uma linha
   de 88 caracteres cabe na coluna de texto sem rolagem (o teste no navegador confere).
4. **A interface em português**: o tema e o myst-nb deixam alguns rótulos em inglês (dicas dos botões,
   ``aria-label`` lido pelos leitores de tela). Depois do build, ``UI_PT`` os traduz em cada página.
5. **Referências em português**: o estilo ``alpha_pt`` (o ``alpha`` do pybtex, numerado) escreve
   "A, B e C" e "2ª ed." em vez de "A, B, and C" e "2 edition" (``bibtex_default_style`` em
   _config.yml).
6. **Exploradores vivos**: a saída de um explorador do ``nn_helpers.widgets`` é um
   ``<div class="nn-explorer">`` com a foto e os dados. As páginas que têm um recebem os scripts de
   ``static/explorers/`` (JavaScript puro, sem biblioteca nem CDN), que trocam a foto pelos
   controles; e a foto recebe o texto alternativo escrito no capítulo (``mystnb.image.alt``).
"""
import fnmatch
import importlib.util
import html
import re
import shutil
from pathlib import Path

from docutils import nodes

MATHJAX_ENTRY = "mathjax/tex-svg.js"
# Pontos de entrada que o livro não usa (só um deles é carregado) e a saída CHTML com as suas fontes:
# ~12 MB a menos no site. O resto fica — o menu e a acessibilidade carregam módulos sob demanda.
MATHJAX_UNUSED = ["tex-chtml*.js", "tex-mml-*.js", "mml-*.js", "tex-svg-full.js", "node-main.js", "chtml*"]


# Rótulos da interface que o sphinx-book-theme 1.3 e o myst-nb 1.4 não traduzem (atributos exatos).
UI_PT = {
    "Toggle hidden content": "Mostrar ou esconder o código",
    "Toggle primary sidebar": "Mostrar ou esconder o sumário",
    "Toggle secondary sidebar": "Mostrar ou esconder o índice da página",
    "previous page": "página anterior",
    "next page": "próxima página",
    "Launch on Binder": "Abrir no Binder",
    "Launch on Colab": "Abrir no Colab",
    "Color mode": "Modo de cor",
    "System Settings": "Como no sistema",
    "Light": "Claro",
    "Dark": "Escuro",
}
_UI_ATTRIBUTE = re.compile(r'((?:title|aria-label|data-bs-title)=")(' + "|".join(map(re.escape, UI_PT))
                           + r')"')


# Os exploradores vivos: os scripts, na ordem (as contas, o desenho, os exploradores, o playground).
EXPLORERS = Path(__file__).parent / "static" / "explorers"
EXPLORER_SCRIPTS = ["nn.js", "plot.js", "explorers.js", "playground.js"]
EXPLORER_MARK = 'class="nn-explorer"'


def _copy_static(app, exc):
    """Sempre copia ``static/book.css`` e os exploradores (o Sphinx 7.4 não sobrescreve um
    estático que já existe)."""
    if exc is None and app.builder.format == "html":
        shutil.copy(Path(__file__).parent / "static" / "book.css", Path(app.outdir) / "_static")
        shutil.copytree(EXPLORERS, Path(app.outdir) / "_static" / "explorers", dirs_exist_ok=True)


def _explorer_alt_text(app, doctree):
    """A foto de um explorador recebe o ``alt`` que o capítulo escreveu em ``mystnb.image.alt``
    (o explorador não conhece os metadados da célula; o myst-nb só os aplica a imagens)."""
    for raw in doctree.findall(nodes.raw):
        if EXPLORER_MARK not in raw.astext():
            continue
        cell = raw.parent
        while cell is not None and "cell_metadata" not in cell.attributes:
            cell = cell.parent
        alt = (cell["cell_metadata"].get("mystnb", {}).get("image", {}).get("alt")
               if cell is not None else None)
        if alt:
            text = re.sub(r'(<img class="nn-explorer-photo"[^>]*? alt=")[^"]*"',
                          lambda m: m[1] + html.escape(" ".join(alt.split()), quote=True) + '"',
                          raw.astext(), count=1)
            raw.replace_self(nodes.raw("", text, format="html"))


def _explorer_scripts(app, pagename, templatename, context, doctree):
    """Só as páginas com um explorador carregam os scripts dos exploradores."""
    if EXPLORER_MARK in context.get("body", ""):
        app.add_css_file("explorers/explorers.css")
        for script in EXPLORER_SCRIPTS:
            app.add_js_file(f"explorers/{script}", defer="defer")


def _translate_interface(app, exc):
    if exc is None and app.builder.format == "html":
        for page in Path(app.outdir).rglob("*.html"):
            text = page.read_text(encoding="utf-8")
            translated = _UI_ATTRIBUTE.sub(lambda m: f'{m[1]}{UI_PT[m[2]]}"', text)
            if translated != text:
                page.write_text(translated, encoding="utf-8")


def _register_portuguese_bibliography_style():
    from pybtex.plugin import register_plugin
    from pybtex.style.formatting.alpha import Style as Alpha
    from pybtex.style.template import field, names, optional, sentence, words

    class AlphaPt(Alpha):
        default_label_style = "number"      # [1], [2]… (o alpha faria "[WorkshopdRNeurais]")

        def format_names(self, role, as_sentence=True):
            formatted = names(role, sep=", ", sep2=" e ", last_sep=" e ")
            return sentence[formatted] if as_sentence else formatted

        def format_edition(self, e):
            return optional[words[field("edition", apply_func=lambda x: x.lower() + "ª"), "ed."]]

    register_plugin("pybtex.style.formatting", "alpha_pt", AlphaPt)

    # As citações no texto ("Mesel e Uzeda, s.d."): o estilo autor-ano do sphinxcontrib-bibtex
    # com "e" no lugar do "and" entre os autores.
    from dataclasses import dataclass, field as dataclass_field

    from sphinxcontrib.bibtex.plugin import register_plugin as register_reference_style
    from sphinxcontrib.bibtex.style.referencing import PersonStyle
    from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

    @dataclass
    class AuthorYearPt(AuthorYearReferenceStyle):
        person: PersonStyle = dataclass_field(
            default_factory=lambda: PersonStyle(sep2=" e ", last_sep=" e "))

    register_reference_style("sphinxcontrib.bibtex.style.referencing", "author_year_pt",
                             AuthorYearPt)


def _use_local_mathjax(app, config):
    config.mathjax_path = MATHJAX_ENTRY


def _copy_mathjax(app, exc):
    if exc is None and app.builder.format == "html":
        package = Path(importlib.util.find_spec("sphinx-mathjax-offline").origin).parent
        def unused(folder, names):
            return [n for n in names if any(fnmatch.fnmatch(n, p) for p in MATHJAX_UNUSED)]

        shutil.copytree(package / "static" / "mathjax", Path(app.outdir) / "_static" / "mathjax",
                        ignore=unused, dirs_exist_ok=True)


def _drop_duplicate_scripts(app, pagename, templatename, context, doctree):
    seen, unique = set(), []
    for script in context.get("script_files", []):
        key = (getattr(script, "filename", script) or "",
               tuple(sorted(getattr(script, "attributes", {}).items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"][:] = unique


def setup(app):
    _register_portuguese_bibliography_style()
    app.connect("config-inited", _use_local_mathjax, priority=900)
    app.connect("build-finished", _copy_mathjax)
    app.connect("build-finished", _translate_interface)
    app.connect("build-finished", _copy_static)
    app.connect("html-page-context", _drop_duplicate_scripts, priority=999)
    app.connect("html-page-context", _explorer_scripts)
    app.connect("doctree-read", _explorer_alt_text)
    app.add_css_file("book.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
