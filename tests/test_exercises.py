"""Os notebooks de exercício de ponta a ponta.

* a solução passa em todas as verificações (nbval também a executa inteira);
* o exercício em branco falha em **todas** as verificações — prova de que
  nenhuma verificação é incapaz de falhar;
* a seção "Para ir além" diz o que o leitor deve ver: imprime o número ao lado do que a
  solução do curso obtém (``checking.go_further``), e aqui, rodando a solução, os dois batem;
* quem empacar tem um caminho guiado: dicas que se abrem uma de cada vez (``<details>``).
"""

import re

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import ROOT
from nn_helpers.grading.notebooks import read_notebook

NAMES = sorted(p.stem for p in (ROOT / "solutions").glob("ex_*.ipynb"))


def _execute(path):
    nb = read_notebook(path)
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


def _check_cells(nb):
    return [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]


def _error(cell):
    return next((o for o in cell.outputs if o.output_type == "error"), None)


@pytest.mark.parametrize("name", NAMES)
def test_solution_passes_every_check(name):
    nb = _execute(ROOT / "solutions" / f"{name}.ipynb")
    for cell in _check_cells(nb):
        assert _error(cell) is None, f"{cell.id}: {_error(cell)}"
        printed = "".join(o.get("text", "") for o in cell.outputs)
        assert f"✅ {cell.id}" in printed
    figures = re.findall(r"^(.+?): (\S+) \(a solução do curso: (\S+)\)$", _go_further_output(nb),
                         flags=re.M)
    assert figures, "a seção \"Para ir além\" não imprime o que a solução do curso obtém"
    for what, got, reference in figures:
        # a solução roda de novo aqui: o número dela é o da constante (outra CPU pode somar em
        # outra ordem e mudar o treino do Keras um pouco)
        assert abs(_number(got) - _number(reference)) <= 0.015 + 0.01 * abs(_number(reference)), (
            what, got, reference)


def _go_further_output(nb):
    """O que as células de código depois do título "Para ir além" imprimiram."""
    start = next(k for k, c in enumerate(nb.cells)
                 if c.cell_type == "markdown" and "Para ir além" in c.source)
    return "".join(o.get("text", "") for c in nb.cells[start:] if c.cell_type == "code"
                   for o in c.outputs)


def _number(text):
    """``"96,9%"`` → 0.969; ``"0,0123"`` → 0.0123."""
    value = float(text.rstrip("%").replace(".", "").replace(",", ".") if "," in text
                  else text.rstrip("%"))
    return value / 100 if text.endswith("%") else value


@pytest.mark.parametrize("name", NAMES)
def test_blank_exercise_fails_every_check(name):
    nb = _execute(ROOT / "exercises" / f"{name}.ipynb")
    checks = _check_cells(nb)
    assert checks
    for cell in checks:
        error = _error(cell)
        assert error is not None, f"{cell.id} passou com o exercício em branco"
        assert error.ename == "AssertionError", f"{cell.id}: {error.ename}: {error.evalue}"
        assert "ainda não foi implementada" in error.evalue


@pytest.mark.parametrize("name", NAMES)
def test_a_stuck_student_has_hints_that_unfold_one_at_a_time(name):
    nb = read_notebook(ROOT / "exercises" / f"{name}.ipynb")
    text = "".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert text.count("<details>") >= 2
    assert text.count("<details>") == text.count("</details>") == text.count("<summary>")


def test_a_missing_function_is_explained_in_portuguese(tmp_path):
    exercise = read_notebook(ROOT / "exercises" / "ex_linear_regression.ipynb")
    imports = next(c for c in exercise.cells if "from nn_helpers.grading" in c.source)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(imports.source),
                                         nbformat.v4.new_code_cell("check_predict(predict)")])
    NotebookClient(nb, timeout=60, kernel_name="python3", allow_errors=True).execute()
    outputs = nb.cells[1].outputs
    assert any(o.output_type == "error" and o.ename == "NameError" for o in outputs)
    stderr = "".join(o.get("text", "") for o in outputs if o.get("name") == "stderr")
    assert "`predict` não está definida" in stderr
