"""Ler os notebooks do curso e das entregas, e dizer o papel de cada célula.

Um só leitor para ``release`` (as soluções) e para o corretor (as entregas dos alunos): tolera
codificações (UTF-8, Windows, Latin-1) e células sem ``id`` (Colab, editores antigos), e um arquivo
ilegível vira :class:`NotebookError` em português. ``classify`` diz o que cada célula é —
resposta (entre os marcadores do nbgrader), verificação (chama ``check_<nome>(...)``) ou somente
leitura —, do mesmo jeito para quem gera o exercício e para quem o corrige.
"""

import ast
import re
import warnings
from pathlib import Path

import nbformat

__all__ = ["BEGIN", "END", "BEGIN_HIDDEN", "END_HIDDEN", "NotebookError", "read_notebook",
           "defined_names", "classify"]

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
CHECK_CALL = re.compile(r"^(check_\w+)\(", re.MULTILINE)
POINTS = re.compile(r"#\s*pontos:\s*(\d+(?:\.\d+)?)")


class NotebookError(ValueError):
    """Um notebook ilegível ou mal formado (mensagem em português)."""


def read_notebook(path):
    """Lê um notebook ``.ipynb`` (nbformat 4), tolerando codificações e células sem ``id``.

    Levanta :class:`NotebookError`, em português, se o arquivo não existe, está corrompido, não é
    um notebook Jupyter ou não tem células.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise NotebookError(f"Notebook não encontrado: {path}") from None
    except OSError as exc:
        raise NotebookError(f"Não consegui ler {path} ({type(exc).__name__}).") from None
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    try:
        with warnings.catch_warnings():   # células sem id (Colab, editores antigos) são aceitas
            warnings.simplefilter("ignore")
            nb = nbformat.reads(text, as_version=4)
    except Exception as exc:              # JSON quebrado, formato desconhecido
        detail = str(exc).splitlines()[0][:160] if str(exc) else ""
        raise NotebookError(f"{path.name}: o arquivo está corrompido ou não é um notebook Jupyter "
                            f"({type(exc).__name__}: {detail}).") from None
    if not isinstance(nb.get("cells"), list):
        raise NotebookError(f"{path.name}: o notebook não tem células.")
    return nb


GRADE_ID = re.compile(r"^#\s*grade_id:\s*(\w+)\s*$", re.MULTILINE)


def defined_names(source):
    """Funções, classes e variáveis definidas no nível de cima do código, em ordem.

    Levanta ``SyntaxError`` se o código não for Python válido.
    """
    names = []
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
    return names


def _defined_name(source, where):
    """O id de uma célula de resposta: ``# grade_id: nome`` ou a primeira função/variável definida."""
    explicit = GRADE_ID.search(source)
    if explicit:
        return explicit.group(1)
    try:
        names = defined_names(source)
    except SyntaxError as exc:
        raise NotebookError(f"{where}: erro de sintaxe na célula de resposta: {exc}") from None
    if not names:
        raise NotebookError(
            f"{where}: a célula de resposta não define nenhuma função nem variável; "
            f"não sei que nome dar a ela."
        )
    return names[0]


def classify(cell, where="célula"):
    """Diz o papel de uma célula: ``("answer", id)``, ``("check", id, pontos)`` ou ``("readonly",)``."""
    if cell.cell_type != "code":
        return ("readonly",)
    if BEGIN in cell.source:
        if cell.source.count(BEGIN) != cell.source.count(END):
            raise NotebookError(f"{where}: `{BEGIN}` sem o `{END}` correspondente.")
        return ("answer", _defined_name(cell.source, where))
    calls = CHECK_CALL.findall(cell.source)
    if calls:
        if len(set(calls)) > 1:
            raise NotebookError(
                f"{where}: uma célula de verificação deve chamar uma única função check_*, "
                f"mas esta chama {', '.join(sorted(set(calls)))}."
            )
        points = POINTS.search(cell.source)
        return ("check", calls[0], float(points.group(1)) if points else 1.0)
    return ("readonly",)
