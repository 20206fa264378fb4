"""As verificações de ``ex_keras_mnist`` aceitam a resposta certa e recusam os enganos comuns.

Quase todos os modelos errados são recusados antes do treino curto (pelas formas, pela
softmax, pelo orçamento, pela rede linear, pela compilação, pelo custo ou pela métrica);
treinam só a referência, as alternativas e os poucos enganos que só o treino mostra (o
``"sgd"`` na taxa padrão, a sigmoide, uma escondida estreita, o Adam com taxa minúscula).
"""

import os

import numpy as np

os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402

from nn_helpers.grading import ex_keras_mnist as checks  # noqa: E402
from nn_helpers.grading.ex_keras_mnist.solution import mnist  # noqa: E402
from conftest import ROOT  # noqa: E402


# --- a resposta de referência ------------------------------------------------------------

def mlp(units=10, activation="softmax", loss="sparse_categorical_crossentropy", compile=True,
        n_in=784, hidden=60, hidden_activation="relu", optimizer="adam", metrics=("accuracy",)):
    model = keras.Sequential([keras.Input(shape=(n_in,)),
                              keras.layers.Dense(hidden, activation=hidden_activation),
                              keras.layers.Dense(units, activation=activation)])
    if compile:
        model.compile(optimizer=optimizer, loss=loss,
                      metrics=list(metrics) if metrics is not None else None)
    return model


def build_model():
    return mlp()


def evaluate(model, X, y):
    return float(np.mean(np.argmax(model.predict(X, verbose=0), axis=1) == y))


REFERENCE = {"check_build_model": build_model, "check_evaluate": evaluate}


def test_other_correct_answers_are_accepted():
    # (com o orçamento de 50 000 parâmetros, a escondida de 64 não cabe mais: 48; e a métrica
    # agora é exigida, como o enunciado pede)
    def functional():
        entrada = keras.Input(shape=(784,))
        saida = keras.layers.Dense(10, activation="softmax")(
            keras.layers.Dense(48, activation="relu")(entrada))
        model = keras.Model(entrada, saida)
        model.compile(optimizer=keras.optimizers.Adam(1e-3),
                      loss=keras.losses.SparseCategoricalCrossentropy(), metrics=["accuracy"])
        return model

    checks.check_build_model(functional)
    checks.check_evaluate(lambda model, X, y: model.evaluate(X, y, verbose=0)[1])


def test_the_short_training_run_is_deterministic():
    # a mesma semente, o mesmo resultado: a verificação não passa ou falha por sorte
    X, y = mnist()
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
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
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
        "keras_mnist.zero_accuracy"),
    "evaluate takes argmax over the images": (
        "check_evaluate",
        lambda model, X, y: float(np.mean(np.argmax(model.predict(X, verbose=0), axis=0) == y)),
        "keras_mnist.argmax_axis_0"),
    "evaluate returns the error rate": (
        "check_evaluate", lambda model, X, y: 1 - evaluate(model, X, y), "taxa de erro"),
    "evaluate blank": ("check_evaluate", _not_implemented, "ainda não foi implementada"),
}


# --- a varredura da issue 13: mais enganos (quase todos recusados antes do treino curto) ----

def _stack(*layers, loss="sparse_categorical_crossentropy", optimizer="adam",
           metrics=("accuracy",)):
    """Um Sequential com entrada (784,) e as camadas dadas, compilado."""
    model = keras.Sequential([keras.Input(shape=(784,)), *layers])
    model.compile(optimizer=optimizer, loss=loss,
                  metrics=list(metrics) if metrics is not None else None)
    return model


def _dense(units, activation="relu"):
    return keras.layers.Dense(units, activation=activation)


def _softmax_out():
    return keras.layers.Dense(10, activation="softmax")


def _compile_with(**kwargs):
    def build():
        model = mlp(compile=False)
        model.compile(**kwargs)
        return model
    return build


def _keras1_dense():
    return keras.Sequential([keras.Input(shape=(784,)),
                             keras.layers.Dense(input_dim=784, output_dim=60),
                             keras.layers.Activation("relu"), _softmax_out()])


def _image_input():
    # a imagem 28×28 de entrada, sem achatar: mas os dados do exercício já vêm em linhas de 784
    model = keras.Sequential([keras.Input(shape=(28, 28)), keras.layers.Flatten(), _dense(60),
                              _softmax_out()])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def _predictions(model, X):
    return np.argmax(model.predict(X, verbose=0), axis=1)


_BUILT = []


def build_once_and_return_it_again():
    """Monta o modelo uma vez, fora de controle, e devolve sempre o mesmo objeto."""
    if not _BUILT:
        _BUILT.append(build_model())
    return _BUILT[0]


MISTAKES.update({
    "build_model returns the same model every call": (
        "check_build_model", build_once_and_return_it_again, "keras_mnist.same_model_twice"),
    "relu on the output layer": (
        "check_build_model", lambda: mlp(activation="relu"), "keras_mnist.output_not_softmax"),
    "evaluate forgets the mean (one hit per image)": (
        "check_evaluate",
        lambda model, X, y: np.argmax(model.predict(X, verbose=0), axis=1) == y,
        "keras_mnist.accuracy_not_reduced"),
    # o orçamento: a rede do capítulo não cabe, e a conta tem de ser feita
    "the chapter's 784-128-10 (101 770 parameters, over budget)": (
        "check_build_model", lambda: mlp(hidden=128), "keras_mnist.over_budget"),
    "a hidden layer of 64 (50 890 parameters, just over budget)": (
        "check_build_model", lambda: mlp(hidden=64), "o modelo tem 50 890 parâmetros"),
    "two hidden layers, 128 and 64": (
        "check_build_model", lambda: _stack(_dense(128), _dense(64), _softmax_out()),
        "Dense(128): 100 480"),
    "budget spent on a wide second layer (784-60-600-10)": (
        "check_build_model", lambda: _stack(_dense(60), _dense(600), _softmax_out()),
        "keras_mnist.over_budget"),
    # a não linearidade
    "no hidden layer (a linear classifier)": (
        "check_build_model", lambda: _stack(_softmax_out()), "keras_mnist.no_hidden_layer"),
    "hidden layer without activation": (
        "check_build_model", lambda: mlp(hidden_activation=None), "keras_mnist.hidden_linear"),
    "hidden layer with a linear Activation layer": (
        "check_build_model",
        lambda: _stack(_dense(60, None), keras.layers.Activation("linear"), _softmax_out()),
        "keras_mnist.hidden_linear"),
    "output with ReLU": ("check_build_model", lambda: mlp(activation="relu"),
                         "a saída deveria ser a softmax"),
    "hidden ReLU written as a typo": (
        "check_build_model", lambda: mlp(hidden_activation="rellu"),
        "keras_mnist.unknown_activation"),
    # a métrica
    "compiled without metrics": ("check_build_model", lambda: mlp(metrics=None),
                                 "keras_mnist.missing_metrics"),
    "metrics as a string, not a list": (
        "check_build_model",
        _compile_with(optimizer="adam", loss="sparse_categorical_crossentropy",
                      metrics="accuracy"), "keras_mnist.metrics_not_list"),
    "metrics=[keras.metrics.Accuracy()] (exact match, not argmax)": (
        "check_build_model", lambda: mlp(metrics=(keras.metrics.Accuracy(),)),
        "keras_mnist.metric_accuracy_class"),
    "categorical_accuracy with integer labels": (
        "check_build_model", lambda: mlp(metrics=("categorical_accuracy",)),
        "keras_mnist.wrong_metric"),
    "a metric that is not the accuracy (mse)": (
        "check_build_model", lambda: mlp(metrics=("mse",)), "keras_mnist.wrong_metric"),
    # o custo
    "loss class without parentheses": (
        "check_build_model", lambda: mlp(loss=keras.losses.SparseCategoricalCrossentropy),
        "keras_mnist.loss_class_not_instance"),
    "categorical_hinge loss": ("check_build_model", lambda: mlp(loss="categorical_hinge"),
                               "keras_mnist.hinge_loss"),
    "binary_crossentropy for 10 classes": (
        "check_build_model", lambda: mlp(loss="binary_crossentropy"), "keras_mnist.binary_loss"),
    "one-hot loss as an object": (
        "check_build_model", lambda: mlp(loss=keras.losses.CategoricalCrossentropy()),
        "keras_mnist.one_hot_loss"),
    "mean absolute error": ("check_build_model", lambda: mlp(loss="mae"),
                            "keras_mnist.loss_rejects_integer_labels"),
    "KL divergence": ("check_build_model", lambda: mlp(loss="kl_divergence"),
                      "keras_mnist.other_loss"),
    "a typo in the loss name": (
        "check_build_model", lambda: mlp(loss="sparse_categorical_crossentopy"),
        "keras_mnist.unknown_loss"),
    # o otimizador e o Keras 1
    "optimizer class without parentheses": (
        "check_build_model", lambda: mlp(optimizer=keras.optimizers.Adam),
        "keras_mnist.optimizer_class"),
    "a typo in the optimizer name": ("check_build_model", lambda: mlp(optimizer="adams"),
                                     "keras_mnist.unknown_optimizer"),
    "Keras 1: Adam(lr=...)": (
        "check_build_model", lambda: mlp(optimizer=keras.optimizers.Adam(lr=1e-3)),
        "keras_mnist.lr_renamed"),
    "Keras 1: Dense(input_dim=..., output_dim=...)": (
        "check_build_model", _keras1_dense, "keras_mnist.dense_units"),
    "input declared as a 28×28 image": ("check_build_model", _image_input,
                                        "keras_mnist.input_shape"),
    # os que só o treino curto recusa (cada um treina 2 épocas: poucos, os importantes)
    "hidden sigmoid learns too slowly": (
        "check_build_model", lambda: mlp(hidden_activation="sigmoid"),
        "keras_mnist.sigmoid_hidden"),
    "a hidden layer of 16 is too narrow": ("check_build_model", lambda: mlp(hidden=16),
                                           "keras_mnist.narrow_hidden"),
    "Adam with a tiny learning rate": (
        "check_build_model", lambda: mlp(optimizer=keras.optimizers.Adam(1e-4)),
        "keras_mnist.below_target"),
    # evaluate
    "evaluate returns the boolean hits, not their mean": (
        "check_evaluate", lambda model, X, y: _predictions(model, X) == y,
        "deveria devolver um número"),
    "evaluate returns the predicted classes": (
        "check_evaluate", lambda model, X, y: _predictions(model, X),
        "deveria devolver um número"),
    "evaluate with integer division": (
        "check_evaluate",
        lambda model, X, y: int(np.sum(_predictions(model, X) == y)) // len(y),
        "keras_mnist.zero_accuracy"),
    "evaluate compares the top probability (max) with the label": (
        "check_evaluate",
        lambda model, X, y: float(np.mean(np.max(model.predict(X, verbose=0), axis=1) == y)),
        "keras_mnist.zero_accuracy"),
    "evaluate compares with a column of labels (broadcasts to n×n)": (
        "check_evaluate",
        lambda model, X, y: float(np.mean(_predictions(model, X) == y.reshape(-1, 1))),
        "keras_mnist.wrong_accuracy"),
})


# --- respostas certas escritas de outro jeito: todas passam ---------------------------------

def _functional_api():
    entrada = keras.Input(shape=(784,))
    escondida = keras.layers.Dense(48, activation="relu")(entrada)
    saida = keras.layers.Dense(10, activation="softmax")(escondida)
    model = keras.Model(inputs=entrada, outputs=saida)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-3),
                  loss=keras.losses.SparseCategoricalCrossentropy(),
                  metrics=[keras.metrics.SparseCategoricalAccuracy()])
    return model


def _evaluate_loop(model, X, y):
    acertos = 0
    for p, rotulo in zip(model.predict(X, verbose=0), y):
        if p.argmax() == rotulo:
            acertos += 1
    return acertos / len(y)


ALTERNATIVES = {
    "functional API, Dense(48), loss and metric objects": ("check_build_model", _functional_api),
    "two hidden layers within budget (784-48-32-10)": (
        "check_build_model", lambda: _stack(_dense(48), _dense(32), _softmax_out())),
    "softmax as a separate Activation layer, tanh hidden layer": (
        "check_build_model",
        lambda: _stack(_dense(60, "tanh"), keras.layers.Dense(10),
                       keras.layers.Activation("softmax"))),
    "keras.layers.Softmax() after linear logits, ReLU as a layer, Dropout": (
        "check_build_model",
        lambda: _stack(keras.layers.Dense(56), keras.layers.ReLU(), keras.layers.Dropout(0.2),
                       keras.layers.Dense(10), keras.layers.Softmax())),
    "the largest hidden layer that fits (62), function-valued loss, 'acc', RMSprop": (
        "check_build_model",
        lambda: mlp(hidden=62, loss=keras.losses.sparse_categorical_crossentropy,
                    metrics=("acc",), optimizer="rmsprop")),
    "evaluate with an explicit loop": ("check_evaluate", _evaluate_loop),
    "evaluate calling the model as a function, argmax(axis=-1)": (
        "check_evaluate",
        lambda model, X, y: float(np.mean(np.argmax(np.asarray(model(X)), axis=-1) == y))),
    "evaluate with model.evaluate(...)[1] (the model is compiled with the accuracy)": (
        "check_evaluate", lambda model, X, y: model.evaluate(X, y, verbose=0)[1]),
    "evaluate counting hits with np.sum and a numpy float": (
        "check_evaluate",
        lambda model, X, y: np.sum(_predictions(model, X) == y) / y.shape[0]),
}


def test_the_exercise_text_quotes_the_figure_the_solution_reaches():
    text = (ROOT / "solutions" / "ex_keras_mnist.ipynb").read_text(encoding="utf-8")
    assert f"perto de {round(100 * checks.REFERENCE_ACCURACY)}%" in text
