"""Configuração comum dos testes.

Os testes nunca usam a internet: se ``../shared/data`` existe (CI e máquinas
do projeto), o cache de dados aponta para lá.
"""

import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"

if "NN_HELPERS_DATA" not in os.environ and SHARED_DATA.is_dir():
    os.environ["NN_HELPERS_DATA"] = str(SHARED_DATA)

# As varreduras com entradas hostis (tests/test_public_api_*.py): sempre os mesmos exemplos, sem
# banco de exemplos gravado em disco e sem prazo por exemplo (a máquina do CI pode estar ocupada).
from hypothesis import settings  # noqa: E402

settings.register_profile("course", database=None, derandomize=True, deadline=None,
                          max_examples=40, print_blob=False)
settings.load_profile("course")
