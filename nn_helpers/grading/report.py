"""O relatório da turma: o que re-ensinar.

    nn-grade summary notas/      # Markdown na tela (ou no $GITHUB_STEP_SUMMARY) e notas/report.html

Para cada verificação, quantas entregas passaram e os enganos reconhecidos mais comuns: as dicas
que as verificações deram, contadas pelo id estável de cada dica ("14 de 40: faltou dividir por
n"). Para a turma, a distribuição das notas. O HTML é uma página só, sem JavaScript e sem nada
de fora: abre offline, de um pen drive.
"""

import html
from collections import Counter
from dataclasses import dataclass, field

from ..book import br

__all__ = ["CheckSummary", "ClassSummary", "summarize", "summary_markdown", "report_html"]

TOP_MISTAKES = 3
# As situações de ``grades.csv`` (identificadores), como o professor as lê.
STATUS_PT = {"graded": "corrigidas", "timeout": "com tempo esgotado",
             "invalid_notebook": "com notebook ilegível", "kernel_died": "em que o Python morreu",
             "grader_error": "com erro do corretor"}


@dataclass
class CheckSummary:
    """Uma verificação na turma: quantas passaram e as dicas mais dadas (contadas por id)."""
    name: str
    passed: int = 0
    total: int = 0
    mistakes: Counter = field(default_factory=Counter)   # id da dica → entregas
    texts: dict = field(default_factory=dict)             # id da dica → um texto dela


@dataclass
class ClassSummary:
    """Um exercício na turma: as notas, as situações e cada verificação."""
    exercise: str
    max_score: float
    scores: list = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    checks: dict = field(default_factory=dict)      # nome → CheckSummary, na ordem do notebook


def summarize(results):
    """Os resultados (``SubmissionResult``) agrupados por exercício: uma lista de ``ClassSummary``."""
    by_exercise = {}
    for result in sorted(results, key=lambda r: r.submission):
        summary = by_exercise.setdefault(
            result.exercise, ClassSummary(result.exercise, result.max_score))
        summary.max_score = max(summary.max_score, result.max_score)
        summary.scores.append(result.score)
        summary.statuses[result.status] += 1
        for check in result.checks:
            entry = summary.checks.setdefault(check.name, CheckSummary(check.name))
            entry.total += 1
            entry.passed += check.status == "passed"
            if check.status != "passed":
                hints = {h["id"]: h["text"] for h in check.hints}
                entry.mistakes.update(hints.keys())
                for hint_id, text in hints.items():
                    entry.texts.setdefault(hint_id, text)
    return list(by_exercise.values())


def _statuses(summary):
    return ", ".join(f"{count} {STATUS_PT.get(status, status)}"
                     for status, count in sorted(summary.statuses.items()))


def summary_markdown(results, report_name=None):
    """A turma em Markdown: média, situações e, por verificação, aprovação e enganos comuns."""
    lines = []
    for s in summarize(results):
        n = len(s.scores)
        mean = sum(s.scores) / n if n else 0.0
        statuses = _statuses(s)
        lines += [f"# Turma — {s.exercise}", "",
                  f"{n} entregas; nota média {br(mean, 1)} de {s.max_score:g}; situações: {statuses}.",
                  "", "| verificação | passaram | enganos reconhecidos mais comuns |", "|---|---|---|"]
        for check in s.checks.values():
            common = "; ".join(f"{count} de {check.total}: {_md_cell(check.texts[hint_id])} "
                               f"(`{hint_id}`)"
                               for hint_id, count in check.mistakes.most_common(TOP_MISTAKES))
            lines.append(f"| `{check.name}` | {check.passed} de {check.total} | {common or '—'} |")
        lines.append("")
    if report_name:
        lines += [f"Relatório com gráficos: `{report_name}` (abre no navegador, sem internet).", ""]
    return "\n".join(lines)


def _md_cell(text):
    return text.replace("|", "\\|").replace("\n", " ")


# --- o HTML ------------------------------------------------------------------------------

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border-bottom: 1px solid #ddd; padding: .4rem .5rem; text-align: left; vertical-align: top; }
td.n { text-align: right; white-space: nowrap; }
svg text { font-size: 13px; fill: #222; }
.muted { color: #666; }
"""


def _pass_rate_chart(summary):
    """Barras horizontais: a fração da turma que passou em cada verificação."""
    checks = list(summary.checks.values())
    row, label, width = 28, 190, 360
    height = row * len(checks) + 10
    parts = [f'<svg role="img" width="{label + width + 90}" height="{height}" '
             f'aria-label="Aprovação por verificação em {html.escape(summary.exercise)}">']
    for k, check in enumerate(checks):
        y = 5 + k * row
        rate = check.passed / check.total if check.total else 0.0
        parts.append(f'<text x="0" y="{y + 17}">{html.escape(check.name)}</text>')
        parts.append(f'<rect x="{label}" y="{y + 3}" width="{width}" height="18" fill="#eee"/>')
        parts.append(f'<rect x="{label}" y="{y + 3}" width="{rate * width:.1f}" height="18" '
                     f'fill="{"#2e7d32" if rate >= 0.7 else "#c62828" if rate < 0.4 else "#f9a825"}"/>')
        parts.append(f'<text x="{label + width + 8}" y="{y + 17}">{check.passed} de {check.total}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _histogram(summary):
    """Colunas: quantas entregas tiraram cada nota (arredondada para baixo)."""
    top = int(summary.max_score)
    counts = Counter(min(int(score), top) for score in summary.scores)
    column, height, base = 44, 140, 160
    most = max(counts.values(), default=1)
    parts = [f'<svg role="img" width="{column * (top + 1) + 20}" height="{base + 40}" '
             f'aria-label="Distribuição das notas em {html.escape(summary.exercise)}">']
    for score in range(top + 1):
        x = 10 + score * column
        h = height * counts[score] / most
        parts.append(f'<rect x="{x}" y="{base - h:.1f}" width="{column - 8}" height="{h:.1f}" '
                     f'fill="#1565c0"/>')
        parts.append(f'<text x="{x + (column - 8) / 2}" y="{base - h - 4:.1f}" '
                     f'text-anchor="middle">{counts[score]}</text>')
        parts.append(f'<text x="{x + (column - 8) / 2}" y="{base + 18}" '
                     f'text-anchor="middle">{score}</text>')
    parts.append(f'<text x="10" y="{base + 36}" class="muted">nota</text></svg>')
    return "".join(parts)


def report_html(results):
    """A página do relatório da turma (um ``str`` de HTML, sem nada de fora)."""
    body = []
    for s in summarize(results):
        n = len(s.scores)
        mean = sum(s.scores) / n if n else 0.0
        statuses = html.escape(_statuses(s))
        rows = []
        for check in s.checks.values():
            common = "".join(f"<li>{count} de {check.total}: {html.escape(check.texts[hint_id])} "
                             f'<code class="muted">{html.escape(hint_id)}</code></li>'
                             for hint_id, count in check.mistakes.most_common(TOP_MISTAKES))
            rows.append(f"<tr><td><code>{html.escape(check.name)}</code></td>"
                        f'<td class="n">{check.passed} de {check.total}</td>'
                        f"<td>{f'<ul>{common}</ul>' if common else '—'}</td></tr>")
        body.append(
            f"<h2>{html.escape(s.exercise)}</h2>"
            f"<p>{n} entregas; nota média {br(mean, 1)} de {s.max_score:g}; situações: {statuses}.</p>"
            f"<h3>Quantas entregas passaram em cada verificação</h3>{_pass_rate_chart(s)}"
            f"<h3>Distribuição das notas</h3>{_histogram(s)}"
            f"<h3>Os enganos reconhecidos mais comuns</h3>"
            f"<table><thead><tr><th>verificação</th><th>passaram</th>"
            f"<th>enganos mais comuns (as dicas que a verificação deu)</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")
    return ("<!doctype html>\n<html lang=\"pt-BR\"><head><meta charset=\"utf-8\">"
            "<title>Relatório da turma</title>"
            f"<style>{STYLE}</style></head><body><h1>Relatório da turma: o que re-ensinar</h1>"
            + "".join(body) + "</body></html>\n")
