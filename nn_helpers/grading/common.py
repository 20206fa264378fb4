"""O que as verificações de ``ex_perceptron``, ``ex_gradient_descent``, ``ex_linear_regression``
e ``ex_softmax`` fazem do mesmo jeito.

Escolher a dica de um engano conhecido (pela exceção, ou pela primeira condição que vale); dar
um passo da regra ``w ← w + lr·(y − ŷ)·x``; conferir um histórico com um valor por época, um
treino que se repete e, num treino errado, lembrar o contrato; conferir um gradiente (a tupla
``(grad dos pesos, grad do viés)`` e a inclinação medida por diferenças finitas).

Nenhuma dica mora aqui: cada exercício escreve as suas e as passa a estas funções.
"""

from contextlib import contextmanager

import numpy as np

from .checking import call, expect_close, expect_shape, expect_tuple, fail, fmt, is_close

__all__ = ["rule_update", "weights_pair", "expect_per_epoch", "off_by_one",
           "expect_same_twice", "reminding", "numeric_gradient", "expect_gradient", "expect_pair"]


def rule_update(x, y, w, b, lr, predict):
    """Um passo ``w ← w + lr·(y − ŷ)·x``, ``b ← b + lr·(y − ŷ)``, com ``ŷ = predict(x·w + b)``."""
    delta = y - predict(x @ w + b)
    return w + lr * delta * x, b + lr * delta


def weights_pair(value, name, n_inputs, example, inputs_text, swapped_hint=None):
    """Os pesos ``(w, b)`` de um perceptron, escritos pelo aluno, como ``(array (n_inputs,), float)``.

    Aceita ``w`` como lista, tupla ou array, e ``b`` como número ou lista/array com um número só;
    a tupla pode ser uma lista ``[w, b]``. example: um par certo (``"([w1, w2], -0.5)"``);
    inputs_text: as entradas, para a mensagem (``"duas entradas"``); swapped_hint: a dica para
    ``(b, w)`` trocados. Falha em português.
    """
    if value is None:
        fail(f"`{name}` ainda não foi implementada: escreva os pesos, `{name} = {example}`, e "
             "execute a célula.")
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        fail(f"`{name}` deve ser uma tupla `(w, b)` — os pesos `w` e o viés (*bias*) `b`, por "
             f"exemplo `{example}` —, mas veio {fmt(value)}.")
    try:
        w, b = (np.asarray(v, dtype=float).reshape(-1) for v in value)
    except (TypeError, ValueError):
        w = b = np.zeros(0)
    if w.shape != (n_inputs,) or b.shape != (1,):
        swapped = w.size == 1 and b.size == n_inputs
        fail(f"`{name}`: em `(w, b)`, com {inputs_text}, `w` deve ter {n_inputs} peso(s) e `b` "
             f"ser um número, como `{example}`; veio {fmt(value)}.",
             hints=[swapped_hint if swapped else None])
    if not (np.all(np.isfinite(w)) and np.isfinite(b[0])):
        fail(f"`{name}` contém NaN ou infinito: {fmt(value)}.")
    return w, float(b[0])


def expect_per_epoch(values, epochs, case, message, hint_for_size, count=True):
    """Confere que ``values`` — uma lista, uma tupla ou um array — tem um valor por época.

    message: o começo da mensagem de falha ("`train`: `errors` deve ter um erro por época"), que
    continua com ``({epochs} valores), mas veio ...``: o número de valores (com ``count=False``,
    ou se ``values`` não é uma lista, o próprio ``values``). hint_for_size(tamanho) → a dica
    (tamanho ``None``: não é uma lista).
    """
    size = len(values) if isinstance(values, (list, tuple, np.ndarray)) else None
    if size != epochs:
        got = f"{size} valores" if count and size is not None else fmt(values)
        fail(f"{message} ({epochs} valores), mas veio {got}.\n  entrada: {case}",
             hints=[hint_for_size(size)])


def off_by_one(hint, epochs):
    """Um ``hint_for_size`` de :func:`expect_per_epoch`: ``hint`` se veio uma época a mais ou a
    menos."""
    return lambda size: hint if size is not None and abs(size - epochs) == 1 else None


def expect_same_twice(train, name, args, names, case, w, hint, hint_for=None):
    """Chama ``train(*args)`` de novo: se os pesos (o 1º valor) não são os ``w`` da 1ª vez, falha.

    names: os nomes dos valores que ``train`` devolve; hint: a dica (nada de sorteios).
    """
    again = expect_tuple(call(train, name, *args, case=case, hint_for=hint_for), name,
                         len(names), names, case)
    if not is_close(again[0], w, rtol=0, atol=0):
        fail(f"`{name}` devolveu pesos diferentes em duas chamadas com a mesma entrada "
             f"({case}).", hints=[hint])


@contextmanager
def reminding(reminder, hint=None, unless_hinted=False):
    """Se o bloco falha, acrescenta ``reminder`` (o contrato do treino) e ``hint`` à mensagem.

    Com ``unless_hinted=True``, o lembrete só entra se a falha não trouxe dica.
    """
    try:
        yield
    except AssertionError as exc:
        hinted = unless_hinted and getattr(exc, "hints", None)
        fail(str(exc) if hinted else f"{exc}{reminder}", cause=exc, hints=[hint])


def numeric_gradient(cost, w, b, eps=1e-6):
    """A inclinação de ``cost(w, b)`` medida por diferenças centrais: ``(∂/∂w (d,), ∂/∂b)``."""
    grad_w = np.array([(cost(w + eps * e, b) - cost(w - eps * e, b)) / (2 * eps)
                       for e in np.eye(len(w))])
    return grad_w, (cost(w, b + eps) - cost(w, b - eps)) / (2 * eps)


def expect_gradient(result, name, names, expected, case, order_hint, shape_hints):
    """Confere a tupla ``(grad dos pesos (d,), grad do viés)``: tamanho, ordem e formas.

    names: os nomes dos dois (``("grad_w", "grad_b")``); expected: os dois valores certos;
    order_hint: a dica para a tupla invertida; shape_hints: as dicas para a forma de cada um.
    Devolve os dois valores.
    """
    grad_w, grad_b = expect_tuple(result, name, 2, names, case)
    d = len(expected[0])
    if np.ndim(grad_w) == 0 and np.shape(grad_b) == (d,) and d > 1:
        fail(f"`{name}`: {names[0]} veio um número e {names[1]} um vetor de forma ({d},).\n"
             f"  entrada: {case}", hints=[order_hint])
    for got, want, what, hint in zip((grad_w, grad_b), expected, names, shape_hints):
        expect_shape(got, want, name, case, what=what, hint=hint)
    return grad_w, grad_b


def expect_pair(got, expected, name, case, whats, rtol=1e-5, atol=1e-7):
    """:func:`~nn_helpers.grading.checking.expect_close` nos dois valores de ``got`` (pesos e
    viés), contra os dois de ``expected``; whats: o que cada um é, para a mensagem."""
    for value, want, what in zip(got, expected, whats):
        expect_close(value, want, name, case, what=what, rtol=rtol, atol=atol)
