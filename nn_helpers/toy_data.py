"""Dados de brinquedo em 2-D, **sintéticos** (sorteados aqui, não são dados reais).

Quatro problemas de duas classes que se veem num gráfico, do mais fácil ao mais difícil para uma
rede pequena: ``blobs`` (duas nuvens gaussianas), ``xor`` (um ponto por quadrante),
``circles`` (um disco dentro de um anel) e ``two_spirals`` (duas espirais entrelaçadas).

Todos têm a mesma forma: ``gerador(n, noise, seed) -> (X, y)``, com X: (n, 2) no quadrado
[−1, 1]² (os blobs passam um pouco; mais o ruído) e y: (n,) de inteiros 0 e 1, cerca de metade
de cada. A ordem das linhas é a de cada gerador (nas espirais, primeiro toda a classe 0):
embaralhe antes de separar treino e validação. ``noise`` é o desvio padrão do ruído gaussiano
somado a cada coordenada, de 0 a 1; ``seed`` é a semente (um inteiro ≥ 0, ``None`` ou um
``np.random.Generator``): a mesma semente dá os mesmos pontos. ``TOY_DATA`` dá o gerador pelo
nome.
"""

import numpy as np

from .validation import number_between, seed_value, whole_number

__all__ = ["xor", "circles", "two_spirals", "blobs", "TOY_DATA"]

MAX_POINTS = 10 ** 6
TURNS = 1.75                         # as voltas de cada espiral


def xor(n=200, noise=0.1, seed=0):
    """O XOR: pontos sorteados no quadrado, longe dos eixos; classe 1 onde os sinais diferem.

    Retorna X: (n, 2) e y: (n,), com ``y = 1`` nos quadrantes de x₁·x₂ < 0.
    """
    n, noise, rng = _arguments(n, noise, seed, "xor")
    X = rng.uniform(-0.9, 0.9, (n, 2))
    X += 0.1 * np.sign(X)                              # longe dos eixos: |xᵢ| ≥ 0,1
    y = (X[:, 0] * X[:, 1] < 0).astype(int)
    return X + rng.normal(0, noise, X.shape), y


def circles(n=200, noise=0.1, seed=0):
    """Um disco (a classe 1, raio até 0,5) dentro de um anel (a classe 0, raio de 0,7 a 1);
    X: (n, 2) e y: (n,), com as classes alternadas (0, 1, 0, 1…)."""
    n, noise, rng = _arguments(n, noise, seed, "circles")
    disc = np.arange(n) % 2 == 1
    radius = np.where(disc, rng.uniform(0, 0.5, n), rng.uniform(0.7, 1, n))
    angle = rng.uniform(0, 2 * np.pi, n)
    X = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    return X + rng.normal(0, noise, X.shape), disc.astype(int)


def two_spirals(n=200, noise=0.1, seed=0):
    """Duas espirais entrelaçadas de 1,75 volta: a classe 1 é a 0 girada meia volta.

    O raio cresce com o ângulo, de 0,14 a 1, e os pontos cobrem cada braço por igual
    (há mais pontos na parte de fora, que é mais comprida). Retorna X: (n, 2) e y: (n,):
    primeiro a classe 0, depois os mesmos pontos girados, a classe 1.
    """
    n, noise, rng = _arguments(n, noise, seed, "two_spirals")
    half = (n + 1) // 2                                  # com n ímpar, um a menos na 1
    angle = np.sqrt(rng.uniform(0.02, 1, half)) * TURNS * 2 * np.pi
    arm = np.column_stack([angle * np.cos(angle), angle * np.sin(angle)])
    arm /= TURNS * 2 * np.pi                             # o raio vai de 0,14 a 1
    X = np.vstack([arm, -arm])[:n]                       # −arm: meia volta
    return X + rng.normal(0, noise, X.shape), np.repeat([0, 1], half)[:n]


def blobs(n=200, noise=0.1, seed=0):
    """Duas nuvens gaussianas (desvio 0,3), a classe 0 em (−0,5; −0,5) e a 1 em (0,5; 0,5).

    Retorna X: (n, 2) e y: (n,), com as classes alternadas: 0, 1, 0, 1…
    """
    n, noise, rng = _arguments(n, noise, seed, "blobs")
    y = np.arange(n) % 2
    X = rng.normal(0, 0.3, (n, 2)) + np.where(y[:, None] == 1, 0.5, -0.5)
    return X + rng.normal(0, noise, X.shape), y


TOY_DATA = {"xor": xor, "circles": circles, "spirals": two_spirals, "blobs": blobs}


def _arguments(n, noise, seed, where):
    """Confere ``n`` (1 a MAX_POINTS), ``noise`` (de 0 a 1) e ``seed``; devolve o gerador."""
    n = whole_number(n, "n", where, minimum=1)
    if n > MAX_POINTS:
        raise ValueError(f"{where}: `n` deve ser no máximo {MAX_POINTS} pontos, não {n}.")
    return n, number_between(noise, "noise", where, 0, 1), np.random.default_rng(seed_value(seed, where))


