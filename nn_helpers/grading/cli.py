"""``nn-grade``: a linha de comando do corretor.

    nn-grade EXERCÍCIO ENTREGA... --out PASTA [--jobs N] [--shard i/n]
    nn-grade merge PASTA... --out PASTA
    nn-grade summary PASTA        # Markdown para $GITHUB_STEP_SUMMARY

ENTREGA pode ser um arquivo, uma pasta (todos os .ipynb dentro dela) ou um
padrão glob. Em PASTA ficam ``grades.csv``, ``results/<entrega>.json``,
``junit.xml`` e ``feedback/<entrega>.md``. Cada resultado é gravado assim que
fica pronto: um lote interrompido não perde o que já corrigiu.
"""

import argparse
import csv
import glob
import json
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from .grader import GRADER_ERROR, CheckResult, Limits, SubmissionResult, grade_submission, instructor_copy

__all__ = ["main", "build_parsers", "expand_submissions", "submission_ids", "write_reports",
           "merge", "summary_markdown"]

COLUMNS = ["submission", "exercise", "score", "max_score", "status", "checks_passed",
           "checks_total", "seconds", "notes"]


def expand_submissions(patterns):
    """Arquivos .ipynb a partir de arquivos, pastas e padrões glob (sem repetição, em ordem)."""
    found = []
    for pattern in patterns:
        path = Path(pattern)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
        elif path.exists():
            found.append(path)
        else:
            found += sorted(Path(p) for p in glob.glob(pattern, recursive=True))
    unique, seen = [], set()
    for path in found:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def submission_ids(paths):
    """Um nome único e legível por entrega: ``aluna/ex.ipynb`` → ``aluna__ex``."""
    resolved = [p.resolve() for p in paths]
    if not resolved:
        return []
    common = Path(os.path.commonpath([p.parent for p in resolved]))
    ids = []
    for p in resolved:
        rel = p.relative_to(common).with_suffix("")
        ids.append("__".join(rel.parts))
    return ids


def _shard(items, spec):
    index, total = (int(x) for x in spec.split("/"))
    if not 1 <= index <= total:
        raise ValueError(f"--shard {spec}: use i/n com 1 ≤ i ≤ n.")
    return items[index - 1::total]


def _row(result):
    return {
        "submission": result.submission, "exercise": result.exercise,
        "score": f"{result.score:g}", "max_score": f"{result.max_score:g}",
        "status": result.status,
        "checks_passed": sum(c.status == "passed" for c in result.checks),
        "checks_total": len(result.checks), "seconds": f"{result.seconds:.2f}",
        "notes": "; ".join(result.notes),
    }


STATUS_TEXT = {"passed": "✅", "failed": "❌", "timeout": "⏱️", "not_run": "⏸️"}


def feedback_markdown(result):
    """O retorno ao aluno, em português, sem o código das verificações ocultas."""
    lines = [f"# Correção — {result.exercise}", "",
             f"**Entrega:** `{result.submission}`  ",
             f"**Nota:** {result.score:g} de {result.max_score:g}", ""]
    if result.status != "graded":
        explain = {
            "invalid_notebook": "o arquivo não pôde ser lido como notebook; nenhuma verificação rodou.",
            "timeout": "alguma célula passou do limite de tempo.",
            "kernel_died": "o Python da correção parou de repente (memória demais? `os._exit`?).",
            GRADER_ERROR: "houve um erro no corretor; avise o professor.",
        }.get(result.status, result.status)
        lines += [f"**Atenção:** {explain}", ""]
    for note in result.notes:
        lines.append(f"- {note}")
    if result.notes:
        lines.append("")
    lines += ["| verificação | pontos | resultado |", "|---|---|---|"]
    for c in result.checks:
        lines.append(f"| `{c.name}` | {c.score:g}/{c.max_score:g} | {STATUS_TEXT.get(c.status, c.status)} |")
    for c in result.checks:
        if c.status != "passed":
            lines += ["", f"## `{c.name}`", "", "```text", c.message.strip() or "(sem mensagem)", "```"]
    return "\n".join(lines) + "\n"


def junit_xml(results):
    """Um ``<testsuite>`` por entrega, um ``<testcase>`` por verificação."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', "<testsuites>"]
    for r in results:
        failures = sum(c.status in ("failed", "timeout") for c in r.checks)
        skipped = sum(c.status == "not_run" for c in r.checks)
        parts.append(f"  <testsuite name={quoteattr(r.submission)} tests=\"{len(r.checks)}\" "
                     f"failures=\"{failures}\" skipped=\"{skipped}\" time=\"{r.seconds:.3f}\">")
        for c in r.checks:
            parts.append(f"    <testcase classname={quoteattr(r.exercise)} name={quoteattr(c.name)}>")
            if c.status in ("failed", "timeout"):
                parts.append(f"      <failure message={quoteattr(c.message.splitlines()[0] if c.message else c.status)}>"
                             f"{escape(c.message)}</failure>")
            elif c.status == "not_run":
                parts.append(f"      <skipped message={quoteattr(c.message)}/>")
            parts.append("    </testcase>")
        parts.append("  </testsuite>")
    parts.append("</testsuites>")
    return "\n".join(parts) + "\n"


def _write_one(out, result):
    (out / "results").mkdir(parents=True, exist_ok=True)
    (out / "feedback").mkdir(parents=True, exist_ok=True)
    (out / "results" / f"{result.submission}.json").write_text(
        json.dumps(result.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "feedback" / f"{result.submission}.md").write_text(
        feedback_markdown(result), encoding="utf-8")


def write_reports(out, results):
    """``grades.csv`` e ``junit.xml`` de todos os resultados, em ordem de entrega.

    A pasta ``results/`` existe sempre (vazia numa parte sem entregas): é ela que o ``merge`` procura.
    """
    out = Path(out)
    (out / "results").mkdir(parents=True, exist_ok=True)
    results = sorted(results, key=lambda r: r.submission)
    with open(out / "grades.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(_row(r) for r in results)
    (out / "junit.xml").write_text(junit_xml(results), encoding="utf-8")


def _load_result(path):
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    data["checks"] = [CheckResult(**c) for c in data["checks"]]
    return SubmissionResult(**data)


def merge(sources, out):
    """Junta as pastas de vários ``--shard`` numa só (resultados, feedback, csv e junit).

    ``sources`` são pastas ou padrões glob (``partes/notas-*``): entram todas as partes que
    existirem. Uma pasta sem ``results/*.json`` é um erro (``ValueError``), não uma parte vazia
    calada: cada parte, mesmo sem entregas, grava a sua pasta ``results/``.
    """
    folders = []
    for source in sources:
        magic = any(ch in str(source) for ch in "*?[")
        folders += [Path(p) for p in sorted(glob.glob(str(source)))] if magic else [Path(source)]
    missing = [str(f) for f in folders if not (f / "results").is_dir()]
    if missing or not folders:
        raise ValueError(f"sem resultados para juntar em: {', '.join(missing or map(str, sources))} "
                         f"(cada parte deve ter a pasta results/ que o nn-grade grava).")
    results = {}
    for source in folders:
        for path in sorted(Path(source).glob("results/*.json")):
            result = _load_result(path)
            results[result.submission] = result
    out = Path(out)
    for result in results.values():
        _write_one(out, result)
    write_reports(out, results.values())
    return list(results.values())


def _pool_context():
    """Como criar os processos de correção: ``fork`` (o mais rápido) só se for seguro.

    Copiar com ``fork`` um processo que tem threads (o JAX de quem chamou o ``grade``, por
    exemplo) pode travar: então ``spawn``, processos novos. No Linux, ``/proc/self/task`` conta
    as threads de verdade, inclusive as que o Python não vê; fora dele, vale o padrão do sistema.
    """
    try:
        threads = len(os.listdir("/proc/self/task"))
    except OSError:
        return None
    return multiprocessing.get_context("fork" if threads == 1 else "spawn")


def _grade_job(args):
    path, submission_id, instructor, exercise, limits = args
    result = grade_submission(path, instructor, exercise, limits)
    result.submission = submission_id
    return result


def grade(exercise, submissions, out, jobs=None, limits=None, shard=None, root=None, log=print):
    """Corrige ``submissions`` e escreve os relatórios em ``out``. Retorna os resultados."""
    instructor, name = instructor_copy(exercise, root=root)
    paths = expand_submissions(submissions)
    pairs = list(zip(paths, submission_ids(paths)))
    if shard:
        pairs = _shard(pairs, shard)
    out = Path(out)
    jobs = max(1, jobs or os.cpu_count() or 1)
    limits = limits or Limits()
    results = []
    tasks = [(p, sid, instructor, name, limits) for p, sid in pairs]
    with ProcessPoolExecutor(max_workers=min(jobs, max(1, len(tasks))),
                             mp_context=_pool_context()) as pool:
        futures = {pool.submit(_grade_job, t): t for t in tasks}
        for future in as_completed(futures):
            sid = futures[future][1]
            try:
                result = future.result()
            except Exception as exc:  # o processo de correção morreu: a linha não se perde
                result = SubmissionResult(submission=sid, exercise=name, status=GRADER_ERROR,
                                          notes=[f"erro interno do corretor: {type(exc).__name__}: {exc}"])
            _write_one(out, result)
            results.append(result)
            log(f"{result.status:>16}  {result.score:g}/{result.max_score:g}  {sid}")
    write_reports(out, results)
    return results


def summary_markdown(folder):
    """Um resumo em Markdown de uma pasta de notas (para ``$GITHUB_STEP_SUMMARY``).

    Uma entrega só: o retorno completo dela. Várias: o relatório da turma (aprovação e enganos
    comuns por verificação) — e ``report.html``, com os gráficos, gravado na mesma pasta.
    """
    from .report import report_html
    from .report import summary_markdown as class_markdown

    folder = Path(folder)
    results = [_load_result(p) for p in sorted(folder.glob("results/*.json"))]
    if len(results) == 1:
        return feedback_markdown(results[0])
    (folder / "report.html").write_text(report_html(results), encoding="utf-8")
    lines = [class_markdown(results, report_name=str(folder / "report.html")),
             "| entrega | nota | situação |", "|---|---|---|"]
    lines += [f"| `{r.submission}` | {r.score:g}/{r.max_score:g} | {r.status} |" for r in results]
    return "\n".join(lines) + "\n"


def build_parsers():
    """Os analisadores de argumentos: ``(grade, merge, summary)`` (os testes os usam também)."""
    grade_parser = argparse.ArgumentParser(
        prog="nn-grade", description="Corrige as entregas de um exercício.",
        epilog="Outros comandos: `nn-grade merge PASTA... --out PASTA`, `nn-grade summary PASTA`.")
    grade_parser.add_argument("exercise",
                              help="nome (ex_linear_regression) ou caminho da cópia do professor")
    grade_parser.add_argument("submissions", nargs="+", help="arquivos, pastas ou padrões glob")
    grade_parser.add_argument("--out", required=True, help="pasta dos relatórios")
    grade_parser.add_argument("--jobs", type=int, default=None,
                              help="processos em paralelo (padrão: todos os núcleos)")
    grade_parser.add_argument("--shard", default=None, help="i/n: corrige só a i-ésima de n partes")
    grade_parser.add_argument("--root", default=None, help="raiz do curso (onde está solutions/)")
    grade_parser.add_argument("--cell-timeout", type=float, default=Limits.cell_timeout,
                              help="segundos por célula")
    grade_parser.add_argument("--budget", type=float, default=Limits.budget,
                              help="segundos por entrega")
    grade_parser.add_argument("--memory-mb", type=int, default=Limits.memory_mb,
                              help="memória do kernel, em MiB")
    merge_parser = argparse.ArgumentParser(prog="nn-grade merge",
                                           description="Junta as pastas de vários --shard.")
    merge_parser.add_argument("sources", nargs="+")
    merge_parser.add_argument("--out", required=True)
    summary_parser = argparse.ArgumentParser(prog="nn-grade summary",
                                             description="Resumo em Markdown de uma pasta de notas.")
    summary_parser.add_argument("folder")
    return grade_parser, merge_parser, summary_parser


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    grade_parser, merge_parser, summary_parser = build_parsers()
    if argv[:1] == ["merge"]:
        args = merge_parser.parse_args(argv[1:])
        try:
            results = merge(args.sources, args.out)
        except ValueError as exc:
            print(f"erro: {exc}", file=sys.stderr)
            return 2
        print(f"{len(results)} entregas juntadas em {args.out}")
        return 0
    if argv[:1] == ["summary"]:
        args = summary_parser.parse_args(argv[1:])
        print(summary_markdown(args.folder), end="")
        return 0
    args = grade_parser.parse_args(argv)
    limits = Limits(cell_timeout=args.cell_timeout, budget=args.budget, memory_mb=args.memory_mb)
    try:
        results = grade(args.exercise, args.submissions, args.out, jobs=args.jobs,
                        limits=limits, shard=args.shard, root=args.root)
    except (OSError, ValueError) as exc:
        print(f"erro: {exc}", file=sys.stderr)
        return 2
    if not results and args.shard:
        write_reports(args.out, [])   # uma parte vazia da matriz não é erro
        print(f"A parte {args.shard} não tem entregas.")
        return 0
    if not results:
        print("Nenhuma entrega encontrada.", file=sys.stderr)
        return 1
    print(f"{len(results)} entregas corrigidas; relatórios em {args.out}")
    return 0
