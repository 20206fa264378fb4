"""Verificações do exercício ``ex_keras_cifar10`` (capítulo 9).

``check_preprocess(preprocess)`` e ``check_build_model(build_model)``.

As convenções (o enunciado diz o mesmo): ``preprocess(X)`` recebe imagens
uint8 ``(n, 32, 32, 3)`` e devolve float32 em [0, 1] com a mesma forma
(``X / 255``), sem alterar ``X``; ``build_model()`` devolve um ``keras.Model``
já compilado, com entrada ``(32, 32, 3)``, pelo menos uma ``Conv2D``, no máximo
``BUDGET`` parâmetros, saída softmax de 10 classes e o custo
``sparse_categorical_crossentropy`` (conferido com números: o nome, o objeto ou a
função, tanto faz); a arquitetura é escolha do aluno. Treinado ``EPOCHS`` épocas com ``TRAIN_SIZE``
fotos do CIFAR-10 real (``nn_helpers.cifar.load_cifar10``: o arquivo oficial ou a
cópia em JPEG), ele deve acertar pelo menos ``MIN_ACCURACY`` de ``TEST_SIZE`` fotos
de teste.

O Keras só é importado dentro das verificações (nunca ao importar o módulo).
Os valores esperados são calculados aqui mesmo, com numpy puro.
"""

import os

import numpy as np

from .keras_checks import all_layers, breakdown, count, loss_function, loss_name, probe_loss
from .keras_checks import keras as _keras
from .checking import (Hint, call, fail, fmt, install_notebook_hints, is_close,
                       passed, percent)

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

_data_cache = {}


def _cifar10():
    """As primeiras fotos de treino e de teste do CIFAR-10 real, carregadas uma vez por sessão."""
    if not _data_cache:
        from ..cifar import load_cifar10
        from ..datasets import DataError
        try:
            train, test = load_cifar10()
        except DataError as exc:
            fail(f"não dá para conferir o treino da rede sem as fotos do CIFAR-10.\n{exc}")
        _data_cache["data"] = (train.X[:TRAIN_SIZE], train.y[:TRAIN_SIZE],
                               test.X[:TEST_SIZE], test.y[:TEST_SIZE],
                               train.description.split(" — ")[0])
    return _data_cache["data"]




# --- preprocess --------------------------------------------------------------------------

def _preprocess_cases():
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


def _near(a, b):
    return a.shape == b.shape and bool(np.all(np.abs(a - b) <= 1e-6 + 1e-6 * np.abs(b)))


def _expect_image(got, X, expected, name, case, hints):
    """Como ``expect_close``, mas a mensagem mostra um pixel, não o array de 4 eixos inteiro."""
    __tracebackhide__ = True
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


def check_preprocess(preprocess):
    """Confere ``preprocess``: float32 em [0, 1], mesma forma, ``X / 255``, entrada intacta."""
    __tracebackhide__ = True
    name = "preprocess"
    cases = _preprocess_cases()
    for case, X in cases:
        got = call(preprocess, name, X, case=case)
        got_array = np.asarray(got)
        expected = X.astype(np.float32) / 255
        if got_array.shape != X.shape:
            hint = None
            if got_array.shape == (X.shape[0], 3, 32, 32):
                hint = Hint("keras_cifar10.channels_first", "não mude a ordem dos eixos; o Keras "
                            "espera os canais por último: (n, 32, 32, 3).")
            elif got_array.ndim == 2:
                hint = Hint("keras_cifar10.flattened", "não achate as imagens; a rede "
                            "convolucional precisa de (n, 32, 32, 3).")
            fail(f"`{name}` deveria devolver a mesma forma da entrada, {X.shape}, mas devolveu "
                 f"{got_array.shape}.\n  entrada: {case}", hints=[hint])
        if got_array.dtype != np.float32:
            hint = Hint("keras_cifar10.not_float32",
                        "converta para float32: `X.astype(\"float32\") / 255`.")
            if got_array.dtype == np.float64:
                hint = Hint("keras_cifar10.float64", "`X / 255` dá float64; o Keras trabalha em "
                            "float32 (metade da memória): `X.astype(\"float32\") / 255`.")
            elif np.issubdtype(got_array.dtype, np.integer):
                hint = Hint("keras_cifar10.still_integer", "o resultado ainda é inteiro (faltou "
                            "converter para float?); `X.astype(\"float32\") / 255`.")
            fail(f"`{name}` deveria devolver float32, mas devolveu {got_array.dtype}.\n"
                 f"  entrada: {case}", hints=[hint])
        per_image = (X.astype(np.float64) - X.mean(axis=(1, 2, 3), keepdims=True)) / np.maximum(
            X.std(axis=(1, 2, 3), keepdims=True), 1e-12)
        whole = (X.astype(np.float64) - X.mean()) / max(float(X.std()), 1e-12)
        low, high = float(X.min()), float(X.max())
        standardized = Hint("keras_cifar10.standardized", "o pedido é [0, 1] (dividir por 255), "
                            "não padronizar cada imagem (ou o lote) pela média e pelo "
                            "desvio-padrão.")
        by_max = Hint("keras_cifar10.divides_by_max", "divida pela constante 255, o maior valor "
                      "POSSÍVEL de um pixel, não pelo maior valor deste lote (`X.max()`): uma "
                      "foto escura ficaria clara, e cada lote teria outra escala.")
        _expect_image(got_array, X, expected, name, case, hints=[
                         (X / 256, Hint("keras_cifar10.divides_by_256", "divida por 255, o maior "
                                        "valor de um pixel uint8 (com 256, o branco vira 0,996, "
                                        "não 1).")),
                         (expected.transpose(0, 2, 1, 3), Hint("keras_cifar10.transposed",
                          "não transponha as imagens: altura e largura trocaram de lugar.")),
                         (per_image, standardized),
                         (whole, standardized),
                         (X / max(high, 1.0), by_max),
                         ((X - low) / max(high - low, 1.0), by_max),
                         (X / 127.5 - 1, Hint("keras_cifar10.minus_one_to_one", "`/ 127.5 - 1` "
                                              "leva os pixels a [-1, 1]; o pedido é [0, 1]: "
                                              "divida por 255.")),
                         (1 - expected, Hint("keras_cifar10.inverted", "não inverta as cores: "
                                             "o preto (0) continua 0 e o branco (255) vira 1.")),
                         (expected[..., ::-1], Hint("keras_cifar10.channels_reversed", "não "
                                                    "troque a ordem dos canais (RGB → BGR, "
                                                    "como no OpenCV): só divida por 255.")),
                         (X // 255, Hint("keras_cifar10.floor_division",
                                         "use a divisão comum `/`, não a divisão inteira `//`.")),
                         (X.astype(np.float64),
                          Hint("keras_cifar10.not_divided", "faltou dividir por 255.")),
                     ])
    passed("check_preprocess", len(cases))


# --- build_model -------------------------------------------------------------------------

def _loss_hint(loss):
    """A dica para um custo que não é a entropia cruzada com rótulos inteiros, pelo nome."""
    name = loss_name(loss)
    if "hinge" in name:
        return Hint("keras_cifar10.hinge_loss", "o custo *hinge* (de margem) é o das máquinas de "
                    "vetores de suporte, não a entropia cruzada; com rótulos inteiros de 0 a 9, "
                    "use `loss=\"sparse_categorical_crossentropy\"`.")
    if "categorical" in name and "sparse" not in name:
        return Hint("keras_cifar10.one_hot_loss", "os rótulos y são inteiros de 0 a 9 (não "
                    "one-hot): por isso a versão *sparse*.")
    if any(word in name for word in ("mse", "mae", "mean_squared", "mean_absolute",
                                     "meansquared", "meanabsolute", "huber")):
        return Hint("keras_cifar10.regression_loss", "o erro quadrático (ou absoluto) é um custo "
                    "de regressão; para classificar em 10 classes, a entropia cruzada: "
                    "`loss=\"sparse_categorical_crossentropy\"`.")
    return None


def _check_loss(name, loss):
    """Falha se o custo não é a entropia cruzada esparsa sobre probabilidades (com números)."""
    __tracebackhide__ = True
    if isinstance(loss, type):
        fail(f"`{name}`: o custo compilado é a classe `{loss.__name__}`, não um custo.",
             hints=[Hint("keras_cifar10.loss_class_not_instance", "instancie a classe, com os "
                         "parênteses: `loss=keras.losses.SparseCategoricalCrossentropy()` (ou "
                         "use o nome, `loss=\"sparse_categorical_crossentropy\"`).")])
    fn = loss_function(loss)
    shown = loss if isinstance(loss, str) else loss_name(loss)
    wrong = (f"`{name}`: o custo deveria ser a entropia cruzada para rótulos inteiros, "
             f"`loss=\"sparse_categorical_crossentropy\"`, mas é {shown!r}.")
    if fn is None:
        fail(wrong, hints=[_loss_hint(loss)])
    try:
        got, expected, with_logits = probe_loss(fn)
    except Exception as exc:
        fail(wrong + f"\n  com rótulos inteiros (n,) e probabilidades (n, 10), ele levantou "
             f"{type(exc).__name__}: {str(exc)[:120]}", cause=exc, hints=[_loss_hint(loss)])
    if abs(got - expected) <= 1e-4 * max(1.0, expected):
        return
    if abs(got - with_logits) <= 1e-4 * max(1.0, expected):
        fail(f"`{name}`: o custo usa `from_logits=True`, mas a saída do modelo já é a softmax "
             "(probabilidades): deixe `from_logits=False`.")
    fail(wrong + f"\n  com rótulos inteiros e probabilidades, deu {got:.6g}; a entropia "
         f"cruzada dá {expected:.6g}.", hints=[_loss_hint(loss)])


def _build_error(exc):
    """A dica para um erro que o Keras levanta dentro de ``build_model``."""
    text = str(exc)
    if "argument: 'kernel_size'" in text:
        return Hint("keras_cifar10.conv_kernel_size", "`Conv2D` recebe o número de filtros e o "
                    "tamanho da janela: `layers.Conv2D(16, 3, activation=\"relu\")` (filtros "
                    "3×3).")
    if "zero or negative" in text:
        return Hint("keras_cifar10.image_vanished", "a imagem sumiu: cada `Conv2D` 3×3 (sem "
                    "`padding=\"same\"`) tira 2 pixels da altura e da largura, e cada "
                    "`MaxPooling2D(2)` as divide por 2 — 32 → 30 → 15 → 13 → 6 → 4 → 2. Use "
                    "menos duplas convolução + pooling, e confira a entrada: "
                    "`keras.Input((32, 32, 3))`, com os canais por último.")
    if "expected min_ndim=4" in text or "to a shape" in text:
        return Hint("keras_cifar10.input_needs_channels", "a entrada é uma imagem com 3 "
                    "canais, uma tupla de 3 números: `keras.Input((32, 32, 3))`.")
    if "not recognized" in text and "'lr'" in text:
        return Hint("keras_cifar10.lr_renamed", "no Keras 3 a taxa de aprendizado se chama "
                    "`learning_rate`: `keras.optimizers.Adam(learning_rate=0.001)`.")
    if "`metrics` argument" in text:
        return Hint("keras_cifar10.metrics_not_list", "`metrics` é uma lista: "
                    "`metrics=[\"accuracy\"]`, com os colchetes.")
    if "optimizer identifier" in text and "<class" in text:
        return Hint("keras_cifar10.optimizer_class", "instancie o otimizador, com os "
                    "parênteses: `optimizer=keras.optimizers.Adam()` (ou `optimizer=\"adam\"`).")
    return None




def check_build_model(build_model):
    """Confere ``build_model``: forma, orçamento, Conv2D, softmax, compilação e aprendizado."""
    __tracebackhide__ = True
    name = "build_model"
    keras = _keras()
    keras.utils.set_random_seed(SEED)
    model = call(build_model, name, case="build_model()", hint_for=_build_error)
    if not isinstance(model, keras.Model):
        fail(f"`{name}` deveria devolver um keras.Model (por exemplo um keras.Sequential), mas "
             f"devolveu {type(model).__name__} ({fmt(model)}).",
             hints=[Hint("keras_cifar10.missing_return", "não esqueça o `return model`.")])
    try:
        input_shape = tuple(model.inputs[0].shape)
    except (AttributeError, IndexError, TypeError, ValueError):
        fail(f"`{name}`: o modelo não tem uma entrada definida. Comece com "
             f"`keras.Input((32, 32, 3))`.")
    if input_shape[1:] != (32, 32, 3):
        fail(f"`{name}`: a entrada deveria ter forma (32, 32, 3), mas tem {input_shape[1:]}.",
             hints=[Hint("keras_cifar10.input_shape", "`keras.Input((32, 32, 3))` — imagens "
                         "32×32 com 3 canais, canais por último.")])
    output_shape = tuple(model.outputs[0].shape)
    if output_shape[1:] != (10,):
        fail(f"`{name}`: a saída deveria ter 10 números por imagem (um por classe), mas tem "
             f"forma {output_shape[1:]}.", hints=[Hint("keras_cifar10.output_shape",
                 "a última camada é `layers.Dense(10, activation=\"softmax\")`.")])
    n_params = model.count_params()
    if n_params > BUDGET:
        fail(f"`{name}`: o modelo tem {count(n_params)} parâmetros, acima do orçamento de "
             f"{count(BUDGET)}.\n  por camada: {breakdown(model)}", hints=[Hint(
                 "keras_cifar10.over_budget", "a camada densa sobre os mapas achatados é a que "
                 "mais pesa: ela tem (altura·largura·filtros do último mapa) × neurônios pesos. "
                 "Encolha o mapa antes do `Flatten` (mais uma dupla `Conv2D` + "
                 "`MaxPooling2D(2)`), use menos filtros na última convolução ou menos neurônios "
                 "na densa.")])
    if not any(isinstance(layer, keras.layers.Conv2D) for layer in all_layers(model)):
        fail(f"`{name}`: o modelo não tem nenhuma camada `layers.Conv2D` — isto é um MLP, não "
             f"uma rede convolucional.")
    g = np.random.default_rng(2)
    probe = g.uniform(0, 1, size=(8, 32, 32, 3)).astype(np.float32)
    probs = np.asarray(keras.ops.convert_to_numpy(model(probe, training=False)), dtype=float)
    if not (np.all(probs >= -1e-6) and is_close(probs.sum(axis=1), np.ones(len(probs)), rtol=1e-5, atol=1e-4)):
        fail(f"`{name}`: a saída deveria ser uma distribuição de probabilidade (números ≥ 0 "
             f"que somam 1 em cada imagem), mas as somas das linhas são "
             f"{fmt(probs.sum(axis=1)[:4])}…", hints=[Hint("keras_cifar10.not_probabilities",
                 "use `activation=\"softmax\"` na última camada.")])
    if not getattr(model, "compiled", False) or getattr(model, "optimizer", None) is None:
        fail(f"`{name}`: o modelo não foi compilado. Chame `model.compile(optimizer=\"adam\", "
             f"loss=\"sparse_categorical_crossentropy\", metrics=[\"accuracy\"])` antes do "
             f"`return`.")
    _check_loss(name, model.loss)

    X_train, y_train, X_test, y_test, source = _cifar10()
    model.fit(X_train.astype(np.float32) / 255, y_train, epochs=EPOCHS, batch_size=32,
              verbose=0)
    probs = keras.ops.convert_to_numpy(model.predict(X_test.astype(np.float32) / 255, verbose=0))
    accuracy = float(np.mean(np.argmax(probs, axis=1) == y_test))
    if accuracy < MIN_ACCURACY:
        if any(isinstance(layer, keras.layers.GlobalAveragePooling2D)
               for layer in all_layers(model)):
            hint = Hint("keras_cifar10.global_average_pooling", "com `GlobalAveragePooling2D`, uma "
                        "rede pequena aprende devagar: cada mapa vira um número só. Troque-a por "
                        "`layers.Flatten()` seguida de uma camada densa pequena, como "
                        "`layers.Dense(48, activation=\"relu\")`, como no capítulo 9 (cabe no "
                        "orçamento).")
        else:
            hint = Hint("keras_cifar10.does_not_learn", "confira as ativações ReLU nas "
                        "convoluções e a taxa de aprendizado do otimizador (o padrão do Adam, "
                        "0,001, funciona). Se estiver tudo certo, a rede pode estar aprendendo "
                        "devagar demais para só 5 épocas: a do capítulo 9 (duas duplas `Conv2D` "
                        "+ `MaxPooling2D(2)`, com 16 e 32 filtros, `Flatten` e "
                        "`Dense(48, activation=\"relu\")`) passa de 40%.")
        fail(f"`{name}`: treinado {EPOCHS} épocas com {TRAIN_SIZE} fotos de treino do "
             f"{source}, o modelo acertou só {percent(accuracy)} de {TEST_SIZE} fotos de "
             f"teste; esperado pelo menos {100 * MIN_ACCURACY:.0f}% (o acaso é 10%).", hints=[hint])
    passed("check_build_model", 7, figure=(
        f"Em {EPOCHS} épocas, a sua rede acertou {percent(accuracy)} de {TEST_SIZE} fotos de teste, "
        f"com {count(n_params)} parâmetros; a CNN da solução (a do capítulo 9, 60 922 parâmetros) "
        f"acerta "
        f"{percent(REFERENCE_ACCURACY)}."))
