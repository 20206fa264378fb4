"""Benchmark do corretor: ``nn-grade`` contra ``pytest --nbval-lax`` no mesmo processo.

    python bench/grade_bench.py [N] [--jobs J]     # velocidade
    python bench/grade_bench.py --mixed [--jobs J]  # uma turma de 45 entregas hostis

Velocidade: gera N entregas (cópias da solução de ex_linear_regression, metade
com um erro no MSE), corrige com nn-grade e com ``pytest --nbval-lax`` (o par
de referência: executa os mesmos notebooks, sem isolar nada) e imprime segundos
por entrega e a razão.

Turma mista: 3 cópias de cada entrega de ``tests/hostile.py`` (laço infinito,
kernel que morre, JSON corrompido...); imprime quantas linhas de
``grades.csv`` saíram certas e o tempo por entrega.

Mede, não testa: nenhum limite de tempo aqui falha a CI.
"""

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from nn_helpers.grading.cli import grade  # noqa: E402
from nn_helpers.grading.grader import Limits  # noqa: E402
from nn_helpers.grading.release import read_notebook  # noqa: E402


def make_submissions(folder, n):
    import nbformat

    for i in range(n):
        nb = read_notebook(ROOT / "solutions" / "ex_linear_regression.ipynb")
        if i % 2:
            cell = next(c for c in nb.cells if c.source.startswith("def mse("))
            cell.source = "def mse(y, y_hat):\n    return np.sum((y - y_hat) ** 2)"
        nbformat.write(nb, folder / f"aluno{i:03d}.ipynb")


def mixed_class(jobs):
    from hostile import write_fixtures

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "entregas"
        folder.mkdir()
        expected = write_fixtures(folder, copies=3)
        start = time.perf_counter()
        results = grade("ex_linear_regression", [str(folder)], Path(tmp) / "notas", jobs=jobs,
                        limits=Limits(cell_timeout=5), root=ROOT, log=lambda *a: None)
        elapsed = time.perf_counter() - start
    right = [r for r in results if (r.score, r.status) == expected[r.submission]]
    wrong = [r for r in results if r not in right]
    print(f"turma mista: {len(results)} entregas, {len(right)} linhas certas")
    for r in wrong:
        print(f"  ERRADA: {r.submission}: {r.score} {r.status}, esperado {expected[r.submission]}")
    print(f"tempo: {elapsed:.1f} s no total, {elapsed / len(results):.2f} s por entrega "
          f"(inclui os laços infinitos, 5 s cada)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=20)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--mixed", action="store_true")
    args = parser.parse_args()
    if args.mixed:
        return mixed_class(args.jobs)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "entregas"
        folder.mkdir()
        make_submissions(folder, args.n)

        start = time.perf_counter()
        results = grade("ex_linear_regression", [str(folder)], Path(tmp) / "notas",
                        jobs=args.jobs, root=ROOT, log=lambda *a: None)
        ours = (time.perf_counter() - start) / args.n
        assert len(results) == args.n

        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", "-p", "no:cacheprovider",
                        "-o", "addopts=", "--nbval-lax", "--nbval-current-env", str(folder)],
                       cwd=tmp, capture_output=True)
        peer = (time.perf_counter() - start) / args.n

    print(f"entregas: {args.n}")
    print(f"nn-grade (jobs={args.jobs or 'todos os núcleos'}): {ours:.2f} s por entrega")
    print(f"pytest --nbval-lax (serial):      {peer:.2f} s por entrega")
    print(f"razão nn-grade / nbval:           {ours / peer:.2f}")


if __name__ == "__main__":
    main()
