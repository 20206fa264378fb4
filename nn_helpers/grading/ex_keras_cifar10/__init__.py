"""Verificações do exercício ``ex_keras_cifar10`` (capítulo 9).

``check_preprocess(preprocess)`` e ``check_build_model(build_model)``.

As convenções (o enunciado diz o mesmo): ``preprocess(X)`` recebe imagens
uint8 ``(n, 32, 32, 3)`` e devolve float32 em [0, 1] com a mesma forma
(``X / 255``), sem alterar ``X``; ``build_model()`` devolve um ``keras.Model``
já compilado, com entrada ``(32, 32, 3)``, pelo menos uma ``Conv2D``, no máximo
``BUDGET`` parâmetros, saída softmax de 10 classes e o custo
``sparse_categorical_crossentropy`` (conferido com números: o nome, o objeto ou a
função, tanto faz — :mod:`.compiled`); a arquitetura é escolha do aluno. Treinado ``EPOCHS``
épocas com ``TRAIN_SIZE`` fotos do CIFAR-10 real (``nn_helpers.cifar.load_cifar10``: o arquivo
oficial ou a cópia em JPEG), ele deve acertar pelo menos ``MIN_ACCURACY`` de ``TEST_SIZE``
fotos de teste.

O Keras só é importado dentro das verificações (nunca ao importar o módulo).
Os valores esperados são calculados aqui mesmo, com numpy puro; os dados estão em
:mod:`.solution` e as dicas em :mod:`.mistakes`.
"""

import numpy as np

from ..checking import call, check, fail, fmt, install_notebook_hints, is_close, percent
from ..keras_checks import all_layers, count, expect_budget
from ..keras_checks import keras as _keras
from . import mistakes
from .compiled import expect_loss
from .solution import cifar10, preprocess_cases

__all__ = ["check_preprocess", "check_build_model"]

install_notebook_hints()

BUDGET = 100_000
# Medido na cópia em JPEG, com TRAIN_SIZE, TEST_SIZE e EPOCHS abaixo e sementes 0 a 2: a CNN
# do capítulo 9 (Conv2D 16 e 32, Flatten, Dense 48; Adam 0,001) acerta de 38% a 41%; a mesma
# rede com GlobalAveragePooling2D no lugar de Flatten e Dense, só de 19% a 27%. O acaso é 10%.
MIN_ACCURACY = 0.30
# O que a solução de solutions/ alcança neste treino (semente 0); conferido por
# tests/test_check_contract.py, que treina a solução de novo e compara.
REFERENCE_ACCURACY = 0.411
TRAIN_SIZE, TEST_SIZE, EPOCHS, SEED = 2000, 2000, 5, 0
# A célula "Para ir além" da solução: 5 épocas com 5 000 fotos de treino, acurácia em 2 000 de
# teste (a cópia em JPEG); conferido por tests/test_exercises.py, que roda a solução.
GO_FURTHER_ACCURACY = 0.484


# --- preprocess --------------------------------------------------------------------------

def _near(a, b):
    return a.shape == b.shape and bool(np.all(np.abs(a - b) <= 1e-6 + 1e-6 * np.abs(b)))


def _expect_image(got, X, expected, name, case, hints):
    """Como ``expect_close``, mas a mensagem mostra um pixel, não o array de 4 eixos inteiro."""
    if is_close(got, expected, rtol=1e-6, atol=1e-6):
        return
    arr = np.asarray(got, dtype=np.float64)
    if not np.all(np.isfinite(arr)):
        fail(f"`{name}`: a imagem processada contém NaN ou infinito.\n  entrada: {case}")
    where = tuple(int(i) for i in np.argwhere(
        np.abs(arr - expected) > 1e-6 + 1e-6 * np.abs(expected))[0])
    matching = []
    for wrong, hint in hints:
        wrong = np.asarray(wrong, dtype=np.float64)
        if _near(arr, wrong) and not _near(expected.astype(np.float64), wrong) and all(
                h.id != hint.id for h in matching):
            matching.append(hint)
    fail(f"`{name}`: a imagem processada está errada.\n  entrada:  {case}\n"
         f"  no pixel {where} (imagem, linha, coluna, canal), que vale {int(X[where])} em `X`:\n"
         f"  esperado: {expected[where]:.6g}\n  recebido: {arr[where]:.6g}", hints=matching)


@check
def check_preprocess(preprocess):
    """Confere ``preprocess``: float32 em [0, 1], mesma forma, ``X / 255``, entrada intacta."""
    name = "preprocess"
    for case, X in preprocess_cases():
        got_array = np.asarray(call(preprocess, name, X, case=case))
        expected = X.astype(np.float32) / 255
        if got_array.shape != X.shape:
            hint = (mistakes.PREPROCESS["channels_first"]
                    if got_array.shape == (X.shape[0], 3, 32, 32) else
                    mistakes.PREPROCESS["flattened"] if got_array.ndim == 2 else None)
            fail(f"`{name}` deveria devolver a mesma forma da entrada, {X.shape}, mas devolveu "
                 f"{got_array.shape}.\n  entrada: {case}", hints=[hint])
        if got_array.dtype != np.float32:
            kind = ("float64" if got_array.dtype == np.float64 else "still_integer"
                    if np.issubdtype(got_array.dtype, np.integer) else "not_float32")
            fail(f"`{name}` deveria devolver float32, mas devolveu {got_array.dtype}.\n"
                 f"  entrada: {case}", hints=[mistakes.PREPROCESS[kind]])
        _expect_image(got_array, X, expected, name, case, mistakes.wrong_images(X, expected))


# --- build_model -------------------------------------------------------------------------

@check
def check_build_model(build_model):
    """Confere ``build_model``: forma, orçamento, Conv2D, softmax, compilação e aprendizado."""
    name = "build_model"
    keras = _keras()
    keras.utils.set_random_seed(SEED)
    model = call(build_model, name, case="build_model()", hint_for=mistakes.build_error)
    if not isinstance(model, keras.Model):
        fail(f"`{name}` deveria devolver um keras.Model (por exemplo um keras.Sequential), mas "
             f"devolveu {type(model).__name__} ({fmt(model)}).",
             hints=[mistakes.MODEL["missing_return"]])
    try:
        input_shape = tuple(model.inputs[0].shape)
    except (AttributeError, IndexError, TypeError, ValueError):
        fail(f"`{name}`: o modelo não tem uma entrada definida. Comece com "
             f"`keras.Input((32, 32, 3))`.")
    if input_shape[1:] != (32, 32, 3):
        fail(f"`{name}`: a entrada deveria ter forma (32, 32, 3), mas tem {input_shape[1:]}.",
             hints=[mistakes.MODEL["input_shape"]])
    output_shape = tuple(model.outputs[0].shape)
    if output_shape[1:] != (10,):
        fail(f"`{name}`: a saída deveria ter 10 números por imagem (um por classe), mas tem "
             f"forma {output_shape[1:]}.", hints=[mistakes.MODEL["output_shape"]])
    n_params = expect_budget(model, BUDGET, mistakes.MODEL["over_budget"])
    if not any(isinstance(layer, keras.layers.Conv2D) for layer in all_layers(model)):
        fail(f"`{name}`: o modelo não tem nenhuma camada `layers.Conv2D` — isto é um MLP, não "
             f"uma rede convolucional.")
    probe = np.random.default_rng(2).uniform(0, 1, size=(8, 32, 32, 3)).astype(np.float32)
    probs = np.asarray(keras.ops.convert_to_numpy(model(probe, training=False)), dtype=float)
    sums = probs.sum(axis=1)
    if not (np.all(probs >= -1e-6) and is_close(sums, np.ones(len(probs)), rtol=1e-5, atol=1e-4)):
        fail(f"`{name}`: a saída deveria ser uma distribuição de probabilidade (números ≥ 0 "
             f"que somam 1 em cada imagem), mas as somas das linhas são {fmt(sums[:4])}…",
             hints=[mistakes.MODEL["not_probabilities"]])
    if not getattr(model, "compiled", False) or getattr(model, "optimizer", None) is None:
        fail(f"`{name}`: o modelo não foi compilado. Chame `model.compile(optimizer=\"adam\", "
             f"loss=\"sparse_categorical_crossentropy\", metrics=[\"accuracy\"])` antes do "
             f"`return`.")
    expect_loss(name, model.loss)

    X_train, y_train, X_test, y_test, source = cifar10(TRAIN_SIZE, TEST_SIZE)
    model.fit(X_train.astype(np.float32) / 255, y_train, epochs=EPOCHS, batch_size=32,
              verbose=0)
    probs = keras.ops.convert_to_numpy(model.predict(X_test.astype(np.float32) / 255, verbose=0))
    accuracy = float(np.mean(np.argmax(probs, axis=1) == y_test))
    if accuracy < MIN_ACCURACY:
        pooling = any(isinstance(layer, keras.layers.GlobalAveragePooling2D)
                      for layer in all_layers(model))
        fail(f"`{name}`: treinado {EPOCHS} épocas com {TRAIN_SIZE} fotos de treino do "
             f"{source}, o modelo acertou só {percent(accuracy)} de {TEST_SIZE} fotos de "
             f"teste; esperado pelo menos {100 * MIN_ACCURACY:.0f}% (o acaso é 10%).",
             hints=[mistakes.MODEL["global_average_pooling" if pooling else "does_not_learn"]])
    return (f"Em {EPOCHS} épocas, a sua rede acertou {percent(accuracy)} de {TEST_SIZE} fotos de "
            f"teste, com {count(n_params)} parâmetros; a CNN da solução (a do capítulo 9, 60 922 "
            f"parâmetros) acerta {percent(REFERENCE_ACCURACY)}.")
