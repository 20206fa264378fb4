"""A biblioteca como pacote: importar qualquer módulo de nn_helpers não carrega o Keras (nem o JAX).

Quem só faz os capítulos em numpy não paga o tempo (nem a memória) de importar um framework.
"""

import subprocess
import sys

MODULES = ["nn_helpers", "nn_helpers.activations", "nn_helpers.cifar", "nn_helpers.datasets",
           "nn_helpers.gradcheck", "nn_helpers.linear", "nn_helpers.losses", "nn_helpers.nn",
           "nn_helpers.optimizers", "nn_helpers.perceptron", "nn_helpers.plotting",
           "nn_helpers.animations", "nn_helpers.diagrams", "nn_helpers.widgets",
           "nn_helpers.validation", "nn_helpers.grading.checking", "nn_helpers.grading.grader",
           "nn_helpers.grading.cli", "nn_helpers.grading.release", "nn_helpers.grading.report",
           "nn_helpers.grading.ex_keras_mnist", "nn_helpers.grading.ex_keras_cifar10"]


def test_importing_nn_helpers_never_imports_keras_or_jax():
    code = ("import importlib, sys\n"
            f"for name in {MODULES!r}:\n"
            "    importlib.import_module(name)\n"
            "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('keras', 'jax', 'tensorflow'))\n"
            "print(loaded)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
