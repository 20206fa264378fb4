"""Verificações do exercício ``ex_keras_mnist`` (capítulo 8).

Uma verificação por função do aluno: ``check_build_model(build_model)`` e
``check_evaluate(evaluate)``.

As convenções (o enunciado diz o mesmo): os rótulos são **inteiros** de 0 a 9
(não *one-hot*); ``build_model()`` devolve um ``keras.Model`` **compilado**, com
entrada ``(None, 784)``, saída ``(None, 10)`` de probabilidades (softmax na saída;
logits com ``from_logits=True`` não valem neste exercício), pelo menos uma camada
escondida com ativação não linear e no máximo ``BUDGET`` parâmetros; compilado com
um custo para rótulos inteiros (``sparse_categorical_crossentropy``, com
``from_logits=False``), um otimizador e ``metrics=["accuracy"]``. A arquitetura é
escolha do aluno: a verificação só confere o comportamento (as formas, a softmax, a
não linearidade, o orçamento, o custo e a métrica com números) e treina um modelo novo
por ``EPOCHS`` épocas em ``N_TRAIN`` imagens, que deve acertar ``MIN_ACCURACY`` de
outras ``N_HELD_OUT``. ``evaluate(model, X, y)`` devolve a acurácia: a fração (um
número em [0, 1]) das linhas em que o ``argmax`` da saída é igual a ``y``.

O Keras só é importado dentro das verificações (nunca ao importar
``nn_helpers``). Os valores esperados são calculados aqui com numpy puro.
"""

import os

import numpy as np

from .keras_checks import breakdown, count, cross_entropy, loss_function, loss_name, probe_loss
from .keras_checks import keras as _keras
from .checking import (Hint, as_numbers, call, fail, fmt, install_notebook_hints, passed,
                       percent)

__all__ = ["check_build_model", "check_evaluate"]

install_notebook_hints()

# O orçamento: o MLP 784-128-10 do capítulo 8 (101 770 parâmetros) não cabe; uma camada
# escondida de h neurônios custa 795·h + 10 parâmetros, então cabem até 62.
BUDGET = 50_000
# Treino curto da verificação: 2 épocas em 2 000 imagens, acurácia medida em outras 1 000.
# Medido com a semente 0 (a rede sem camada escondida, que fica em 80,0%, é recusada antes, por
# ser linear): Dense(16), 75,6%; Dense(32) a Dense(62) com ReLU e Adam, de 84,3% a 86,7%;
# Dense(60) com sigmoide, 75,3%; com o "sgd" na taxa padrão, 66,8%.
N_TRAIN, N_HELD_OUT, EPOCHS, MIN_ACCURACY = 2000, 1000, 2, 0.80
# O que a solução de solutions/ (Dense(60, relu) + Adam, 47 710 parâmetros) alcança neste
# treino curto (semente 0); conferido por tests/test_check_contract.py, que a treina de novo.
REFERENCE_ACCURACY = 0.867
SOLUTION_PARAMS = 47_710
# A célula "Para ir além" da solução: 3 épocas nas 8 000 imagens de treino do subconjunto,
# acurácia nas 2 000 de teste; conferido por tests/test_exercises.py, que roda a solução.
GO_FURTHER_ACCURACY = 0.931

_np_mean, _np_argmax, _np_exp = np.mean, np.argmax, np.exp




def _mnist():
    from ..datasets import load_mnist_test

    data = load_mnist_test()
    return data.X, data.y


REGRESSION_LOSSES = ("mse", "mae", "mape", "msle", "mean_squared", "mean_absolute",
                     "meansquared", "meanabsolute", "huber", "log_cosh", "logcosh")


def _loss_hint(loss):
    """A dica para um custo que não é a entropia cruzada com rótulos inteiros, pelo nome."""
    name = loss_name(loss)
    if "hinge" in name:
        return Hint("keras_mnist.hinge_loss", "o custo *hinge* (de margem) é o das máquinas de "
                    "vetores de suporte e espera alvos ±1 ou *one-hot* — não é a entropia "
                    "cruzada. Para 10 classes com rótulos inteiros, use "
                    "`loss=\"sparse_categorical_crossentropy\"`.")
    if "binary" in name:
        return Hint("keras_mnist.binary_loss", "`binary_crossentropy` é para uma pergunta "
                    "sim/não (uma saída com sigmoide); para 10 classes exclusivas com rótulos "
                    "inteiros, use `loss=\"sparse_categorical_crossentropy\"`.")
    if "categorical" in name and "sparse" not in name:
        return Hint("keras_mnist.one_hot_loss", "`categorical_crossentropy` espera alvos one-hot "
                    "(n, 10); com rótulos inteiros (n,) use `sparse_categorical_crossentropy`.")
    if any(word in name for word in REGRESSION_LOSSES):
        return Hint("keras_mnist.loss_rejects_integer_labels", "este exercício é de "
                    "classificação com rótulos inteiros: use "
                    "`loss=\"sparse_categorical_crossentropy\"` (não o erro quadrático nem outro "
                    "custo de regressão).")
    return Hint("keras_mnist.other_loss", "o custo de uma classificação em 10 classes com "
                "rótulos inteiros é a entropia cruzada: "
                "`loss=\"sparse_categorical_crossentropy\"`.")


def _check_loss(model):
    """Confere o custo compilado com números: rótulos inteiros e probabilidades."""
    __tracebackhide__ = True
    if isinstance(model.loss, type):
        fail(f"`build_model`: o custo compilado é a classe `{model.loss.__name__}`, não um custo.",
             hints=[Hint("keras_mnist.loss_class_not_instance", "instancie a classe, com os "
                         "parênteses: `loss=keras.losses.SparseCategoricalCrossentropy()` (ou "
                         "use o nome, `loss=\"sparse_categorical_crossentropy\"`).")])
    name = fmt(model.loss) if isinstance(model.loss, str) else type(model.loss).__name__
    loss_fn = loss_function(model.loss)
    case = f"o custo compilado ({name}) com rótulos inteiros (n,) e probabilidades (n, 10)"
    if loss_fn is None:
        fail(f"`build_model`: não reconheci o custo compilado ({fmt(model.loss)}).", hints=[
            Hint("keras_mnist.unknown_loss", "confira o nome (ou se faltou o `loss=` no "
                 "`compile`): `loss=\"sparse_categorical_crossentropy\"`.")])
    try:
        got, expected, logits_loss = probe_loss(loss_fn)
    except Exception as exc:
        fail(f"`build_model`: o custo compilado não aceita rótulos inteiros.\n  entrada: {case}\n"
             f"  erro: {type(exc).__name__}: {str(exc)[:160]}", cause=exc,
             hints=[_loss_hint(model.loss)])
    if not abs(got - expected) <= 1e-4 * max(1.0, abs(expected)):
        hint = (Hint("keras_mnist.from_logits_on_softmax", "o custo foi criado com "
                     "`from_logits=True`, mas a última camada já aplica a softmax (a softmax "
                     "entraria duas vezes). Use `from_logits=False` (o padrão).")
                if abs(got - logits_loss) <= 1e-4 * max(1.0, logits_loss) else
                Hint("keras_mnist.loss_not_cross_entropy", "use "
                     "`loss=\"sparse_categorical_crossentropy\"` (a entropia cruzada para rótulos "
                     "inteiros), não o erro quadrático."))
        fail(f"`build_model`: o custo compilado não é a entropia cruzada para rótulos inteiros.\n"
             f"  entrada:  {case}\n  esperado: {expected:.6g}\n  recebido: {got:.6g}",
             hints=[hint])


WRONG_METRIC = Hint("keras_mnist.wrong_metric", "com rótulos inteiros, a acurácia é "
                    "`metrics=[\"accuracy\"]` (ou `keras.metrics.SparseCategoricalAccuracy()`); "
                    "a `categorical_accuracy` espera alvos one-hot, e as outras métricas medem "
                    "outra coisa.")


def _check_metrics(model, X, y):
    """Confere, com números, que o modelo foi compilado com a acurácia como métrica."""
    __tracebackhide__ = True
    case = f"`model.evaluate` em {len(y)} imagens, antes do treino"
    try:
        results = model.evaluate(X, y, verbose=0, return_dict=True)
    except Exception as exc:
        compiled = getattr(getattr(model, "_compile_config", None), "config", {}) or {}
        listed = compiled.get("metrics") or []
        exact = any(type(m).__name__ == "Accuracy"
                    for m in (listed if isinstance(listed, (list, tuple)) else [listed]))
        fail(f"`build_model`: a métrica compilada não funciona com rótulos inteiros.\n"
             f"  entrada: {case}\n  erro: {type(exc).__name__}: {str(exc)[:160]}", cause=exc,
             hints=[Hint("keras_mnist.metric_accuracy_class", "`keras.metrics.Accuracy()` "
                         "compara o rótulo com a saída elemento a elemento (serve para saídas "
                         "que já são a classe); para probabilidades e rótulos inteiros, use "
                         "`metrics=[\"accuracy\"]`, que escolhe a versão certa.") if exact
                    else WRONG_METRIC])
    metrics = {k: v for k, v in results.items() if k != "loss"}
    if not metrics:
        fail("`build_model`: o modelo foi compilado sem métricas: o `fit` e o `evaluate` só "
             "mostram o custo.", hints=[Hint("keras_mnist.missing_metrics", "acrescente "
                                             "`metrics=[\"accuracy\"]` ao `model.compile(...)`.")])
    accuracy = float(_np_mean(_np_argmax(np.asarray(model.predict(X, verbose=0)), axis=1) == y))
    if not any(abs(float(v) - accuracy) <= 1e-5 for v in metrics.values()):
        shown = ", ".join(f"{k} = {float(v):.4g}" for k, v in metrics.items())
        fail(f"`build_model`: nenhuma métrica compilada é a acurácia.\n  entrada:  {case}\n"
             f"  esperado: uma métrica = {accuracy:.4g} (a fração de acertos do argmax)\n"
             f"  recebido: {shown}", hints=[WRONG_METRIC])


def _build_error(exc):
    """A dica para um erro que o Keras levanta dentro de ``build_model``."""
    text = str(exc)
    if isinstance(exc, (ValueError, TypeError)) and "to a shape" in text:
        return Hint("keras_mnist.shape_not_tuple", "a forma é uma tupla, mesmo com um eixo só: "
                    "`keras.Input(shape=(784,))` — com a vírgula; `(784)` é só o número 784.")
    if "not recognized" in text and "'lr'" in text:
        return Hint("keras_mnist.lr_renamed", "no Keras 3 a taxa de aprendizado se chama "
                    "`learning_rate`: `keras.optimizers.Adam(learning_rate=0.001)` (o `lr` é do "
                    "Keras 1).")
    if "argument: 'units'" in text:
        return Hint("keras_mnist.dense_units", "no Keras 3, `Dense` recebe o número de "
                    "neurônios, `units` (`keras.layers.Dense(60, activation=\"relu\")`); "
                    "`output_dim` e `input_dim` são do Keras 1, e a entrada vem de `keras.Input`.")
    if "`metrics` argument" in text:
        return Hint("keras_mnist.metrics_not_list", "`metrics` é uma lista: "
                    "`metrics=[\"accuracy\"]`, com os colchetes.")
    if "optimizer identifier" in text:
        if "<class" in text:
            return Hint("keras_mnist.optimizer_class", "instancie o otimizador, com os "
                        "parênteses: `optimizer=keras.optimizers.Adam()` (ou use o nome, "
                        "`optimizer=\"adam\"`).")
        return Hint("keras_mnist.unknown_optimizer", "confira o nome do otimizador: "
                    "`\"adam\"`, `\"sgd\"`, `\"rmsprop\"`... (em minúsculas).")
    if "activation function identifier" in text:
        return Hint("keras_mnist.unknown_activation", "confira o nome da ativação: "
                    "`\"relu\"`, `\"softmax\"`, `\"tanh\"`...")
    return None


def _is_linear(model, X):
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


def _dense_layers(model):
    keras = _keras()
    return [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]




def _training_hint(keras, model):
    """Por que um modelo dentro do orçamento não chegou ao mínimo no treino curto."""
    hidden = _dense_layers(model)[:-1]
    names = [getattr(getattr(layer, "activation", None), "__name__", "") for layer in hidden]
    if isinstance(model.optimizer, keras.optimizers.SGD):
        return Hint("keras_mnist.learns_too_slowly", f"o `\"sgd\"`, com a taxa padrão de 0,01, "
                    f"é lento demais para só {EPOCHS} épocas: use `optimizer=\"adam\"` (o Adam do "
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


def check_build_model(build_model):
    """Confere o modelo de ``build_model()``: formas, softmax, orçamento, compilação e treino."""
    __tracebackhide__ = True
    keras = _keras()
    keras.utils.set_random_seed(0)      # a mesma rede sorteada a cada execução da verificação
    model = call(build_model, "build_model", case="build_model()", hint_for=_build_error)
    if not isinstance(model, keras.Model):
        fail(f"`build_model` deveria devolver um modelo do Keras (`keras.Model`, por exemplo um "
             f"`keras.Sequential`), mas devolveu {type(model).__name__}.", hints=[
                 Hint("keras_mnist.missing_return", "faltou o `return model`?") if model is None
                 else None])
    try:
        in_shape, out_shape = tuple(model.input_shape), tuple(model.output_shape)
    except (AttributeError, ValueError) as exc:
        fail("`build_model`: o modelo não sabe a forma da entrada. Comece com "
             "`keras.Input(shape=(784,))`.", cause=exc)
    if in_shape != (None, 784):
        fail(f"`build_model`: a entrada deveria ter forma (None, 784) — uma imagem 28×28 por "
             f"linha —, mas tem {in_shape}.",
             hints=[Hint("keras_mnist.input_shape", "`keras.Input(shape=(784,))`.")])
    if out_shape != (None, 10):
        fail(f"`build_model`: a saída deveria ter forma (None, 10) — uma probabilidade por "
             f"dígito —, mas tem {out_shape}.",
             hints=[Hint("keras_mnist.output_shape", "a última camada é `Dense(10, ...)`.")])
    X, y = _mnist()
    probe = X[:16].astype(np.float32)
    probs = np.asarray(model.predict(probe, verbose=0), dtype=np.float64)
    if not (np.all(probs >= -1e-6) and np.all(np.abs(probs.sum(axis=1) - 1) <= 1e-4)):
        activation = getattr(model.layers[-1], "activation", None)
        act_name = getattr(activation, "__name__", str(activation))
        fail(f"`build_model`: a saída deveria ser a softmax (10 probabilidades ≥ 0 que somam 1 "
             f"em cada imagem), mas as somas das linhas são {fmt(probs.sum(axis=1)[:4])}… "
             f"(ativação da última camada: {act_name!r}).", hints=[{
                 "sigmoid": Hint("keras_mnist.sigmoid_output", "a sigmoide trata cada saída como "
                                 "uma pergunta sim/não independente (as 10 não somam 1); para 10 "
                                 "classes exclusivas use `activation=\"softmax\"`."),
                 "linear": Hint("keras_mnist.logits_output", "sem ativação, a saída são logits; "
                                "neste exercício a rede devolve probabilidades: "
                                "`Dense(10, activation=\"softmax\")`."),
             }.get(act_name, Hint("keras_mnist.output_not_softmax", f"a ativação da última camada "
                                  f"({act_name}) não faz as 10 saídas somarem 1; a de uma "
                                  f"classificação em 10 classes é a softmax: "
                                  f"`Dense(10, activation=\"softmax\")`."))])
    n_params = model.count_params()
    if n_params > BUDGET:
        fail(f"`build_model`: o modelo tem {count(n_params)} parâmetros, acima do orçamento de "
             f"{count(BUDGET)}.\n  por camada: {breakdown(model)}", hints=[
                 Hint("keras_mnist.over_budget", "uma camada `Dense(m)` que recebe n números "
                      "tem n·m pesos e m vieses; a primeira camada escondida, que recebe os 784 "
                      "pixels, é a que mais pesa. Com uma camada escondida de h neurônios, são "
                      "784·h + h + 10·h + 10 = 795·h + 10 parâmetros: qual o maior h que cabe?")])
    if _is_linear(model, X):
        hidden = _dense_layers(model)[:-1]
        fail("`build_model`: a rede é linear (um classificador linear seguido da softmax): "
             "falta uma camada escondida com ativação não linear.", hints=[
                 Hint("keras_mnist.hidden_linear", "sem ativação, duas camadas densas seguidas "
                      "fazem uma só transformação linear; use `activation=\"relu\"` na camada "
                      "escondida.") if hidden else
                 Hint("keras_mnist.no_hidden_layer", "ponha uma camada escondida entre a entrada "
                      "e a saída, como `keras.layers.Dense(h, activation=\"relu\")`, com h "
                      "escolhido para caber no orçamento.")])
    if not getattr(model, "compiled", False) or getattr(model, "optimizer", None) is None:
        fail("`build_model`: o modelo não foi compilado (ou não tem otimizador).", hints=[
            Hint("keras_mnist.not_compiled", "antes do `return`, chame `model.compile(optimizer="
                 "\"adam\", loss=\"sparse_categorical_crossentropy\", metrics=[\"accuracy\"])`.")])
    _check_loss(model)
    _check_metrics(model, X[N_TRAIN:N_TRAIN + 200], y[N_TRAIN:N_TRAIN + 200])

    # Um treino curto, com semente fixa, num modelo novo.
    keras.utils.set_random_seed(0)
    first = model
    model = call(build_model, "build_model", case="build_model() (para o treino curto)")
    if model is first:
        fail("`build_model` devolveu o MESMO objeto nas duas chamadas: treinar o modelo de uma "
             "chamada mudaria o da outra.", hints=[Hint(
                 "keras_mnist.same_model_twice", "monte o modelo DENTRO da função (`model = "
                 "keras.Sequential([...])`, `model.compile(...)`, `return model`): cada chamada "
                 "deve devolver um modelo novo, com pesos recém-sorteados.")])
    X_train, y_train = X[:N_TRAIN], y[:N_TRAIN]
    X_held, y_held = X[N_TRAIN:N_TRAIN + N_HELD_OUT], y[N_TRAIN:N_TRAIN + N_HELD_OUT]
    try:
        model.fit(X_train, y_train, epochs=EPOCHS, batch_size=32, verbose=0)
        probs = np.asarray(model.predict(X_held, verbose=0))
    except Exception as exc:
        fail(f"`build_model`: o treino curto falhou com {type(exc).__name__}: {str(exc)[:200]}",
             cause=exc)
    accuracy = float(_np_mean(_np_argmax(probs, axis=1) == y_held))
    if not accuracy >= MIN_ACCURACY:
        fail(f"`build_model`: depois de {EPOCHS} épocas em {N_TRAIN} imagens do MNIST (semente 0), "
             f"a rede acertou {percent(accuracy)} de outras {count(N_HELD_OUT)}; o mínimo é "
             f"{100 * MIN_ACCURACY:.0f}%.", hints=[_training_hint(keras, model)])
    passed("check_build_model", 7, figure=(
        f"No treino curto, a sua rede acertou {percent(accuracy)} de {count(N_HELD_OUT)} imagens "
        f"que não viu, com {count(n_params)} parâmetros; a da solução do curso "
        f"({count(SOLUTION_PARAMS)} parâmetros) acerta {percent(REFERENCE_ACCURACY)}."))


def _fixed_model(keras, X, y):
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


ARGMAX_ACCURACY = ("a classe prevista de cada imagem é `np.argmax(model.predict(X, verbose=0), "
                   "axis=1)` (uma por linha), e a acurácia é `np.mean(previsto == y)`.")


def _argmax_axis(exc):
    """A dica para o ``argmax`` no eixo errado: 10 "classes" comparadas com n rótulos."""
    if isinstance(exc, ValueError) and "broadcast" in str(exc):
        return Hint("keras_mnist.argmax_axis_0", "`argmax` sem `axis=1` (ou com `axis=0`) dá uma "
                    "resposta por coluna, não por imagem: " + ARGMAX_ACCURACY)
    return None


def check_evaluate(evaluate):
    """Confere ``evaluate(model, X, y)``: a fração de acertos do argmax, um número em [0, 1]."""
    __tracebackhide__ = True
    keras = _keras()
    X, y = _mnist()
    model, W, b = _fixed_model(keras, X[:1000], y[:1000])
    cases = [(X[1000:1300], y[1000:1300]), (X[5000:5007], y[5000:5007])]
    for X_case, y_case in cases:
        z = X_case.astype(np.float64) @ W + b
        expected = float(_np_mean(_np_argmax(z, axis=1) == y_case))
        e = _np_exp(z - z.max(axis=1, keepdims=True))
        loss = cross_entropy(y_case, e / e.sum(axis=1, keepdims=True))
        case = f"um modelo fixo e {len(y_case)} imagens do MNIST (rótulos inteiros)"
        got = call(evaluate, "evaluate", model, X_case, y_case, case=case, hint_for=_argmax_axis)
        arr = as_numbers(got, "evaluate", "a acurácia")
        if arr.ndim != 0:
            fail(f"`evaluate` deveria devolver um número (a acurácia), mas devolveu forma "
                 f"{arr.shape}: {fmt(arr)}.\n  entrada: {case}", hints=[
                     Hint("keras_mnist.returns_evaluate_list", "`model.evaluate` devolve [custo, "
                          "métricas...] — e só traz a acurácia se o modelo foi compilado com "
                          "`metrics`. Aqui a acurácia é calculada por você: "
                          + ARGMAX_ACCURACY) if arr.shape == (2,) else Hint(
                     "keras_mnist.accuracy_not_reduced", "isto é um acerto (ou não) por imagem; "
                     "a acurácia é a MÉDIA deles: `np.mean(previsto == y)`.")
                     if arr.shape == (len(y_case),) else None])
        value = float(arr)
        if abs(value - expected) <= 1e-6:
            continue
        message = (f"`evaluate`: a acurácia está errada.\n  entrada:  {case}\n"
                   f"  esperado: {expected:.6g}\n  recebido: {value:.6g}")
        onehot = float(_np_mean(np.eye(10)[_np_argmax(z, axis=1)] == np.eye(10)[y_case]))
        if abs(value - 100 * expected) <= 1e-4:
            hint = Hint("keras_mnist.percentage", "devolva a fração em [0, 1], não a porcentagem.")
        elif abs(value - loss) <= 1e-3 * max(1.0, loss):
            hint = Hint("keras_mnist.returns_loss", "isto é o custo (entropia cruzada), não a "
                        "acurácia: " + ARGMAX_ACCURACY)
        elif abs(value - expected * len(y_case)) <= 1e-6:
            hint = Hint("keras_mnist.counts_hits", "isto é o número de acertos; divida por n.")
        elif abs(value - (1 - expected)) <= 1e-6:
            hint = Hint("keras_mnist.error_rate",
                        "isto é a taxa de erro; a acurácia é a fração de ACERTOS.")
        elif abs(value - onehot) <= 1e-6:
            hint = Hint("keras_mnist.compares_one_hot", "comparar vetores one-hot elemento a "
                        "elemento conta os zeros certos; compare `argmax` da saída com os rótulos `y`.")
        elif value == 0.0:
            hint = Hint("keras_mnist.zero_accuracy", "nenhum acerto: compare com `y` a classe "
                        "prevista de cada imagem, `np.argmax(..., axis=1)` — sem o `axis=1`, o "
                        "`argmax` dá um número só (a posição do maior valor da matriz inteira), "
                        "e `np.max` dá a probabilidade, não a classe —; e divida com `/` (`//` "
                        "arredonda para baixo).")
        else:
            hint = Hint("keras_mnist.wrong_accuracy", ARGMAX_ACCURACY)
        fail(message, hints=[hint])
    if not 0.0 <= value <= 1.0:   # pragma: no cover - já garantido pelo valor esperado
        fail("`evaluate` deveria devolver um número entre 0 e 1.")
    passed("check_evaluate", len(cases))
