"""O que as verificações dos dois exercícios de Keras (``ex_keras_mnist``, ``ex_keras_cifar10``)
têm em comum: importar o Keras só quando preciso, ler e testar com números o custo compilado,
escolher a dica de um custo errado ou de um erro do Keras, contar os parâmetros camada a camada e
recusar um custo que é uma classe ou um modelo acima do orçamento.

O Keras é importado aqui dentro das funções: importar os módulos de verificação (o corretor
faz isso para listar as verificações) não custa os segundos do Keras.
"""

import os

import numpy as np

from .checking import exception_hints, fail

__all__ = ["keras", "loss_name", "loss_function", "cross_entropy", "probe_loss",
           "REGRESSION_LOSSES", "loss_hint", "error_hint", "expect_loss_object", "expect_budget",
           "all_layers", "count", "breakdown"]

# Guardadas na importação, antes de o código do aluno rodar (como em ``checking``).
_exp, _log, _mean = np.exp, np.log, np.mean


def keras():
    """O módulo ``keras``, com o backend JAX se ninguém escolheu outro."""
    os.environ.setdefault("KERAS_BACKEND", "jax")
    import keras as module

    return module


def loss_name(loss):
    """O nome do custo compilado, em minúsculas (``"categorical_hinge"``, ``"meansquarederror"``)."""
    if isinstance(loss, str):
        return loss.lower()
    fn = getattr(loss, "fn", None)          # LossFunctionWrapper: o nome da função de dentro
    name = getattr(fn, "__name__", None) or getattr(loss, "__name__", None)
    return (name or type(loss).__name__).lower()


def loss_function(loss):
    """O custo compilado como função: um nome vira a função do Keras; ``None`` se não for um custo."""
    if isinstance(loss, str):
        try:
            return keras().losses.get(loss)
        except ValueError:
            return None
    return loss if callable(loss) else None


def cross_entropy(y, probs):
    """−média de ln p(classe certa), em numpy puro. y: (n,) inteiros; probs: (n, k)."""
    probs = np.clip(np.asarray(probs, dtype=np.float64), 1e-7, 1.0)
    return float(-_mean(_log(probs[np.arange(len(y)), y])))


def probe_loss(fn):
    """Roda o custo ``fn`` em 6 rótulos inteiros e 6 linhas de probabilidades (float32) fixos.

    Devolve ``(obtido, esperado, com_logits)``: o valor de ``fn``, a entropia cruzada certa e a
    que daria um custo com ``from_logits=True`` (a softmax aplicada de novo às probabilidades).
    Uma exceção de ``fn`` passa adiante: quem chama a explica.
    """
    g = np.random.default_rng(0)
    y = g.integers(0, 10, size=6)
    z = g.normal(size=(6, 10))
    probs = (_exp(z) / _exp(z).sum(axis=1, keepdims=True)).astype(np.float32)
    again = _exp(probs) / _exp(probs).sum(axis=1, keepdims=True)
    got = float(_mean(np.asarray(fn(y, probs), dtype=np.float64)))
    return got, cross_entropy(y, probs), cross_entropy(y, again)


# Trechos do nome de um custo de regressão (erro quadrático, absoluto...).
REGRESSION_LOSSES = ("mse", "mae", "mape", "msle", "mean_squared", "mean_absolute",
                     "meansquared", "meanabsolute", "huber", "log_cosh", "logcosh")


def loss_hint(loss, hints, regression=REGRESSION_LOSSES):
    """A dica do exercício para um custo que não é a entropia cruzada com rótulos inteiros, pelo nome.

    hints: as dicas do exercício por engano — ``"hinge"``, ``"binary"`` (``binary_crossentropy``),
    ``"one_hot"`` (``categorical_crossentropy``), ``"regression"`` e ``"other"`` (nenhum deles);
    um engano sem dica não é procurado. regression: os trechos do nome de um custo de regressão.
    """
    name = loss_name(loss)
    found = {"hinge": "hinge" in name, "binary": "binary" in name,
             "one_hot": "categorical" in name and "sparse" not in name,
             "regression": any(word in name for word in regression)}
    return next((hints[kind] for kind in found if kind in hints and found[kind]),
                hints.get("other"))


def error_hint(rules, kind=Exception):
    """Um ``hint_for(exceção)`` para ``checking.call`` a partir das regras ``(trechos, dica)`` dos
    erros do Keras: vale a primeira cujos trechos estão TODOS na mensagem (veja
    ``checking.exception_hints``)."""
    return exception_hints(*((kind, (tuple(fragments),), hint) for fragments, hint in rules))


def all_layers(model):
    """Todas as camadas de ``model``, inclusive as de dentro de submodelos, em ordem."""
    found = []
    for layer in getattr(model, "layers", []):
        found.append(layer)
        found.extend(all_layers(layer))
    return found


def count(n):
    """``50890`` → ``"50 890"`` (o espaço separa os milhares, como no livro)."""
    return f"{n:,}".replace(",", " ")


def breakdown(model):
    """``Conv2D(16): 448; Dense(10): 1 290`` — onde estão os parâmetros, camada a camada."""
    parts = []
    for layer in all_layers(model):
        n = layer.count_params()
        if n and not all_layers(layer):
            size = getattr(layer, "units", None) or getattr(layer, "filters", None)
            label = f"{type(layer).__name__}({size})" if size else type(layer).__name__
            parts.append(f"{label}: {count(n)}")
    return "; ".join(parts)


def expect_loss_object(loss, hint):
    """Falha se o custo compilado é uma classe (faltaram os parênteses), com a dica ``hint``."""
    if isinstance(loss, type):
        fail(f"`build_model`: o custo compilado é a classe `{loss.__name__}`, não um custo.",
             hints=[hint])


def expect_budget(model, budget, hint):
    """Falha se ``model`` tem mais de ``budget`` parâmetros (mostra onde estão, camada a camada);
    devolve quantos ele tem."""
    n_params = model.count_params()
    if n_params > budget:
        fail(f"`build_model`: o modelo tem {count(n_params)} parâmetros, acima do orçamento de "
             f"{count(budget)}.\n  por camada: {breakdown(model)}", hints=[hint])
    return n_params
