"""Os enganos de ``ex_backprop`` que as verificações reconhecem, com a dica que o aluno lê.

As tabelas ``{engano: Hint}`` usam os nomes de engano das contas de :mod:`.solution`: a
verificação refaz a conta com cada engano e dá a dica dos que batem com a resposta do aluno.
"""

from ..checking import Hint, exception_hints

__all__ = ["shape_hint", "INIT", "INIT_SEED_IGNORED", "FORWARD", "NOT_FINITE",
           "no_keepdims", "BACKWARD", "matmul_mismatch", "GC_NOT_RESTORED", "GC_USES_LIBRARY",
           "GRADIENT_CHECK", "uses_library", "UPDATE", "wrong_updates", "TRAIN", "TRAIN_SEED_IGNORED",
           "wrong_histories"]


def shape_hint(got, shape, n_samples=None):
    """A dica para um array de forma ``got`` onde se esperava ``shape`` (ou ``None``)."""
    if shape == ():
        return Hint("backprop.gc_returns_arrays", "devolva, para cada chave, UM número: o erro "
                    "relativo entre o gradiente de `backward` e o numérico (não os gradientes).")
    if len(shape) == 2 and got == shape[::-1] and shape[0] != shape[1]:
        return Hint("backprop.transposed", "está transposto — confira a ordem das dimensões (e, "
                    "num gradiente, a do produto: X.T @ δ, não δ.T @ X).")
    if len(shape) == 1 and got == (1, shape[0]):
        return Hint("backprop.bias_keepdims", f"use forma {shape}, sem `keepdims=True`.")
    if len(shape) == 1 and got == ():
        return Hint("backprop.bias_summed_to_scalar",
                    "isto é um número só — some apenas sobre as amostras (`axis=0`).")
    if len(shape) == 1 and n_samples is not None and got == (n_samples,):
        return Hint("backprop.bias_summed_over_neurons", "somou no eixo errado: o gradiente de "
                    "um viés soma δ sobre as amostras (`axis=0`), não sobre os neurônios.")


# --- init_params -------------------------------------------------------------------------

INIT = {
    "variance_as_std": Hint("backprop.init_variance_as_std", "N(0, 1/n_in) fala da VARIÂNCIA: o "
                            "desvio padrão é √(1/n_in) — `rng.normal(0, np.sqrt(1 / n_in), size=...)`."),
    "unscaled": Hint("backprop.init_unscaled", "faltou escalar: o desvio padrão de W1 é √(1/n_in) "
                     "e o de W2 é √(1/n_hidden)."),
    "W2_with_n_in": Hint("backprop.init_w2_scaled_by_n_in", "W2 recebe n_hidden entradas: o "
                         "desvio padrão dele é √(1/n_hidden), não √(1/n_in)."),
    "W2_first": Hint("backprop.init_w2_drawn_first", "sorteie W1 antes de W2 (a ordem muda os "
                     "números que saem do gerador)."),
    "legacy": Hint("backprop.init_legacy_generator", "isto é o gerador antigo (`np.random.seed` / "
                   "`np.random.normal`); use o novo: `rng = np.random.default_rng(seed)` e "
                   "`rng.normal(...)`."),
}
INIT_SEED_IGNORED = Hint("backprop.init_seed_ignored", "use `rng = np.random.default_rng(seed)` e "
                         "sorteie com `rng.normal(...)` (não `np.random.normal`).")

# --- forward -----------------------------------------------------------------------------

FORWARD = {
    "no_hidden_activation": Hint("backprop.no_hidden_activation",
                                 "parece que faltou a sigmoide na camada escondida: A1 = σ(Z1)."),
    "relu": Hint("backprop.hidden_relu",
                 "a camada escondida deve usar a sigmoide, não a ReLU: A1 = σ(Z1)."),
    "tanh": Hint("backprop.hidden_tanh",
                 "a camada escondida deve usar a sigmoide, não a tanh: A1 = σ(Z1)."),
    "softmax_axis0": Hint("backprop.softmax_over_columns", "a softmax deve normalizar cada LINHA "
                          "(cada amostra): some com `axis=1, keepdims=True`."),
    "sigmoid_output": Hint("backprop.sigmoid_output", "a saída é uma softmax, não uma sigmoide: "
                           "as probabilidades de cada linha somam 1."),
    "no_bias": Hint("backprop.forward_no_bias",
                    "faltaram os vieses: Z1 = X @ W1 + b1 e Z2 = A1 @ W2 + b2."),
}
# P com NaN ou infinito: a softmax sem subtrair o máximo, ou subtraindo o do lote inteiro.
NOT_FINITE = {
    "overflow": Hint("backprop.softmax_overflow", "a softmax ingênua estoura (e^800 = inf, e "
                     "inf/inf = NaN). Subtraia o máximo de cada linha antes da exponencial: "
                     "`np.exp(Z2 - Z2.max(axis=1, keepdims=True))` — o resultado é o mesmo."),
    "global_max": Hint("backprop.softmax_global_max", "subtraiu o máximo do lote inteiro "
                       "(`np.max(Z2)`)? Numa linha muito abaixo dele, todas as exponenciais viram "
                       "0, e 0/0 = NaN. Subtraia o máximo de CADA linha: "
                       "`Z2.max(axis=1, keepdims=True)`."),
}


# A softmax por linha sem ``keepdims``: (n, k) dividido por (n,) não combina.
no_keepdims = exception_hints((ValueError, ("broadcast",), Hint(
    "backprop.softmax_no_keepdims", "para tirar o máximo e dividir pela soma de CADA linha, use "
    "`keepdims=True`: `Z2.max(axis=1, keepdims=True)` e `E.sum(axis=1, keepdims=True)` têm forma "
    "(n, 1), que combina com (n, k).")))


# --- backward ----------------------------------------------------------------------------

BACKWARD = {
    "no_mean": Hint("backprop.grad_not_averaged", "faltou dividir por n: o custo é a MÉDIA da "
                    "entropia cruzada, então δ2 = (P − Y) / n."),
    "double_mean": Hint("backprop.grad_averaged_twice", "dividiu por n duas vezes: δ2 = (P − Y) / n "
                        "já traz a média; os produtos e as somas depois dele não dividem de novo."),
    "sign": Hint("backprop.grad_sign", "o sinal está trocado: com softmax e entropia cruzada, "
                 "δ2 = (P − Y) / n (não Y − P)."),
    "softmax_as_sigmoid": Hint("backprop.softmax_as_sigmoid", "com softmax + entropia cruzada a "
                               "derivada já se simplifica em δ2 = (P − Y) / n; não multiplique por "
                               "P(1 − P) (isso seria tratar cada saída como uma sigmoide isolada)."),
    "only_dL_dP": Hint("backprop.only_dc_dp", "isso é só ∂C/∂P = −Y/P; falta passar pela softmax — "
                       "e as duas juntas se simplificam em δ2 = (P − Y) / n."),
    "no_hidden_derivative": Hint("backprop.no_sigmoid_derivative", "faltou passar pela sigmoide "
                                 "escondida: δ1 = ∂C/∂Z1 é ∂C/∂A1 vezes (elemento a elemento) a "
                                 "derivada σ′(Z1) — que se escreve com o que está no cache."),
    "derivative_of_A1": Hint("backprop.sigmoid_of_a1", "A1 já é σ(Z1): a derivada da sigmoide é "
                             "A1 * (1 − A1), não σ(A1)(1 − σ(A1))."),
    "derivative_from_Z1": Hint("backprop.derivative_from_z1", "a derivada da sigmoide se escreve "
                               "com a SAÍDA dela: σ′(Z1) = A1 * (1 − A1). Z1 * (1 − Z1) não é σ′."),
    "dW2_from_Z1": Hint("backprop.dw2_from_z1",
                        "dW2 usa as ativações A1 (o que entra na camada de saída), não Z1."),
    "bias_mean": Hint("backprop.bias_grad_mean", "δ já foi dividido por n: o gradiente de um viés é "
                      "a SOMA de δ sobre as amostras (`axis=0`), não a média (dividiu por n duas "
                      "vezes)."),
}
# Um produto de matrizes cujas formas não combinam: quase sempre uma transposta esquecida.
matmul_mismatch = exception_hints((ValueError, ("matmul", "aligned"), Hint(
    "backprop.backward_shapes_mismatch", "as formas não combinam num produto: escreva a forma de "
    "cada termo. δ2 é (n, n_out), W2 é (n_hidden, n_out) e ∂C/∂A1 tem a forma de A1, "
    "(n, n_hidden) — que produto de δ2 com W2 dá essa forma? Os gradientes dos pesos são "
    "(entrada).T @ δ, como A1.T @ δ2.")))


# --- gradient_check ----------------------------------------------------------------------

GC_NOT_RESTORED = Hint("backprop.gc_not_restored", "depois de calcular C(θ + ε) e C(θ − ε), devolva "
                       "a entrada ao valor original (`params[k][i] = antigo`). E lembre: "
                       "`params.copy()` copia só o dicionário — os arrays dentro dele são os mesmos, e "
                       "mudar `copia[k][i]` muda `params[k][i]`. Uma cópia de verdade é "
                       "`{k: v.copy() for k, v in params.items()}`.")
GC_USES_LIBRARY = Hint("backprop.gc_uses_library", "escreva as diferenças finitas você mesmo, com um "
                       "laço sobre `np.ndindex(params[k].shape)`: o `numerical_gradient` da biblioteca "
                       "faz essa mesma conta por dentro, e o exercício é escrevê-la.")
GRADIENT_CHECK = {
    "one_sided": Hint("backprop.gc_one_sided", "use diferenças CENTRAIS, (C(θ + ε) − C(θ − ε)) / "
                      "(2ε): a diferença de um lado só, (C(θ + ε) − C(θ)) / ε, erra na ordem de ε — "
                      "com ε = 1e-3, um erro relativo perto de 1e-4, que acusaria defeito num "
                      "backward certo."),
    "copy_not_restored": GC_NOT_RESTORED,
    "divides_by_eps": Hint("backprop.gc_numeric_off_by_2", "o gradiente numérico saiu o DOBRO ou a "
                           "METADE do certo (por isso o erro relativo é 1/3). O dobro: dividir por "
                           "`eps` — a diferença central anda 2ε, de θ − ε até θ + ε. A metade: "
                           "C(θ − ε) calculado, sem querer, em θ — `-= eps` logo depois de `+= eps` "
                           "volta a θ (é preciso `-= 2 * eps`), e duas cópias `params.copy()` "
                           "dividem os mesmos arrays."),
    "summed_cost": Hint("backprop.gc_summed_cost", "o custo é a MÉDIA da entropia cruzada nas n "
                        "amostras (é dele que `backward` calcula o gradiente): "
                        "`-np.mean(np.sum(Y * np.log(P), axis=1))`."),
    "no_minus": Hint("backprop.gc_cost_without_minus", "faltou o sinal de menos no custo: "
                     "C = −(1/n)·Σ Y ln P (o gradiente numérico saiu com o sinal trocado, e o erro "
                     "relativo, 1)."),
    "whole_array": Hint("backprop.gc_whole_array", "mexa numa entrada de cada vez: `params[k][i] += "
                        "eps` com `i` vindo de `np.ndindex(params[k].shape)`. Somar ε ao array "
                        "inteiro mede a derivada numa direção só, não cada ∂C/∂θ_i."),
    "absolute": Hint("backprop.gc_absolute_error", "o erro é RELATIVO: ‖a − b‖ / (‖a‖ + ‖b‖), com "
                     "`np.linalg.norm`. Sem dividir, o número depende da escala do gradiente."),
    "ignores_backward": Hint("backprop.gc_ignores_backward", "o seu teste aprovou um `backward` "
                             "com defeito: use o `forward` e o `backward` que chegam como "
                             "ARGUMENTOS de `gradient_check`, não os seus pelo nome."),
    "max_abs": Hint("backprop.gc_max_instead_of_norm", "use a norma (`np.linalg.norm`) da diferença e "
                    "dos dois gradientes: ‖a − b‖ / (‖a‖ + ‖b‖), não o maior valor absoluto."),
}


def uses_library(f):
    """``f`` chama o ``numerical_gradient`` (ou o ``check_model_gradients``) da biblioteca?"""
    from ... import gradcheck
    library = (gradcheck.numerical_gradient, gradcheck.check_model_gradients)
    code = getattr(f, "__code__", None)
    names = code.co_names if code else ()
    # o nome no notebook (importado numa célula) ou um import dentro da própria função
    found = [getattr(f, "__globals__", {}).get(name) for name in names]
    return (any(obj is lib for obj in found for lib in library)
            or any(name.endswith("gradcheck") for name in names))


# --- update ------------------------------------------------------------------------------

UPDATE = {
    "shallow_copy": Hint("backprop.update_shallow_copy", "`params.copy()` (ou `dict(params)`) "
                         "copia só o dicionário: os arrays dentro dele são os MESMOS, e "
                         "`novo[k] -= ...` muda os de `params` também. Crie arrays novos: "
                         "`novo[k] = params[k] - lr * grads[k]`."),
    "in_place": Hint("backprop.update_in_place", "não use `params[k] -= ...`; devolva um "
                     "dicionário NOVO, por exemplo `{k: params[k] - lr * grads[k] for k in params}`."),
    "no_return": Hint("backprop.update_no_return",
                      "faltou o `return` do dicionário novo com os parâmetros atualizados."),
    "climbs": Hint("backprop.update_climbs", "o sinal está trocado: desça o gradiente, "
                   "`params[k] - lr * grads[k]`."),
    "without_lr": Hint("backprop.update_without_lr",
                       "faltou multiplicar pela taxa de aprendizado `lr`."),
    "skips_param": Hint("backprop.update_skips_param", "este parâmetro não mudou: atualize "
                        "todos, inclusive os vieses b1 e b2."),
}


def wrong_updates(param, grad, lr):
    """Os ``(valor errado, dica)`` de um parâmetro atualizado."""
    return [(param + lr * grad, UPDATE["climbs"]), (param - grad, UPDATE["without_lr"]),
            (param, UPDATE["skips_param"])]


# --- train_mlp ---------------------------------------------------------------------------

TRAIN = {
    "no_shuffle": Hint("backprop.train_no_shuffle", "parece que os dados não foram embaralhados: "
                       "a cada época, `ordem = rng.permutation(n)` e os mini-lotes saem de `ordem`."),
    "same_order": Hint("backprop.train_same_order", "a ordem é a mesma em toda época: crie "
                       "`rng = np.random.default_rng(seed)` UMA vez, antes do laço das épocas."),
    "shuffle_X_only": Hint("backprop.train_shuffles_x_only", "X foi embaralhado mas Y não: use os "
                           "MESMOS índices nos dois, `X[idx]` e `Y[idx]`."),
    "drop_last": Hint("backprop.train_drops_last_batch", "o último mini-lote, menor, ficou de "
                      "fora: percorra `range(0, n, batch_size)`."),
    "full_batch": Hint("backprop.train_full_batch", "isso é gradiente descendente em lote (todos "
                       "os dados de uma vez): use mini-lotes de `batch_size` amostras."),
    "update_before_delta1": Hint("backprop.train_updates_before_delta1", "W2 foi atualizado antes "
                                 "de δ1 ser calculado? δ1 = (δ2 W2ᵀ) ⊙ A1 ⊙ (1 − A1) usa o W2 com "
                                 "que a passagem para frente foi feita. Calcule TODOS os gradientes "
                                 "(`backward`) e só depois atualize (`update`)."),
}
TRAIN_SEED_IGNORED = Hint("backprop.train_seed_ignored", "embaralhe com `rng = np.random."
                          "default_rng(seed)` (não `np.random.permutation`, que não usa a semente).")
HISTORY_MEAN_OVER_ENTRIES = Hint(
    "backprop.history_mean_over_entries", "o custo de um mini-lote é a média sobre as AMOSTRAS: "
    "some nas classes e depois tire a média, `-np.mean(np.sum(Y * np.log(P), axis=1))`. "
    "`np.mean(Y * np.log(P))` divide também por n_out (o custo saiu n_out vezes menor).")
HISTORY_SIGN = Hint("backprop.history_sign", "faltou o sinal de menos no custo: "
                    "C = −(1/n)·Σ Y ln P é positivo.")


def wrong_histories(history, n_out):
    """Os ``(history errado, dica)`` a partir do certo."""
    return [(history / n_out, HISTORY_MEAN_OVER_ENTRIES), (-history, HISTORY_SIGN)]
