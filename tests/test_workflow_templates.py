"""Os modelos de GitHub Actions do corretor: cada comando `nn-grade` deles funciona de verdade.

O teste roda, aqui, os mesmos comandos que o workflow roda (as partes da
matriz, o merge e o resumo), sobre entregas de verdade.
"""

import json
import re
import shlex
import shutil

import nbformat

import pytest
import yaml

from conftest import ROOT
from hostile import SOLUTION
from nn_helpers.grading.cli import build_parsers, main
from nn_helpers.grading.notebooks import read_notebook
from nn_helpers.grading.release import course_repository

TEMPLATES = ROOT / "templates" / "github-actions"


def run_steps(workflow):
    steps = []
    for job in workflow["jobs"].values():
        steps += [s for s in job["steps"] if "run" in s]
    return steps


def nn_grade_commands(workflow, values):
    """As linhas `nn-grade ...` do workflow, com as expressões `${{ }}` e `$VAR` substituídas."""
    commands = []
    for step in run_steps(workflow):
        text = " ".join(step["run"].split())
        text = re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", lambda m: values[m.group(1)], text)
        text = re.sub(r"\$(\w+)", lambda m: values.get(m.group(1), m.group(0)), text)
        text = text.split(">>")[0]
        if text.startswith("nn-grade"):
            commands.append(shlex.split(text)[1:])
    return commands


def load(name):
    return yaml.safe_load((TEMPLATES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["grade-class.yml", "grade-student.yml"])
def test_every_nn_grade_command_in_a_template_parses(name):
    workflow = load(name)
    values = {"inputs.exercise": "ex_linear_regression", "inputs.submissions": "entregas",
              "matrix.shard": "1", "strategy.job-total": "4", "EXERCISE": "ex_linear_regression"}
    grade_parser, merge_parser, summary_parser = build_parsers()
    commands = nn_grade_commands(workflow, values)
    assert commands
    for argv in commands:
        parser = {"merge": merge_parser, "summary": summary_parser}.get(argv[0], grade_parser)
        parser.parse_args(argv[1:] if argv[0] in ("merge", "summary") else argv)


def _run_class_workflow(workflow, shards, tmp_path, monkeypatch):
    """Roda, aqui, o que o grade-class.yml roda: uma parte por valor da matriz, depois o merge."""
    entregas = tmp_path / "entregas"
    for student in STUDENTS:
        (entregas / student).mkdir(parents=True)
        shutil.copy(SOLUTION, entregas / student / "ex_linear_regression.ipynb")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "partes").mkdir()
    for shard in shards:
        values = {"inputs.exercise": "ex_linear_regression", "inputs.submissions": "entregas",
                  "matrix.shard": str(shard), "strategy.job-total": str(len(shards))}
        (grade_argv,) = nn_grade_commands({"jobs": {"g": workflow["jobs"]["grade"]}}, values)
        assert main(grade_argv + ["--root", str(ROOT), "--jobs", "1"]) == 0
        # o upload/download de artefatos do GitHub põe cada parte em partes/notas-N
        shutil.move(f"notas-{shard}", f"partes/notas-{shard}")
    merge_argv, summary_argv = nn_grade_commands({"jobs": {"m": workflow["jobs"]["merge"]}}, {})
    assert main(merge_argv) == 0              # o padrão partes/notas-* que o shell expandiria
    return (tmp_path / "notas" / "grades.csv").read_text(encoding="utf-8").splitlines()[1:]


STUDENTS = ("ana", "bruno", "carla", "davi", "elisa", "fabio", "gabi")


def test_the_class_workflow_grades_every_submission_once(tmp_path, monkeypatch):
    workflow = load("grade-class.yml")
    rows = _run_class_workflow(workflow, workflow["jobs"]["grade"]["strategy"]["matrix"]["shard"],
                               tmp_path, monkeypatch)
    assert sorted(r.split(",")[0] for r in rows) == [f"{s}__ex_linear_regression" for s in STUDENTS]
    assert all(",7,7,graded," in r for r in rows)


def test_raising_only_the_matrix_still_grades_everyone_once(tmp_path, monkeypatch):
    # O número de partes está escrito uma vez só (a matriz): com 6 partes, nada muda.
    workflow = load("grade-class.yml")
    text = (TEMPLATES / "grade-class.yml").read_text(encoding="utf-8")
    assert not re.search(r"/4\b|notas-[0-9]|de 4\b", text)
    rows = _run_class_workflow(workflow, [1, 2, 3, 4, 5, 6], tmp_path, monkeypatch)
    assert sorted(r.split(",")[0] for r in rows) == [f"{s}__ex_linear_regression" for s in STUDENTS]


def test_merge_refuses_a_missing_part_instead_of_dropping_its_rows(tmp_path, capsys):
    assert main(["merge", str(tmp_path / "partes" / "notas-*"), "--out", str(tmp_path / "n")]) == 2
    assert main(["merge", str(tmp_path / "nao-existe"), "--out", str(tmp_path / "n")]) == 2
    assert "sem resultados para juntar" in capsys.readouterr().err


def test_the_student_workflow_holds_no_secret_and_runs_only_the_public_checks(tmp_path,
                                                                             monkeypatch):
    text = (TEMPLATES / "grade-student.yml").read_text(encoding="utf-8")
    workflow = load("grade-student.yml")
    assert "secrets." not in text and "token" not in text.lower()
    assert workflow["permissions"] == {"contents": "read"}
    # a entrega do aluno passa na verificação pública e falha na oculta (mse com n = 1)
    wrong_hidden = read_notebook(SOLUTION)
    for cell in wrong_hidden.cells:
        if cell.source.lstrip().startswith("def mse("):
            cell.source = ("def mse(y, y_hat):\n    if len(y) == 1:\n        return 0.0\n"
                           "    return np.mean((y - y_hat) ** 2)")
    nbformat.write(wrong_hidden, tmp_path / "ex_linear_regression.ipynb")
    (tmp_path / "curso").symlink_to(ROOT, target_is_directory=True)   # o checkout do curso
    monkeypatch.chdir(tmp_path)
    grade_argv, summary_argv = nn_grade_commands(workflow, {"EXERCISE": "ex_linear_regression"})
    assert grade_argv[0] == "curso/exercises/ex_linear_regression.ipynb"   # a versão pública
    assert main(grade_argv + ["--jobs", "1"]) == 0
    result = json.loads(next((tmp_path / "retorno" / "results").glob("*.json")).read_text(
        encoding="utf-8"))
    assert result["score"] == result["max_score"] == 7             # só as verificações públicas
    assert "HIDDEN" not in json.dumps(result) and "verificação oculta" not in json.dumps(result)


def test_an_empty_shard_is_not_an_error(tmp_path):
    (tmp_path / "entregas").mkdir()
    shutil.copy(SOLUTION, tmp_path / "entregas" / "ana.ipynb")
    out = tmp_path / "notas-2"
    assert main(["ex_linear_regression", str(tmp_path / "entregas"), "--out", str(out),
                 "--shard", "2/4", "--root", str(ROOT)]) == 0
    assert (out / "grades.csv").read_text(encoding="utf-8").count("\n") == 1


def _runs(workflow):
    return [" ".join(step["run"].split()) for step in run_steps(workflow)]


def _uses(workflow):
    return [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]


def test_the_pages_workflow_builds_like_the_readme_and_publishes_the_html():
    workflow = load("publish-book.yml")
    assert "python3 course.py book" in _runs(workflow), "o mesmo build do README (com -W)"
    upload = next(s for s in workflow["jobs"]["build"]["steps"]
                  if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "_build/html"
    assert any(u.startswith("actions/deploy-pages") for u in _uses(workflow))
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    course = (ROOT / "course.py").read_text(encoding="utf-8")
    assert '"--warningiserror"' in course


def test_the_pages_workflow_stops_when_config_points_to_another_repository(capsys):
    import importlib.util

    workflow = load("publish-book.yml")
    check = next(r for r in _runs(workflow) if "check-repository" in r)
    assert check.startswith("python3 course.py check-repository")
    spec = importlib.util.spec_from_file_location("course", ROOT / "course.py")
    course = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(course)
    url, _ = course_repository(ROOT)          # o leitor YAML; course.py lê com a biblioteca padrão
    assert course.main(["check-repository", url]) == 0
    assert course.main(["check-repository", url.upper().replace("HTTPS://", "https://")]) == 0
    assert course.main(["check-repository", "https://github.com/outra-pessoa/fork"]) == 1
    assert "Troque o endereço em _config.yml" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["publish-book.yml", "test-course.yml"])
def test_the_venv_cache_key_includes_the_exact_python_version(name):
    workflow = load(name)
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python"))
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache"))
    assert python.get("id") == "python"
    for key in ("key", "restore-keys"):
        if key in cache["with"]:
            assert "steps.python.outputs.python-version" in cache["with"][key]


def test_the_test_workflow_runs_the_readme_command_and_keeps_the_screenshots():
    workflow = load("test-course.yml")
    assert "python3 course.py test" in _runs(workflow)
    upload = next(s for s in workflow["jobs"]["test"]["steps"]
                  if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "_build/screenshots" and upload["if"] == "always()"
