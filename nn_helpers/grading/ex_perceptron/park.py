"""A verificação da reta ``PARK_WEIGHTS = (w, b)`` que o aluno escolhe para os dias do parque.

Passa qualquer reta que deixe os quatro dias de "vamos" (os três de treino e o dia novo,
(−1, 1)) com z > 0 e os três de "não vamos" com z < 0: nenhum dia em cima dela, e a resposta
não depende da convenção do empate.
"""

import numpy as np

from ..checking import Hint, call, check, fail, first_hint, fmt
from ..common import weights_pair
from ..reference import PARK_X, PARK_Y

__all__ = ["NEW_DAY", "DAYS_X", "DAYS_Y", "check_park_weights"]

# O dia novo do exemplo: chovendo (−1), mas ricos (1) → vamos (1). O treino o deixa em z = 0.
NEW_DAY, NEW_DAY_Y = np.array([-1.0, 1.0]), 1.0
DAYS_X = np.vstack([PARK_X, NEW_DAY])
DAYS_Y = np.append(PARK_Y, NEW_DAY_Y)
DAY_NAMES = ["sol, ok", "sol, rico", "nublado, rico", "chuva, ok", "chuva, falido",
             "nublado, falido", "dia novo: chuva, rico"]


def _on_the_line(z):
    """Os ``z`` que são zero (a menos do arredondamento): dias em cima da reta."""
    return np.abs(z) <= 1e-9


def _hint(w, b, z, right):
    """A dica para uma reta que deixa algum dia do lado errado (ou em cima dela)."""
    tie = _on_the_line(z)
    day = DAYS_X[np.argmax(tie)]
    flipped = DAYS_X @ w - b
    return first_hint([
        (np.any(tie), Hint("perceptron.park_on_the_line", f"o dia ({day[0]:g}, {day[1]:g}) tem "
                           "z = 0: está em cima da reta, e a resposta dependeria da convenção "
                           "do empate. Desloque a reta (mude o viés `b`) ou gire-a (mude `w`) "
                           "até que nenhum dia fique sobre ela.")),
        (np.all(~right), Hint("perceptron.park_inverted", "todos os dias ficaram do lado "
                              "trocado: a reta está certa, mas os lados estão invertidos — "
                              "troque o sinal de `w` e de `b`.")),
        (np.all((flipped > 0) == (DAYS_Y == 1)) and not np.any(_on_the_line(flipped)), Hint(
            "perceptron.park_bias_as_threshold", "com −b no lugar de b, a sua reta acertaria "
            "tudo: o viés entra SOMADO, z = x·w + b (não é um limiar, x·w ≥ b).")),
        (np.all(right[:-1]), Hint(
            "perceptron.park_new_day_wrong", "a sua reta separa os seis dias de treino, mas "
            "deixa o dia novo (−1, 1) do lado do “não vamos”. Nele a chuva pesa −w₁ e o "
            "dinheiro +w₂: ou o dinheiro pesa mais que a chuva (w₂ > w₁), ou o viés `b` "
            "empurra a reta para o lado certo.")),
    ])


@check
def check_park_weights(PARK_WEIGHTS):
    """Confere a reta ``PARK_WEIGHTS = (w, b)`` do aluno nos sete dias do parque."""
    w, b = weights_pair(PARK_WEIGHTS, "PARK_WEIGHTS", 2, "([0.3, -2.0], 1.0)",
                        "duas entradas (o tempo e o dinheiro)")
    # Cada dia é um caso: a reta do aluno, z = x·w + b, avaliada nele (por `call`, que o conta).
    z = np.array([call(lambda x: x @ w + b, "PARK_WEIGHTS", x, case=name)
                  for x, name in zip(DAYS_X, DAY_NAMES)])
    tie = _on_the_line(z)
    right = ~tie & ((z > 0) == (DAYS_Y == 1))
    if np.all(right):
        margin = f"{np.min(np.abs(z)) / np.linalg.norm(w):.2f}".replace(".", ",")
        return (f"o dia mais perto da sua reta está a {margin} dela (a reta do treino, "
                f"x₁ + x₂ = 0, passa em cima do dia novo: distância 0)")
    rows = "\n".join(
        f"    {f'({x[0]:g}, {x[1]:g})':<9} {label:<22} z = {'0' if t else format(zi, '+.3g')}  → "
        f"{'em cima da reta' if t else ('vamos' if zi > 0 else 'não vamos')}"
        f"{'' if ok else '   ✗ (esperado: ' + ('vamos' if y == 1 else 'não vamos') + ')'}"
        for x, label, zi, t, ok, y in zip(DAYS_X, DAY_NAMES, z, tie, right, DAYS_Y))
    line = (f"{w[0]:g}·x₁ {'−' if w[1] < 0 else '+'} {abs(w[1]):g}·x₂ "
            f"{'−' if b < 0 else '+'} {abs(b):g}")
    fail(f"`PARK_WEIGHTS` = ({fmt(w)}, {b:g}): a reta z = {line} "
         f"deveria deixar os dias de “vamos” com z > 0 e os de “não vamos” com z < 0:\n{rows}",
         hints=[_hint(w, b, z, right)])
