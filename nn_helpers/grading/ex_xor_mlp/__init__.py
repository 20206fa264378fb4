"""Verificações do exercício ``ex_xor_mlp`` (capítulo 4, XOR e o perceptron multicamadas).

Uma verificação por resposta do aluno:

* ``check_gate_weights(AND_NOT_WEIGHTS, MAJORITY_WEIGHTS)`` — duas portas que o capítulo não
  mostra, cada uma uma tupla ``(w, b)`` de um perceptron com degrau (1 se ``z >= 0``; o empate
  conta como 1): "x1 e não x2" e a maioria de três entradas. Vale qualquer peso que dê a
  tabela-verdade;
* ``check_exactly_one(exactly_one)`` — a tabela-verdade de "exatamente uma das três entradas
  vale 1" nas oito entradas **e** a regra do exercício: ``exactly_one`` só combina chamadas de
  ``perceptron``, com pesos fixos que o aluno escolhe (:mod:`.rule`);
* ``check_train_xor(train_xor)`` — a inicialização pedida, um passo de retropropagação
  (*backpropagation*) igual ao da referência, o treino completo acertando as quatro
  entradas e a reprodutibilidade pela semente.

Os valores esperados são calculados aqui mesmo, com numpy puro (:mod:`.solution`) — nunca com
as funções de ``nn_helpers`` que o capítulo ensina. As dicas estão em :mod:`.mistakes`.
"""

from functools import partial

import numpy as np

from ..checking import (call, check, expect_seed_respected, fail, fmt, install_notebook_hints,
                        is_close)
from ..common import weights_pair
from ..params import expect_dict, first_difference, same, shapes
from . import mistakes, solution
from .rule import RULE, expect_fixed_weights, perceptron_calls, run_network
from .solution import AND_NOT_TABLE, EXACTLY_ONE_TABLE, INPUTS, INPUTS3, MAJORITY_TABLE, Y_XOR

__all__ = ["check_gate_weights", "check_exactly_one", "check_train_xor"]

install_notebook_hints()

# "Para ir além" do notebook: em quantas de 20 sementes (0 a 19) a rede de train_xor (lr=5,
# 1000 épocas) acerta as quatro entradas, com 2 e com 4 neurônios escondidos. Medido rodando a
# solução; tests/test_exercises.py::test_solution_passes_every_check[ex_xor_mlp] mede de novo.
GO_FURTHER_SOLVED = {2: 0.85, 4: 1.0}
REFERENCE_PERCEPTRONS = 3   # pelo menos uma, pelo menos duas, e "a primeira e não a segunda"
EXAMPLES = {2: "([w1, w2], -0.5)", 3: "([w1, w2, w3], -0.5)"}      # um par (w, b), por entradas
INPUTS_TEXT = {2: "duas entradas", 3: "três entradas"}


# --- 1. os pesos de duas portas que o capítulo não mostra -------------------------------

def _wrong_rows(call_text, inputs, target, got):
    """As linhas da tabela-verdade que estão erradas, uma por linha."""
    wrong = [(x, e, g) for x, e, g in zip(inputs, target, got) if e != g]
    rows = "\n".join(f"    {call_text}{x} → esperado {e}, recebido {fmt(g)}" for x, e, g in wrong)
    return f"errou {len(wrong)} das {len(inputs)} entradas:\n{rows}"


@check
def check_gate_weights(AND_NOT_WEIGHTS, MAJORITY_WEIGHTS):
    """Confere os dois pares ``(w, b)``: "x1 e não x2" (duas entradas) e a maioria (três)."""
    gates = [("AND_NOT_WEIGHTS", AND_NOT_WEIGHTS, INPUTS, AND_NOT_TABLE, "\"x1 e não x2\""),
             ("MAJORITY_WEIGHTS", MAJORITY_WEIGHTS, INPUTS3, MAJORITY_TABLE,
              "a maioria (\"pelo menos duas das três\")")]
    unpacked = [weights_pair(weights, name, len(inputs[0]), EXAMPLES[len(inputs[0])],
                             INPUTS_TEXT[len(inputs[0])], mistakes.BIAS_FIRST)
                for name, weights, inputs, _, _ in gates]
    for (name, _, inputs, target, gate), (w, b) in zip(gates, unpacked):
        # cada linha da tabela-verdade é um caso conferido
        got = tuple(call(lambda x: solution.step_table(w, b, [x])[0], name, x, case=f"{name}{x}")
                    for x in inputs)
        if got != target:
            fail(f"`{name}` = ({fmt(w)}, {b:g}) não calcula {gate}; "
                 + _wrong_rows("entrada ", inputs, target, got),
                 hints=mistakes.gate_hints(name, inputs, target, got, w, b))


# --- 2. "exatamente uma" feita só de perceptrons ------------------------------------------

@check
def check_exactly_one(exactly_one):
    """Confere ``exactly_one(x1, x2, x3)``: a tabela-verdade e que ela é feita só de perceptrons."""
    name = "exactly_one"
    got, log = run_network(exactly_one, name, INPUTS3)
    if perceptron_calls(exactly_one, name, set()) == 0:
        fail(f"`{name}` não chama `perceptron`.\n  Lembre {RULE}")
    expect_fixed_weights(log, name, INPUTS3)
    if not is_close(got, EXACTLY_ONE_TABLE, rtol=0, atol=1e-12):
        bits = set(got) <= {0.0, 1.0}
        got_bits = tuple(int(g) for g in got) if bits else None
        strict = (lambda inputs, weights:
                  1 if np.dot(weights[0], inputs) + weights[1] > 0 else 0)
        tie_fixes = (bits and run_network(exactly_one, name, INPUTS3, step_fn=strict)[0]
                     == EXACTLY_ONE_TABLE)
        fail(f"`{name}` não dá a tabela-verdade de \"exatamente uma entrada vale 1\"; "
             + _wrong_rows(name, INPUTS3, EXACTLY_ONE_TABLE, got),
             hints=mistakes.network_hints(got_bits, tie_fixes) if bits else [])
    n = len(log[0]) if log else 0
    return (f"a sua rede usa {n} perceptron{'s' if n != 1 else ''}; a da solução do curso "
            f"usa {REFERENCE_PERCEPTRONS} (qualquer rede que dê a tabela vale).")


# --- 3. treinar uma rede com sigmoide por retropropagação --------------------------------

def _trained(train_xor, hidden, lr, epochs, seed):
    """Os parâmetros que ``train_xor(hidden, lr, epochs, seed)`` devolve, conferidos (arrays float)."""
    case = f"train_xor(hidden={hidden}, lr={lr}, epochs={epochs}, seed={seed})"
    return expect_dict(call(train_xor, "train_xor", hidden, lr, epochs, seed, case=case),
                       "train_xor", "params", shapes(2, hidden, 1), case, mistakes.transposed)


@check
def check_train_xor(train_xor):
    """Confere ``train_xor(hidden, lr, epochs, seed)`` → ``{'W1', 'b1', 'W2', 'b2'}``."""
    run = partial(_trained, train_xor)

    # 1. A semente: mesma semente, mesmos pesos; outra semente, outros pesos.
    first, again, other = run(3, 5.0, 0, 7), run(3, 5.0, 0, 7), run(3, 5.0, 0, 8)
    expect_seed_respected(same(first, again, rtol=0, atol=0), same(first, other, rtol=0, atol=0),
                          "train_xor", (7, 8), "train_xor(hidden=3, lr=5.0, epochs=0, seed=7)",
                          "pesos", mistakes.SEED_NOT_USED)

    # 2. A inicialização pedida (epochs = 0: nenhuma atualização).
    expected = solution.xor_init(3, 7)
    if not same(first, expected, rtol=1e-12, atol=0):
        message = ("`train_xor` com epochs=0 deve devolver os pesos iniciais pedidos:\n"
                   "  rng = np.random.default_rng(seed); W1 = rng.normal(0, 1, size=(2, hidden)); "
                   "W2 = rng.normal(0, 1, size=(hidden, 1)) (nesta ordem); b1 e b2 zerados.\n"
                   "  entrada: train_xor(hidden=3, lr=5.0, epochs=0, seed=7)\n"
                   + first_difference(first, expected, "params")[1])
        fail(message, hints=[
            mistakes.INIT["legacy"] if same(first, solution.xor_init(3, 7, legacy=True)) else
            mistakes.INIT["extra_epoch"] if same(first, solution.xor_train(3, 5.0, 1, 7)) else None])

    # 3. Um passo e três passos de retropropagação, iguais aos da referência.
    for epochs in (1, 3):
        case = f"train_xor(hidden=3, lr=0.5, epochs={epochs}, seed=7)"
        got, expected = run(3, 0.5, epochs, 7), solution.xor_train(3, 0.5, epochs, 7)
        if not same(got, expected):
            message = (f"`train_xor`: depois de {epochs} época(s) os pesos não batem com os do "
                       f"gradiente descendente na entropia cruzada binária média.\n"
                       f"  entrada: {case}\n{first_difference(got, expected, 'params')[1]}")
            hint = next((hint for mistake, hint in mistakes.TRAIN.items() if same(
                got, solution.xor_train(3, 0.5, epochs, 7, mistake), rtol=1e-4, atol=1e-7)), None)
            fail(message, hints=[hint])

    # 4. O treino completo acerta as quatro entradas (limiar 0,5), com duas sementes.
    costs = {}
    for seed in (0, 1):
        case = f"train_xor(hidden=4, lr=5.0, epochs=1000, seed={seed})"
        params = run(4, 5.0, 1000, seed)
        _, P = solution.xor_forward(params)
        costs[seed] = solution.cost(P)
        predicted = (P[:, 0] >= 0.5).astype(int)
        if not np.all(np.isfinite(P)) or list(predicted) != [0, 1, 1, 0]:
            rows = "\n".join(f"    {x} → esperado {int(t)}, P = {p:.3f}"
                             for x, t, p in zip(INPUTS, Y_XOR[:, 0], P[:, 0]))
            fail(f"`train_xor`: depois do treino a rede não acerta as quatro entradas "
                 f"(classe 1 se P ≥ 0,5).\n  entrada: {case}\n{rows}")
    reference = solution.cost(solution.xor_forward(solution.xor_train(4, 5.0, 1000, 0))[1])
    return (f"custo final (entropia cruzada) com seed=0: {_decimal(costs[0])} "
            f"(a solução do curso: {_decimal(reference)}).")


def _decimal(value):
    return f"{value:.4f}".replace(".", ",")
