"""Os enganos de ``ex_xor_mlp`` que as verificações reconhecem, com a dica que o aluno lê."""

import numpy as np

from ..checking import Hint
from .solution import (AT_LEAST_ONE_TABLE, AT_MOST_ONE_TABLE, EXACTLY_ONE_TABLE, GATES, GATES3,
                       INPUTS3, PARITY_TABLE, step_table)

__all__ = ["BIAS_FIRST", "gate_hints", "source_unreadable", "NETWORK", "NEAR_MISSES",
           "network_hints", "TRANSPOSED", "transposed", "SEED_NOT_USED", "INIT", "TRAIN"]


def _br(value):
    """Um número curto com vírgula decimal, para o texto das dicas: ``-0.5`` → ``"-0,5"``."""
    return f"{value:g}".replace(".", ",")


# --- 1. as portas de um perceptron só ----------------------------------------------------

BIAS_FIRST = Hint("xor_mlp.bias_first", "a ordem é `(w, b)`: primeiro a lista dos pesos, depois "
                  "o viés.")


def gate_hints(name, inputs, target, got, w, b):
    """As dicas para uma porta de um perceptron só que não dá a tabela pedida."""
    hints = []
    if step_table(w, b, inputs, strict=True) == target:
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


# --- 2. "exatamente uma" feita só de perceptrons -------------------------------------------

def source_unreadable(name):
    """A dica para uma função cujo código ``inspect`` não consegue ler."""
    return Hint("xor_mlp.source_unreadable", f"defina `{name}` com `def` numa célula do notebook e "
                f"execute a célula.")


# A rede de ``exactly_one`` enquanto roda: o que ela devolve e como chama cada perceptron.
NETWORK = {
    "missing_return": Hint("xor_mlp.missing_return", "faltou o `return`: devolva a saída do último "
                           "perceptron, `return perceptron([...], (w, b))`."),
    "arguments_swapped": Hint("xor_mlp.arguments_swapped", "a ordem é `perceptron(entradas, "
                              "pesos)`: primeiro a lista das entradas, como `[x1, x2, x3]`, "
                              "depois a tupla `(w, b)`."),
    "weights_depend_on_input": Hint(
        "xor_mlp.weights_depend_on_input", "os pesos de um perceptron são números fixos, "
        "escolhidos por você; só as entradas mudam. Um peso que vem das entradas (ou da saída de "
        "outro perceptron) multiplica entradas, e isso já não é um perceptron: ponha esse valor na "
        "lista de ENTRADAS, com um peso fixo."),
}
# Tabelas-verdade que uma rede errada costuma dar no lugar de "exatamente uma".
NEAR_MISSES = {
    PARITY_TABLE: Hint("xor_mlp.computes_parity", "em (1, 1, 1) as três entradas valem 1 e a sua "
                       "rede responde 1: isto é a paridade, XOR(XOR(x1, x2), x3), não \"exatamente "
                       "uma\". Falta excluir o caso das três."),
    AT_LEAST_ONE_TABLE: Hint("xor_mlp.computes_at_least_one", "isto é \"pelo menos uma\" (o OR "
                             "das três); falta desligar a saída quando duas ou mais entradas "
                             "valem 1."),
    AT_MOST_ONE_TABLE: Hint("xor_mlp.computes_at_most_one", "isto é \"no máximo uma\": em "
                            "(0, 0, 0) nenhuma entrada vale 1, e a resposta ali é 0."),
    tuple(1 - e for e in EXACTLY_ONE_TABLE): Hint(
        "xor_mlp.computes_complement", "a sua rede responde o contrário nas oito entradas: troque "
        "a porta final pela porta oposta (ou tire um NOT)."),
}


def network_hints(got, tie_fixes):
    """As dicas para uma rede que não dá a tabela de "exatamente uma"."""
    hints = []
    if tie_fixes:
        hints.append(Hint("xor_mlp.network_tie_at_zero", "algum perceptron da sua rede recebe "
                          "z = 0 exatamente, e aqui z = 0 já dá 1: com a convenção z > 0 a rede "
                          "estaria certa. Afaste as fronteiras das entradas (vieses como −0,5, "
                          "−1,5...)."))
    if got in NEAR_MISSES:
        hints.append(NEAR_MISSES[got])
    elif got in GATES3:
        hints.append(Hint("xor_mlp.computes_other_gate", f"sua rede calcula {GATES3[got]}."))
    for i in range(3):
        flip = [tuple(1 - v if j == i else v for j, v in enumerate(x)) for x in INPUTS3]
        if len(set(got)) > 1 and all(got[INPUTS3.index(y)] == g for y, g in zip(flip, got)):
            hints.append(Hint("xor_mlp.ignores_input", f"a resposta da sua rede não muda quando "
                              f"só x{i + 1} muda: x{i + 1} não chega à saída."))
    return hints


# --- 3. train_xor ------------------------------------------------------------------------

TRANSPOSED = Hint("xor_mlp.transposed", "está transposto.")


def transposed(got, shape):
    """A dica de ``params.expect_dict`` para uma matriz de pesos transposta (ou ``None``)."""
    return TRANSPOSED if got == shape[::-1] and len(shape) == 2 else None


SEED_NOT_USED = Hint("xor_mlp.seed_not_used", "crie o gerador com `rng = np.random.default_rng("
                     "seed)` e sorteie com ele (não use `np.random.normal` sem semente).")
# Com epochs=0, os pesos de train_xor não são os iniciais pedidos.
INIT = {
    "legacy": Hint("xor_mlp.legacy_generator", "isto é o gerador antigo (`np.random.seed` / "
                   "`np.random.normal`); use o novo, `rng = np.random.default_rng(seed)`, e "
                   "`rng.normal(...)`."),
    "extra_epoch": Hint("xor_mlp.one_extra_epoch", "com epochs=0 os pesos já mudaram uma vez: a "
                        "inicialização está certa, mas o laço roda uma época a mais. Use "
                        "`for _ in range(epochs)`, não `range(epochs + 1)`."),
}
# Os enganos de ``solution.xor_train`` (o primeiro que bate dá a dica).
TRAIN = {
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
    "mse": (mse := Hint("xor_mlp.mse_gradient", "isso é o gradiente do erro quadrático; aqui o "
                        "custo é a entropia cruzada binária, e com a sigmoide na saída "
                        "δ2 = (P − Y) / n.")),
    "mse_half": mse,                    # o mesmo gradiente sem o 2: a mesma dica
    "W2_updated_first": Hint("xor_mlp.w2_updated_first", "δ1 usa o W2 de ANTES da atualização: "
                             "calcule todos os gradientes primeiro e só depois atualize os pesos."),
    "sum": Hint("xor_mlp.sum_not_mean", "faltou dividir por n = 4: o custo é a MÉDIA da entropia "
                "cruzada nas quatro entradas."),
}
