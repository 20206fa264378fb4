"""O relatório da turma: aprovação e enganos reconhecidos por verificação, e uma página offline.

A turma é sintética (40 entregas de ``ex_linear_regression``, resultados escritos à mão): o teste
é sobre o relatório, não sobre a correção.
"""

import json
import re
from dataclasses import asdict

import pytest

from conftest import ROOT
from nn_helpers.grading.cli import main
from nn_helpers.grading.grader import CheckResult, SubmissionResult
from nn_helpers.grading.report import report_html, summarize, summary_markdown

CHECKS = [("check_mse", 1.0), ("check_rmse", 1.0), ("check_fit_gd", 2.0)]


def _no_mean(n):
    """A dica de quem esqueceu a média: o texto traz o n da entrada; o id é sempre o mesmo."""
    return {"id": "linear_regression.sum_of_squares", "text": f"faltou dividir por n = {n}."}


NO_SQRT = {"id": "linear_regression.is_mse", "text": "faltou a raiz quadrada."}


def _result(k):
    """A entrega k: as 14 primeiras esquecem a média no MSE (em entradas de tamanhos diferentes),
    as 5 seguintes a raiz no RMSE."""
    checks = []
    for name, points in CHECKS:
        wrong = (name == "check_mse" and k < 14) or (name == "check_rmse" and 14 <= k < 19)
        hint = (_no_mean(2 + k % 2) if name == "check_mse" else NO_SQRT) if wrong else None
        checks.append(CheckResult(name, points, 0.0 if wrong else points,
                                  "failed" if wrong else "passed",
                                  f"errado\n  dica: {hint['text']}" if wrong else "✅",
                                  [hint] if wrong else []))
    if k == 39:                                        # uma entrega em branco: nenhuma dica
        checks = [CheckResult(n, p, 0.0, "failed", "`f` ainda não foi implementada")
                  for n, p in CHECKS]
    score = sum(c.score for c in checks)
    return SubmissionResult(f"aluno{k:02d}", "ex_linear_regression", "graded", score, 4.0,
                            checks=checks)


CLASS = [_result(k) for k in range(40)]


def test_each_check_has_its_pass_rate_and_most_common_recognised_mistake():
    (summary,) = summarize(CLASS)
    mse, rmse, fit = (summary.checks[name] for name, _ in CHECKS)
    assert (mse.passed, mse.total) == (25, 40) and (rmse.passed, rmse.total) == (34, 40)
    assert (fit.passed, fit.total) == (39, 40)
    # Contadas pelo id: textos com números diferentes são o mesmo engano.
    assert mse.mistakes.most_common() == [("linear_regression.sum_of_squares", 14)]
    assert rmse.mistakes.most_common() == [("linear_regression.is_mse", 5)]
    assert not fit.mistakes                         # o branco não é um engano reconhecido


def test_the_markdown_says_how_many_made_each_mistake():
    text = summary_markdown(CLASS)
    assert "40 entregas; nota média" in text
    assert "| `check_mse` | 25 de 40 | 14 de 40: faltou dividir por n" in text
    assert "| `check_fit_gd` | 39 de 40 | — |" in text


def test_the_page_is_one_offline_file_with_a_chart_per_exercise_and_the_scores():
    page = report_html(CLASS)
    assert page.startswith("<!doctype html>") and 'lang="pt-BR"' in page
    assert page.count("<svg") == 2                   # aprovação por verificação e notas
    assert "<script" not in page and not re.search(r'(src|href)="(https?:)?//', page)
    assert "14 de 40: faltou dividir por n = 2" in page


def test_nn_grade_summary_writes_the_report_next_to_the_grades(tmp_path, capsys):
    (tmp_path / "results").mkdir()
    for result in CLASS:
        (tmp_path / "results" / f"{result.submission}.json").write_text(
            json.dumps(asdict(result)), encoding="utf-8")
    assert main(["summary", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "14 de 40: faltou dividir por n = 2" in out and "report.html" in out
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == report_html(CLASS)


def test_the_report_opens_in_a_browser_without_errors_or_requests(tmp_path):
    from browser import chromium_or_skip

    path = tmp_path / "report.html"
    path.write_text(report_html(CLASS), encoding="utf-8")
    with chromium_or_skip() as browser:
        browser.open(path)
        browser.wait_until("document.readyState === 'complete'")
        bars = browser.evaluate("document.querySelectorAll('svg rect').length")
        text = browser.evaluate("document.body.innerText")
        shots = ROOT / "_build" / "screenshots"
        shots.mkdir(parents=True, exist_ok=True)
        browser.screenshot(shots / "relatorio_da_turma.png")
        assert bars == 2 * len(CHECKS) + 5           # fundo e barra por verificação; 5 colunas
        assert "Relatório da turma" in text and "check_mse" in text
        assert [u for u in browser.requests if not u.startswith("file:")] == []
        assert browser.console_errors == []


@pytest.mark.parametrize("empty", [[], [_result(0)]])
def test_a_class_of_zero_or_one_is_not_an_error(empty):
    assert isinstance(report_html(empty), str) and isinstance(summary_markdown(empty), str)
