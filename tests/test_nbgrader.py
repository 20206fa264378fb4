"""Um curso nbgrader de verdade, montado de ``solutions/``, usa os notebooks como estão.

O teste monta o curso com a configuração que o apêndice dos instrutores mostra
(``release.NBGRADER_CONFIG``), roda ``generate_assignment``, entrega notebooks feitos a
partir de ``exercises/`` (certo, em branco, uma função errada e uma trapaça), roda
``autograde`` e ``export`` e compara as notas com as do nn-grade nos mesmos arquivos.
"""

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT
from nn_helpers.grading.cli import grade
from nn_helpers.grading.grader import Limits
from nn_helpers.grading.notebooks import BEGIN, END, classify, read_notebook
from nn_helpers.grading.release import NBGRADER_CONFIG, SETUP_ID

EXERCISE = "ex_linear_regression"
NBGRADER = Path(sys.executable).with_name("nbgrader")


def _answers_from_solution():
    """{grade_id: código da solução, sem os marcadores}."""
    answers = {}
    for cell in read_notebook(ROOT / "solutions" / f"{EXERCISE}.ipynb").cells:
        role = classify(cell)
        if role[0] == "answer":
            answers[role[1]] = "\n".join(line for line in cell.source.split("\n")
                                         if line.strip() not in (BEGIN, END))
    return answers


def _submission(changes):
    """O notebook de ``exercises/`` com as respostas de ``changes`` ({grade_id: código})."""
    nb = read_notebook(ROOT / "exercises" / f"{EXERCISE}.ipynb")
    for cell in nb.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id in changes:
            cell.source = changes[grade_id]
    return nb


CORRECT = _answers_from_solution()
SUBMISSIONS = {
    "certo": CORRECT,
    "em_branco": {},                                    # o exercício como veio
    "mse_errado": {**CORRECT, "mse": "def mse(y, y_hat):\n    return np.sum((y - y_hat) ** 2)"},
    # a trapaça: uma resposta errada que redefine a verificação dela
    "trapaca": {**CORRECT, "rmse": "def check_rmse(f):\n    print('✅ check_rmse: tudo certo')\n\n"
                                   "def rmse(y, y_hat):\n    return 0.0"},
}


def _nbgrader(*args, cwd):
    # o nbgrader chama o `alembic` pelo PATH: o do mesmo ambiente que o nbgrader
    env = {**os.environ, "PATH": f"{NBGRADER.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run([str(NBGRADER), *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600, env=env)
    assert done.returncode == 0, f"nbgrader {' '.join(args)}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """O curso nbgrader corrigido, e as notas do nn-grade nas mesmas entregas."""
    root = tmp_path_factory.mktemp("curso_nbgrader")
    (root / "nbgrader_config.py").write_text(NBGRADER_CONFIG, encoding="utf-8")
    source = root / "source" / EXERCISE
    source.mkdir(parents=True)
    (source / f"{EXERCISE}.ipynb").write_bytes(
        (ROOT / "solutions" / f"{EXERCISE}.ipynb").read_bytes())
    _nbgrader("generate_assignment", EXERCISE, "--force", cwd=root)

    flat = tmp_path_factory.mktemp("entregas_nn_grade")
    for student, changes in SUBMISSIONS.items():
        nb = _submission(changes)
        folder = root / "submitted" / student / EXERCISE
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / f"{EXERCISE}.ipynb")
        nbformat.write(nb, flat / f"{student}.ipynb")
    _nbgrader("autograde", EXERCISE, "--create", cwd=root)
    _nbgrader("export", cwd=root)
    with open(root / "grades.csv", encoding="utf-8") as f:
        nbgrader_scores = {row["student_id"]: (float(row["score"]), float(row["max_score"]))
                           for row in csv.DictReader(f)}
    results = grade(EXERCISE, [str(flat)], tmp_path_factory.mktemp("notas"), jobs=2,
                    limits=Limits(cell_timeout=20, budget=120), root=ROOT, log=lambda *a: None)
    nn_grade_scores = {r.submission: (r.score, r.max_score) for r in results}
    return root, nbgrader_scores, nn_grade_scores


def test_nbgrader_generates_the_same_student_version_as_exercises(course):
    root, _, _ = course
    generated = read_notebook(root / "release" / EXERCISE / f"{EXERCISE}.ipynb")
    ours = read_notebook(ROOT / "exercises" / f"{EXERCISE}.ipynb")
    ours.cells = [c for c in ours.cells if c.get("id") != SETUP_ID]   # a preparação do Colab
    assert ([(c.cell_type, c.source.rstrip()) for c in generated.cells]
            == [(c.cell_type, c.source.rstrip()) for c in ours.cells])


def test_nbgrader_accepts_every_submission_made_from_exercises(course):
    root, nbgrader_scores, _ = course
    assert set(nbgrader_scores) == set(SUBMISSIONS)
    for student in SUBMISSIONS:
        autograded = root / "autograded" / student / EXERCISE / f"{EXERCISE}.ipynb"
        assert autograded.is_file(), student


@pytest.mark.parametrize("student, score", [("certo", 7.0), ("em_branco", 0.0), ("mse_errado", 4.0)])
def test_nbgrader_and_nn_grade_give_the_same_score(course, student, score):
    _, nbgrader_scores, nn_grade_scores = course
    assert nbgrader_scores[student] == nn_grade_scores[student] == (score, 7.0)


def test_the_cheat_fools_nbgrader_but_not_nn_grade(course):
    # O que o apêndice dos instrutores diz: no nbgrader, a célula de verificação chama a
    # check_rmse que a resposta redefiniu; o nn-grade a reimporta logo antes.
    _, nbgrader_scores, nn_grade_scores = course
    full = nn_grade_scores["certo"][0]
    assert nn_grade_scores["trapaca"][0] == full - 1
    assert nbgrader_scores["trapaca"][0] == full


def test_every_cell_of_the_exercises_is_undeletable_and_only_answers_are_editable():
    for path in sorted((ROOT / "exercises").glob("ex_*.ipynb")):
        for cell in read_notebook(path).cells:
            answer = cell.get("metadata", {}).get("nbgrader", {}).get("solution", False)
            assert cell.metadata.get("deletable") is False, (path.name, cell.get("id"))
            assert cell.metadata.get("editable", True) is answer, (path.name, cell.get("id"))


def test_the_configuration_in_the_appendix_is_the_one_tested():
    appendix = (ROOT / "book" / "appendix_instructors.md").read_text(encoding="utf-8")
    assert re.search(r"print\(NBGRADER_CONFIG\)", appendix)
