"""Gera os exercícios (``exercises/``) a partir das soluções (``solutions/``).

A solução é a única fonte de cada exercício. Nela, o código da resposta fica
entre marcadores (a convenção do nbgrader)::

    def mse(y, y_hat):
        ### BEGIN SOLUTION
        return np.mean((y - y_hat) ** 2)
        ### END SOLUTION

e a versão do aluno recebe, no lugar, ``# SEU CÓDIGO AQUI`` e
``raise NotImplementedError(...)``. Trechos entre ``### BEGIN HIDDEN TESTS`` e
``### END HIDDEN TESTS`` numa célula de verificação somem da versão do aluno.

Cada célula recebe metadados compatíveis com o nbgrader (``schema_version 3``):

* **resposta** — célula de código com ``### BEGIN SOLUTION``; ``grade_id`` é o
  nome da primeira função (ou variável) definida nela, ou o que uma linha
  ``# grade_id: nome`` disser (útil para uma célula que define várias constantes);
* **verificação** — célula de código que chama ``check_<nome>(...)``; vale 1
  ponto, ou ``N`` com um comentário ``# pontos: N``;
* **somente leitura** — todas as outras.

O ``id`` de cada célula de resposta e de verificação é o seu ``grade_id``:
estável entre versões, é por ele que o corretor acha as respostas.

Fora do ambiente do curso (no Google Colab, por exemplo) o ``nn_helpers`` não
está instalado: cada exercício ganha, logo depois do título, uma célula de
preparação que o instala a partir do repositório do curso (``repository.url``
em ``_config.yml``) e que não faz nada onde ele já existe. Pelo mesmo motivo, cada
capítulo ``book/*.md`` ganha uma cópia ``book/*.ipynb`` (sem saídas, com a mesma
célula): é ela que os botões Colab e Binder do livro abrem.

Uso: ``nn-release`` (reescreve) ou ``nn-release --check`` (só confere, para
testes e CI; sai com código 1 se algo estiver desatualizado).
"""

import argparse
import copy
import hashlib
import re
import sys
from pathlib import Path

import nbformat

from .notebooks import (BEGIN, BEGIN_HIDDEN, END, END_HIDDEN, NotebookError, classify,
                        read_notebook)
from .plain_markdown import book_numbers, plain_markdown, read_bibliography

__all__ = ["NBGRADER_CONFIG", "normalize_solution", "make_exercise", "course_repository", "setup_cell", "published_site", "chapter_notebook",
           "release", "main"]

PROMPT = "# SEU CÓDIGO AQUI"
RAISE = 'raise NotImplementedError("Complete este trecho e execute a célula.")'
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}

#: ``nbgrader_config.py`` de um curso nbgrader que usa estas soluções como fonte: o nbgrader gera
#: a mesma versão do aluno que ``exercises/`` (menos a célula de preparação do Colab).
NBGRADER_CONFIG = f"""c = get_config()
c.CourseDirectory.course_id = "redes-neurais"
# No lugar de cada resposta, o texto de exercises/ (o padrão é "# YOUR CODE HERE").
c.ClearSolutions.code_stub = {{"python": "\\n".join([
    {PROMPT!r},
    {RAISE!r},
])}}
# As verificações com o Keras treinam uma rede: mais que os 30 s por célula do padrão.
c.ExecutePreprocessor.timeout = 300
"""
SETUP_ID = "setup-nn-helpers"
SETUP = """\
# Preparação: fora do ambiente do curso (no Google Colab, por exemplo), instala a biblioteca do curso,
# nn_helpers, a partir do repositório. Onde ela já está instalada, esta célula não faz nada.
import importlib.util
import subprocess
import sys

if importlib.util.find_spec("nn_helpers") is None:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet",
                    "nn_helpers @ git+{url}@{branch}"], check=True)"""


def _nbgrader(grade_id, solution=False, grade=False, points=None, locked=True):
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked,
            "schema_version": 3, "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    return meta


def normalize_solution(nb, name):
    """Devolve uma cópia da solução com ids, metadados nbgrader e saídas limpos."""
    nb = copy.deepcopy(nb)
    seen = set()
    for k, cell in enumerate(nb.cells):
        where = f"{name}, célula {k + 1}"
        role = classify(cell, where)
        if role[0] == "answer":
            grade_id = role[1]
            meta = _nbgrader(grade_id, solution=True, locked=False)
        elif role[0] == "check":
            grade_id = role[1]
            meta = _nbgrader(grade_id, grade=True, points=role[2])
        else:
            grade_id = "cell-" + hashlib.sha1(cell.source.encode()).hexdigest()[:8]
            meta = _nbgrader(grade_id)
        if grade_id in seen:
            if role[0] != "readonly":
                raise NotebookError(f"{where}: o id `{grade_id}` aparece em duas células.")
            suffix = 2
            while f"{grade_id}-{suffix}" in seen:
                suffix += 1
            grade_id = meta["grade_id"] = f"{grade_id}-{suffix}"
        seen.add(grade_id)
        cell.id = grade_id
        cell.metadata = {"nbgrader": meta}
        # Como o nbgrader: nenhuma célula se apaga; só as de resposta se editam.
        cell.metadata["deletable"] = False
        if role[0] != "answer":
            cell.metadata["editable"] = False
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nb.metadata = {"kernelspec": dict(KERNELSPEC),
                   "language_info": {"name": "python"},
                   "nn_helpers": {"exercise": name}}
    nb.nbformat, nb.nbformat_minor = 4, 5
    return nb


def _blank_regions(source, begin, end, replacement):
    out, inside = [], False
    for line in source.split("\n"):
        stripped = line.strip()
        if stripped == begin:
            inside = True
            indent = line[: len(line) - len(line.lstrip())]
            out.extend(indent + r for r in replacement)
        elif stripped == end:
            inside = False
        elif not inside:
            out.append(line)
    return "\n".join(out).rstrip()


def course_repository(root):
    """``(url, branch)`` do repositório do curso, lidos de ``_config.yml`` (``repository``)."""
    import yaml

    config = yaml.safe_load((Path(root) / "_config.yml").read_text(encoding="utf-8"))
    repo = config.get("repository") or {}
    if not str(repo.get("url", "")).startswith("https://"):
        raise NotebookError("_config.yml: falta `repository: url: https://...`, o endereço do "
                            "repositório do curso (dele saem o Colab, o Binder e a instalação).")
    return repo["url"].rstrip("/"), repo.get("branch", "main")


def setup_cell(repository):
    """Célula de código (somente leitura) que instala o nn_helpers onde ele não existe.

    Sem metadados ``nbgrader``: ela não existe na solução, e o ``nbgrader autograde`` recusa
    uma entrega com uma célula nbgrader que não conhece (ele ignora as outras).
    """
    url, branch = repository
    cell = nbformat.v4.new_code_cell(SETUP.format(url=url, branch=branch))
    cell.id = SETUP_ID
    cell.metadata = {"editable": False, "deletable": False}
    return cell


def make_exercise(solution_nb, repository=None):
    """Versão do aluno de uma solução já normalizada: respostas em branco, testes ocultos fora.

    Com ``repository=(url, branch)``, a célula de preparação entra logo depois da primeira.
    """
    nb = copy.deepcopy(solution_nb)
    if repository is not None:
        nb.cells.insert(1, setup_cell(repository))
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            cell.source = _blank_regions(cell.source, BEGIN, END, [PROMPT, RAISE])
        elif meta.get("grade"):
            cell.source = _blank_regions(cell.source, BEGIN_HIDDEN, END_HIDDEN, [])
    return nb


def _text(nb):
    return nbformat.writes(nb) + "\n"


def release(root, check=False, only=None):
    """Normaliza ``solutions/*.ipynb`` e gera ``exercises/*.ipynb`` sob ``root``.

    Com ``check=True`` não escreve nada; com ``only="ex_nome"``, trata só esse
    exercício. Retorna a lista de arquivos que estavam (ou estariam) desatualizados.
    """
    root = Path(root)
    repository = course_repository(root)
    targets = []
    for src in sorted((root / "solutions").glob(f"{only or 'ex_*'}.ipynb")):
        solution = normalize_solution(read_notebook(src), src.stem)
        targets += [(src, solution),
                    (root / "exercises" / src.name, make_exercise(solution, repository))]
    if only is None:
        targets += [(md.with_suffix(".ipynb"), chapter_notebook(md, repository))
                    for md in sorted((root / "book").glob("*.md")) if _is_notebook(md)]
    stale = []
    for path, nb in targets:
        text = _text(nb)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(path)
            if not check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    return stale


def _is_notebook(md):
    return "kernelspec:" in md.read_text(encoding="utf-8").split("\n---", 1)[0]


def published_site(url):
    """O endereço do livro no GitHub Pages: ``github.com/DONO/REPO`` → ``DONO.github.io/REPO``."""
    found = re.match(r"https://github\.com/([^/]+)/([^/]+?)(\.git)?/?$", url)
    return f"https://{found[1]}.github.io/{found[2]}" if found else ""


def chapter_notebook(md, repository):
    """O capítulo ``md`` (notebook MyST) como ``.ipynb`` sem saídas, com a célula de preparação.

    O Markdown das células vira Markdown comum (``plain_markdown``): o Jupyter e o Colab não
    mostram diretivas nem papéis do MyST.
    """
    from myst_nb.core.read import read_myst_markdown_notebook

    text = md.read_text(encoding="utf-8")
    nb = read_myst_markdown_notebook(text)
    bibliography = read_bibliography((md.parent / "references.bib").read_text(encoding="utf-8"))
    number = md.stem.split("_")[0]
    numbers = book_numbers(text, int(number)) if number.isdigit() else {}
    site = published_site(repository[0])
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = plain_markdown(cell.source, bibliography, numbers, site)
    note = nbformat.v4.new_markdown_cell(
        "> Esta é a cópia executável do capítulo, gerada de `book/" + md.name + "` por "
        "`python3 course.py release`. Execute as células em ordem; a primeira instala a biblioteca do "
        "curso se ela faltar. Figuras, animações e exploradores aparecem ao executar.")
    note.id = "about-this-notebook"
    nb.cells[1:1] = [note, setup_cell(repository)]
    for k, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        if cell.get("id") not in ("about-this-notebook", SETUP_ID):
            cell.id = f"cell-{k}"
    nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": {"name": "python"}}
    nb.nbformat, nb.nbformat_minor = 4, 5
    return nb


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="nn-release",
        description="Gera exercises/ a partir de solutions/ e book/*.ipynb a partir de book/*.md.")
    parser.add_argument("--check", action="store_true",
                        help="só confere; sai com código 1 se algo estiver desatualizado")
    parser.add_argument("--root", default=".", help="raiz do repositório (padrão: .)")
    parser.add_argument("--only", default=None, help="só este exercício (ex_nome)")
    args = parser.parse_args(argv)
    try:
        stale = release(args.root, check=args.check, only=args.only)
    except NotebookError as exc:
        print(f"erro: {exc}", file=sys.stderr)
        return 2
    for path in stale:
        print(("desatualizado: " if args.check else "escrito: ") + str(path))
    if args.check and stale:
        print("Rode `python3 course.py release` para regenerar.", file=sys.stderr)
        return 1
    if not stale:
        print("Exercícios em dia com as soluções.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
