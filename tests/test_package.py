"""A biblioteca como pacote: importar qualquer módulo de nn_helpers não carrega o Keras (nem o JAX).

Quem só faz os capítulos em numpy não paga o tempo (nem a memória) de importar um framework.
"""

import pkgutil
import subprocess
import sys

import nn_helpers

# Todos os módulos, achados sozinhos: um módulo novo entra no teste sem ninguém lembrar dele.
# (``__main__`` fica de fora: importá-lo é rodar o corretor.)
MODULES = ["nn_helpers"] + sorted(m.name for m in pkgutil.walk_packages(nn_helpers.__path__,
                                                                        "nn_helpers.")
                                  if not m.name.endswith("__main__"))


def test_importing_nn_helpers_never_imports_keras_or_jax():
    code = ("import importlib, sys\n"
            f"for name in {MODULES!r}:\n"
            "    importlib.import_module(name)\n"
            "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('keras', 'jax', 'tensorflow'))\n"
            "print(loaded)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_every_data_file_of_the_library_is_installed_with_it():
    """No Colab a biblioteca vem do pip: um arquivo que não é .py só vai junto se o pyproject o listar."""
    import tomllib
    from pathlib import Path

    root = Path(nn_helpers.__file__).parent
    listed = tomllib.loads((root.parent / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    data = {p.name for p in root.iterdir() if p.is_file() and p.suffix not in (".py", ".pyc")}
    assert data <= set(listed["nn_helpers"]), data
