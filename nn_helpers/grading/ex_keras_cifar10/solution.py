"""Os dados de ``ex_keras_cifar10``: as imagens dos casos de ``preprocess`` e as fotos do CIFAR-10
em que ``check_build_model`` treina o modelo do aluno."""

import functools

import numpy as np

from ..checking import fail

__all__ = ["preprocess_cases", "cifar10"]


def preprocess_cases():
    """``[(descrição, X uint8 (n, 32, 32, 3))]``: bordas, metade preta, rampa, fotos escuras."""
    g = np.random.default_rng(1)
    bordas = np.zeros((2, 32, 32, 3), dtype=np.uint8)
    bordas[1] = 255                                    # uma imagem toda branca deve virar 1,0
    retangular = g.integers(0, 256, size=(3, 32, 32, 3), dtype=np.uint8)
    retangular[:, :, :16] = 0                          # metade preta: não é simétrica
    rampa = (np.arange(2 * 32 * 32 * 3) % 256).astype(np.uint8).reshape(2, 32, 32, 3)
    escuras = g.integers(20, 121, size=(2, 32, 32, 3), dtype=np.uint8)   # nada preto nem branco
    return [
        ("uma imagem preta e uma toda branca (255)", bordas),
        ("3 imagens aleatórias com a metade esquerda preta", retangular),
        ("2 imagens com todos os valores de 0 a 255", rampa),
        ("2 fotos escuras, com valores só de 20 a 120", escuras),
    ]


@functools.cache
def cifar10(train_size, test_size):
    """As primeiras fotos de treino e de teste do CIFAR-10 real, carregadas uma vez por sessão.

    Devolve ``(X_train, y_train, X_test, y_test, origem)``; sem as fotos, falha em português
    (e nada fica guardado: a próxima chamada tenta de novo).
    """
    from ...cifar import load_cifar10
    from ...datasets import DataError
    try:
        train, test = load_cifar10()
    except DataError as exc:
        fail(f"não dá para conferir o treino da rede sem as fotos do CIFAR-10.\n{exc}")
    return (train.X[:train_size], train.y[:train_size], test.X[:test_size], test.y[:test_size],
            train.description.split(" — ")[0])
