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

from .validation import as_array, number_between, seed_value, whole_number

__all__ = ["xor", "circles", "two_spirals", "blobs", "TOY_DATA", "clean_and_noise", "FEATURES",
           "features"]

MAX_POINTS = 10 ** 6
TURNS = 1.75                         # as voltas de cada espiral


def xor(n=200, noise=0.1, seed=0):
    """O XOR: pontos sorteados no quadrado, longe dos eixos; classe 1 onde os sinais diferem.

    Retorna X: (n, 2) e y: (n,), com ``y = 1`` nos quadrantes de x₁·x₂ < 0.
    """
    return _noisy(_xor, n, noise, seed, "xor")


def _xor(n, rng):
    X = rng.uniform(-0.9, 0.9, (n, 2))
    X += 0.1 * np.sign(X)                              # longe dos eixos: |xᵢ| ≥ 0,1
    return X, (X[:, 0] * X[:, 1] < 0).astype(int)


def circles(n=200, noise=0.1, seed=0):
    """Um disco (a classe 1, raio até 0,5) dentro de um anel (a classe 0, raio de 0,7 a 1);
    X: (n, 2) e y: (n,), com as classes alternadas (0, 1, 0, 1…)."""
    return _noisy(_circles, n, noise, seed, "circles")


def _circles(n, rng):
    disc = np.arange(n) % 2 == 1
    radius = np.where(disc, rng.uniform(0, 0.5, n), rng.uniform(0.7, 1, n))
    angle = rng.uniform(0, 2 * np.pi, n)
    return np.column_stack([radius * np.cos(angle), radius * np.sin(angle)]), disc.astype(int)


def two_spirals(n=200, noise=0.1, seed=0):
    """Duas espirais entrelaçadas de 1,75 volta: a classe 1 é a 0 girada meia volta.

    O raio cresce com o ângulo, de 0,14 a 1, e os pontos cobrem cada braço por igual
    (há mais pontos na parte de fora, que é mais comprida). Retorna X: (n, 2) e y: (n,):
    primeiro a classe 0, depois os mesmos pontos girados, a classe 1.
    """
    return _noisy(_two_spirals, n, noise, seed, "two_spirals")


def _two_spirals(n, rng):
    half = (n + 1) // 2                                  # com n ímpar, um a menos na 1
    angle = np.sqrt(rng.uniform(0.02, 1, half)) * TURNS * 2 * np.pi
    arm = np.column_stack([angle * np.cos(angle), angle * np.sin(angle)])
    arm /= TURNS * 2 * np.pi                             # o raio vai de 0,14 a 1
    return np.vstack([arm, -arm])[:n], np.repeat([0, 1], half)[:n]      # −arm: meia volta


def blobs(n=200, noise=0.1, seed=0):
    """Duas nuvens gaussianas (desvio 0,3), a classe 0 em (−0,5; −0,5) e a 1 em (0,5; 0,5).

    Retorna X: (n, 2) e y: (n,), com as classes alternadas: 0, 1, 0, 1…
    """
    return _noisy(_blobs, n, noise, seed, "blobs")


def _blobs(n, rng):
    y = np.arange(n) % 2
    return rng.normal(0, 0.3, (n, 2)) + np.where(y[:, None] == 1, 0.5, -0.5), y


TOY_DATA = {"xor": xor, "circles": circles, "spirals": two_spirals, "blobs": blobs}
_SHAPES = {"xor": _xor, "circles": _circles, "spirals": _two_spirals, "blobs": _blobs}


def _noisy(shape, n, noise, seed, where):
    n, noise, rng = _arguments(n, noise, seed, where)
    X, y = shape(n, rng)
    return X + noise * rng.standard_normal(X.shape), y


def clean_and_noise(name, n=200, seed=0):
    """As duas partes de um conjunto: ``TOY_DATA[name](n, noise, seed)`` é ``(X + noise·E, y)``.

    name: uma chave de ``TOY_DATA``. Retorna ``(X, E, y)``: X: (n, 2) os pontos sem ruído;
    E: (n, 2) o ruído sorteado com desvio 1; y: (n,). O playground do livro, em JavaScript,
    recebe essas partes e refaz os pontos para qualquer ``noise`` — os mesmos desta biblioteca.
    """
    if not isinstance(name, str) or name not in _SHAPES:
        raise ValueError(f"clean_and_noise: `name` deve ser um de {list(_SHAPES)}, não {name!r}.")
    n, _, rng = _arguments(n, 0, seed, "clean_and_noise")
    X, y = _SHAPES[name](n, rng)
    return X, rng.standard_normal(X.shape), y


# Os atributos de entrada do playground (como no TensorFlow Playground): nome → (rótulo, conta).
FEATURES = {"x1": ("x₁", lambda X: X[:, 0]), "x2": ("x₂", lambda X: X[:, 1]),
            "x1^2": ("x₁²", lambda X: X[:, 0] ** 2), "x2^2": ("x₂²", lambda X: X[:, 1] ** 2),
            "x1*x2": ("x₁x₂", lambda X: X[:, 0] * X[:, 1]),
            "sin(x1)": ("sen(x₁)", lambda X: np.sin(X[:, 0])),
            "sin(x2)": ("sen(x₂)", lambda X: np.sin(X[:, 1]))}


def features(X, names=("x1", "x2")):
    """Os atributos ``names`` (chaves de ``FEATURES``) dos pontos X: (n, 2) → (n, len(names)).

    ``features(X, ["x1", "x2", "x1*x2"])`` dá as colunas x₁, x₂ e x₁·x₂: com x₁x₂, uma rede sem
    camada escondida já separa o XOR.
    """
    X = as_array(X, "X", "features", ndim=2)
    if X.shape[1] != 2:
        raise ValueError(f"features: `X` deve ter forma (n, 2), pontos do plano, não {X.shape}.")
    names = [names] if isinstance(names, str) else list(names) if isinstance(names, (list, tuple)) else None
    if names is None:
        raise ValueError(f"features: `names` deve ser uma lista de nomes de {list(FEATURES)}.")
    unknown = [name for name in names if not isinstance(name, str) or name not in FEATURES]
    if unknown or not names:
        raise ValueError(f"features: atributos {unknown or names} desconhecidos; escolha um ou "
                         f"mais de {list(FEATURES)}.")
    return np.column_stack([FEATURES[name][1](X) for name in names])


def _arguments(n, noise, seed, where):
    """Confere ``n`` (1 a MAX_POINTS), ``noise`` (de 0 a 1) e ``seed``; devolve o gerador."""
    n = whole_number(n, "n", where, minimum=1)
    if n > MAX_POINTS:
        raise ValueError(f"{where}: `n` deve ser no máximo {MAX_POINTS} pontos, não {n}.")
    return n, number_between(noise, "noise", where, 0, 1), np.random.default_rng(seed_value(seed, where))


