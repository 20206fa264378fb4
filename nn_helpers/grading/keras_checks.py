"""O que as verificações dos dois exercícios de Keras (``ex_keras_mnist``, ``ex_keras_cifar10``)
têm em comum: importar o Keras só quando preciso, ler o nome do custo compilado e contar os
parâmetros camada a camada.

O Keras é importado aqui dentro das funções: importar os módulos de verificação (o corretor
faz isso para listar as verificações) não custa os segundos do Keras.
"""

import os

__all__ = ["keras", "loss_name", "all_layers", "count", "breakdown"]


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
