"""Quadros por segundo do playground do livro (book/_ext/static/explorers/playground.js) num Chromium
sem tela: o mesmo HTML e os mesmos scripts do livro publicado.

    python bench/playground_fps.py [--seconds 5] [--n 250] [--width 900]

Para cada rede ([8, 8] e [4, 2], tanh, no XOR com 2n = 500 pontos, metade de treino), aperta
"Treinar (play)" e deixa rodar ``--seconds`` segundos: cada quadro é uma época de SGD (lotes de
10), o custo de teste, as regiões (grade 64 × 64), a rede e as curvas. Imprime quadros por segundo
(quadros / tempo decorrido), a média e o percentil 95 do trabalho de um quadro (ms, medido na
página com performance.now) e a razão contra uma tela de 60 Hz. Antes, mede o ritmo do
requestAnimationFrame numa página vazia, o teto do próprio navegador sem tela nesta máquina.

Mede, não testa (velocidade não se confere em teste com relógio): a meta da issue 15 é ≥ 30 quadros/s
com [8, 8] em 500 pontos, e a razão contra o teto do navegador, medido no mesmo processo, diz quanto
do quadro o playground usa.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
from browser import Chromium  # noqa: E402
from explorer_page import explorer_page  # noqa: E402

from nn_helpers.widgets import playground  # noqa: E402

NETWORKS = ([8, 8], [4, 2])
PG = "Explorers.mounted[0]"


def empty_raf_rate(browser, seconds):
    """Quadros por segundo de um requestAnimationFrame que não faz nada (o teto do navegador)."""
    return browser.evaluate(f"""new Promise((done) => {{ let frames = 0; const start = performance.now();
        const tick = () => {{ frames++; if (performance.now() - start < {seconds * 1000}) requestAnimationFrame(tick);
            else done(frames / (performance.now() - start) * 1000); }};
        requestAnimationFrame(tick); }})""", await_promise=True)


def play(browser, hidden, seconds):
    """Toca o playground com a rede `hidden` por `seconds` segundos; devolve as medidas."""
    browser.evaluate(f"""(() => {{ const e = {PG}.set({{ dataset: "xor", hidden: {hidden}, activation: "tanh",
        lr: 0.1, batch_size: 10, train_percent: 50 }}).reset(1);
        e.frames = 0; e.frameTimes = []; window.started = performance.now(); e.play(); }})()""")
    time.sleep(seconds)
    frames, elapsed, times, points, epoch = browser.evaluate(
        f"""(() => {{ const e = {PG}.pause(); return [e.frames, performance.now() - started, e.frameTimes,
        e.points.length / 2, e.epoch]; }})()""")
    times = sorted(times)
    return {"frames": frames, "seconds": elapsed / 1000, "fps": frames / elapsed * 1000,
            "mean": sum(times) / len(times), "p95": times[int(0.95 * (len(times) - 1))],
            "points": points, "epoch": epoch}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="segundos tocando cada rede")
    parser.add_argument("--n", type=int, default=250, help="pontos de cada metade (2n no total)")
    parser.add_argument("--width", type=int, default=900, help="largura da coluna da página (px)")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="playground-fps-"))
    page = explorer_page(folder, [playground(n=args.n)], width=args.width)
    with Chromium() as browser:
        browser.open(page)
        if not browser.wait_until("window.Explorers && Explorers.mounted.length === 1", timeout=30):
            sys.exit("o playground não montou na página de teste")
        ceiling = empty_raf_rate(browser, 2)
        print(f"requestAnimationFrame numa página vazia: {ceiling:.1f} quadros/s (o teto desta máquina)")
        for hidden in NETWORKS:
            r = play(browser, hidden, args.seconds)
            print(f"rede {hidden} em {r['points']:.0f} pontos: {r['fps']:.1f} quadros/s "
                  f"({r['frames']} quadros em {r['seconds']:.2f} s, época {r['epoch']}); trabalho por quadro: "
                  f"média {r['mean']:.1f} ms, p95 {r['p95']:.1f} ms; {r['fps'] / ceiling:.2f}× o teto do "
                  f"navegador, {r['fps'] / 60:.0%} de uma tela de 60 Hz")
        errors = browser.console_errors
        if errors:
            print("erros no console:", *errors, sep="\n  ")


if __name__ == "__main__":
    main()
