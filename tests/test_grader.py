"""O corretor contra entregas hostis: cada uma com a nota e a situação esperadas.

As entregas são feitas a partir da solução, trocando uma célula de cada vez —
assim os testes continuam valendo quando o exercício muda.
"""

import csv
import json
import warnings

import nbformat
import pytest

from conftest import ROOT
from nn_helpers.grading.cli import grade, main, merge
from nn_helpers.grading.grader import Limits
from nn_helpers.grading.release import read_notebook

SOLUTION = ROOT / "solutions" / "ex_linear_regression.ipynb"
FULL = 7.0  # 5 verificações de 1 ponto + check_fit_gd, de 2


def _cell(nb, start):
    return next(c for c in nb.cells if c.cell_type == "code" and c.source.startswith(start))


def _edit(start, new_source=None, append=None):
    def change(nb):
        cell = _cell(nb, start)
        cell.source = new_source if new_source is not None else cell.source + append
    return change


def _empty_checks(nb):
    for cell in nb.cells:
        if cell.source.startswith(("check_", "# pontos")):
            cell.source = ""


def _edit_checks(nb):
    for cell in nb.cells:
        if "check_mse(mse)" in cell.source:
            cell.source = "print('✅ check_mse: tudo certo')"


def _drop_ids_and_metadata(nb):           # o que sobra de um notebook recriado em outro editor
    for cell in nb.cells:
        cell.metadata = {}
        cell.pop("id", None)


WRONG_MSE = "def mse(y, y_hat):\n    return np.sum((y - y_hat) ** 2)"
# (nome do arquivo, alteração, nota esperada, situação esperada)
FIXTURES = [
    ("correct.ipynb", None, FULL, "graded"),
    ("partially_wrong.ipynb", _edit("def mse(", WRONG_MSE), FULL - 1 - 2, "graded"),
    ("raising.ipynb", _edit("def mae(", "def mae(y, y_hat):\n    return y.shape[9]"), FULL - 1, "graded"),
    ("infinite_loop.ipynb", _edit("def rmse(", "def rmse(y, y_hat):\n    while True:\n        pass"),
     FULL - 1, "timeout"),
    ("emptied_checks.ipynb", _empty_checks, FULL, "graded"),
    ("edited_checks_wrong_mse.ipynb",
     lambda nb: (_edit("def mse(", WRONG_MSE)(nb), _edit_checks(nb)), FULL - 3, "graded"),
    ("monkeypatch.ipynb", _edit("def mae(", "import numpy as np\n"
                                "np.allclose = np.isclose = lambda *a, **k: True\n"
                                "def check_mae(f):\n    print('✅')\n"
                                "def mae(y, y_hat):\n    return 0.0"), FULL - 1, "graded"),
    ("stderr_warning.ipynb", _edit("def mae(", append="\nimport sys, warnings\n"
                                   "warnings.warn('cuidado')\nprint('aviso', file=sys.stderr)"),
     FULL, "graded"),
    ("memory_bomb.ipynb", _edit("def rmse(", append="\nbomba = [0] * (10 ** 10)"), FULL, "graded"),
    ("huge_output.ipynb", _edit("def predict(", append="\nprint('x' * 50_000_000)"), FULL, "graded"),
    ("missing_function.ipynb", lambda nb: nb.cells.remove(_cell(nb, "def rmse(")), FULL - 1, "graded"),
    ("Cópia de ex_linear_regression (1).ipynb", _drop_ids_and_metadata, FULL, "graded"),
    ("kernel_dies.ipynb", _edit("def rmse(", "import os\nos._exit(1)"), 3.0, "kernel_died"),
]


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("entregas")
    for name, change, _, _ in FIXTURES:
        nb = read_notebook(SOLUTION)
        if change:
            change(nb)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")     # células sem id, de propósito
            nbformat.write(nb, folder / name)
    (folder / "corrupted.ipynb").write_text('{"cells": [{"cell_type": "code", ', encoding="utf-8")
    (folder / "windows_1252.ipynb").write_bytes(
        (folder / "correct.ipynb").read_text(encoding="utf-8")
        .replace("Exercício 1", "Exercício 1 — versão do aluno, ação")
        .replace("✅", "ok").replace("—", "-").replace("→", "->").replace("ŷ", "y")
        .replace("·", ".").replace("α", "a").replace("∂", "d").replace("²", "2")
        .replace("≤", "<=").replace("−", "-").replace("⁻", "-").replace("≈", "~")
        .encode("cp1252", errors="replace"))
    out = tmp_path_factory.mktemp("notas")
    limits = Limits(cell_timeout=4, budget=60, memory_mb=2048)
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


def test_timeout_feedback_says_what_happened(graded):
    check = next(c for c in graded[0]["infinite_loop"].checks if c.name == "check_rmse")
    assert check.status == "timeout" and "Tempo esgotado" in check.message


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
