"""O que as verificações dos dois exercícios de Keras (``ex_keras_mnist``, ``ex_keras_cifar10``)
têm em comum: importar o Keras só quando preciso, ler e testar com números o custo compilado e
contar os parâmetros camada a camada.

O Keras é importado aqui dentro das funções: importar os módulos de verificação (o corretor
faz isso para listar as verificações) não custa os segundos do Keras.
"""

import os

import numpy as np

__all__ = ["keras", "loss_name", "loss_function", "cross_entropy", "probe_loss", "all_layers",
           "count", "breakdown"]

# Guardadas na importação, antes de o código do aluno rodar (como em ``checking``).
_exp, _log, _mean = np.exp, np.log, np.mean


def keras():
    """O módulo ``keras``, com o backend JAX se ninguém escolheu outro."""
    os.environ.setdefault("KERAS_BACKEND", "jax")
    import keras as module

    return module


def loss_name(loss):
    """O nome do custo compilado, em minúsculas (``"categorical_hinge"``, ``"meansquarederror"``)."""
    if isinstance(loss, str):
        return loss.lower()
    fn = getattr(loss, "fn", None)          # LossFunctionWrapper: o nome da função de dentro
    name = getattr(fn, "__name__", None) or getattr(loss, "__name__", None)
    return (name or type(loss).__name__).lower()


def loss_function(loss):
    """O custo compilado como função: um nome vira a função do Keras; ``None`` se não for um custo."""
    if isinstance(loss, str):
        try:
            return keras().losses.get(loss)
        except ValueError:
            return None
    return loss if callable(loss) else None


def cross_entropy(y, probs):
    """−média de ln p(classe certa), em numpy puro. y: (n,) inteiros; probs: (n, k)."""
    probs = np.clip(np.asarray(probs, dtype=np.float64), 1e-7, 1.0)
    return float(-_mean(_log(probs[np.arange(len(y)), y])))


def probe_loss(fn):
    """Roda o custo ``fn`` em 6 rótulos inteiros e 6 linhas de probabilidades (float32) fixos.

    Devolve ``(obtido, esperado, com_logits)``: o valor de ``fn``, a entropia cruzada certa e a
    que daria um custo com ``from_logits=True`` (a softmax aplicada de novo às probabilidades).
    Uma exceção de ``fn`` passa adiante: quem chama a explica.
    """
    g = np.random.default_rng(0)
    y = g.integers(0, 10, size=6)
    z = g.normal(size=(6, 10))
    probs = (_exp(z) / _exp(z).sum(axis=1, keepdims=True)).astype(np.float32)
    again = _exp(probs) / _exp(probs).sum(axis=1, keepdims=True)
    got = float(_mean(np.asarray(fn(y, probs), dtype=np.float64)))
    return got, cross_entropy(y, probs), cross_entropy(y, again)


def all_layers(model):
    """Todas as camadas de ``model``, inclusive as de dentro de submodelos, em ordem."""
    found = []
    for layer in getattr(model, "layers", []):
        found.append(layer)
        found.extend(all_layers(layer))
    return found


def count(n):
    """``50890`` → ``"50 890"`` (o espaço separa os milhares, como no livro)."""
    return f"{n:,}".replace(",", " ")


def breakdown(model):
    """``Conv2D(16): 448; Dense(10): 1 290`` — onde estão os parâmetros, camada a camada."""
    parts = []
    for layer in all_layers(model):
        n = layer.count_params()
        if n and not all_layers(layer):
            size = getattr(layer, "units", None) or getattr(layer, "filters", None)
            label = f"{type(layer).__name__}({size})" if size else type(layer).__name__
            parts.append(f"{label}: {count(n)}")
    return "; ".join(parts)
