"""As verificações de ``ex_keras_mnist`` aceitam a resposta certa e recusam os enganos comuns.

Os modelos errados são recusados antes do treino curto (pelas formas, pela
ativação, pela compilação ou pelo custo), então só a referência treina.
"""

import os

import numpy as np

os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402

from nn_helpers.grading import ex_keras_mnist as checks  # noqa: E402
from conftest import ROOT  # noqa: E402


# --- a resposta de referência ------------------------------------------------------------

def mlp(units=10, activation="softmax", loss="sparse_categorical_crossentropy", compile=True,
        n_in=784):
    model = keras.Sequential([keras.Input(shape=(n_in,)),
                              keras.layers.Dense(128, activation="relu"),
                              keras.layers.Dense(units, activation=activation)])
    if compile:
        model.compile(optimizer="adam", loss=loss, metrics=["accuracy"])
    return model


def build_model():
    return mlp()


def evaluate(model, X, y):
    return float(np.mean(np.argmax(model.predict(X, verbose=0), axis=1) == y))


REFERENCE = {"check_build_model": build_model, "check_evaluate": evaluate}


def test_other_correct_answers_are_accepted():
    def functional():
        entrada = keras.Input(shape=(784,))
        saida = keras.layers.Dense(10, activation="softmax")(
            keras.layers.Dense(64, activation="relu")(entrada))
        model = keras.Model(entrada, saida)
        model.compile(optimizer=keras.optimizers.Adam(1e-3),
                      loss=keras.losses.SparseCategoricalCrossentropy())
        return model

    checks.check_build_model(functional)
    checks.check_evaluate(lambda model, X, y: model.evaluate(X, y, verbose=0)[1])


def test_the_short_training_run_is_deterministic():
    # a mesma semente, o mesmo resultado: a verificação não passa ou falha por sorte
    X, y = checks._mnist()
    accuracies = []
    for _ in range(2):
        keras.utils.set_random_seed(0)
        model = keras.Sequential([keras.Input(shape=(784,)),
                                  keras.layers.Dense(10, activation="softmax")])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        model.fit(X[:500], y[:500], epochs=1, verbose=0)
        accuracies.append(evaluate(model, X[2000:2500], y[2000:2500]))
    assert accuracies[0] == accuracies[1]


# --- enganos plausíveis: (verificação, resposta errada, trecho esperado na mensagem) -------

def _not_implemented(*args):
    raise NotImplementedError


def _sgd_model():
    model = mlp(compile=False)
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    return model


def _no_loss():
    model = mlp(compile=False)
    model.compile(optimizer="adam", metrics=["accuracy"])
    return model


def _squared_error_on_one_hot(y, probs):
    return keras.ops.mean((keras.ops.one_hot(y, 10) - probs) ** 2, axis=-1)


MISTAKES = {
    "no softmax (linear output, from_logits=False)": (
        "check_build_model", lambda: mlp(activation=None), "sem ativação, a saída são logits"),
    "softmax with from_logits=True": (
        "check_build_model",
        lambda: mlp(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True)),
        "softmax entraria duas vezes"),
    "wrong output size": ("check_build_model", lambda: mlp(units=1), "forma (None, 10)"),
    "wrong input size (28 instead of 784)": ("check_build_model", lambda: mlp(n_in=28),
                                             "keras.Input(shape=(784,))"),
    "mse loss": ("check_build_model", lambda: mlp(loss="mse"), "não o erro quadrático"),
    "hand-written squared error on one-hot targets": (
        "check_build_model", lambda: mlp(loss=_squared_error_on_one_hot),
        "keras_mnist.loss_not_cross_entropy"),
    "compiled without a loss": ("check_build_model", _no_loss, "keras_mnist.unknown_loss"),
    "categorical (one-hot) loss with integer labels": (
        "check_build_model", lambda: mlp(loss="categorical_crossentropy"),
        "espera alvos one-hot"),
    "not compiled": ("check_build_model", lambda: mlp(compile=False), "não foi compilado"),
    "sigmoid output": ("check_build_model", lambda: mlp(activation="sigmoid"),
                       "para 10 classes exclusivas"),
    "weak model: plain SGD at its default rate (the accuracy floor bites)": (
        "check_build_model", lambda: _sgd_model(), "o mínimo é 80%"),
    "returns nothing": ("check_build_model", lambda: None, "faltou o `return model`"),
    "build_model blank": ("check_build_model", _not_implemented, "ainda não foi implementada"),
    "evaluate returns the loss": (
        "check_evaluate", lambda model, X, y: model.evaluate(X, y, verbose=0)[0],
        "isto é o custo"),
    "build_model with shape=784": ("check_build_model", lambda: keras.Sequential(
        [keras.Input(shape=784), keras.layers.Dense(10, activation="softmax")]),
        "keras_mnist.shape_not_tuple"),
    "evaluate returns model.evaluate's list": (
        "check_evaluate", lambda model, X, y: model.evaluate(X, y, verbose=0),
        "keras_mnist.returns_evaluate_list"),
    "evaluate returns percent": ("check_evaluate", lambda model, X, y: 100 * evaluate(model, X, y),
                                 "não a porcentagem"),
    "evaluate counts hits": (
        "check_evaluate",
        lambda model, X, y: int(np.sum(np.argmax(model.predict(X, verbose=0), axis=1) == y)),
        "divida por n"),
    "evaluate compares one-hot vectors": (
        "check_evaluate",
        lambda model, X, y: float(np.mean(
            np.eye(10)[np.argmax(model.predict(X, verbose=0), axis=1)] == np.eye(10)[y])),
        "conta os zeros certos"),
    "evaluate forgets axis=1 in argmax": (
        "check_evaluate",
        lambda model, X, y: float(np.mean(np.argmax(model.predict(X, verbose=0)) == y)),
        "keras_mnist.wrong_accuracy"),
    "evaluate takes argmax over the images": (
        "check_evaluate",
        lambda model, X, y: float(np.mean(np.argmax(model.predict(X, verbose=0), axis=0) == y)),
        "keras_mnist.argmax_axis_0"),
    "evaluate returns the error rate": (
        "check_evaluate", lambda model, X, y: 1 - evaluate(model, X, y), "taxa de erro"),
    "evaluate blank": ("check_evaluate", _not_implemented, "ainda não foi implementada"),
}


def test_the_exercise_text_quotes_the_figure_the_solution_reaches():
    text = (ROOT / "solutions" / "ex_keras_mnist.ipynb").read_text(encoding="utf-8")
    assert f"perto de {round(100 * checks.REFERENCE_ACCURACY)}%" in text
