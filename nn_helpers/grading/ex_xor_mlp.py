"""Verificações do exercício ``ex_xor_mlp`` (capítulo 4, XOR e o perceptron multicamadas).

Uma verificação por resposta do aluno:

* ``check_logic_weights(AND_WEIGHTS, OR_WEIGHTS, NOT_WEIGHTS)`` — cada porta é uma
  tupla ``(w, b)`` de um perceptron com degrau (1 se ``z >= 0``; o empate conta como 1);
* ``check_xor(xor)`` — a tabela-verdade nas quatro entradas **e** a regra do
  exercício: ``xor`` só combina chamadas de ``perceptron`` com aqueles três pares de pesos
  (o código da função é lido com ``inspect``/``ast``);
* ``check_train_xor(train_xor)`` — a inicialização pedida, um passo de retropropagação
  (*backpropagation*) igual ao da referência, o treino completo acertando as quatro
  entradas e a reprodutibilidade pela semente.

Os valores esperados são calculados aqui mesmo, com numpy puro — nunca com as
funções de ``nn_helpers`` que o capítulo ensina.
"""

import ast
import builtins
import inspect
import textwrap

import numpy as np

from .checking import (Hint, call, expect_seed_respected, fail, fmt, install_notebook_hints,
                       is_close, passed)

__all__ = ["check_logic_weights", "check_xor", "check_train_xor"]

install_notebook_hints()

INPUTS = ((0, 0), (0, 1), (1, 0), (1, 1))
X_XOR = np.array(INPUTS, dtype=float)
Y_XOR = np.array([[0.0], [1.0], [1.0], [0.0]])

# Tabelas-verdade nas entradas (0, 0), (0, 1), (1, 0), (1, 1) — para dar nome ao que veio.
GATES = {
    (0, 0, 0, 1): "AND", (0, 1, 1, 1): "OR", (0, 1, 1, 0): "XOR",
    (1, 1, 1, 0): "NAND", (1, 0, 0, 0): "NOR", (1, 0, 0, 1): "XNOR",
    (0, 0, 1, 1): "a cópia de x1", (0, 1, 0, 1): "a cópia de x2",
    (0, 0, 0, 0): "a constante 0", (1, 1, 1, 1): "a constante 1",
}


# --- 1. os pesos das portas lógicas ------------------------------------------------------

def _unpack(weights, name, n_inputs):
    """``(w, b)`` de uma porta como ``(array (n_inputs,), float)``, ou falha em português."""
    __tracebackhide__ = True
    if weights is None:
        fail(f"`{name}` ainda não foi implementada: troque o `raise NotImplementedError` "
             f"pelos pesos e execute a célula.")
    shape = "[w1, w2]" if n_inputs == 2 else "[w1]"
    if not isinstance(weights, (tuple, list)) or len(weights) != 2:
        fail(f"`{name}` deve ser uma tupla `(w, b)` — os pesos `w` e o viés (*bias*) `b`, "
             f"por exemplo `({shape}, -0.5)` —, mas veio {fmt(weights)}.")
    w, b = weights
    try:
        w = np.asarray(w, dtype=float).reshape(-1)
        b = np.asarray(b, dtype=float)
    except (TypeError, ValueError):
        b = None
    if b is None or b.size != 1:
        fail(f"`{name}`: em `(w, b)`, `w` deve ser uma lista de números e `b` um número, "
             f"mas veio {fmt(weights)}.")
    b = float(b.reshape(-1)[0])
    if w.shape != (n_inputs,):
        entradas = "duas entradas" if n_inputs == 2 else "uma entrada só"
        fail(f"`{name}`: a porta tem {entradas}, então `w` deve ter {n_inputs} "
             f"peso(s), como `{shape}`; veio `w` = {fmt(w)}.")
    if not np.all(np.isfinite(w)) or not np.isfinite(b):
        fail(f"`{name}` contém NaN ou infinito: {fmt(weights)}.")
    return w, b


def _step_table(w, b, inputs, strict=False):
    """Saídas do perceptron ``degrau(w·x + b)``; ``strict`` usa ``z > 0``, a convenção de
    Mansano, Gengo e Caridá."""
    z = np.array([np.dot(w, x) for x in inputs]) + b
    return tuple(int(v) for v in (z > 0 if strict else z >= 0))


def _fail_gate(name, target, inputs, got, w, b):
    __tracebackhide__ = True
    rows = "\n".join(f"    {x} → esperado {e}, recebido {g}" for x, e, g in zip(inputs, target, got))
    hints = []
    if len(inputs) == 4 and got in GATES:
        hints.append(Hint("xor_mlp.weights_compute_other_gate", f"esses pesos calculam {GATES[got]}."))
    if len(inputs) == 2 and got == (0, 1):
        hints.append(Hint("xor_mlp.not_keeps_input",
                          "isto repete a entrada; o NOT precisa de um peso negativo."))
    if _step_table(w, b, inputs, strict=True) == target:
        hints.append(Hint("xor_mlp.tie_at_zero", "algum z dá exatamente 0. Aqui o degrau é 1 se "
                          "z ≥ 0, então z = 0 já dá 1 (com a convenção z > 0 daria 0). Afaste a "
                          "fronteira das entradas, por exemplo com um viés entre dois valores "
                          "inteiros (−0,5, −1,5...)."))
    fail(f"`{name}` = ({fmt(w)}, {b:g}) não calcula {name.split('_')[0]}:\n{rows}", hints=hints)


def check_logic_weights(AND_WEIGHTS, OR_WEIGHTS, NOT_WEIGHTS):
    """Confere os três pares ``(w, b)``: AND e OR com duas entradas, NOT com uma."""
    __tracebackhide__ = True
    gates = [("AND_WEIGHTS", AND_WEIGHTS, INPUTS, (0, 0, 0, 1)),
             ("OR_WEIGHTS", OR_WEIGHTS, INPUTS, (0, 1, 1, 1)),
             ("NOT_WEIGHTS", NOT_WEIGHTS, ((0,), (1,)), (1, 0))]
    unpacked = [_unpack(weights, name, len(inputs[0])) for name, weights, inputs, _ in gates]
    for (name, _, inputs, target), (w, b) in zip(gates, unpacked):
        got = _step_table(w, b, inputs)
        if got != target:
            _fail_gate(name, target, inputs, got, w, b)
    passed("check_logic_weights", 4 + 4 + 2)


# --- 2. xor só com perceptrons ------------------------------------------------------------

RULE = ("a regra do exercício: `xor` só pode combinar chamadas `perceptron(entradas, PESOS)` "
        "com PESOS = AND_WEIGHTS, OR_WEIGHTS ou NOT_WEIGHTS, usando a saída de um perceptron "
        "como entrada de outro (listas como `[a, b]` ou `np.array([a, b])` para juntar entradas "
        "e variáveis intermediárias valem). Não valem operadores (`^`, `!=`, `==`, `+`, `-`, `%`, "
        "`and`, `or`, `not`...), `if`, tabelas nem funções prontas como `np.logical_xor` — a graça "
        "é mostrar que uma rede de perceptrons calcula o XOR.")

_ALLOWED = (ast.FunctionDef, ast.Lambda, ast.arguments, ast.arg, ast.Return, ast.Assign,
            ast.Expr, ast.Name, ast.Load, ast.Store, ast.Call, ast.keyword, ast.List, ast.Tuple,
            ast.Attribute, ast.Constant, ast.Pass)
_SYMBOLS = {ast.BitXor: "^", ast.Mod: "%", ast.Add: "+", ast.Sub: "-", ast.Mult: "*",
            ast.Div: "/", ast.FloorDiv: "//", ast.Pow: "**", ast.BitAnd: "&", ast.BitOr: "|",
            ast.NotEq: "!=", ast.Eq: "==", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
            ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in",
            ast.And: "and", ast.Or: "or", ast.Not: "not", ast.USub: "-", ast.Invert: "~"}
_WEIGHT_NAMES = ("AND_WEIGHTS", "OR_WEIGHTS", "NOT_WEIGHTS")
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
    allowed_calls = (np.array, np.asarray, list, tuple, int, float, print)
    count = 0
    first_line = f.__code__.co_firstlineno - node.lineno   # linhas contadas como na célula
    for child in ast.walk(node):
        where = f"`{name}` (linha {first_line + getattr(child, 'lineno', node.lineno)})"
        if not isinstance(child, _ALLOWED):
            fail(f"{where}: {_describe(child)} não vale aqui.\n  Lembre {RULE}")
        if not isinstance(child, ast.Call):
            continue
        func = child.func
        if isinstance(func, ast.Name) and func.id == "perceptron":
            weights = child.args[1] if len(child.args) > 1 else next(
                (k.value for k in child.keywords if k.arg == "weights"), None)
            if not (isinstance(weights, ast.Name) and weights.id in _WEIGHT_NAMES):
                used = ast.unparse(weights) if weights is not None else "nada"
                fail(f"{where}: `perceptron` recebeu os pesos `{used}`; use só AND_WEIGHTS, "
                     f"OR_WEIGHTS ou NOT_WEIGHTS.\n  Lembre {RULE}")
            _check_perceptron_is_the_given_one(namespace.get("perceptron", _MISSING))
            count += 1
            continue
        if isinstance(func, ast.Name) and func.id in local_functions:
            continue                      # uma função definida dentro de xor: já é percorrida
        target = _resolve(func, namespace)
        if any(target is ok for ok in allowed_calls):
            continue
        if inspect.isfunction(target):    # uma função auxiliar do aluno: mesma regra
            count += _perceptron_calls(target, func.id if isinstance(func, ast.Name) else name, seen)
            continue
        fail(f"{where}: `{ast.unparse(func)}` não é um perceptron.\n  Lembre {RULE}")
    return count


def _check_perceptron_is_the_given_one(perceptron):
    """O ``perceptron`` que ``xor`` usa deve ser o degrau da célula fornecida (não redefinido)."""
    __tracebackhide__ = True
    g = np.random.default_rng(4)
    cases = [(np.array(x, dtype=float), (g.normal(size=2), float(g.normal()))) for x in INPUTS]
    cases.append((np.array([1.0, 0.0]), (np.array([1.0, 1.0]), -1.0)))   # z = 0 exatamente → 1
    try:
        ok = all(int(perceptron(x, (w, b))) == int(np.dot(w, x) + b >= 0) for x, (w, b) in cases)
    except Exception:
        ok = False
    if not ok:
        fail("O `perceptron` que `xor` chama não é o da célula fornecida (degrau: 1 se w·x + b ≥ 0, "
             "senão 0). Não redefina `perceptron`: execute de novo a célula que o define.")


def check_xor(xor):
    """Confere ``xor(x1, x2)``: a tabela-verdade e que ela é feita só de perceptrons."""
    __tracebackhide__ = True
    got = []
    for a, b in INPUTS:
        value = call(xor, "xor", a, b, case=f"xor({a}, {b})")
        try:
            arr = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            arr = np.zeros(0)
        if arr.size != 1:
            fail(f"`xor({a}, {b})` deveria devolver um número, 0 ou 1, mas devolveu {fmt(value)}.")
        got.append(float(arr.reshape(-1)[0]))
    if _perceptron_calls(xor, "xor", set()) == 0:
        fail(f"`xor` não chama `perceptron`.\n  Lembre {RULE}")
    target = (0, 1, 1, 0)
    if not is_close(got, target, rtol=0, atol=1e-12):
        rows = "\n".join(f"    xor{x} → esperado {e}, recebido {fmt(g)}"
                         for x, e, g in zip(INPUTS, target, got))
        name = GATES.get(tuple(int(round(g)) for g in got)) if set(got) <= {0.0, 1.0} else None
        if name == "XNOR":
            hint = Hint("xor_mlp.computes_xnor", "sua rede calcula XNOR, o contrário do XOR em "
                        "todas as entradas — como a rede de Mansano, Gengo e Caridá. Troque a "
                        "porta final (ou tire um NOT).")
        elif name == "OR":
            hint = Hint("xor_mlp.computes_or", "isto é OR; falta excluir o caso (1, 1): "
                        "\"pelo menos um E não os dois\".")
        else:
            hint = Hint("xor_mlp.computes_other_gate", f"sua rede calcula {name}.") if name else None
        fail(f"`xor` não dá a tabela-verdade do XOR:\n{rows}", hints=[hint])
    passed("check_xor", len(INPUTS) + 1)


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
        sign = -1.0 if mistake == "sign" else 1.0
        p = {k: p[k] - sign * lr * g[k] for k in p}
    return p


_MSE_HINT = Hint("xor_mlp.mse_gradient", "isso é o gradiente do erro quadrático; aqui o custo é a "
                 "entropia cruzada binária, e com a sigmoide na saída δ2 = (P − Y) / n.")
_XOR_HINTS = {
    "sign": Hint("xor_mlp.update_sign", "o sinal da atualização está trocado: o gradiente aponta "
                 "para onde o custo CRESCE (use `W = W - lr * dW`)."),
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
    for seed in (0, 1):
        case = f"train_xor(hidden=4, lr=5.0, epochs=1000, seed={seed})"
        params = run(4, 5.0, 1000, seed)
        _, P = _xor_forward(params)
        predicted = (P[:, 0] >= 0.5).astype(int)
        if not np.all(np.isfinite(P)) or list(predicted) != [0, 1, 1, 0]:
            rows = "\n".join(f"    {x} → esperado {int(t)}, P = {p:.3f}"
                             for x, t, p in zip(INPUTS, Y_XOR[:, 0], P[:, 0]))
            fail(f"`train_xor`: depois do treino a rede não acerta as quatro entradas "
                 f"(classe 1 se P ≥ 0,5).\n  entrada: {case}\n{rows}")
    passed("check_train_xor", 3 + 1 + 2 + 2)
