"""Os enganos de ``ex_keras_mnist`` que as verificações reconhecem, com a dica que o aluno lê."""

from ..checking import Hint
from ..keras_checks import error_hint
from .solution import dense_layers

__all__ = ["build_error", "MODEL", "output_hint", "training_hint", "LOSS", "COMPILED_LOSS", "METRIC",
           "ARGMAX_ACCURACY", "argmax_axis", "EVALUATE", "evaluate_hint"]

# Um erro que o Keras levanta dentro de ``build_model`` (a primeira regra que casa).
build_error = error_hint([
    (("to a shape",), Hint("keras_mnist.shape_not_tuple", "a forma é uma tupla, mesmo com um eixo "
                           "só: `keras.Input(shape=(784,))` — com a vírgula; `(784)` é só o número "
                           "784.")),
    (("not recognized", "'lr'"), Hint("keras_mnist.lr_renamed", "no Keras 3 a taxa de aprendizado "
                                      "se chama `learning_rate`: `keras.optimizers.Adam("
                                      "learning_rate=0.001)` (o `lr` é do Keras 1).")),
    (("argument: 'units'",), Hint("keras_mnist.dense_units", "no Keras 3, `Dense` recebe o número "
                                  "de neurônios, `units` (`keras.layers.Dense(60, activation="
                                  "\"relu\")`); `output_dim` e `input_dim` são do Keras 1, e a "
                                  "entrada vem de `keras.Input`.")),
    (("`metrics` argument",), Hint("keras_mnist.metrics_not_list", "`metrics` é uma lista: "
                                   "`metrics=[\"accuracy\"]`, com os colchetes.")),
    (("optimizer identifier", "<class"), Hint("keras_mnist.optimizer_class", "instancie o "
                                              "otimizador, com os parênteses: `optimizer=keras."
                                              "optimizers.Adam()` (ou use o nome, "
                                              "`optimizer=\"adam\"`).")),
    (("optimizer identifier",), Hint("keras_mnist.unknown_optimizer", "confira o nome do "
                                     "otimizador: `\"adam\"`, `\"sgd\"`, `\"rmsprop\"`... (em "
                                     "minúsculas).")),
    (("activation function identifier",), Hint("keras_mnist.unknown_activation", "confira o nome "
                                               "da ativação: `\"relu\"`, `\"softmax\"`, "
                                               "`\"tanh\"`...")),
])

# --- o modelo: formas, saída, orçamento, camada escondida, compilação ---------------------

MODEL = {
    "missing_return": Hint("keras_mnist.missing_return", "faltou o `return model`?"),
    "input_shape": Hint("keras_mnist.input_shape", "`keras.Input(shape=(784,))`."),
    "output_shape": Hint("keras_mnist.output_shape", "a última camada é `Dense(10, ...)`."),
    "over_budget": Hint("keras_mnist.over_budget", "uma camada `Dense(m)` que recebe n números "
                        "tem n·m pesos e m vieses; a primeira camada escondida, que recebe os 784 "
                        "pixels, é a que mais pesa. Com uma camada escondida de h neurônios, são "
                        "784·h + h + 10·h + 10 = 795·h + 10 parâmetros: qual o maior h que cabe?"),
    "hidden_linear": Hint("keras_mnist.hidden_linear", "sem ativação, duas camadas densas "
                          "seguidas fazem uma só transformação linear; use `activation=\"relu\"` "
                          "na camada escondida."),
    "no_hidden_layer": Hint("keras_mnist.no_hidden_layer", "ponha uma camada escondida entre a "
                            "entrada e a saída, como `keras.layers.Dense(h, activation=\"relu\")`, "
                            "com h escolhido para caber no orçamento."),
    "not_compiled": Hint("keras_mnist.not_compiled", "antes do `return`, chame `model.compile("
                         "optimizer=\"adam\", loss=\"sparse_categorical_crossentropy\", "
                         "metrics=[\"accuracy\"])`."),
    "same_model_twice": Hint("keras_mnist.same_model_twice", "monte o modelo DENTRO da função "
                             "(`model = keras.Sequential([...])`, `model.compile(...)`, `return "
                             "model`): cada chamada deve devolver um modelo novo, com pesos "
                             "recém-sorteados."),
}


def output_hint(activation):
    """A dica para uma saída que não é a softmax, pelo nome da ativação da última camada."""
    return {
        "sigmoid": Hint("keras_mnist.sigmoid_output", "a sigmoide trata cada saída como uma "
                        "pergunta sim/não independente (as 10 não somam 1); para 10 classes "
                        "exclusivas use `activation=\"softmax\"`."),
        "linear": Hint("keras_mnist.logits_output", "sem ativação, a saída são logits; neste "
                       "exercício a rede devolve probabilidades: "
                       "`Dense(10, activation=\"softmax\")`."),
    }.get(activation, Hint("keras_mnist.output_not_softmax", f"a ativação da última camada "
                           f"({activation}) não faz as 10 saídas somarem 1; a de uma "
                           f"classificação em 10 classes é a softmax: "
                           f"`Dense(10, activation=\"softmax\")`."))


def training_hint(keras, model, epochs):
    """Por que um modelo dentro do orçamento não chegou ao mínimo em ``epochs`` épocas."""
    hidden = dense_layers(model)[:-1]
    names = [getattr(getattr(layer, "activation", None), "__name__", "") for layer in hidden]
    if isinstance(model.optimizer, keras.optimizers.SGD):
        return Hint("keras_mnist.learns_too_slowly", f"o `\"sgd\"`, com a taxa padrão de 0,01, "
                    f"é lento demais para só {epochs} épocas: use `optimizer=\"adam\"` (o Adam do "
                    f"capítulo 7).")
    if "sigmoid" in names:
        return Hint("keras_mnist.sigmoid_hidden", "com a sigmoide na camada escondida, a rede "
                    "aprende devagar (a derivada da sigmoide é no máximo 0,25: o capítulo 7 "
                    "mostra o porquê); use `activation=\"relu\"`.")
    if hidden and min(layer.units for layer in hidden) < 32:
        narrow = min(layer.units for layer in hidden)
        return Hint("keras_mnist.narrow_hidden", f"uma camada escondida de {narrow} neurônios é "
                    f"estreita demais: cabem até 62 no orçamento (795·62 + 10 = 49 300 "
                    f"parâmetros), e de 32 a 62 neurônios passam com folga.")
    return Hint("keras_mnist.below_target", "com uma camada escondida `Dense(h, "
                "activation=\"relu\")`, h de 32 a 62, e o otimizador `\"adam\"` na taxa padrão "
                "(0,001), a rede passa com folga.")


# --- o custo e a métrica compilados --------------------------------------------------------

# O custo pelo nome (``keras_checks.loss_hint``).
LOSS = {
    "hinge": Hint("keras_mnist.hinge_loss", "o custo *hinge* (de margem) é o das máquinas de "
                  "vetores de suporte e espera alvos ±1 ou *one-hot* — não é a entropia "
                  "cruzada. Para 10 classes com rótulos inteiros, use "
                  "`loss=\"sparse_categorical_crossentropy\"`."),
    "binary": Hint("keras_mnist.binary_loss", "`binary_crossentropy` é para uma pergunta sim/não "
                   "(uma saída com sigmoide); para 10 classes exclusivas com rótulos inteiros, "
                   "use `loss=\"sparse_categorical_crossentropy\"`."),
    "one_hot": Hint("keras_mnist.one_hot_loss", "`categorical_crossentropy` espera alvos one-hot "
                    "(n, 10); com rótulos inteiros (n,) use `sparse_categorical_crossentropy`."),
    "regression": Hint("keras_mnist.loss_rejects_integer_labels", "este exercício é de "
                       "classificação com rótulos inteiros: use "
                       "`loss=\"sparse_categorical_crossentropy\"` (não o erro quadrático nem "
                       "outro custo de regressão)."),
    "other": Hint("keras_mnist.other_loss", "o custo de uma classificação em 10 classes com "
                  "rótulos inteiros é a entropia cruzada: "
                  "`loss=\"sparse_categorical_crossentropy\"`."),
}
# O custo compilado, conferido como objeto e com números.
COMPILED_LOSS = {
    "class": Hint("keras_mnist.loss_class_not_instance", "instancie a classe, com os parênteses: "
                  "`loss=keras.losses.SparseCategoricalCrossentropy()` (ou use o nome, "
                  "`loss=\"sparse_categorical_crossentropy\"`)."),
    "unknown": Hint("keras_mnist.unknown_loss", "confira o nome (ou se faltou o `loss=` no "
                    "`compile`): `loss=\"sparse_categorical_crossentropy\"`."),
    "from_logits": Hint("keras_mnist.from_logits_on_softmax", "o custo foi criado com "
                        "`from_logits=True`, mas a última camada já aplica a softmax (a softmax "
                        "entraria duas vezes). Use `from_logits=False` (o padrão)."),
    "not_cross_entropy": Hint("keras_mnist.loss_not_cross_entropy", "use "
                              "`loss=\"sparse_categorical_crossentropy\"` (a entropia cruzada "
                              "para rótulos inteiros), não o erro quadrático."),
}
METRIC = {
    "wrong": Hint("keras_mnist.wrong_metric", "com rótulos inteiros, a acurácia é "
                  "`metrics=[\"accuracy\"]` (ou `keras.metrics.SparseCategoricalAccuracy()`); a "
                  "`categorical_accuracy` espera alvos one-hot, e as outras métricas medem outra "
                  "coisa."),
    "accuracy_class": Hint("keras_mnist.metric_accuracy_class", "`keras.metrics.Accuracy()` "
                           "compara o rótulo com a saída elemento a elemento (serve para saídas "
                           "que já são a classe); para probabilidades e rótulos inteiros, use "
                           "`metrics=[\"accuracy\"]`, que escolhe a versão certa."),
    "missing": Hint("keras_mnist.missing_metrics", "acrescente `metrics=[\"accuracy\"]` ao "
                    "`model.compile(...)`."),
}

# --- evaluate ----------------------------------------------------------------------------

ARGMAX_ACCURACY = ("a classe prevista de cada imagem é `np.argmax(model.predict(X, verbose=0), "
                   "axis=1)` (uma por linha), e a acurácia é `np.mean(previsto == y)`.")
# O ``argmax`` no eixo errado: 10 "classes" comparadas com n rótulos.
argmax_axis = error_hint([(("broadcast",), Hint(
    "keras_mnist.argmax_axis_0", "`argmax` sem `axis=1` (ou com `axis=0`) dá uma resposta por "
    "coluna, não por imagem: " + ARGMAX_ACCURACY))], kind=ValueError)

EVALUATE = {
    "list": Hint("keras_mnist.returns_evaluate_list", "`model.evaluate` devolve [custo, "
                 "métricas...] — e só traz a acurácia se o modelo foi compilado com `metrics`. "
                 "Aqui a acurácia é calculada por você: " + ARGMAX_ACCURACY),
    "not_reduced": Hint("keras_mnist.accuracy_not_reduced", "isto é um acerto (ou não) por "
                        "imagem; a acurácia é a MÉDIA deles: `np.mean(previsto == y)`."),
    "percentage": Hint("keras_mnist.percentage", "devolva a fração em [0, 1], não a porcentagem."),
    "loss": Hint("keras_mnist.returns_loss", "isto é o custo (entropia cruzada), não a "
                 "acurácia: " + ARGMAX_ACCURACY),
    "hits": Hint("keras_mnist.counts_hits", "isto é o número de acertos; divida por n."),
    "error_rate": Hint("keras_mnist.error_rate",
                       "isto é a taxa de erro; a acurácia é a fração de ACERTOS."),
    "one_hot": Hint("keras_mnist.compares_one_hot", "comparar vetores one-hot elemento a elemento "
                    "conta os zeros certos; compare `argmax` da saída com os rótulos `y`."),
    "zero": Hint("keras_mnist.zero_accuracy", "nenhum acerto: compare com `y` a classe prevista de "
                 "cada imagem, `np.argmax(..., axis=1)` — sem o `axis=1`, o `argmax` dá um número "
                 "só (a posição do maior valor da matriz inteira), e `np.max` dá a probabilidade, "
                 "não a classe —; e divida com `/` (`//` arredonda para baixo)."),
    "other": Hint("keras_mnist.wrong_accuracy", ARGMAX_ACCURACY),
}


def evaluate_hint(value, expected, loss, n, one_hot):
    """A dica para uma acurácia ``value`` errada (a certa é ``expected``, em ``n`` imagens)."""
    wrong = [(abs(value - 100 * expected) <= 1e-4, "percentage"),
             (abs(value - loss) <= 1e-3 * max(1.0, loss), "loss"),
             (abs(value - expected * n) <= 1e-6, "hits"),
             (abs(value - (1 - expected)) <= 1e-6, "error_rate"),
             (abs(value - one_hot) <= 1e-6, "one_hot"),
             (value == 0.0, "zero")]
    return EVALUATE[next((kind for matches, kind in wrong if matches), "other")]
