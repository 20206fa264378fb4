"""Entregas hostis do ex_linear_regression, com a nota e a situação que cada uma deve ter.

Usadas pelos testes do corretor (``tests/test_grader.py``) e pelo benchmark
(``bench/grade_bench.py``). Cada entrega é a solução com uma célula trocada —
assim continuam valendo quando o exercício muda.
"""

import warnings
from pathlib import Path

import nbformat

from nn_helpers.grading.notebooks import read_notebook

ROOT = Path(__file__).resolve().parent.parent
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
    # as funções certas, e depois um laço sem fim na mesma célula: as verificações que rodaram contam
    ("loops_after_defining.ipynb", _edit("def rmse(", append="\nwhile True:\n    pass"),
     FULL, "timeout"),
    # um KeyboardInterrupt que o próprio aluno levanta, na hora: um erro, não um tempo esgotado
    ("raises_keyboard_interrupt.ipynb",
     _edit("def rmse(", "def rmse(y, y_hat):\n    raise KeyboardInterrupt"), FULL - 1, "graded"),
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
    # 8 GB em pedaços de 100 MB: só o limite de memória do corretor a interrompe (np.empty
    # reserva sem tocar nas páginas: rápido com o limite, e sem ele não haveria MemoryError).
    ("memory_bomb.ipynb", _edit("def rmse(", append="\nbomba = [np.empty(10 ** 8, np.uint8) for _ in range(80)]"),
     FULL, "graded"),
    ("huge_output.ipynb", _edit("def predict(", append="\nprint('x' * 50_000_000)"), FULL, "graded"),
    ("missing_function.ipynb", lambda nb: nb.cells.remove(_cell(nb, "def rmse(")), FULL - 1, "graded"),
    ("Cópia de ex_linear_regression (1).ipynb", _drop_ids_and_metadata, FULL, "graded"),
    ("passes_visible_fails_hidden.ipynb",
     _edit("def mse(", "def mse(y, y_hat):\n    if len(y) == 1:\n        return 0.0\n"
                       "    return np.mean((y - y_hat) ** 2)"), FULL - 1, "graded"),
    ("kernel_dies.ipynb", _edit("def rmse(", "import os\nos._exit(1)"), 3.0, "kernel_died"),
]




def write_fixtures(folder, copies=1):
    """Escreve as entregas em ``folder``; devolve ``{nome_da_entrega: (nota, situação)}``.

    Com ``copies > 1``, cada entrega aparece várias vezes (``correct_2.ipynb``...).
    Inclui também um JSON corrompido e um notebook em Windows-1252.
    """
    folder = Path(folder)
    expected = {}
    for k in range(1, copies + 1):
        suffix = "" if k == 1 else f"_{k}"
        for name, change, score, status in FIXTURES:
            nb = read_notebook(SOLUTION)
            if change:
                change(nb)
            stem = name.removesuffix(".ipynb") + suffix
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")     # células sem id, de propósito
                nbformat.write(nb, folder / f"{stem}.ipynb")
            expected[stem] = (score, status)
        (folder / f"corrupted{suffix}.ipynb").write_text('{"cells": [{"cell_type": "code", ',
                                                         encoding="utf-8")
        expected[f"corrupted{suffix}"] = (0.0, "invalid_notebook")
        (folder / f"windows_1252{suffix}.ipynb").write_bytes(_cp1252_copy(folder / "correct.ipynb"))
        expected[f"windows_1252{suffix}"] = (FULL, "graded")
    return expected


def _cp1252_copy(path):
    """A solução regravada em Windows-1252, como um editor antigo faria."""
    text = path.read_text(encoding="utf-8").replace("Exercício 1", "Exercício 1 — versão do aluno, ação")
    return text.encode("cp1252", errors="replace")
