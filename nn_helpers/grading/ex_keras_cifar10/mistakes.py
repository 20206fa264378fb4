"""Os enganos de ``ex_keras_cifar10`` que as verificações reconhecem, com a dica que o aluno lê."""

import numpy as np

from ..checking import Hint
from ..keras_checks import error_hint

__all__ = ["PREPROCESS", "wrong_images", "build_error", "MODEL", "LOSS", "REGRESSION_WORDS",
           "LOSS_CLASS"]

# --- preprocess --------------------------------------------------------------------------

# A forma ou o tipo do que ``preprocess`` devolveu.
PREPROCESS = {
    "channels_first": Hint("keras_cifar10.channels_first", "não mude a ordem dos eixos; o Keras "
                           "espera os canais por último: (n, 32, 32, 3)."),
    "flattened": Hint("keras_cifar10.flattened", "não achate as imagens; a rede convolucional "
                      "precisa de (n, 32, 32, 3)."),
    "not_float32": Hint("keras_cifar10.not_float32",
                        "converta para float32: `X.astype(\"float32\") / 255`."),
    "float64": Hint("keras_cifar10.float64", "`X / 255` dá float64; o Keras trabalha em float32 "
                    "(metade da memória): `X.astype(\"float32\") / 255`."),
    "still_integer": Hint("keras_cifar10.still_integer", "o resultado ainda é inteiro (faltou "
                          "converter para float?); `X.astype(\"float32\") / 255`."),
}


def wrong_images(X, expected):
    """Os ``(imagens erradas, dica)`` que um ``preprocess`` com um engano comum devolve."""
    per_image = (X.astype(np.float64) - X.mean(axis=(1, 2, 3), keepdims=True)) / np.maximum(
        X.std(axis=(1, 2, 3), keepdims=True), 1e-12)
    whole = (X.astype(np.float64) - X.mean()) / max(float(X.std()), 1e-12)
    low, high = float(X.min()), float(X.max())
    return [
        (X / 256, Hint("keras_cifar10.divides_by_256", "divida por 255, o maior valor de um pixel "
                       "uint8 (com 256, o branco vira 0,996, não 1).")),
        (expected.transpose(0, 2, 1, 3), Hint("keras_cifar10.transposed", "não transponha as "
                                              "imagens: altura e largura trocaram de lugar.")),
        (per_image, (standardized := Hint(
            "keras_cifar10.standardized", "o pedido é [0, 1] (dividir por 255), não padronizar "
            "cada imagem (ou o lote) pela média e pelo desvio-padrão."))),
        (whole, standardized),
        (X / max(high, 1.0), (by_max := Hint(
            "keras_cifar10.divides_by_max", "divida pela constante 255, o maior valor POSSÍVEL de "
            "um pixel, não pelo maior valor deste lote (`X.max()`): uma foto escura ficaria "
            "clara, e cada lote teria outra escala."))),
        ((X - low) / max(high - low, 1.0), by_max),
        (X / 127.5 - 1, Hint("keras_cifar10.minus_one_to_one", "`/ 127.5 - 1` leva os pixels a "
                             "[-1, 1]; o pedido é [0, 1]: divida por 255.")),
        (1 - expected, Hint("keras_cifar10.inverted", "não inverta as cores: o preto (0) continua "
                            "0 e o branco (255) vira 1.")),
        (expected[..., ::-1], Hint("keras_cifar10.channels_reversed", "não troque a ordem dos "
                                   "canais (RGB → BGR, como no OpenCV): só divida por 255.")),
        (X // 255, Hint("keras_cifar10.floor_division",
                        "use a divisão comum `/`, não a divisão inteira `//`.")),
        (X.astype(np.float64), Hint("keras_cifar10.not_divided", "faltou dividir por 255.")),
    ]


# --- build_model -------------------------------------------------------------------------

_INPUT_NEEDS_CHANNELS = Hint("keras_cifar10.input_needs_channels", "a entrada é uma imagem com 3 "
                             "canais, uma tupla de 3 números: `keras.Input((32, 32, 3))`.")
# Um erro que o Keras levanta dentro de ``build_model`` (a primeira regra que casa).
build_error = error_hint([
    (("argument: 'kernel_size'",), Hint("keras_cifar10.conv_kernel_size", "`Conv2D` recebe o "
                                        "número de filtros e o tamanho da janela: `layers.Conv2D("
                                        "16, 3, activation=\"relu\")` (filtros 3×3).")),
    (("zero or negative",), Hint("keras_cifar10.image_vanished", "a imagem sumiu: cada `Conv2D` "
                                 "3×3 (sem `padding=\"same\"`) tira 2 pixels da altura e da "
                                 "largura, e cada `MaxPooling2D(2)` as divide por 2 — 32 → 30 → 15 "
                                 "→ 13 → 6 → 4 → 2. Use menos duplas convolução + pooling, e "
                                 "confira a entrada: `keras.Input((32, 32, 3))`, com os canais por "
                                 "último.")),
    (("expected min_ndim=4",), _INPUT_NEEDS_CHANNELS),
    (("to a shape",), _INPUT_NEEDS_CHANNELS),
    (("not recognized", "'lr'"), Hint("keras_cifar10.lr_renamed", "no Keras 3 a taxa de "
                                      "aprendizado se chama `learning_rate`: "
                                      "`keras.optimizers.Adam(learning_rate=0.001)`.")),
    (("`metrics` argument",), Hint("keras_cifar10.metrics_not_list", "`metrics` é uma lista: "
                                   "`metrics=[\"accuracy\"]`, com os colchetes.")),
    (("optimizer identifier", "<class"), Hint("keras_cifar10.optimizer_class", "instancie o "
                                              "otimizador, com os parênteses: `optimizer=keras."
                                              "optimizers.Adam()` (ou `optimizer=\"adam\"`).")),
])

MODEL = {
    "missing_return": Hint("keras_cifar10.missing_return", "não esqueça o `return model`."),
    "input_shape": Hint("keras_cifar10.input_shape", "`keras.Input((32, 32, 3))` — imagens 32×32 "
                        "com 3 canais, canais por último."),
    "output_shape": Hint("keras_cifar10.output_shape",
                         "a última camada é `layers.Dense(10, activation=\"softmax\")`."),
    "over_budget": Hint("keras_cifar10.over_budget", "a camada densa sobre os mapas achatados é "
                        "a que mais pesa: ela tem (altura·largura·filtros do último mapa) × "
                        "neurônios pesos. Encolha o mapa antes do `Flatten` (mais uma dupla "
                        "`Conv2D` + `MaxPooling2D(2)`), use menos filtros na última convolução ou "
                        "menos neurônios na densa."),
    "not_probabilities": Hint("keras_cifar10.not_probabilities",
                              "use `activation=\"softmax\"` na última camada."),
    # abaixo do mínimo no treino: com GlobalAveragePooling2D, ou qualquer outra rede
    "global_average_pooling": Hint("keras_cifar10.global_average_pooling", "com "
                                   "`GlobalAveragePooling2D`, uma rede pequena aprende devagar: "
                                   "cada mapa vira um número só. Troque-a por `layers.Flatten()` "
                                   "seguida de uma camada densa pequena, como `layers.Dense(48, "
                                   "activation=\"relu\")`, como no capítulo 9 (cabe no "
                                   "orçamento)."),
    "does_not_learn": Hint("keras_cifar10.does_not_learn", "confira as ativações ReLU nas "
                           "convoluções e a taxa de aprendizado do otimizador (o padrão do Adam, "
                           "0,001, funciona). Se estiver tudo certo, a rede pode estar aprendendo "
                           "devagar demais para só 5 épocas: a do capítulo 9 (duas duplas `Conv2D` "
                           "+ `MaxPooling2D(2)`, com 16 e 32 filtros, `Flatten` e "
                           "`Dense(48, activation=\"relu\")`) passa de 40%."),
}

# --- o custo compilado -------------------------------------------------------------------

# O custo pelo nome (``keras_checks.loss_hint``; um custo de outro tipo fica sem dica).
LOSS = {
    "hinge": Hint("keras_cifar10.hinge_loss", "o custo *hinge* (de margem) é o das máquinas de "
                  "vetores de suporte, não a entropia cruzada; com rótulos inteiros de 0 a 9, use "
                  "`loss=\"sparse_categorical_crossentropy\"`."),
    "one_hot": Hint("keras_cifar10.one_hot_loss", "os rótulos y são inteiros de 0 a 9 (não "
                    "one-hot): por isso a versão *sparse*."),
    "regression": Hint("keras_cifar10.regression_loss", "o erro quadrático (ou absoluto) é um "
                       "custo de regressão; para classificar em 10 classes, a entropia cruzada: "
                       "`loss=\"sparse_categorical_crossentropy\"`."),
}
# Os nomes de custo de regressão que este exercício reconhece (menos que ``REGRESSION_LOSSES``).
REGRESSION_WORDS = ("mse", "mae", "mean_squared", "mean_absolute", "meansquared", "meanabsolute",
                    "huber")
LOSS_CLASS = Hint("keras_cifar10.loss_class_not_instance", "instancie a classe, com os "
                  "parênteses: `loss=keras.losses.SparseCategoricalCrossentropy()` (ou use o "
                  "nome, `loss=\"sparse_categorical_crossentropy\"`).")
