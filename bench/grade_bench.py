"""Benchmark do corretor: ``nn-grade`` contra ``pytest --nbval-lax`` no mesmo processo.

    python bench/grade_bench.py [N] [--jobs J]

Gera N entregas (cópias da solução de ex_linear_regression, metade com um erro
no MSE), corrige com nn-grade e com ``pytest --nbval-lax`` (o par de referência:
executa os mesmos notebooks, sem isolar nada) e imprime segundos por entrega e
a razão. Mede, não testa: nenhum limite de tempo aqui falha a CI.
"""

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nn_helpers.grading.cli import grade  # noqa: E402
from nn_helpers.grading.release import read_notebook  # noqa: E402


def make_submissions(folder, n):
    import nbformat

    for i in range(n):
        nb = read_notebook(ROOT / "solutions" / "ex_linear_regression.ipynb")
        if i % 2:
            cell = next(c for c in nb.cells if c.source.startswith("def mse("))
            cell.source = "def mse(y, y_hat):\n    return np.sum((y - y_hat) ** 2)"
        nbformat.write(nb, folder / f"aluno{i:03d}.ipynb")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=20)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
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
