"""Verificações do exercício ``ex_xor_mlp`` (capítulo 4, XOR e o perceptron multicamadas).

Uma verificação por resposta do aluno:

* ``check_gate_weights(AND_NOT_WEIGHTS, MAJORITY_WEIGHTS)`` — duas portas que o capítulo não
  mostra, cada uma uma tupla ``(w, b)`` de um perceptron com degrau (1 se ``z >= 0``; o empate
  conta como 1): "x1 e não x2" e a maioria de três entradas. Vale qualquer peso que dê a
  tabela-verdade;
* ``check_exactly_one(exactly_one)`` — a tabela-verdade de "exatamente uma das três entradas
  vale 1" nas oito entradas **e** a regra do exercício: ``exactly_one`` só combina chamadas de
  ``perceptron``, com pesos fixos que o aluno escolhe (o código da função é lido com
  ``inspect``/``ast``, e cada perceptron chamado é anotado para conferir que os seus pesos não
  mudam com a entrada);
* ``check_train_xor(train_xor)`` — a inicialização pedida, um passo de retropropagação
  (*backpropagation*) igual ao da referência, o treino completo acertando as quatro
  entradas e a reprodutibilidade pela semente.

Os valores esperados são calculados aqui mesmo, com numpy puro — nunca com as
funções de ``nn_helpers`` que o capítulo ensina.
"""

import ast
import builtins
import inspect
import itertools
import textwrap

import numpy as np

from .checking import (Hint, call, expect_seed_respected, fail, fmt, install_notebook_hints,
                       is_close, passed)

__all__ = ["check_gate_weights", "check_exactly_one", "check_train_xor"]

install_notebook_hints()

INPUTS = ((0, 0), (0, 1), (1, 0), (1, 1))
INPUTS3 = tuple(itertools.product((0, 1), repeat=3))     # (0, 0, 0), (0, 0, 1), ..., (1, 1, 1)
X_XOR = np.array(INPUTS, dtype=float)
Y_XOR = np.array([[0.0], [1.0], [1.0], [0.0]])

# "Para ir além" do notebook: em quantas de 20 sementes (0 a 19) a rede de train_xor (lr=5,
# 1000 épocas) acerta as quatro entradas, com 2 e com 4 neurônios escondidos. Medido rodando a
# solução; tests/test_exercises.py::test_solution_passes_every_check[ex_xor_mlp] mede de novo.
GO_FURTHER_SOLVED = {2: 0.85, 4: 1.0}


def _table(rule, inputs):
    return tuple(int(bool(rule(*x))) for x in inputs)


# Tabelas-verdade, para dar nome ao que veio. Duas entradas: (0, 0), (0, 1), (1, 0), (1, 1).
GATES = {
    (0, 0, 0, 1): "AND", (0, 1, 1, 1): "OR", (0, 1, 1, 0): "XOR",
    (1, 1, 1, 0): "NAND", (1, 0, 0, 0): "NOR", (1, 0, 0, 1): "XNOR",
    (0, 0, 1, 1): "a cópia de x1", (0, 1, 0, 1): "a cópia de x2",
    (1, 1, 0, 0): "NOT x1", (1, 0, 1, 0): "NOT x2",
    (0, 0, 1, 0): "\"x1 e não x2\"", (0, 1, 0, 0): "\"x2 e não x1\"",
    (1, 1, 0, 1): "\"x2 ou não x1\"", (1, 0, 1, 1): "\"x1 ou não x2\"",
    (0, 0, 0, 0): "a constante 0", (1, 1, 1, 1): "a constante 1",
}
# Três entradas, na ordem de INPUTS3.
AND_NOT_TABLE = _table(lambda a, b: a and not b, INPUTS)
MAJORITY_TABLE = _table(lambda a, b, c: a + b + c >= 2, INPUTS3)
EXACTLY_ONE_TABLE = _table(lambda a, b, c: a + b + c == 1, INPUTS3)
PARITY_TABLE = _table(lambda a, b, c: (a + b + c) % 2, INPUTS3)
AT_LEAST_ONE_TABLE = _table(lambda a, b, c: a + b + c >= 1, INPUTS3)
AT_MOST_ONE_TABLE = _table(lambda a, b, c: a + b + c <= 1, INPUTS3)
GATES3 = {
    AT_LEAST_ONE_TABLE: "\"pelo menos uma\" (o OR das três)",
    _table(lambda a, b, c: a and b and c, INPUTS3): "\"as três\" (o AND das três)",
    MAJORITY_TABLE: "\"pelo menos duas\" (a maioria)",
    _table(lambda a, b, c: a + b + c == 2, INPUTS3): "\"exatamente duas\"",
    PARITY_TABLE: "a paridade (o XOR das três)",
    AT_MOST_ONE_TABLE: "\"no máximo uma\"",
    _table(lambda a, b, c: a + b + c == 0, INPUTS3): "\"nenhuma\" (o NOR das três)",
    _table(lambda a, b, c: a + b + c != 1, INPUTS3): "o contrário de \"exatamente uma\"",
    _table(lambda a, b, c: a ^ b, INPUTS3): "o XOR de x1 e x2 (x3 ficou de fora)",
    _table(lambda a, b, c: 0, INPUTS3): "a constante 0",
    _table(lambda a, b, c: 1, INPUTS3): "a constante 1",
}


# --- 1. os pesos de duas portas que o capítulo não mostra -------------------------------

def _unpack(weights, name, n_inputs):
    """``(w, b)`` de uma porta como ``(array (n_inputs,), float)``, ou falha em português.

    Aceita ``w`` como lista, tupla ou array, e ``b`` como número (também do numpy) ou como
    lista/array com um número só; a tupla ``(w, b)`` pode ser uma lista ``[w, b]``.
    """
    __tracebackhide__ = True
    if weights is None:
        fail(f"`{name}` ainda não foi implementada: troque o `None` pelos pesos e execute a "
             f"célula.")
    example = {1: "[w1]", 2: "[w1, w2]", 3: "[w1, w2, w3]"}[n_inputs]
    if not isinstance(weights, (tuple, list)) or len(weights) != 2:
        fail(f"`{name}` deve ser uma tupla `(w, b)` — os pesos `w` e o viés (*bias*) `b`, "
             f"por exemplo `({example}, -0.5)` —, mas veio {fmt(weights)}.")
    w, b = weights
    try:
        w = np.asarray(w, dtype=float).reshape(-1)
        b = np.asarray(b, dtype=float)
    except (TypeError, ValueError):
        b = None
    if b is None or b.size != 1:
        bias_first = Hint("xor_mlp.bias_first", "a ordem é `(w, b)`: primeiro a lista dos "
                          "pesos, depois o viés.")
        fail(f"`{name}`: em `(w, b)`, `w` deve ser uma lista de números e `b` um número, "
             f"mas veio {fmt(weights)}.",
             hints=[bias_first if b is not None and b.size == n_inputs and w.size == 1 else None])
    b = float(b.reshape(-1)[0])
    if w.shape != (n_inputs,):
        entradas = {1: "uma entrada só", 2: "duas entradas", 3: "três entradas"}[n_inputs]
        fail(f"`{name}`: a porta tem {entradas}, então `w` deve ter {n_inputs} "
             f"peso(s), como `{example}`; veio `w` = {fmt(w)}.")
    if not np.all(np.isfinite(w)) or not np.isfinite(b):
        fail(f"`{name}` contém NaN ou infinito: {fmt(weights)}.")
    return w, b


def _br(value):
    """Um número curto com vírgula decimal, para o texto das dicas: ``-0.5`` → ``"-0,5"``."""
    return f"{value:g}".replace(".", ",")


def _step_table(w, b, inputs, strict=False):
    """Saídas do perceptron ``degrau(w·x + b)``; ``strict`` usa ``z > 0``, a convenção de
    Mansano, Gengo e Caridá."""
    z = np.array([np.dot(w, x) for x in inputs]) + b
    return tuple(int(v) for v in (z > 0 if strict else z >= 0))


def _wrong_rows(call_text, inputs, target, got):
    """As linhas da tabela-verdade que estão erradas, uma por linha."""
    wrong = [(x, e, g) for x, e, g in zip(inputs, target, got) if e != g]
    rows = "\n".join(f"    {call_text}{x} → esperado {e}, recebido {fmt(g)}" for x, e, g in wrong)
    return f"errou {len(wrong)} das {len(inputs)} entradas:\n{rows}"


def _gate_hints(name, inputs, target, got, w, b):
    """As dicas para uma porta de um perceptron só que não dá a tabela pedida."""
    hints = []
    if _step_table(w, b, inputs, strict=True) == target:
        hints.append(Hint("xor_mlp.tie_at_zero", "algum z dá exatamente 0. Aqui o degrau é 1 se "
                          "z ≥ 0, então z = 0 já dá 1 (com a convenção z > 0 daria 0). Afaste a "
                          "fronteira das entradas, por exemplo com um viés entre dois valores "
                          "inteiros (−0,5, −1,5...)."))
    elif b > 0 and got[0] == 1:
        hints.append(Hint("xor_mlp.bias_sign", f"na entrada {inputs[0]} todas as entradas valem "
                          f"0, então z = b = {_br(b)} e a saída é 1; a porta pede 0 ali, então o "
                          f"viés precisa ser negativo."))
    if name == "AND_NOT_WEIGHTS" and w[1] >= 0:
        hints.append(Hint("xor_mlp.and_not_needs_negative_weight", "x2 = 1 deve desligar a "
                          "saída, mesmo com x1 = 1: o peso de x2 precisa ser negativo."))
    elif name == "AND_NOT_WEIGHTS" and got == (0, 0, 1, 1):
        hints.append(Hint("xor_mlp.and_not_weak_inhibition", f"em (1, 1), z = w1 + w2 + b = "
                          f"{_br(w.sum() + b)} ≥ 0: o peso negativo de x2 é fraco demais para "
                          f"desligar a saída quando x1 também vale 1. Ele precisa vencer w1 + b."))
    if name == "MAJORITY_WEIGHTS" and not hints:
        if np.all(w == w[0]) and w[0] > 0:
            # com pesos iguais, z = w·s + b só depende de s = x1 + x2 + x3
            on = next((s for s in range(4) if w[0] * s + b >= 0), None)
            where = (f"a saída vira 1 a partir de s = {on}" if on is not None
                     else "a saída nunca vira 1")
            hints.append(Hint("xor_mlp.majority_threshold", f"com os três pesos iguais, z = "
                              f"{_br(w[0])}·s {'+' if b >= 0 else '−'} {_br(abs(b))} só depende de "
                              f"s = x1 + x2 + x3, e {where}; a maioria pede 1 a partir de s = 2 "
                              f"(duas das três). Mude o viés."))
        elif not np.all(w == w[0]):
            hints.append(Hint("xor_mlp.majority_symmetric", "a maioria não depende de QUAL "
                              "entrada vale 1, só de QUANTAS: comece com os três pesos iguais "
                              "e escolha o viés."))
    names = GATES if len(inputs) == 4 else GATES3
    if got in names:
        hints.append(Hint("xor_mlp.weights_compute_other_gate",
                          f"esses pesos calculam {names[got]}."))
    return hints


def check_gate_weights(AND_NOT_WEIGHTS, MAJORITY_WEIGHTS):
    """Confere os dois pares ``(w, b)``: "x1 e não x2" (duas entradas) e a maioria (três)."""
    __tracebackhide__ = True
    gates = [("AND_NOT_WEIGHTS", AND_NOT_WEIGHTS, INPUTS, AND_NOT_TABLE, "\"x1 e não x2\""),
             ("MAJORITY_WEIGHTS", MAJORITY_WEIGHTS, INPUTS3, MAJORITY_TABLE,
              "a maioria (\"pelo menos duas das três\")")]
    unpacked = [_unpack(weights, name, len(inputs[0])) for name, weights, inputs, _, _ in gates]
    for (name, _, inputs, target, gate), (w, b) in zip(gates, unpacked):
        got = _step_table(w, b, inputs)
        if got != target:
            fail(f"`{name}` = ({fmt(w)}, {b:g}) não calcula {gate}; "
                 + _wrong_rows("entrada ", inputs, target, got),
                 hints=_gate_hints(name, inputs, target, got, w, b))
    passed("check_gate_weights", len(INPUTS) + len(INPUTS3))


# --- 2. "exatamente uma" feita só de perceptrons ------------------------------------------

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
    __tracebackhide__ = True
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(f)))
    except (OSError, TypeError, SyntaxError, IndentationError):
        fail(f"Não consegui ler o código de `{name}` para conferir {RULE}",
             hints=[Hint("xor_mlp.source_unreadable", f"defina `{name}` com `def` numa célula "
                         f"do notebook e execute a célula.")])
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == f.__name__:
            return node
        if isinstance(node, ast.Lambda):
            return node
    fail(f"Não achei a definição de `{name}` no código dela.")


def _perceptron_calls(f, name, seen):
    """Confere a regra em ``f`` (e nas funções auxiliares que ela chama); conta os perceptrons."""
    __tracebackhide__ = True
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
            _check_perceptron_is_the_given_one(namespace.get("perceptron", _MISSING))
            count += 1
            continue
        if isinstance(func, ast.Name) and func.id in local_functions:
            continue                      # uma função definida dentro da função: já é percorrida
        target = _resolve(func, namespace)
        if any(target is ok for ok in allowed_calls):
            continue
        if inspect.isfunction(target):    # uma função auxiliar do aluno: mesma regra
            count += _perceptron_calls(target, func.id if isinstance(func, ast.Name) else name, seen)
            continue
        fail(f"{where(child)}: `{ast.unparse(func)}` não é um perceptron.\n  Lembre {RULE}")
    return count


def _given_perceptron(inputs, weights):
    w, b = weights
    return 1 if np.dot(w, inputs) + b >= 0 else 0


def _check_perceptron_is_the_given_one(perceptron):
    """O ``perceptron`` usado deve ser o degrau da célula fornecida (não redefinido)."""
    __tracebackhide__ = True
    g = np.random.default_rng(4)
    cases = [(np.array(x, dtype=float), (g.normal(size=3), float(g.normal()))) for x in INPUTS3]
    cases.append((np.array([1.0, 0.0]), (np.array([1.0, 1.0]), -1.0)))   # z = 0 exatamente → 1
    try:
        ok = all(int(perceptron(x, (w, b))) == _given_perceptron(x, (w, b)) for x, (w, b) in cases)
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
    __tracebackhide__ = True
    if value is None:
        fail(f"`{name}{x}` devolveu None.", hints=[Hint(
            "xor_mlp.missing_return", "faltou o `return`: devolva a saída do último perceptron, "
            "`return perceptron([...], (w, b))`.")])
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        arr = np.zeros(0)
    if arr.size != 1:
        fail(f"`{name}{x}` deveria devolver um número, 0 ou 1, mas devolveu {fmt(value)}.")
    return float(arr.reshape(-1)[0])


def _run(f, name, inputs, step=None):
    """Roda ``f`` em cada entrada; devolve as saídas e os pesos de cada perceptron chamado.

    Enquanto roda, o ``perceptron`` do notebook (no módulo de ``f``) é trocado por um que
    anota os pesos que recebe — e, com ``step``, calcula com esse degrau no lugar do dado.
    """
    __tracebackhide__ = True
    namespace = getattr(f, "__globals__", None)
    original = namespace.get("perceptron", _MISSING) if isinstance(namespace, dict) else _MISSING
    log, swapped = [], []

    def perceptron(inputs, weights):
        log[-1].append(_weights_key(weights))
        if _looks_like_weights(inputs) and not _looks_like_weights(weights):
            swapped.append(True)
        return (step or original)(inputs, weights)

    def hint_for(exc):
        return ARGUMENTS_SWAPPED if swapped else None

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


ARGUMENTS_SWAPPED = Hint("xor_mlp.arguments_swapped", "a ordem é `perceptron(entradas, pesos)`: "
                         "primeiro a lista das entradas, como `[x1, x2, x3]`, depois a tupla "
                         "`(w, b)`.")


def _looks_like_weights(value):
    """``value`` tem a cara de uma tupla ``(w, b)``: dois elementos, o primeiro uma lista."""
    return (isinstance(value, (tuple, list)) and len(value) == 2
            and isinstance(value[0], (tuple, list, np.ndarray)))


def _check_fixed_weights(log, name, inputs):
    """O k-ésimo perceptron chamado recebe os mesmos pesos em todas as entradas."""
    __tracebackhide__ = True
    varies = Hint("xor_mlp.weights_depend_on_input", "os pesos de um perceptron são números "
                  "fixos, escolhidos por você; só as entradas mudam. Um peso que vem das "
                  "entradas (ou da saída de outro perceptron) multiplica entradas, e isso já não "
                  "é um perceptron: ponha esse valor na lista de ENTRADAS, com um peso fixo.")
    for k in range(max(len(calls) for calls in log)):
        seen = {calls[k] if k < len(calls) else None: x for x, calls in zip(inputs, log)}
        if len(seen) > 1:
            (w_a, x_a), (w_b, x_b) = list(seen.items())[:2]
            fail(f"o {k + 1}º perceptron que `{name}` chama recebeu pesos (w..., b) diferentes "
                 f"conforme a entrada: {w_a} em {name}{x_a} e {w_b} em {name}{x_b}.\n  Lembre "
                 f"{RULE}", hints=[varies])


def _network_hints(got, tie_fixes):
    """As dicas para uma rede que não dá a tabela de "exatamente uma"."""
    hints = []
    if tie_fixes:
        hints.append(Hint("xor_mlp.network_tie_at_zero", "algum perceptron da sua rede recebe "
                          "z = 0 exatamente, e aqui z = 0 já dá 1: com a convenção z > 0 a rede "
                          "estaria certa. Afaste as fronteiras das entradas (vieses como −0,5, "
                          "−1,5...)."))
    if got == PARITY_TABLE:
        hints.append(Hint("xor_mlp.computes_parity", "em (1, 1, 1) as três entradas valem 1 e a "
                          "sua rede responde 1: isto é a paridade, XOR(XOR(x1, x2), x3), não "
                          "\"exatamente uma\". Falta excluir o caso das três."))
    elif got == AT_LEAST_ONE_TABLE:
        hints.append(Hint("xor_mlp.computes_at_least_one", "isto é \"pelo menos uma\" (o OR das "
                          "três); falta desligar a saída quando duas ou mais entradas valem 1."))
    elif got == AT_MOST_ONE_TABLE:
        hints.append(Hint("xor_mlp.computes_at_most_one", "isto é \"no máximo uma\": em "
                          "(0, 0, 0) nenhuma entrada vale 1, e a resposta ali é 0."))
    elif got == tuple(1 - e for e in EXACTLY_ONE_TABLE):
        hints.append(Hint("xor_mlp.computes_complement", "a sua rede responde o contrário nas "
                          "oito entradas: troque a porta final pela porta oposta (ou tire um "
                          "NOT)."))
    elif got in GATES3:
        hints.append(Hint("xor_mlp.computes_other_gate", f"sua rede calcula {GATES3[got]}."))
    for i in range(3):
        flip = [tuple(1 - v if j == i else v for j, v in enumerate(x)) for x in INPUTS3]
        if len(set(got)) > 1 and all(got[INPUTS3.index(y)] == g for y, g in zip(flip, got)):
            hints.append(Hint("xor_mlp.ignores_input", f"a resposta da sua rede não muda quando "
                              f"só x{i + 1} muda: x{i + 1} não chega à saída."))
    return hints


def check_exactly_one(exactly_one):
    """Confere ``exactly_one(x1, x2, x3)``: a tabela-verdade e que ela é feita só de perceptrons."""
    __tracebackhide__ = True
    name = "exactly_one"
    got, log = _run(exactly_one, name, INPUTS3)
    if _perceptron_calls(exactly_one, name, set()) == 0:
        fail(f"`{name}` não chama `perceptron`.\n  Lembre {RULE}")
    _check_fixed_weights(log, name, INPUTS3)
    if not is_close(got, EXACTLY_ONE_TABLE, rtol=0, atol=1e-12):
        bits = set(got) <= {0.0, 1.0}
        got_bits = tuple(int(g) for g in got) if bits else None
        strict = (lambda inputs, weights:
                  1 if np.dot(weights[0], inputs) + weights[1] > 0 else 0)
        tie_fixes = bits and _run(exactly_one, name, INPUTS3, step=strict)[0] == EXACTLY_ONE_TABLE
        fail(f"`{name}` não dá a tabela-verdade de \"exatamente uma entrada vale 1\"; "
             + _wrong_rows(name, INPUTS3, EXACTLY_ONE_TABLE, got),
             hints=_network_hints(got_bits, tie_fixes) if bits else [])
    n = len(log[0]) if log else 0
    passed("check_exactly_one", len(INPUTS3) + 2,
           figure=f"a sua rede usa {n} perceptron{'s' if n != 1 else ''}; a da solução do curso "
                  f"usa {REFERENCE_PERCEPTRONS} (qualquer rede que dê a tabela vale).")


REFERENCE_PERCEPTRONS = 3   # pelo menos uma, pelo menos duas, e "a primeira e não a segunda"


# --- 3. treinar uma rede com sigmoide por retropropagação --------------------------------

def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def _xor_init(hidden, seed, legacy=False):
    g = np.random.RandomState(seed) if legacy else np.random.default_rng(seed)
    W1 = g.normal(0.0, 1.0, size=(2, hidden))
    W2 = g.normal(0.0, 1.0, size=(hidden, 1))
    return {"W1": W1, "b1": np.zeros(hidden), "W2": W2, "b2": np.zeros(1)}


def _xor_forward(p, X=X_XOR, linear_hidden=False):
    Z1 = X @ p["W1"] + p["b1"]
    A1 = Z1 if linear_hidden else _sigmoid(Z1)
    return A1, _sigmoid(A1 @ p["W2"] + p["b2"])


def _xor_train(hidden, lr, epochs, seed, mistake=None):
    """Gradiente descendente em lote na entropia cruzada binária média; ``mistake`` simula enganos."""
    p = _xor_init(hidden, seed)
    X, Y, n = X_XOR, Y_XOR, len(X_XOR)
    for _ in range(epochs):
        A1, P = _xor_forward(p, linear_hidden=mistake == "linear_hidden")
        dZ2 = {"mse": 2 * (P - Y) * P * (1 - P) / n, "mse_half": (P - Y) * P * (1 - P) / n,
               "sum": P - Y}.get(mistake, (P - Y) / n)
        dW2, db2 = A1.T @ dZ2, dZ2.sum(axis=0)
        W2_for_delta1 = p["W2"] - lr * dW2 if mistake == "W2_updated_first" else p["W2"]
        dA1 = dZ2 @ W2_for_delta1.T
        if mistake in ("linear_hidden", "no_hidden_derivative"):
            dZ1 = dA1
        else:
            dZ1 = dA1 * A1 * (1 - A1)
        g = {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=0), "W2": dW2, "b2": db2}
        if mistake == "no_bias":
            g["b1"], g["b2"] = 0 * g["b1"], 0 * g["b2"]
        if mistake == "bias_sum_no_axis":
            g["b1"] = dZ1.sum()
        if mistake == "bias_mean":
            g["b1"], g["b2"] = dZ1.mean(axis=0), dZ2.mean(axis=0)
        sign = -1.0 if mistake == "sign" else 1.0
        p = {k: p[k] - sign * lr * g[k] for k in p}
    return p


_MSE_HINT = Hint("xor_mlp.mse_gradient", "isso é o gradiente do erro quadrático; aqui o custo é a "
                 "entropia cruzada binária, e com a sigmoide na saída δ2 = (P − Y) / n.")
_XOR_HINTS = {
    "sign": Hint("xor_mlp.update_sign", "o sinal está trocado — na atualização ou em δ2. O "
                 "gradiente aponta para onde o custo CRESCE: atualize com `W = W - lr * dW`, e "
                 "com δ2 = (P − Y) / n (não (Y − P) / n)."),
    "bias_sum_no_axis": Hint("xor_mlp.bias_sum_no_axis", "`dZ1.sum()` sem eixo soma tudo num número "
                             "só, e todos os vieses de b1 andam juntos: some só sobre as amostras, "
                             "`dZ1.sum(axis=0)`."),
    "bias_mean": Hint("xor_mlp.bias_grad_mean", "δ já foi dividido por n: o gradiente de um viés é "
                      "a SOMA de δ sobre as amostras (`axis=0`), não a média (dividiu por n duas "
                      "vezes)."),
    "no_bias": Hint("xor_mlp.bias_not_updated", "`b1` e `b2` não mudaram: atualize também os "
                    "vieses (*bias*), com dB = soma de δ nas amostras."),
    "linear_hidden": Hint("xor_mlp.linear_hidden", "parece que a camada escondida ficou sem a "
                          "sigmoide (A1 = Z1). Sem uma não linearidade a rede inteira é linear — "
                          "e nenhum modelo linear separa o XOR."),
    "no_hidden_derivative": Hint("xor_mlp.no_sigmoid_derivative", "faltou multiplicar pela "
                                 "derivada da sigmoide escondida: δ1 = (δ2 · W2ᵀ) ⊙ A1 ⊙ (1 − A1)."),
    "mse": _MSE_HINT,
    "mse_half": _MSE_HINT,
    "W2_updated_first": Hint("xor_mlp.w2_updated_first", "δ1 usa o W2 de ANTES da atualização: "
                             "calcule todos os gradientes primeiro e só depois atualize os pesos."),
    "sum": Hint("xor_mlp.sum_not_mean", "faltou dividir por n = 4: o custo é a MÉDIA da entropia "
                "cruzada nas quatro entradas."),
}
_KEYS_SHAPES = ("W1", "b1", "W2", "b2")


def _params(result, hidden, case):
    """Confere que ``train_xor`` devolveu o dicionário pedido; devolve-o com arrays float."""
    __tracebackhide__ = True
    shapes = {"W1": (2, hidden), "b1": (hidden,), "W2": (hidden, 1), "b2": (1,)}
    if not isinstance(result, dict) or set(result) != set(shapes):
        got = sorted(result) if isinstance(result, dict) else type(result).__name__
        fail(f"`train_xor` deve devolver um dicionário com as chaves 'W1', 'b1', 'W2' e 'b2', "
             f"mas devolveu {got}.\n  entrada: {case}")
    out = {}
    for key, shape in shapes.items():
        try:
            arr = np.asarray(result[key], dtype=float)
        except (TypeError, ValueError):
            fail(f"`train_xor`: params['{key}'] não é um array de números.\n  entrada: {case}")
        if arr.shape != shape:
            transposed = Hint("xor_mlp.transposed", "está transposto.")
            fail(f"`train_xor`: params['{key}'] deveria ter forma {shape}, mas tem {arr.shape}."
                 f"\n  entrada: {case}",
                 hints=[transposed if arr.shape == shape[::-1] and len(shape) == 2 else None])
        out[key] = arr
    return out


def _same(p, q, rtol=1e-6, atol=1e-9):
    return all(is_close(p[k], q[k], rtol=rtol, atol=atol) for k in _KEYS_SHAPES)


def _diff_text(got, expected):
    key = next(k for k in _KEYS_SHAPES if not is_close(got[k], expected[k], rtol=1e-6, atol=1e-9))
    return (f"  params['{key}'] esperado: {fmt(expected[key])}\n"
            f"  params['{key}'] recebido: {fmt(got[key])}")


def check_train_xor(train_xor):
    """Confere ``train_xor(hidden, lr, epochs, seed)`` → ``{'W1', 'b1', 'W2', 'b2'}``."""
    __tracebackhide__ = True
    def run(hidden, lr, epochs, seed):
        __tracebackhide__ = True
        case = f"train_xor(hidden={hidden}, lr={lr}, epochs={epochs}, seed={seed})"
        return _params(call(train_xor, "train_xor", hidden, lr, epochs, seed, case=case),
                       hidden, case)

    # 1. A semente: mesma semente, mesmos pesos; outra semente, outros pesos.
    first, again, other = run(3, 5.0, 0, 7), run(3, 5.0, 0, 7), run(3, 5.0, 0, 8)
    expect_seed_respected(_same(first, again, rtol=0, atol=0), _same(first, other, rtol=0, atol=0),
                          "train_xor", (7, 8), "train_xor(hidden=3, lr=5.0, epochs=0, seed=7)",
                          "pesos", Hint("xor_mlp.seed_not_used", "crie o gerador com `rng = "
                                        "np.random.default_rng(seed)` e sorteie com ele (não "
                                        "use `np.random.normal` sem semente)."))

    # 2. A inicialização pedida (epochs = 0: nenhuma atualização).
    expected = _xor_init(3, 7)
    if not _same(first, expected, rtol=1e-12, atol=0):
        message = ("`train_xor` com epochs=0 deve devolver os pesos iniciais pedidos:\n"
                   "  rng = np.random.default_rng(seed); W1 = rng.normal(0, 1, size=(2, hidden)); "
                   "W2 = rng.normal(0, 1, size=(hidden, 1)) (nesta ordem); b1 e b2 zerados.\n"
                   "  entrada: train_xor(hidden=3, lr=5.0, epochs=0, seed=7)\n"
                   + _diff_text(first, expected))
        legacy = Hint("xor_mlp.legacy_generator", "isto é o gerador antigo (`np.random.seed` / "
                      "`np.random.normal`); use o novo, `rng = np.random.default_rng(seed)`, e "
                      "`rng.normal(...)`.")
        extra = Hint("xor_mlp.one_extra_epoch", "com epochs=0 os pesos já mudaram uma vez: a "
                     "inicialização está certa, mas o laço roda uma época a mais. Use "
                     "`for _ in range(epochs)`, não `range(epochs + 1)`.")
        fail(message, hints=[legacy if _same(first, _xor_init(3, 7, legacy=True)) else
                             extra if _same(first, _xor_train(3, 5.0, 1, 7)) else None])

    # 3. Um passo e três passos de retropropagação, iguais aos da referência.
    for epochs in (1, 3):
        case = f"train_xor(hidden=3, lr=0.5, epochs={epochs}, seed=7)"
        got, expected = run(3, 0.5, epochs, 7), _xor_train(3, 0.5, epochs, 7)
        if not _same(got, expected):
            message = (f"`train_xor`: depois de {epochs} época(s) os pesos não batem com os do "
                       f"gradiente descendente na entropia cruzada binária média.\n"
                       f"  entrada: {case}\n{_diff_text(got, expected)}")
            hint = next((hint for mistake, hint in _XOR_HINTS.items()
                         if _same(got, _xor_train(3, 0.5, epochs, 7, mistake), rtol=1e-4, atol=1e-7)),
                        None)
            fail(message, hints=[hint])

    # 4. O treino completo acerta as quatro entradas (limiar 0,5), com duas sementes.
    costs = {}
    for seed in (0, 1):
        case = f"train_xor(hidden=4, lr=5.0, epochs=1000, seed={seed})"
        params = run(4, 5.0, 1000, seed)
        _, P = _xor_forward(params)
        costs[seed] = _cost(P)
        predicted = (P[:, 0] >= 0.5).astype(int)
        if not np.all(np.isfinite(P)) or list(predicted) != [0, 1, 1, 0]:
            rows = "\n".join(f"    {x} → esperado {int(t)}, P = {p:.3f}"
                             for x, t, p in zip(INPUTS, Y_XOR[:, 0], P[:, 0]))
            fail(f"`train_xor`: depois do treino a rede não acerta as quatro entradas "
                 f"(classe 1 se P ≥ 0,5).\n  entrada: {case}\n{rows}")
    reference = _cost(_xor_forward(_xor_train(4, 5.0, 1000, 0))[1])
    passed("check_train_xor", 3 + 1 + 2 + 2,
           figure=f"custo final (entropia cruzada) com seed=0: {_decimal(costs[0])} "
                  f"(a solução do curso: {_decimal(reference)}).")


def _cost(P):
    """A entropia cruzada binária média da saída ``P`` (4, 1) nas quatro entradas do XOR."""
    P = np.clip(P, 1e-12, 1 - 1e-12)
    return float(-np.mean(Y_XOR * np.log(P) + (1 - Y_XOR) * np.log(1 - P)))


def _decimal(value):
    return f"{value:.4f}".replace(".", ",")
