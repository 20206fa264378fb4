"""O comando de release: exercises/ é exatamente o que solutions/ gera."""

import json

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from conftest import ROOT
from nn_helpers.grading.notebooks import NotebookError, classify, read_notebook
from nn_helpers.grading.release import make_exercise, normalize_solution, release

SOLUTIONS = sorted((ROOT / "solutions").glob("ex_*.ipynb"))


def test_exercises_are_exactly_what_the_solutions_generate():
    stale = release(ROOT, check=True)
    assert stale == [], f"rode `python3 course.py release`: desatualizados {stale}"


def test_every_solution_has_its_exercise_and_nothing_else_is_there():
    exercises = sorted(p.name for p in (ROOT / "exercises").glob("*.ipynb"))
    assert exercises == [p.name for p in SOLUTIONS]


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.stem)
def test_released_exercise_hides_every_solution(path):
    exercise = read_notebook(ROOT / "exercises" / path.name)
    answers = [c for c in exercise.cells if c.metadata.get("nbgrader", {}).get("solution")]
    assert answers, "um exercício sem células de resposta"
    for cell in answers:
        assert "BEGIN SOLUTION" not in cell.source and "NotImplementedError" in cell.source
        assert cell.id == cell.metadata["nbgrader"]["grade_id"]
    for cell in exercise.cells:
        assert "HIDDEN TESTS" not in cell.source
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.stem)
def test_every_answer_has_a_check_and_every_check_exists(path):
    import importlib

    nb = read_notebook(path)
    module = importlib.import_module(f"nn_helpers.grading.{path.stem}")
    roles = [classify(c) for c in nb.cells]
    answers = {r[1] for r in roles if r[0] == "answer"}
    checks = {r[1] for r in roles if r[0] == "check"}
    assert checks == {f"check_{name}" for name in answers}
    assert checks == set(module.__all__), "toda verificação do módulo deve ter sua célula"


def _toy_solution():
    return new_notebook(cells=[
        new_markdown_cell("# Exercício"),
        new_code_cell("import numpy as np"),
        new_code_cell("def double(x):\n    ### BEGIN SOLUTION\n    return 2 * x\n    ### END SOLUTION"),
        new_code_cell("# pontos: 3\ncheck_double(double)\n### BEGIN HIDDEN TESTS\n"
                      "assert double(4) == 8\n### END HIDDEN TESTS"),
    ])


def test_solution_regions_become_an_indented_prompt():
    exercise = make_exercise(normalize_solution(_toy_solution(), "ex_toy"))
    assert exercise.cells[2].source == (
        "def double(x):\n    # SEU CÓDIGO AQUI\n"
        '    raise NotImplementedError("Complete este trecho e execute a célula.")')


def test_hidden_tests_are_removed_from_the_student_copy_only():
    solution = normalize_solution(_toy_solution(), "ex_toy")
    assert "assert double(4) == 8" in solution.cells[3].source
    assert make_exercise(solution).cells[3].source == "# pontos: 3\ncheck_double(double)"


def test_cells_get_nbgrader_metadata():
    nb = normalize_solution(_toy_solution(), "ex_toy")
    answer, check = nb.cells[2].metadata["nbgrader"], nb.cells[3].metadata["nbgrader"]
    assert answer == {"grade": False, "grade_id": "double", "locked": False,
                      "schema_version": 3, "solution": True, "task": False}
    assert check["grade"] and check["locked"] and check["points"] == 3.0
    assert nb.cells[3].id == "check_double"
    assert nb.cells[0].metadata["nbgrader"]["locked"] and nb.cells[0].metadata["editable"] is False
    assert nb.metadata["nn_helpers"] == {"exercise": "ex_toy"}
    nbformat.validate(nb)


def test_two_check_functions_in_one_cell_are_refused():
    nb = _toy_solution()
    nb.cells[3].source = "check_double(double)\ncheck_half(half)"
    with pytest.raises(NotebookError, match="uma única função check_"):
        normalize_solution(nb, "ex_toy")


def test_unbalanced_markers_are_refused():
    nb = _toy_solution()
    nb.cells[2].source = "def double(x):\n    ### BEGIN SOLUTION\n    return 2 * x"
    with pytest.raises(NotebookError, match="sem o `### END SOLUTION`"):
        normalize_solution(nb, "ex_toy")


def test_a_corrupted_notebook_gets_a_portuguese_message(tmp_path):
    broken = tmp_path / "ex_broken.ipynb"
    broken.write_text('{"cells": [', encoding="utf-8")
    with pytest.raises(NotebookError, match="corrompido ou não é um notebook"):
        read_notebook(broken)


def _course(tmp_path):
    (tmp_path / "solutions").mkdir()
    (tmp_path / "_config.yml").write_text("repository:\n  url: https://github.com/org/curso\n",
                                          encoding="utf-8")


def test_release_writes_then_reports_nothing_stale(tmp_path):
    _course(tmp_path)
    nbformat.write(_toy_solution(), tmp_path / "solutions" / "ex_toy.ipynb")
    written = release(tmp_path)
    assert {p.name for p in written} == {"ex_toy.ipynb"} and len(written) == 2
    assert release(tmp_path, check=True) == []
    data = json.loads((tmp_path / "exercises" / "ex_toy.ipynb").read_text(encoding="utf-8"))
    assert data["nbformat_minor"] == 5


def test_an_explicit_grade_id_names_a_cell_of_constants():
    nb = _toy_solution()
    nb.cells[2].source = ("# grade_id: gates\nAND_W = (1, 1, -1.5)\n### BEGIN SOLUTION\n"
                          "OR_W = (1, 1, -0.5)\n### END SOLUTION")
    nb.cells[3].source = "check_gates(AND_W, OR_W)"
    normalized = normalize_solution(nb, "ex_toy")
    assert normalized.cells[2].id == "gates" and normalized.cells[3].id == "check_gates"


def test_release_can_be_limited_to_one_exercise(tmp_path):
    _course(tmp_path)
    nbformat.write(_toy_solution(), tmp_path / "solutions" / "ex_toy.ipynb")
    (tmp_path / "solutions" / "ex_broken.ipynb").write_text("{", encoding="utf-8")
    assert len(release(tmp_path, only="ex_toy")) == 2


def test_every_exercise_installs_nn_helpers_where_it_is_missing(monkeypatch):
    """No Colab não há nn_helpers: a célula de preparação o instala do repositório de _config.yml."""
    import importlib.util
    import subprocess

    from nn_helpers.grading.release import SETUP_ID, course_repository

    url, branch = course_repository(ROOT)
    for path in sorted((ROOT / "exercises").glob("ex_*.ipynb")):
        cell = read_notebook(path).cells[1]
        assert cell.id == SETUP_ID and f"git+{url}@{branch}" in cell.source, path.name
    calls = []
    monkeypatch.setattr(subprocess, "run", lambda cmd, check: calls.append(cmd))
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: object())
    exec(cell.source, {})
    assert calls == [], "com o nn_helpers instalado, a célula não instala nada"
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    exec(cell.source, {})
    assert calls and calls[0][-1] == f"nn_helpers @ git+{url}@{branch}"


def test_every_chapter_has_an_executable_ipynb_copy_for_colab_and_binder():
    chapters = [md for md in sorted((ROOT / "book").glob("*.md")) if "kernelspec:" in md.read_text()[:400]]
    copies = sorted((ROOT / "book").glob("*.ipynb"))
    assert [p.stem for p in copies] == [md.stem for md in chapters]
    for path in copies:
        nb = read_notebook(path)
        assert all(c.outputs == [] for c in nb.cells if c.cell_type == "code"), path.name
        assert nb.cells[2].id == "setup-nn-helpers"
