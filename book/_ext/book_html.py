"""Ajustes do HTML do livro, num lugar só (extensão Sphinx local, ligada em _config.yml).

1. **MathJax servido pelo próprio livro**: as fórmulas aparecem sem internet, até abrindo o HTML do
   disco. Os arquivos vêm do pacote ``sphinx-mathjax-offline`` (MathJax 3, instalado por
   requirements.txt); aqui eles são copiados para ``_static/mathjax`` e a saída é SVG, que não depende de
   fontes web (o Chromium bloqueia fontes carregadas de ``file://``).
2. **Nenhum script duplicado**: com o Jupyter Book 1.0.4, o sphinx-thebe põe a sua configuração duas
   vezes em cada página (``const THEBE_JS_URL`` declarada duas vezes é um erro de JavaScript).
"""
import fnmatch
import importlib.util
import shutil
from pathlib import Path

MATHJAX_ENTRY = "mathjax/tex-svg.js"
# Pontos de entrada que o livro não usa (só um deles é carregado) e a saída CHTML com as suas fontes:
# ~12 MB a menos no site. O resto fica — o menu e a acessibilidade carregam módulos sob demanda.
MATHJAX_UNUSED = ["tex-chtml*.js", "tex-mml-*.js", "mml-*.js", "tex-svg-full.js", "node-main.js", "chtml*"]


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
    app.connect("config-inited", _use_local_mathjax, priority=900)
    app.connect("build-finished", _copy_mathjax)
    app.connect("html-page-context", _drop_duplicate_scripts, priority=999)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
