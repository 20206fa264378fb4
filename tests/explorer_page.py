"""Uma página de teste com exploradores vivos, sem construir o livro: o HTML que cada explorador
do ``nn_helpers.widgets`` põe no livro e os mesmos scripts e estilos que o livro serve. E um passo da
rede nas duas línguas (``network_step_js``, ``network_step_python``), para conferir uma contra a outra.

    page = explorer_page(tmp_path, [regression_explorer(x, y)])
    with Chromium() as browser:
        browser.open(page)
        browser.evaluate("Explorers.mounted[0].status()")
"""
import json
import sys
from pathlib import Path

import numpy as np

from nn_helpers.nn import MLP
from nn_helpers.optimizers import SGDWithL2

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "book" / "_ext"))
from book_html import EXPLORER_SCRIPTS, EXPLORERS  # noqa: E402


def explorer_page(folder, explorers, name="explorers.html", width=900):
    """Escreve ``folder/name`` com os exploradores (objetos ou o HTML de cada um) e devolve o caminho."""
    parts = [e if isinstance(e, str) else e.html() for e in explorers]
    scripts = "".join(f'<script defer src="{(EXPLORERS / s).as_uri()}"></script>'
                      for s in EXPLORER_SCRIPTS)
    page = Path(folder) / name
    page.write_text(
        f'<!doctype html><html lang="pt-BR"><head><meta charset="utf-8"><title>exploradores</title>'
        f'<link rel="stylesheet" href="{(EXPLORERS / "explorers.css").as_uri()}">{scripts}</head>'
        f'<body><main style="max-width:{width}px;margin:16px auto">'
        + "".join(f"<section>{p}</section>" for p in parts) + "</main></body></html>",
        encoding="utf-8")
    return page


# --- Um passo da rede nas duas línguas: a página (nn.js) e o nn_helpers ---------------------------

def network_step_js(sizes, activation, params, X, y, lr, l2):
    """Uma expressão JavaScript: a rede de nn.js com os pesos ``params`` ([W1, b1, ...]) faz a ida, o
    custo, os gradientes e um passo de SGD com L2 em X: (n, d), y: (n,). Devolve {P, loss, grads, after}."""
    n = len(y)
    return f"""(() => {{
  const model = new NN.MLP({list(sizes)}, "{activation}", 0).setWeights({json.dumps([p.tolist() for p in params])});
  const X = Float64Array.from({X.ravel().tolist()}), y = Float64Array.from({y.tolist()});
  const P = Array.from(model.forward(X, {n})), {{ loss }} = model.lossAndGradients(X, y, {n});
  const grads = model.layers.flatMap((L) => [Array.from(L.dW), Array.from(L.db)]);
  model.step({lr}, {l2});
  return {{ P, loss, grads, after: model.getWeights() }}; }})()"""


def network_step_python(sizes, activation, params, X, y, lr, l2):
    """O mesmo no nn_helpers, em float64: ``(P, loss, grads, after)``."""
    model = MLP(sizes, activation, "sigmoid", dtype=np.float64, seed=0)
    for p, value in zip(model.params, params):
        p[...] = value
    P = model.forward(X)
    loss, grads = model.loss_and_gradients(X, y)
    grads = [g.copy() for g in grads]
    SGDWithL2(lr, l2).step(model.params, grads)
    return P[:, 0], loss, grads, [p.copy() for p in model.params]
