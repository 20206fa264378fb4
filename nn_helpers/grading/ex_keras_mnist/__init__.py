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
não linearidade, o orçamento, o custo e a métrica com números — :mod:`.compiled`) e treina
um modelo novo por ``EPOCHS`` épocas em ``N_TRAIN`` imagens, que deve acertar
``MIN_ACCURACY`` de outras ``N_HELD_OUT``. ``evaluate(model, X, y)`` devolve a acurácia: a
fração (um número em [0, 1]) das linhas em que o ``argmax`` da saída é igual a ``y``.

O Keras só é importado dentro das verificações (nunca ao importar
``nn_helpers``). Os valores esperados são calculados com numpy puro (:mod:`.solution`); as
dicas estão em :mod:`.mistakes`.
"""

import numpy as np

from ..checking import as_numbers, call, check, fail, fmt, install_notebook_hints, percent
from ..keras_checks import count, expect_budget
from ..keras_checks import keras as _keras
from . import mistakes
from .compiled import expect_loss, expect_metrics
from .solution import accuracy, dense_layers, evaluate_answers, fixed_model, is_linear, mnist

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


@check
def check_build_model(build_model):
    """Confere o modelo de ``build_model()``: formas, softmax, orçamento, compilação e treino."""
    keras = _keras()
    keras.utils.set_random_seed(0)      # a mesma rede sorteada a cada execução da verificação
    model = call(build_model, "build_model", case="build_model()", hint_for=mistakes.build_error)
    if not isinstance(model, keras.Model):
        fail(f"`build_model` deveria devolver um modelo do Keras (`keras.Model`, por exemplo um "
             f"`keras.Sequential`), mas devolveu {type(model).__name__}.",
             hints=[mistakes.MODEL["missing_return"] if model is None else None])
    try:
        in_shape, out_shape = tuple(model.input_shape), tuple(model.output_shape)
    except (AttributeError, ValueError) as exc:
        fail("`build_model`: o modelo não sabe a forma da entrada. Comece com "
             "`keras.Input(shape=(784,))`.", cause=exc)
    if in_shape != (None, 784):
        fail(f"`build_model`: a entrada deveria ter forma (None, 784) — uma imagem 28×28 por "
             f"linha —, mas tem {in_shape}.", hints=[mistakes.MODEL["input_shape"]])
    if out_shape != (None, 10):
        fail(f"`build_model`: a saída deveria ter forma (None, 10) — uma probabilidade por "
             f"dígito —, mas tem {out_shape}.", hints=[mistakes.MODEL["output_shape"]])
    X, y = mnist()
    probs = np.asarray(model.predict(X[:16].astype(np.float32), verbose=0), dtype=np.float64)
    if not (np.all(probs >= -1e-6) and np.all(np.abs(probs.sum(axis=1) - 1) <= 1e-4)):
        activation = getattr(model.layers[-1], "activation", None)
        act_name = getattr(activation, "__name__", str(activation))
        fail(f"`build_model`: a saída deveria ser a softmax (10 probabilidades ≥ 0 que somam 1 "
             f"em cada imagem), mas as somas das linhas são {fmt(probs.sum(axis=1)[:4])}… "
             f"(ativação da última camada: {act_name!r}).", hints=[mistakes.output_hint(act_name)])
    n_params = expect_budget(model, BUDGET, mistakes.MODEL["over_budget"])
    if is_linear(model, X):
        fail("`build_model`: a rede é linear (um classificador linear seguido da softmax): "
             "falta uma camada escondida com ativação não linear.", hints=[
                 mistakes.MODEL["hidden_linear" if dense_layers(model)[:-1] else "no_hidden_layer"]])
    if not getattr(model, "compiled", False) or getattr(model, "optimizer", None) is None:
        fail("`build_model`: o modelo não foi compilado (ou não tem otimizador).",
             hints=[mistakes.MODEL["not_compiled"]])
    expect_loss(model)
    expect_metrics(model, X[N_TRAIN:N_TRAIN + 200], y[N_TRAIN:N_TRAIN + 200])

    # Um treino curto, com semente fixa, num modelo novo.
    keras.utils.set_random_seed(0)
    first = model
    model = call(build_model, "build_model", case="build_model() (para o treino curto)")
    if model is first:
        fail("`build_model` devolveu o MESMO objeto nas duas chamadas: treinar o modelo de uma "
             "chamada mudaria o da outra.", hints=[mistakes.MODEL["same_model_twice"]])
    X_train, y_train = X[:N_TRAIN], y[:N_TRAIN]
    X_held, y_held = X[N_TRAIN:N_TRAIN + N_HELD_OUT], y[N_TRAIN:N_TRAIN + N_HELD_OUT]
    try:
        model.fit(X_train, y_train, epochs=EPOCHS, batch_size=32, verbose=0)
        probs = np.asarray(model.predict(X_held, verbose=0))
    except Exception as exc:
        fail(f"`build_model`: o treino curto falhou com {type(exc).__name__}: {str(exc)[:200]}",
             cause=exc)
    reached = accuracy(probs, y_held)
    if not reached >= MIN_ACCURACY:
        fail(f"`build_model`: depois de {EPOCHS} épocas em {N_TRAIN} imagens do MNIST (semente 0), "
             f"a rede acertou {percent(reached)} de outras {count(N_HELD_OUT)}; o mínimo é "
             f"{100 * MIN_ACCURACY:.0f}%.", hints=[mistakes.training_hint(keras, model, EPOCHS)])
    return (f"No treino curto, a sua rede acertou {percent(reached)} de {count(N_HELD_OUT)} imagens "
            f"que não viu, com {count(n_params)} parâmetros; a da solução do curso "
            f"({count(SOLUTION_PARAMS)} parâmetros) acerta {percent(REFERENCE_ACCURACY)}.")


@check
def check_evaluate(evaluate):
    """Confere ``evaluate(model, X, y)``: a fração de acertos do argmax, um número em [0, 1]."""
    X, y = mnist()
    model, W, b = fixed_model(_keras(), X[:1000], y[:1000])
    for X_case, y_case in [(X[1000:1300], y[1000:1300]), (X[5000:5007], y[5000:5007])]:
        expected, loss, one_hot = evaluate_answers(W, b, X_case, y_case)
        case = f"um modelo fixo e {len(y_case)} imagens do MNIST (rótulos inteiros)"
        got = call(evaluate, "evaluate", model, X_case, y_case, case=case,
                   hint_for=mistakes.argmax_axis)
        arr = as_numbers(got, "evaluate", "a acurácia")
        if arr.ndim != 0:
            fail(f"`evaluate` deveria devolver um número (a acurácia), mas devolveu forma "
                 f"{arr.shape}: {fmt(arr)}.\n  entrada: {case}", hints=[
                     mistakes.EVALUATE["list"] if arr.shape == (2,) else
                     mistakes.EVALUATE["not_reduced"] if arr.shape == (len(y_case),) else None])
        value = float(arr)
        if not abs(value - expected) <= 1e-6:
            fail(f"`evaluate`: a acurácia está errada.\n  entrada:  {case}\n"
                 f"  esperado: {expected:.6g}\n  recebido: {value:.6g}",
                 hints=[mistakes.evaluate_hint(value, expected, loss, len(y_case), one_hot)])
    if not 0.0 <= value <= 1.0:   # pragma: no cover - já garantido pelo valor esperado
        fail("`evaluate` deveria devolver um número entre 0 e 1.")
