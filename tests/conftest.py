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


# --- Fixtures que vários arquivos de teste usam ------------------------------------------------

import gc  # noqa: E402

import pytest  # noqa: E402
from matplotlib.animation import AbstractMovieWriter  # noqa: E402


@pytest.fixture
def close_figures():
    """Fecha todas as figuras no fim do teste (use com ``pytest.mark.usefixtures``)."""
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.fixture(scope="module")
def collect_animations():
    """No fim do módulo, o coletor de lixo apaga as animações recusadas, que nunca tocaram: o
    aviso "Animation was deleted" sai aqui, sob o filtro do módulo, e não num teste qualquer."""
    yield
    gc.collect()


class _FrameRecorder(AbstractMovieWriter):
    """Um gravador para ``anim.save`` que, em vez de um vídeo, guarda ``measure(fig)``."""

    def __init__(self, measure):
        super().__init__(fps=5)
        self.measure, self.frames = measure, []

    def setup(self, fig, outfile, dpi=None):
        self.fig = fig

    def grab_frame(self, **savefig_kwargs):
        self.frames.append(self.measure(self.fig))

    def finish(self):
        pass


@pytest.fixture
def record_frames():
    """``record_frames(anim, measure)``: toca a animação como o matplotlib a grava (``anim.save``,
    a API pública) e devolve ``measure(fig)`` de cada quadro, na ordem."""
    def record(anim, measure=lambda fig: None):
        recorder = _FrameRecorder(measure)
        anim.save("quadros", writer=recorder)           # nenhum arquivo: o gravador só mede
        return recorder.frames
    return record


@pytest.fixture
def no_network(monkeypatch):
    """Sem internet: todo download do ``pooch`` falha com ``ConnectionError("sem rede")``."""
    import pooch

    def offline(*args, **kwargs):
        raise ConnectionError("sem rede")

    monkeypatch.setattr(pooch, "retrieve", offline)
