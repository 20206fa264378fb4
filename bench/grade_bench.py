"""Benchmark do corretor: ``nn-grade`` contra ``pytest --nbval-lax`` e o ``nbgrader``.

    python bench/grade_bench.py [N]                 # velocidade, com 1 e com 2 processos
    python bench/grade_bench.py --mixed [--jobs J]  # uma turma de 45 entregas hostis

Velocidade: gera N entregas (cópias da solução de ex_linear_regression, metade
com um erro no MSE) e corrige a mesma turma, com 1 e com 2 processos, com:

* ``nn-grade --jobs W``;
* ``pytest --nbval-lax`` (executa os mesmos notebooks, sem isolar nada; com 2, ``-n 2``);
* ``nbgrader autograde`` (só o autograde, o ``generate_assignment`` fica fora do tempo; ele
  corrige uma entrega de cada vez, então com 2 são dois cursos, cada um com metade da turma,
  corrigidos ao mesmo tempo).

Imprime segundos por entrega e as razões contra o nn-grade com o mesmo número de processos.

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
from nn_helpers.grading.notebooks import read_notebook  # noqa: E402


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


def _timed(commands, cwd):
    """Roda os comandos ao mesmo tempo; devolve os segundos até o último terminar."""
    import os

    bindir = Path(sys.executable).parent     # o nbgrader chama o `alembic` pelo PATH
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}"}
    start = time.perf_counter()
    running = [subprocess.Popen(c, cwd=w, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
               for c, w in zip(commands, cwd)]
    codes = [p.wait() for p in running]
    elapsed = time.perf_counter() - start
    assert all(code in (0, 1) for code in codes), codes     # pytest sai com 1 se algo falhou
    return elapsed


def _nbgrader_courses(tmp, folder, workers):
    """``workers`` cursos nbgrader, cada um com uma parte da turma, prontos para o autograde."""
    import shutil

    from nn_helpers.grading.release import NBGRADER_CONFIG

    nbgrader = str(Path(sys.executable).with_name("nbgrader"))
    submissions = sorted(folder.glob("*.ipynb"))
    courses = []
    for w in range(workers):
        course = Path(tmp) / f"curso{w}"
        source = course / "source" / "ex_linear_regression"
        source.mkdir(parents=True)
        (course / "nbgrader_config.py").write_text(NBGRADER_CONFIG, encoding="utf-8")
        shutil.copy(ROOT / "solutions" / "ex_linear_regression.ipynb", source)
        _timed([[nbgrader, "generate_assignment", "ex_linear_regression", "--force"]], [course])
        for path in submissions[w::workers]:
            target = course / "submitted" / path.stem / "ex_linear_regression"
            target.mkdir(parents=True)
            shutil.copy(path, target / "ex_linear_regression.ipynb")
        courses.append(course)
    return [[nbgrader, "autograde", "ex_linear_regression", "--create"]] * workers, courses


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=20)
    parser.add_argument("--jobs", type=int, default=None, help="só com --mixed")
    parser.add_argument("--mixed", action="store_true")
    args = parser.parse_args()
    if args.mixed:
        return mixed_class(args.jobs)
    per_submission = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "entregas"
        folder.mkdir()
        make_submissions(folder, args.n)
        for workers in (1, 2):
            start = time.perf_counter()
            results = grade("ex_linear_regression", [str(folder)], Path(tmp) / f"notas{workers}",
                            jobs=workers, root=ROOT, log=lambda *a: None)
            per_submission["nn-grade", workers] = (time.perf_counter() - start) / args.n
            assert len(results) == args.n
            if workers == 2:                  # o relatório da turma, contra o tempo da correção
                from nn_helpers.grading.cli import summary_markdown

                start = time.perf_counter()
                summary_markdown(Path(tmp) / "notas2")
                report_share = (time.perf_counter() - start) / (per_submission["nn-grade", 2] * args.n)

            spread = ["-n", "2", "--dist", "loadfile"] if workers == 2 else ["-p", "no:xdist"]
            pytest = [sys.executable, "-m", "pytest", "-q", *spread, "-p", "no:cacheprovider",
                      "-o", "addopts=", "--nbval-lax", "--nbval-current-env", str(folder)]
            per_submission["pytest --nbval-lax", workers] = _timed([pytest], [tmp]) / args.n

            commands, courses = _nbgrader_courses(Path(tmp) / f"nbgrader{workers}", folder, workers)
            per_submission["nbgrader autograde", workers] = _timed(commands, courses) / args.n

    print(f"entregas: {args.n} (ex_linear_regression; metade com o MSE errado)")
    print(f"{'':<22}{'1 processo':>14}{'2 processos':>14}   segundos por entrega")
    for tool in ("nn-grade", "pytest --nbval-lax", "nbgrader autograde"):
        print(f"{tool:<22}" + "".join(f"{per_submission[tool, w]:>14.2f}" for w in (1, 2)))
    print(f"relatório da turma (nn-grade summary): {100 * report_share:.2f}% do tempo da correção")
    for tool in ("pytest --nbval-lax", "nbgrader autograde"):
        ratios = [per_submission["nn-grade", w] / per_submission[tool, w] for w in (1, 2)]
        print(f"razão nn-grade / {tool:<19}" + "".join(f"{r:>8.2f}" for r in ratios)
              + "   (menor que 1: o nn-grade é mais rápido)")


if __name__ == "__main__":
    main()
