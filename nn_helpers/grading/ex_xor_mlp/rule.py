"""A regra de ``exactly_one``: só chamadas de ``perceptron``, com pesos fixos.

O código da função é lido com ``inspect``/``ast`` (nada de operadores, ``if``, laços, tabelas
ou funções prontas), e cada perceptron chamado é anotado enquanto a função roda, para conferir
que os seus pesos não mudam com a entrada.
"""

import ast
import builtins
import inspect
import textwrap

import numpy as np

from ..checking import call, fail, fmt
from ..reference import step
from . import mistakes
from .solution import INPUTS3

__all__ = ["RULE", "perceptron_calls", "run_network", "expect_fixed_weights"]

RULE = ("a regra do exercício: `exactly_one` só pode combinar chamadas "
        "`perceptron(entradas, (w, b))`, com pesos FIXOS que você escolhe (números, listas, ou "
        "nomes como MAJORITY_WEIGHTS definidos fora da função), usando a saída de um perceptron "
        "como entrada de outro (listas como `[a, b, c]` ou `np.array([a, b, c])` para juntar "
        "entradas, variáveis intermediárias, um índice fixo numa lista de pesos, como `CAMADA[0]`, "
        "e funções auxiliares que sigam a mesma regra valem). "
        "Não valem operadores (`+`, `-`, `*`, `==`, `!=`, `^`, `and`, `or`, `not`...; o `-` de um "
        "número, como `-1.5`, vale), `if`, laços, tabelas nem funções prontas como `sum` — a "
        "graça é mostrar que uma rede de perceptrons calcula a função.")

_ALLOWED = (ast.FunctionDef, ast.Lambda, ast.arguments, ast.arg, ast.Return, ast.Assign,
            ast.Expr, ast.Name, ast.Load, ast.Store, ast.Call, ast.keyword, ast.List, ast.Tuple,
            ast.Attribute, ast.Constant, ast.Pass, ast.USub, ast.UAdd)
_SYMBOLS = {ast.BitXor: "^", ast.Mod: "%", ast.Add: "+", ast.Sub: "-", ast.Mult: "*",
            ast.Div: "/", ast.FloorDiv: "//", ast.Pow: "**", ast.BitAnd: "&", ast.BitOr: "|",
            ast.NotEq: "!=", ast.Eq: "==", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
            ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in",
            ast.And: "and", ast.Or: "or", ast.Not: "not", ast.USub: "-", ast.Invert: "~"}
_MISSING = object()


def _describe(node):
    """Nome em português de uma construção proibida."""
    op = getattr(node, "op", None) or (node.ops[0] if isinstance(node, ast.Compare) else None)
    if op is not None:
        return f"o operador `{_SYMBOLS.get(type(op), type(op).__name__)}`"
    names = {ast.If: "um `if`", ast.IfExp: "um `... if ... else ...`", ast.AugAssign: "um `+=`/`-=`",
             ast.Subscript: "um índice `[...]` (uma tabela?)", ast.Dict: "um dicionário (uma tabela?)",
             ast.For: "um laço `for`", ast.While: "um laço `while`", ast.Match: "um `match`",
             ast.ListComp: "uma compreensão de lista", ast.GeneratorExp: "um gerador"}
    return names.get(type(node), f"uma construção `{type(node).__name__}`")


def _allowed(node):
    """A construção vale dentro da função? (o sinal só na frente de um número: ``-1.5``)"""
    if isinstance(node, ast.UnaryOp):
        return isinstance(node.op, (ast.USub, ast.UAdd)) and isinstance(node.operand, ast.Constant)
    if isinstance(node, ast.Subscript):     # um índice fixo numa lista de pesos: `CAMADA[0]`
        return isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, int)
    return isinstance(node, _ALLOWED)


def _resolve(node, namespace):
    """O objeto a que ``nome`` ou ``mod.nome`` se refere no módulo da função (ou ``_MISSING``)."""
    if isinstance(node, ast.Name):
        return namespace.get(node.id, getattr(builtins, node.id, _MISSING))
    if isinstance(node, ast.Attribute):
        base = _resolve(node.value, namespace)
        return _MISSING if base is _MISSING else getattr(base, node.attr, _MISSING)
    return _MISSING


def _function_node(f, name):
    """A árvore (``ast``) da função ``f``, ou falha explicando por que não deu para ler."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(f)))
    except (OSError, TypeError, SyntaxError, IndentationError):
        fail(f"Não consegui ler o código de `{name}` para conferir {RULE}",
             hints=[mistakes.source_unreadable(name)])
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == f.__name__:
            return node
        if isinstance(node, ast.Lambda):
            return node
    fail(f"Não achei a definição de `{name}` no código dela.")


def perceptron_calls(f, name, seen):
    """Confere a regra em ``f`` (e nas funções auxiliares que ela chama); conta os perceptrons."""
    if f in seen:
        return 0
    seen.add(f)
    node = _function_node(f, name)
    namespace = dict(f.__globals__)
    namespace.update(inspect.getclosurevars(f).nonlocals)
    local_functions = {n.name for n in ast.walk(node) if isinstance(n, ast.FunctionDef)}
    allowed_calls = (np.array, np.asarray, np.ones, np.zeros, np.full, list, tuple, int, float,
                     print)
    count = 0
    first_line = f.__code__.co_firstlineno - node.lineno   # linhas contadas como na célula
    def where(child):
        return f"`{name}` (linha {first_line + getattr(child, 'lineno', node.lineno)})"

    for child in ast.walk(node):          # primeiro as construções proibidas, depois as chamadas
        if not _allowed(child):
            fail(f"{where(child)}: {_describe(child)} não vale aqui.\n  Lembre {RULE}")
    for child in ast.walk(node):
        if not isinstance(child, ast.Call):
            continue
        func = child.func
        if isinstance(func, ast.Name) and func.id == "perceptron":
            _expect_the_given_perceptron(namespace.get("perceptron", _MISSING))
            count += 1
            continue
        if isinstance(func, ast.Name) and func.id in local_functions:
            continue                      # uma função definida dentro da função: já é percorrida
        target = _resolve(func, namespace)
        if any(target is ok for ok in allowed_calls):
            continue
        if inspect.isfunction(target):    # uma função auxiliar do aluno: mesma regra
            count += perceptron_calls(target, func.id if isinstance(func, ast.Name) else name, seen)
            continue
        fail(f"{where(child)}: `{ast.unparse(func)}` não é um perceptron.\n  Lembre {RULE}")
    return count


def _expect_the_given_perceptron(perceptron):
    """O ``perceptron`` usado deve ser o degrau da célula fornecida (não redefinido)."""
    g = np.random.default_rng(4)
    cases = [(np.array(x, dtype=float), (g.normal(size=3), float(g.normal()))) for x in INPUTS3]
    cases.append((np.array([1.0, 0.0]), (np.array([1.0, 1.0]), -1.0)))   # z = 0 exatamente → 1
    try:
        ok = all(int(perceptron(x, (w, b))) == int(step(np.dot(w, x) + b)) for x, (w, b) in cases)
    except Exception:
        ok = False
    if not ok:
        fail("O `perceptron` que a sua função chama não é o da célula fornecida (degrau: 1 se "
             "w·x + b ≥ 0, senão 0). Não redefina `perceptron`: execute de novo a célula que o "
             "define.")


def _weights_key(weights):
    """Os pesos de uma chamada como ``(w1, ..., b)`` em floats, para comparar entre entradas."""
    try:
        w, b = weights
        return tuple(float(v) for v in np.asarray(w, dtype=float).reshape(-1)) + (
            float(np.asarray(b, dtype=float).reshape(-1)[0]),)
    except Exception:
        return repr(weights)


def _as_bit(value, name, x):
    """O número (0 ou 1) que a função devolveu, ou falha em português."""
    if value is None:
        fail(f"`{name}{x}` devolveu None.", hints=[mistakes.NETWORK["missing_return"]])
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        arr = np.zeros(0)
    if arr.size != 1:
        fail(f"`{name}{x}` deveria devolver um número, 0 ou 1, mas devolveu {fmt(value)}.")
    return float(arr.reshape(-1)[0])


def _looks_like_weights(value):
    """``value`` tem a cara de uma tupla ``(w, b)``: dois elementos, o primeiro uma lista."""
    return (isinstance(value, (tuple, list)) and len(value) == 2
            and isinstance(value[0], (tuple, list, np.ndarray)))


def run_network(f, name, inputs, step_fn=None):
    """Roda ``f`` em cada entrada; devolve as saídas e os pesos de cada perceptron chamado.

    Enquanto roda, o ``perceptron`` do notebook (no módulo de ``f``) é trocado por um que
    anota os pesos que recebe — e, com ``step_fn``, calcula com esse degrau no lugar do dado.
    """
    namespace = getattr(f, "__globals__", None)
    original = namespace.get("perceptron", _MISSING) if isinstance(namespace, dict) else _MISSING
    log, swapped = [], []

    def perceptron(inputs, weights):
        log[-1].append(_weights_key(weights))
        if _looks_like_weights(inputs) and not _looks_like_weights(weights):
            swapped.append(True)
        return (step_fn or original)(inputs, weights)

    def hint_for(exc):
        return mistakes.NETWORK["arguments_swapped"] if swapped else None

    outputs = []
    if original is not _MISSING:
        namespace["perceptron"] = perceptron
    try:
        for x in inputs:
            log.append([])
            value = call(f, name, *x, case=f"{name}{x}", hint_for=hint_for)
            outputs.append(_as_bit(value, name, x))
    finally:
        if original is not _MISSING:
            namespace["perceptron"] = original
    return tuple(outputs), log


def expect_fixed_weights(log, name, inputs):
    """O k-ésimo perceptron chamado recebe os mesmos pesos em todas as entradas."""
    for k in range(max(len(calls) for calls in log)):
        seen = {calls[k] if k < len(calls) else None: x for x, calls in zip(inputs, log)}
        if len(seen) > 1:
            (w_a, x_a), (w_b, x_b) = list(seen.items())[:2]
            fail(f"o {k + 1}º perceptron que `{name}` chama recebeu pesos (w..., b) diferentes "
                 f"conforme a entrada: {w_a} em {name}{x_a} e {w_b} em {name}{x_b}.\n  Lembre "
                 f"{RULE}", hints=[mistakes.NETWORK["weights_depend_on_input"]])
