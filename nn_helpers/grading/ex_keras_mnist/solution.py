"""Os dados e as contas de referência de ``ex_keras_mnist`` (numpy puro; o Keras, quando preciso,
chega como argumento ou é importado dentro das funções)."""

import numpy as np

from ..keras_checks import cross_entropy
from ..keras_checks import keras as _keras

__all__ = ["mnist", "dense_layers", "is_linear", "fixed_model", "accuracy", "evaluate_answers"]

# Guardadas na importação, antes de o código do aluno rodar (como em ``checking``).
_np_mean, _np_argmax, _np_exp = np.mean, np.argmax, np.exp


def mnist():
    """As 10 000 imagens de teste do MNIST, ``(X (n, 784) em [0, 1], y inteiros)``."""
    from ...datasets import load_mnist_test

    data = load_mnist_test()
    return data.X, data.y


def dense_layers(model):
    """As camadas ``Dense`` de ``model``, em ordem."""
    keras = _keras()
    return [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]


def is_linear(model, X):
    """A rede é afim por dentro? (log p_k − log p_0 no ponto médio = média dos extremos.)"""
    a, b = X[:8].astype(np.float32), X[8:16].astype(np.float32)
    outputs = [np.asarray(model.predict(v, verbose=0), dtype=np.float64)
               for v in (a, b, (a + b) / 2)]
    scores = [np.log(np.clip(p, 1e-30, None)) for p in outputs]
    scores = [s - s[:, :1] for s in scores]
    # Uma rede linear erra por ~5e-7 (arredondamento do float32); com a sigmoide, a menos
    # curva das ativações, a diferença já passa de 9e-4.
    return bool(np.all(np.abs(scores[2] - (scores[0] + scores[1]) / 2) <= 2e-5 * (
        1 + np.abs(scores[2]))))


def accuracy(probs, y):
    """A fração das linhas de ``probs`` cujo ``argmax`` é o rótulo ``y``."""
    return float(_np_mean(_np_argmax(probs, axis=1) == y))


def fixed_model(keras, X, y):
    """Um classificador linear fixo (mínimos quadrados nos one-hot), com softmax, compilado."""
    Y = np.eye(10)[y]
    A = np.hstack([X, np.ones((len(X), 1))]).astype(np.float64)
    coef = np.linalg.solve(A.T @ A + 10.0 * np.eye(A.shape[1]), A.T @ Y)
    W, b = coef[:-1].astype(np.float32), coef[-1].astype(np.float32)
    model = keras.Sequential([keras.Input(shape=(784,)),
                              keras.layers.Dense(10, activation="softmax")])
    model.layers[-1].set_weights([W, b])
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model, W, b


def evaluate_answers(W, b, X, y):
    """Para o modelo fixo ``(W, b)`` em ``X``: a acurácia certa, o custo (entropia cruzada) e o
    que dá comparar os one-hot elemento a elemento — ``(acurácia, custo, one_hot)``."""
    z = X.astype(np.float64) @ W + b
    e = _np_exp(z - z.max(axis=1, keepdims=True))
    one_hot = float(_np_mean(np.eye(10)[_np_argmax(z, axis=1)] == np.eye(10)[y]))
    return accuracy(z, y), cross_entropy(y, e / e.sum(axis=1, keepdims=True)), one_hot
