"""Os exploradores funcionam no JupyterLab de verdade: servidor local, navegador sem tela, clique no botão.

Os testes de ``test_widgets.py`` mexem nos controles pelo Python. Este abre um notebook num JupyterLab
(só em 127.0.0.1, sem senha, numa pasta temporária), executa-o pelo próprio JupyterLab, espera o explorador
aparecer desenhado, clica em "Passo do perceptron" e confere que o kernel respondeu: o texto e a imagem
mudam. A foto fica em ``_build/screenshots/jupyterlab-explorer.png``.
"""
import os
import socket
import subprocess
import sys
import time
import urllib.request

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from browser import chromium_or_skip
from conftest import ROOT

SCREENSHOTS = ROOT / "_build" / "screenshots"

NOTEBOOK = """\
import numpy as np
from nn_helpers.widgets import perceptron_explorer

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
y = np.array([0, 0, 0, 1])
perceptron_explorer(X, y)"""

STATE = r"""(() => {
  const out = document.querySelector('.jp-OutputArea-output .widget-vbox');
  if (!out) return null;
  const img = out.querySelector('img');
  return {status: out.querySelector('.widget-html-content')?.innerText || '',
          image: img ? img.src : '', drawn: !!img && img.naturalWidth > 0,
          buttons: [...out.querySelectorAll('button')].map(b => b.innerText.trim())};
})()"""


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def jupyterlab(tmp_path):
    nbformat.write(new_notebook(cells=[new_code_cell(NOTEBOOK)], metadata={"kernelspec": {
        "name": "python3", "display_name": "Python 3", "language": "python"}}), tmp_path / "explorer.ipynb")
    port = _free_port()
    env = dict(os.environ, JUPYTER_PREFER_ENV_PATH="1", JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
               JUPYTERLAB_SETTINGS_DIR=str(tmp_path / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "workspaces"))
    lab = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--ServerApp.port={port}",
         "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=", "--ServerApp.password=",
         f"--ServerApp.root_dir={tmp_path}", "--LabApp.expose_app_in_browser=True",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--allow-root"],
        cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/status", timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline or lab.poll() is not None:
                    pytest.fail("o JupyterLab não abriu em 60 s")
                time.sleep(0.5)
        yield url
    finally:
        lab.terminate()
        try:
            lab.wait(timeout=20)
        except subprocess.TimeoutExpired:
            lab.kill()


def test_the_perceptron_explorer_answers_a_click_in_jupyterlab(jupyterlab):
    with chromium_or_skip() as browser:
        browser.open_url(f"{jupyterlab}/lab/tree/explorer.ipynb")
        assert browser.wait_until("!!(window.jupyterapp && document.querySelector('.jp-Notebook'))",
                                  timeout=90), "o JupyterLab não abriu o notebook"
        drawn = False
        for _ in range(12):          # o kernel pode ainda estar subindo: executa de novo até aparecer
            browser.evaluate("jupyterapp.commands.execute('notebook:run-all-cells'); true")
            drawn = browser.wait_until(f"(s => s && s.drawn)({STATE})", timeout=10)
            if drawn:
                break
        assert drawn, "o explorador não apareceu desenhado na saída da célula"
        before = browser.evaluate(STATE)
        assert "Passo do perceptron" in before["buttons"] and before["status"]
        browser.evaluate("[...document.querySelectorAll('.jp-OutputArea-output button')]"
                         ".find(b => b.innerText.includes('Passo do perceptron')).click()")
        assert browser.wait_until(f"(s => s.status !== {before['status']!r} && s.drawn)({STATE})",
                                  timeout=60), "o clique não chegou ao kernel (o texto não mudou)"
        after = browser.evaluate(STATE)
        assert browser.wait_until(f"{STATE}.image !== {before['image']!r}", timeout=30), \
            "a imagem do explorador não foi redesenhada"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        browser.screenshot(SCREENSHOTS / "jupyterlab-explorer.png")
    assert after["status"] != before["status"]
