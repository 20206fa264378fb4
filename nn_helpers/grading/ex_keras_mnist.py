"""Verificações do exercício ``ex_keras_mnist`` (capítulo 8).

Uma verificação por função do aluno: ``check_build_model(build_model)`` e
``check_evaluate(evaluate)``.

As convenções (o enunciado diz o mesmo): os rótulos são **inteiros** de 0 a 9
(não *one-hot*); ``build_model()`` devolve um ``keras.Model`` **compilado**, com
entrada ``(None, 784)``, saída ``(None, 10)`` com **softmax** na última camada
(a rede devolve probabilidades; logits com ``from_logits=True`` não valem
neste exercício), um custo para rótulos inteiros
(``sparse_categorical_crossentropy``, com ``from_logits=False``) e um
otimizador. ``evaluate(model, X, y)`` devolve a acurácia: a fração (um número
em [0, 1]) das linhas em que o ``argmax`` da saída é igual a ``y``.

O Keras só é importado dentro das verificações (nunca ao importar
``nn_helpers``). Os valores esperados são calculados aqui com numpy puro.
"""

import os

import numpy as np

from .checking import (Hint, as_numbers, call, fail, fmt, install_notebook_hints, passed,
                       percent)

__all__ = ["check_build_model", "check_evaluate"]

install_notebook_hints()

# Treino curto da verificação: 2 épocas em 2 000 imagens, acurácia medida em outras 1 000.
N_TRAIN, N_HELD_OUT, EPOCHS, MIN_ACCURACY = 2000, 1000, 2, 0.80
# O que a solução de solutions/ alcança neste treino curto (semente 0); conferido por
# tests/test_check_contract.py, que treina a solução de novo e compara.
REFERENCE_ACCURACY = 0.869

_np_mean, _np_argmax, _np_log, _np_exp = np.mean, np.argmax, np.log, np.exp


def _keras():
    os.environ.setdefault("KERAS_BACKEND", "jax")
    import keras

    return keras


def _mnist():
    from ..datasets import load_mnist_test

    data = load_mnist_test()
    return data.X, data.y


def _cross_entropy(y, probs):
    """−média de ln p(classe certa), em numpy puro."""
    probs = np.clip(np.asarray(probs, dtype=np.float64), 1e-7, 1.0)
    return float(-_np_mean(_np_log(probs[np.arange(len(y)), y])))


def _loss_function(keras, loss):
    if isinstance(loss, str):
        try:
            return keras.losses.get(loss)
        except ValueError:
            return None
    return loss if callable(loss) else None


def _check_loss(keras, model):
    """Confere o custo compilado com números: rótulos inteiros e probabilidades."""
    __tracebackhide__ = True
    g = np.random.default_rng(0)
    y = g.integers(0, 10, size=6)
    z = g.normal(size=(6, 10))
    probs = (_np_exp(z) / _np_exp(z).sum(axis=1, keepdims=True)).astype(np.float32)
    expected = _cross_entropy(y, probs)
    name = fmt(model.loss) if isinstance(model.loss, str) else type(model.loss).__name__
    loss_fn = _loss_function(keras, model.loss)
    case = f"o custo compilado ({name}) com rótulos inteiros (n,) e probabilidades (n, 10)"
    if loss_fn is None:
        fail(f"`build_model`: não reconheci o custo compilado ({fmt(model.loss)}).", hints=[
            Hint("keras_mnist.unknown_loss", "use `loss=\"sparse_categorical_crossentropy\"`.")])
    try:
        got = float(_np_mean(np.asarray(loss_fn(y, probs), dtype=np.float64)))
    except Exception as exc:
        hint = (Hint("keras_mnist.one_hot_loss", "`categorical_crossentropy` espera alvos one-hot "
                     "(n, 10); com rótulos inteiros (n,) use `sparse_categorical_crossentropy`.")
                if "categorical" in name.lower() else
                Hint("keras_mnist.loss_rejects_integer_labels", "este exercício é de "
                     "classificação com rótulos inteiros: use "
                     "`loss=\"sparse_categorical_crossentropy\"` (não o erro quadrático)."))
        fail(f"`build_model`: o custo compilado não aceita rótulos inteiros.\n  entrada: {case}\n"
             f"  erro: {type(exc).__name__}: {str(exc)[:160]}", cause=exc, hints=[hint])
    if not abs(got - expected) <= 1e-4 * max(1.0, abs(expected)):
        logits_loss = _cross_entropy(y, _np_exp(probs) / _np_exp(probs).sum(axis=1, keepdims=True))
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


def _shape_not_tuple(exc):
    """A dica para ``keras.Input(shape=784)``: a forma é uma tupla, mesmo com um eixo só."""
    if isinstance(exc, (ValueError, TypeError)) and "to a shape" in str(exc):
        return Hint("keras_mnist.shape_not_tuple", "a forma é uma tupla, mesmo com um eixo só: "
                    "`keras.Input(shape=(784,))` — com a vírgula; `(784)` é só o número 784.")
    return None


def check_build_model(build_model):
    """Confere o modelo de ``build_model()``: formas, softmax, compilação e um treino curto."""
    __tracebackhide__ = True
    keras = _keras()
    model = call(build_model, "build_model", case="build_model()", hint_for=_shape_not_tuple)
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
    activation = getattr(model.layers[-1], "activation", None)
    act_name = getattr(activation, "__name__", str(activation))
    if act_name != "softmax":
        fail(f"`build_model`: a última camada deveria ter ativação softmax (a rede devolve "
             f"as probabilidades dos 10 dígitos), mas tem {act_name!r}.", hints=[{
                 "sigmoid": Hint("keras_mnist.sigmoid_output", "a sigmoide trata cada saída como "
                                 "uma pergunta sim/não independente (as 10 não somam 1); para 10 "
                                 "classes exclusivas use `activation=\"softmax\"`."),
                 "linear": Hint("keras_mnist.logits_output", "sem ativação, a saída são logits; "
                                "neste exercício a rede devolve probabilidades: "
                                "`Dense(10, activation=\"softmax\")`."),
             }.get(act_name)])
    if not getattr(model, "compiled", False) or getattr(model, "optimizer", None) is None:
        fail("`build_model`: o modelo não foi compilado (ou não tem otimizador).", hints=[
            Hint("keras_mnist.not_compiled", "antes do `return`, chame `model.compile(optimizer="
                 "\"adam\", loss=\"sparse_categorical_crossentropy\", metrics=[\"accuracy\"])`.")])
    _check_loss(keras, model)

    # Um treino curto, com semente fixa, num modelo novo.
    X, y = _mnist()
    keras.utils.set_random_seed(0)
    model = call(build_model, "build_model", case="build_model() (para o treino curto)")
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
             f"a rede acertou {100 * accuracy:.1f}% de outras {N_HELD_OUT}; o mínimo é "
             f"{100 * MIN_ACCURACY:.0f}%.", hints=[
                 Hint("keras_mnist.learns_too_slowly", f"uma camada escondida `Dense(128, "
                      f"activation=\"relu\")` e o otimizador `\"adam\"` bastam (o `\"sgd\"`, com "
                      f"a taxa padrão de 0,01, é lento demais para só {EPOCHS} épocas).")])
    passed("check_build_model", 6, figure=(
        f"No treino curto, a sua rede acertou {percent(accuracy)} de {N_HELD_OUT} imagens que não "
        f"viu; a da solução (Dense(128, relu) + Adam) acerta {percent(REFERENCE_ACCURACY)}."))


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
        loss = _cross_entropy(y_case, e / e.sum(axis=1, keepdims=True))
        case = f"um modelo fixo e {len(y_case)} imagens do MNIST (rótulos inteiros)"
        got = call(evaluate, "evaluate", model, X_case, y_case, case=case, hint_for=_argmax_axis)
        arr = as_numbers(got, "evaluate", "a acurácia")
        if arr.ndim != 0:
            fail(f"`evaluate` deveria devolver um número (a acurácia), mas devolveu forma "
                 f"{arr.shape}: {fmt(arr)}.\n  entrada: {case}", hints=[
                     Hint("keras_mnist.returns_evaluate_list", "`model.evaluate` devolve [custo, "
                          "métricas...] — e só traz a acurácia se o modelo foi compilado com "
                          "`metrics`. Aqui a acurácia é calculada por você: "
                          + ARGMAX_ACCURACY) if arr.shape == (2,) else None])
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
        else:
            hint = Hint("keras_mnist.wrong_accuracy", ARGMAX_ACCURACY)
        fail(message, hints=[hint])
    if not 0.0 <= value <= 1.0:   # pragma: no cover - já garantido pelo valor esperado
        fail("`evaluate` deveria devolver um número entre 0 e 1.")
    passed("check_evaluate", len(cases))
