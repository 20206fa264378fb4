"""As verificações de ``ex_keras_cifar10`` aceitam a resposta certa e recusam os enganos comuns.

Os modelos errados falham antes do treino (forma, orçamento, Conv2D, softmax,
compilação, custo): só a resposta certa e os modelos que não aprendem o bastante
treinam, com fotos do CIFAR-10 real (a cópia em JPEG de ``NN_HELPERS_DATA``).
"""

import os

import numpy as np
import pytest

os.environ.setdefault("KERAS_BACKEND", "jax")
keras = pytest.importorskip("keras")
from keras import layers  # noqa: E402

from nn_helpers.grading import ex_keras_cifar10 as checks  # noqa: E402
from nn_helpers.grading.ex_keras_cifar10.compiled import expect_loss  # noqa: E402
from nn_helpers.grading.ex_keras_cifar10.solution import cifar10  # noqa: E402


# --- a resposta de referência ------------------------------------------------------------

def preprocess(X):
    return X.astype("float32") / 255


def cnn(head=None, filters=(16, 32), flatten=True, loss="sparse_categorical_crossentropy",
        compile=True, optimizer=None, flat_conv=False):
    """A CNN do capítulo 9 (com ``flatten=False``, GlobalAveragePooling2D e nenhuma densa escondida)."""
    stack = [keras.Input((32, 32, 3))]
    if flat_conv:                                    # uma convolução sem pooling, achatada
        stack += [layers.Conv2D(16, 3, activation="relu")]
        flatten = True
    for f in filters:
        stack += [layers.Conv2D(f, 3, activation="relu"), layers.MaxPooling2D(2)]
    if flatten:
        stack += [layers.Flatten()] + ([layers.Dense(48, activation="relu")] if filters else [])
    else:
        stack.append(layers.GlobalAveragePooling2D())
    stack.append(head if head is not None else layers.Dense(10, activation="softmax"))
    model = keras.Sequential(stack)
    if compile:
        model.compile(optimizer=optimizer or "adam", loss=loss,
                      metrics=["accuracy"])
    return model


def build_model():
    return cnn()


REFERENCE = {"check_preprocess": preprocess, "check_build_model": build_model}


def test_the_reference_model_is_well_under_budget():
    assert build_model().count_params() == 60_922 < checks.BUDGET


def test_a_loss_object_is_accepted_too():
    checks.check_preprocess(lambda X: np.float32(X) / np.float32(255))
    model = cnn(compile=False)
    model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy())
    expect_loss("build_model", model.loss)      # não falha


# --- enganos plausíveis ------------------------------------------------------------------

def _not_implemented(*args):
    raise NotImplementedError


def _standardized_per_image(X):
    X = X.astype("float32")
    mean = X.mean(axis=(1, 2, 3), keepdims=True)
    return (X - mean) / np.maximum(X.std(axis=(1, 2, 3), keepdims=True), 1e-12)


def _in_place(X):
    X //= 2
    return X.astype("float32") / 127.5


def _mlp():
    model = keras.Sequential([keras.Input((32, 32, 3)), layers.Flatten(),
                              layers.Dense(16, activation="relu"),
                              layers.Dense(10, activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    return model


def _logits_from_logits():
    model = cnn(head=layers.Dense(10), compile=False)
    model.compile(optimizer="adam",
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    return model


def _softmax_with_from_logits():
    model = cnn(compile=False)
    model.compile(optimizer="adam",
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    return model


MISTAKES = {
    "preprocess divides by 256": ("check_preprocess", lambda X: X.astype("float32") / 256,
                                  "divida por 255"),
    "preprocess without float cast (float64)": ("check_preprocess", lambda X: X / 255,
                                                "`X / 255` dá float64"),
    "preprocess stays integer": ("check_preprocess", lambda X: X // 255, "ainda é inteiro"),
    "preprocess floor-divides after the cast": (
        "check_preprocess", lambda X: X.astype("float32") // 255, "keras_cifar10.floor_division"),
    "preprocess casts to float16 to save memory": (
        "check_preprocess", lambda X: X.astype("float16") / 255, "keras_cifar10.not_float32"),
    "preprocess forgets to divide": ("check_preprocess", lambda X: X.astype("float32"),
                                     "faltou dividir por 255"),
    "preprocess standardizes each image": ("check_preprocess", _standardized_per_image,
                                           "não padronizar cada imagem"),
    "preprocess transposes height and width": (
        "check_preprocess", lambda X: preprocess(X).transpose(0, 2, 1, 3), "não transponha"),
    "preprocess puts channels first": (
        "check_preprocess", lambda X: preprocess(X).transpose(0, 3, 1, 2), "canais por último"),
    "preprocess flattens": ("check_preprocess", lambda X: preprocess(X).reshape(len(X), -1),
                            "não achate"),
    "preprocess modifies its input": ("check_preprocess", _in_place, "modificou"),
    "preprocess blank": ("check_preprocess", _not_implemented, "ainda não foi implementada"),
    "build_model over budget (Flatten without pooling)": (
        "check_build_model", lambda: cnn(filters=(), head=None, compile=True, flat_conv=True),
        # Conv2D(16) sem pooling, achatada: 30·30·16·10 + 10 + 448 = 144 458 parâmetros
        "o modelo tem 144 458 parâmetros, acima do orçamento de 100 000"),
    "build_model without convolution (an MLP)": ("check_build_model", _mlp, "nenhuma camada"),
    "build_model with the wrong output size": (
        "check_build_model", lambda: cnn(head=layers.Dense(5, activation="softmax")),
        "10 números por imagem"),
    "build_model without softmax": ("check_build_model", lambda: cnn(head=layers.Dense(10)),
                                    "activation=\"softmax\""),
    "build_model with sigmoid output": (
        "check_build_model", lambda: cnn(head=layers.Dense(10, activation="sigmoid")),
        "distribuição de probabilidade"),
    "build_model with one-hot loss": (
        "check_build_model", lambda: cnn(loss="categorical_crossentropy"), "versão *sparse*"),
    "build_model with the MSE loss": ("check_build_model", lambda: cnn(loss="mse"),
                                      "sparse_categorical_crossentropy"),
    "build_model with from_logits on a softmax output": (
        "check_build_model", _softmax_with_from_logits, "from_logits=False"),
    "build_model without softmax, from_logits loss": (
        "check_build_model", _logits_from_logits, "distribuição de probabilidade"),
    "build_model not compiled": ("check_build_model", lambda: cnn(compile=False),
                                 "não foi compilado"),
    "build_model forgets to return": ("check_build_model", lambda: None, "return model"),
    "build_model with the wrong input": (
        "check_build_model",
        lambda: keras.Sequential([keras.Input((28, 28, 1)), layers.Conv2D(4, 3),
                                  layers.GlobalAveragePooling2D(),
                                  layers.Dense(10, activation="softmax")]),
        "forma (32, 32, 3)"),
    "build_model that cannot learn (learning rate 0)": (
        "check_build_model", lambda: cnn(optimizer=keras.optimizers.SGD(0.0)), "acertou só"),
    "build_model that averages each map away (GlobalAveragePooling2D, learns too slowly)": (
        "check_build_model", lambda: cnn(flatten=False, optimizer=keras.optimizers.Adam(3e-3)),
        "Troque-a por `layers.Flatten()`"),
    "build_model blank": ("check_build_model", _not_implemented, "ainda não foi implementada"),
}


# --- a varredura da issue 13: mais enganos (recusados antes do treino) ----------------------

def _stack(*stack, loss="sparse_categorical_crossentropy", optimizer="adam",
           metrics=("accuracy",), shape=(32, 32, 3)):
    """Um Sequential com entrada ``shape`` e as camadas dadas, compilado."""
    model = keras.Sequential([keras.Input(shape), *stack])
    model.compile(optimizer=optimizer, loss=loss, metrics=list(metrics))
    return model


def _pair(filters):
    return [layers.Conv2D(filters, 3, activation="relu"), layers.MaxPooling2D(2)]


def _head(units=48):
    return [layers.Flatten(), layers.Dense(units, activation="relu"),
            layers.Dense(10, activation="softmax")]


def _compile_with(**kwargs):
    def build():
        model = cnn(compile=False)
        model.compile(**kwargs)
        return model
    return build


MISTAKES.update({
    # preprocess
    "preprocess divides by the batch maximum": (
        "check_preprocess", lambda X: X.astype("float32") / X.max(),
        "keras_cifar10.divides_by_max"),
    "preprocess rescales min-max": (
        "check_preprocess",
        lambda X: ((X - X.min()) / (X.max() - X.min())).astype("float32"),
        "keras_cifar10.divides_by_max"),
    "preprocess standardizes the whole batch": (
        "check_preprocess",
        lambda X: ((X - X.mean()) / X.std()).astype("float32"), "keras_cifar10.standardized"),
    "preprocess to [-1, 1]": ("check_preprocess", lambda X: X.astype("float32") / 127.5 - 1,
                              "keras_cifar10.minus_one_to_one"),
    "preprocess inverts the colors": ("check_preprocess", lambda X: 1 - preprocess(X),
                                      "keras_cifar10.inverted"),
    "preprocess converts RGB to BGR": ("check_preprocess", lambda X: preprocess(X)[..., ::-1],
                                       "keras_cifar10.channels_reversed"),
    "preprocess reshapes to channels first (reshape, not transpose)": (
        "check_preprocess", lambda X: preprocess(X).reshape(len(X), 3, 32, 32),
        "keras_cifar10.channels_first"),
    "preprocess casts to int before dividing": (
        "check_preprocess", lambda X: X.astype(int) / 255, "keras_cifar10.float64"),
    # build_model: o orçamento e as formas
    "one conv pair of 32 and Dense(64) (over budget)": (
        "check_build_model", lambda: _stack(*_pair(32), *_head(64)), "keras_cifar10.over_budget"),
    "two conv pairs of 32 and 64 and Dense(64) (over budget)": (
        "check_build_model", lambda: _stack(*_pair(32), *_pair(64), *_head(64)),
        "Dense(64): 147 520"),
    "too many conv + pooling pairs (the image vanishes)": (
        "check_build_model", lambda: _stack(*_pair(8), *_pair(8), *_pair(8), *_pair(8), *_head()),
        "keras_cifar10.image_vanished"),
    "Conv2D without the kernel size": (
        "check_build_model", lambda: _stack(layers.Conv2D(16), *_head()),
        "keras_cifar10.conv_kernel_size"),
    "input without the channel axis": (
        "check_build_model", lambda: _stack(*_pair(16), *_head(), shape=(32, 32)),
        "keras_cifar10.input_needs_channels"),
    "channels-first input (the first pooling empties the 3-pixel-high map)": (
        "check_build_model", lambda: _stack(*_pair(16), *_head(), shape=(3, 32, 32)),
        "com os canais por último"),
    "no Flatten before the output": (
        "check_build_model",
        lambda: _stack(*_pair(16), layers.Dense(10, activation="softmax")),
        "keras_cifar10.output_shape"),
    "only pooling, no convolution": (
        "check_build_model", lambda: _stack(layers.MaxPooling2D(4), *_head()), "nenhuma camada"),
    # build_model: a compilação
    "loss class without parentheses": (
        "check_build_model", lambda: cnn(loss=keras.losses.SparseCategoricalCrossentropy),
        "keras_cifar10.loss_class_not_instance"),
    "categorical_hinge loss": ("check_build_model", lambda: cnn(loss="categorical_hinge"),
                               "keras_cifar10.hinge_loss"),
    "mean absolute error": ("check_build_model", lambda: cnn(loss="mae"),
                            "keras_cifar10.regression_loss"),
    "a typo in the loss name": (
        "check_build_model", lambda: cnn(loss="sparse_categorical_crossentopy"),
        "sparse_categorical_crossentopy"),
    "metrics as a string": (
        "check_build_model",
        _compile_with(optimizer="adam", loss="sparse_categorical_crossentropy",
                      metrics="accuracy"), "keras_cifar10.metrics_not_list"),
    "Keras 1: Adam(lr=...)": ("check_build_model",
                              lambda: cnn(optimizer=keras.optimizers.Adam(lr=1e-3)),
                              "keras_cifar10.lr_renamed"),
    "optimizer class without parentheses": (
        "check_build_model", lambda: cnn(optimizer=keras.optimizers.Adam),
        "keras_cifar10.optimizer_class"),
})


# --- respostas certas escritas de outro jeito: todas passam ---------------------------------

def _functional():
    entrada = keras.Input((32, 32, 3))
    x = layers.Conv2D(16, (3, 3), activation="relu")(entrada)
    x = layers.MaxPooling2D((2, 2))(x)
    x = layers.Conv2D(32, (3, 3), activation="relu")(x)
    x = layers.MaxPooling2D((2, 2))(x)
    x = layers.Dense(48, activation="relu")(layers.Flatten()(x))
    model = keras.Model(entrada, layers.Dense(10, activation="softmax")(x))
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-3),
                  loss=keras.losses.SparseCategoricalCrossentropy())
    return model


def _preprocess_in_a_copy(X):
    imagens = X.astype(np.float32)       # astype já devolve uma cópia
    imagens /= 255
    return imagens


ALTERNATIVES = {
    "preprocess: divide, then cast": ("check_preprocess",
                                      lambda X: (X / 255).astype(np.float32)),
    "preprocess: in-place division on the copy": ("check_preprocess", _preprocess_in_a_copy),
    "preprocess: np.divide with a float32 dtype": (
        "check_preprocess", lambda X: np.divide(X, np.float32(255), dtype=np.float32)),
    "build_model: the functional API, tuple kernels, loss and optimizer objects, no metrics": (
        "check_build_model", _functional),
    "build_model: one small conv pair straight into the softmax (18 234 parameters)": (
        "check_build_model",
        lambda: _stack(*_pair(8), layers.Flatten(), layers.Dense(10, activation="softmax"),
                       loss="SparseCategoricalCrossentropy", metrics=())),
    "build_model: three conv pairs (16, 32, 64) and Dense(64), function-valued loss": (
        "check_build_model",
        lambda: _stack(*_pair(16), *_pair(32), *_pair(64), *_head(64),
                       loss=keras.losses.sparse_categorical_crossentropy)),
}


def test_the_training_check_uses_the_real_cifar10_and_names_the_copy():
    with pytest.raises(AssertionError, match=r"fotos de treino do CIFAR-10 \(cópia em JPEG\)"):
        checks.check_build_model(lambda: cnn(optimizer=keras.optimizers.SGD(0.0)))


def test_without_the_photos_the_check_says_how_to_get_them(tmp_path, monkeypatch):
    import pooch

    monkeypatch.setenv("NN_HELPERS_DATA", str(tmp_path))
    cifar10.cache_clear()           # as fotos já carregadas por outro teste não valem aqui

    def no_network(*args, **kwargs):
        raise OSError("sem rede")
    monkeypatch.setattr(pooch, "retrieve", no_network)
    with pytest.raises(AssertionError, match=r"(?s)sem as fotos do CIFAR-10.*cifar10_jpeg\.zip"):
        checks.check_build_model(build_model)

