"""Verificações do exercício ``ex_keras_cifar10`` (capítulo 9).

``check_preprocess(preprocess)`` e ``check_build_model(build_model)``.

As convenções (o enunciado diz o mesmo): ``preprocess(X)`` recebe imagens
uint8 ``(n, 32, 32, 3)`` e devolve float32 em [0, 1] com a mesma forma
(``X / 255``), sem alterar ``X``; ``build_model()`` devolve um ``keras.Model``
já compilado, com entrada ``(32, 32, 3)``, pelo menos uma ``Conv2D``, no máximo
``BUDGET`` parâmetros, saída softmax de 10 classes e o custo
``sparse_categorical_crossentropy``; treinado ``EPOCHS`` épocas com ``TRAIN_SIZE``
fotos do CIFAR-10 real (``nn_helpers.cifar.load_cifar10``: o arquivo oficial ou a
cópia em JPEG), ele deve acertar pelo menos ``MIN_ACCURACY`` de ``TEST_SIZE`` fotos
de teste.

O Keras só é importado dentro das verificações (nunca ao importar o módulo).
Os valores esperados são calculados aqui mesmo, com numpy puro.
"""

import os

import numpy as np

from .checking import (Hint, call, expect_close, fail, fmt, install_notebook_hints, is_close,
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
REFERENCE_ACCURACY = 0.414
TRAIN_SIZE, TEST_SIZE, EPOCHS, SEED = 2000, 2000, 5, 0

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


def _keras():
    os.environ.setdefault("KERAS_BACKEND", "jax")
    import keras
    return keras


# --- preprocess --------------------------------------------------------------------------

def _preprocess_cases():
    g = np.random.default_rng(1)
    bordas = np.zeros((2, 32, 32, 3), dtype=np.uint8)
    bordas[1] = 255                                    # uma imagem toda branca deve virar 1,0
    retangular = g.integers(0, 256, size=(3, 32, 32, 3), dtype=np.uint8)
    retangular[:, :, :16] = 0                          # metade preta: não é simétrica
    rampa = (np.arange(2 * 32 * 32 * 3) % 256).astype(np.uint8).reshape(2, 32, 32, 3)
    return [
        ("uma imagem preta e uma toda branca (255)", bordas),
        ("3 imagens aleatórias com a metade esquerda preta", retangular),
        ("2 imagens com todos os valores de 0 a 255", rampa),
    ]


def check_preprocess(preprocess):
    """Confere ``preprocess``: float32 em [0, 1], mesma forma, ``X / 255``, entrada intacta."""
    __tracebackhide__ = True
    name = "preprocess"
    for case, X in _preprocess_cases():
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
        expect_close(got_array, expected, name, case, what="a imagem processada", rtol=1e-6,
                     atol=1e-6, hints=[
                         (X / 256, Hint("keras_cifar10.divides_by_256", "divida por 255, o maior "
                                        "valor de um pixel uint8 (com 256, o branco vira 0,996, "
                                        "não 1).")),
                         (expected.transpose(0, 2, 1, 3), Hint("keras_cifar10.transposed",
                          "não transponha as imagens: altura e largura trocaram de lugar.")),
                         (per_image, Hint("keras_cifar10.standardized", "o pedido é [0, 1] (dividir "
                                          "por 255), não padronizar cada imagem pela sua média e "
                                          "desvio-padrão.")),
                         (X // 255, Hint("keras_cifar10.floor_division",
                                         "use a divisão comum `/`, não a divisão inteira `//`.")),
                         (X.astype(np.float64),
                          Hint("keras_cifar10.not_divided", "faltou dividir por 255.")),
                     ])
    passed("check_preprocess", 3)


# --- build_model -------------------------------------------------------------------------

def _all_layers(model):
    found = []
    for layer in getattr(model, "layers", []):
        found.append(layer)
        found.extend(_all_layers(layer))
    return found


def _check_loss(name, loss):
    """Falha se o custo não é a entropia cruzada esparsa sobre probabilidades."""
    __tracebackhide__ = True
    keras = _keras()
    from_logits = False
    fn = loss
    if isinstance(loss, keras.losses.Loss):
        from_logits = bool(loss.get_config().get("from_logits", False))
        fn = getattr(loss, "fn", loss)
    if isinstance(fn, keras.losses.SparseCategoricalCrossentropy):
        ok = True
    elif isinstance(fn, str):
        ok = fn.lower() in ("sparse_categorical_crossentropy",)
    else:
        ok = fn is keras.losses.sparse_categorical_crossentropy
    if not ok:
        shown = fn if isinstance(fn, str) else getattr(fn, "__name__", type(fn).__name__)
        one_hot = "categorical" in str(shown).lower() and "sparse" not in str(shown).lower()
        fail(f"`{name}`: o custo deveria ser a entropia cruzada para rótulos inteiros, "
             f"`loss=\"sparse_categorical_crossentropy\"`, mas é {shown!r}.", hints=[
                 Hint("keras_cifar10.one_hot_loss", "os rótulos y são inteiros de 0 a 9 (não "
                      "one-hot): por isso a versão *sparse*.") if one_hot else None])
    if from_logits:
        fail(f"`{name}`: o custo usa `from_logits=True`, mas a saída do modelo já é a softmax "
             "(probabilidades): deixe `from_logits=False`.")


def check_build_model(build_model):
    """Confere ``build_model``: forma, orçamento, Conv2D, softmax, compilação e aprendizado."""
    __tracebackhide__ = True
    name = "build_model"
    keras = _keras()
    keras.utils.set_random_seed(SEED)
    model = call(build_model, name, case="build_model()")
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
        count, budget = (f"{v:,}".replace(",", ".") for v in (n_params, BUDGET))
        fail(f"`{name}`: o modelo tem {count} parâmetros, acima do orçamento de "
             f"{budget}.", hints=[Hint("keras_cifar10.over_budget", "use menos filtros ou troque "
                                       "`Flatten` por `GlobalAveragePooling2D` antes da camada densa "
                                       "(a densa sobre a imagem achatada é a que mais pesa).")])
    if not any(isinstance(layer, keras.layers.Conv2D) for layer in _all_layers(model)):
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
               for layer in _all_layers(model)):
            hint = Hint("keras_cifar10.global_average_pooling", "com `GlobalAveragePooling2D`, uma "
                        "rede pequena aprende devagar: cada mapa vira um número só. Troque-a por "
                        "`layers.Flatten()` seguida de uma camada densa pequena, como "
                        "`layers.Dense(48, activation=\"relu\")`, como no capítulo 9 (cabe no "
                        "orçamento).")
        else:
            hint = Hint("keras_cifar10.does_not_learn", "confira as ativações ReLU nas "
                        "convoluções e a taxa de aprendizado do otimizador (o padrão do Adam, "
                        "0.001, funciona).")
        fail(f"`{name}`: treinado {EPOCHS} épocas com {TRAIN_SIZE} fotos de treino do "
             f"{source}, o modelo acertou só {percent(accuracy)} de {TEST_SIZE} fotos de "
             f"teste; esperado pelo menos {100 * MIN_ACCURACY:.0f}% (o acaso é 10%).", hints=[hint])
    passed("check_build_model", 7, figure=(
        f"Em {EPOCHS} épocas, a sua rede acertou {percent(accuracy)} de {TEST_SIZE} fotos de teste; "
        f"a CNN da solução (a do capítulo 9) acerta {percent(REFERENCE_ACCURACY)}."))
