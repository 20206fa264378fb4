"""Executa um capítulo só, como o build faz, e lista cada célula com as suas saídas.

    python3 course.py chapter 06      # ou: .venv/bin/python tests/chapter.py 06

Grava ``_build/chapters/NN.ipynb`` (executado) e ``_build/chapters/NN.txt``: cada célula de código,
as suas saídas de texto, avisos e ``stderr``. É o que um contribuidor lê para conferir uma frase que
descreve uma saída, sem construir o livro inteiro. Sai com código 1 se uma célula falhar.
"""
import sys
import time
from pathlib import Path

import nbformat
from myst_nb.core.read import read_myst_markdown_notebook
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "_build" / "chapters"


def chapter_path(name):
    """``"06"`` ou ``"06_backprop"`` ou ``"book/06_backprop.md"`` → o arquivo do capítulo."""
    path = Path(name)
    if path.suffix == ".md" and path.exists():
        return path.resolve()
    found = sorted((ROOT / "book").glob(f"{name}*.md"))
    if len(found) != 1:
        sys.exit(f"capítulo {name!r}: achei {[p.name for p in found]} em book/")
    return found[0]


def outputs_as_text(cell):
    lines = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream":
            tag = "[stderr] " if out.name == "stderr" else ""
            lines += [tag + ln for ln in out.text.rstrip("\n").splitlines()]
        elif out.output_type in ("execute_result", "display_data"):
            data = out.get("data", {})
            kinds = sorted(k for k in data if k != "text/plain")
            if "text/plain" in data and not kinds:
                lines += str(data["text/plain"]).splitlines()
            else:
                lines.append(f"<{', '.join(kinds)}>"
                             + (f" {str(data.get('text/plain', ''))[:120]}" if "text/plain" in data else ""))
                if "text/markdown" in data:
                    lines += str(data["text/markdown"]).splitlines()
        elif out.output_type == "error":
            lines.append(f"[ERRO] {out.ename}: {out.evalue}")
    return lines


def cell_seconds(cell):
    """Quanto a célula levou, pelos horários que o nbclient grava em ``metadata.execution``."""
    from datetime import datetime
    times = cell.get("metadata", {}).get("execution", {})
    try:
        start, end = (datetime.fromisoformat(times[key].replace("Z", "+00:00"))
                      for key in ("iopub.execute_input", "shell.execute_reply"))
    except (KeyError, ValueError):
        return float("nan")
    return (end - start).total_seconds()


def run(name, timeout=600):
    path = chapter_path(name)
    nb = read_myst_markdown_notebook(path.read_text(encoding="utf-8"))
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    start, failed = time.perf_counter(), None
    try:
        client.execute()
    except CellExecutionError as exc:
        failed = exc
    seconds = time.perf_counter() - start
    OUT.mkdir(parents=True, exist_ok=True)
    stem = path.stem.split("_")[0]
    nbformat.write(nb, OUT / f"{stem}.ipynb")
    report = [f"# {path.name}: executado em {seconds:.1f} s"]
    for k, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        report.append(f"\n## célula {k} ({cell_seconds(cell):.1f} s)")
        report += ["    " + ln for ln in cell.source.splitlines()]
        report += ["--> " + ln for ln in outputs_as_text(cell)]
    (OUT / f"{stem}.txt").write_text("\n".join(report) + "\n", encoding="utf-8")
    print(f"{path.name}: {seconds:.1f} s; saídas em {OUT / (stem + '.txt')}")
    if failed:
        print(str(failed)[-3000:], file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1]) if len(sys.argv) == 2 else __doc__)
