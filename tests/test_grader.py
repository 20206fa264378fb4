"""O corretor contra entregas hostis (``tests/hostile.py``): cada uma com a nota e a situação esperadas."""

import csv
import json
import re
import subprocess
import sys

import pytest

from conftest import ROOT
from hostile import FIXTURES, FULL, SOLUTION, write_fixtures
from nn_helpers.grading.cli import grade, main, merge
from nn_helpers.grading.grader import Limits, grade_submission
from nn_helpers.grading.notebooks import classify, read_notebook

@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("entregas")
    write_fixtures(folder)
    out = tmp_path_factory.mktemp("notas")
    limits = Limits(cell_timeout=8, budget=90, memory_mb=2048)   # folga para a CI carregada
    results = grade("ex_linear_regression", [str(folder)], out, jobs=2, limits=limits,
                    root=ROOT, log=lambda *a: None)
    return {r.submission: r for r in results}, out


@pytest.mark.parametrize("name, score, status", [(n, s, st) for n, _, s, st in FIXTURES],
                         ids=[f[0] for f in FIXTURES])
def test_each_hostile_submission_gets_the_right_score_and_status(graded, name, score, status):
    results, _ = graded
    result = results[name.removesuffix(".ipynb")]
    assert (result.score, result.status) == (score, status), result.notes + [
        f"{c.name}: {c.status} {c.message[:200]}" for c in result.checks]
    assert result.max_score == FULL


def test_a_corrupted_notebook_is_invalid_not_a_zero(graded):
    result = graded[0]["corrupted"]
    assert result.status == "invalid_notebook" and result.score == 0
    assert "corrompido" in result.notes[0]


def test_a_windows_encoded_notebook_is_read(graded):
    assert graded[0]["windows_1252"].status == "graded"


def test_the_memory_cap_stops_a_memory_bomb(graded):
    notes = graded[0]["memory_bomb"].notes
    assert any("`rmse` levantou MemoryError" in note for note in notes), notes


def test_a_missing_answer_is_named(graded):
    assert "resposta `rmse` não encontrada na entrega" in graded[0]["missing_function"].notes


def test_every_submission_has_a_row_a_json_and_a_feedback(graded):
    results, out = graded
    rows = list(csv.DictReader(open(out / "grades.csv", encoding="utf-8")))
    assert {r["submission"] for r in rows} == set(results)
    assert {"submission", "exercise", "score", "max_score", "status"} <= set(rows[0])
    for sid in results:
        data = json.loads((out / "results" / f"{sid}.json").read_text(encoding="utf-8"))
        assert {"name", "score", "max_score", "status", "message"} <= set(data["checks"][0])
        assert (out / "feedback" / f"{sid}.md").is_file()
    assert (out / "junit.xml").read_text(encoding="utf-8").count("<testsuite ") == len(results)


def test_feedback_shows_the_portuguese_message_and_no_check_source(graded):
    _, out = graded
    text = (out / "feedback" / "partially_wrong.md").read_text(encoding="utf-8")
    assert "faltou dividir por n" in text and "Nota:** 4 de 7" in text
    assert "expect_close" not in text and "def check_" not in text


def test_the_result_records_which_recognised_mistake_each_check_saw(graded):
    _, out = graded
    data = json.loads((out / "results" / "partially_wrong.json").read_text(encoding="utf-8"))
    mse = next(c for c in data["checks"] if c["name"] == "check_mse")
    assert [h["id"] for h in mse["hints"]] == ["linear_regression.sum_of_squares"]
    assert mse["hints"][0]["text"] in mse["message"]
    assert all(not c["hints"] for c in data["checks"] if c["status"] == "passed")


def test_hidden_checks_count_but_their_source_stays_hidden(graded):
    _, out = graded
    text = (out / "feedback" / "passes_visible_fails_hidden.md").read_text(encoding="utf-8")
    assert "verificação oculta: `mse` com uma única amostra" in text
    assert "abs(float(mse" not in text and "HIDDEN" not in text


def test_timeout_feedback_says_what_happened(graded):
    check = next(c for c in graded[0]["infinite_loop"].checks if c.name == "check_rmse")
    assert check.status == "timeout" and "Tempo esgotado" in check.message


def test_an_answer_cell_that_never_ends_is_a_timeout_named_in_the_notes(graded):
    result = graded[0]["loops_after_defining"]
    assert result.status == "timeout" and result.score == FULL   # as verificações rodaram
    assert any(re.fullmatch(r"a célula de resposta `[^`]+` passou do limite de 8 s por célula "
                            r"e foi interrompida", note) for note in result.notes), result.notes


def test_a_keyboard_interrupt_the_student_raises_is_an_error_not_a_timeout(graded):
    result = graded[0]["raises_keyboard_interrupt"]
    check = next(c for c in result.checks if c.name == "check_rmse")
    assert (result.status, check.status) == ("graded", "failed")
    assert check.message.startswith("KeyboardInterrupt")
    assert not any("limite" in note for note in result.notes), result.notes


def test_no_note_or_message_is_ever_empty(graded):
    for result in graded[0].values():
        for note in result.notes:
            assert note.strip() and not note.rstrip().endswith(":"), (result.submission, note)
        for check in result.checks:
            assert check.message.strip() or check.status == "passed", (result.submission, check)


def test_a_check_in_the_last_cell_runs_and_counts(tmp_path):
    # A cópia do professor termina numa verificação (sem a célula de demonstração depois).
    instructor = read_notebook(SOLUTION)
    last_check = max(k for k, cell in enumerate(instructor.cells) if classify(cell)[0] == "check")
    instructor.cells = instructor.cells[:last_check + 1]
    last = classify(instructor.cells[-1])
    result = grade_submission(SOLUTION, instructor, "ex_linear_regression",
                              Limits(cell_timeout=20, budget=90))
    assert result.checks[-1].name == last[1] and result.checks[-1].status == "passed"
    assert result.score == result.max_score == FULL, [(c.name, c.status) for c in result.checks]


def test_nn_grade_starts_light_so_its_pool_can_fork():
    # Sem o numpy (cujas threads do BLAS forçariam o "spawn", que reimporta tudo em cada
    # processo) e sem a gramática de 1,7 s do rfc3987_syntax que o jsonschema carregaria.
    code = ("import os, sys, time; t = time.perf_counter(); import nn_helpers.grading.cli; "
            "print(len(os.listdir('/proc/self/task')), 'numpy' in sys.modules, "
            "'rfc3987_syntax' in sys.modules and sys.modules['rfc3987_syntax'] is not None)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["1", "False", "False"]


def test_grading_from_a_process_that_imported_jax_warns_nothing_about_fork(tmp_path):
    # os dois caminhos: uma entrega direto (o kernel) e uma turma com 2 processos (o pool)
    for name in ("ana", "bruno", "carla"):
        (tmp_path / f"{name}.ipynb").write_bytes(SOLUTION.read_bytes())
    code = ("import jax, jax.numpy as jnp; jnp.ones(3).sum()\n"
            "from nn_helpers.grading.cli import grade\n"
            "from nn_helpers.grading.grader import Limits, grade_submission\n"
            "from nn_helpers.grading.notebooks import read_notebook\n"
            f"path = {str(SOLUTION)!r}\n"
            "r = grade_submission(path, read_notebook(path), 'ex_linear_regression', Limits())\n"
            "print(r.status, r.score)\n"
            f"rs = grade('ex_linear_regression', [{str(tmp_path)!r}], {str(tmp_path / 'notas')!r},"
            f" jobs=2, root={str(ROOT)!r}, log=lambda *a: None)\n"
            "print(sorted(r.score for r in rs))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == [f"graded {FULL}", str([FULL] * 3)]
    assert "fork" not in done.stderr, done.stderr[-2000:]


def test_shards_merge_into_the_same_table(graded, tmp_path):
    results, out = graded
    parts = []
    for i in (1, 2):
        part = tmp_path / f"shard{i}"
        parts.append(part)
        # reaproveita os resultados: cada metade dos JSON faz o papel de um shard
        (part / "results").mkdir(parents=True)
        for k, path in enumerate(sorted((out / "results").glob("*.json"))):
            if k % 2 == i - 1:
                (part / "results" / path.name).write_text(path.read_text(encoding="utf-8"),
                                                            encoding="utf-8")
    merged = merge(parts, tmp_path / "merged")
    assert {r.submission for r in merged} == set(results)
    assert (tmp_path / "merged" / "grades.csv").read_text(encoding="utf-8") == \
        (out / "grades.csv").read_text(encoding="utf-8")


def test_cli_with_no_submissions_says_so(tmp_path, capsys):
    assert main(["ex_linear_regression", str(tmp_path / "nada*.ipynb"), "--out", str(tmp_path),
                 "--root", str(ROOT)]) == 1
    assert "Nenhuma entrega" in capsys.readouterr().err
