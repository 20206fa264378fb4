"""Os enganos de ``ex_softmax`` que as verificações reconhecem, com a dica que o aluno lê.

As funções ``*_mistakes`` refazem a conta com cada engano comum e devolvem os pares
``(valor errado, dica)`` que :func:`~nn_helpers.grading.checking.expect_close` recebe;
``hint_for`` dá a dica de uma exceção, e ``one_hot_shape_hint``, a de uma forma errada.
"""

import numpy as np

from ..checking import Hint, exception_hints, first_hint
from ..reference import softmax
from .solution import cross_entropy

__all__ = ["hint_for", "softmax_mistakes", "SHAPE_CHANGED", "logits_mistakes",
           "one_hot_shape_hint", "one_hot_mistakes", "ONE_HOT_NOT_FLOAT", "CE_LOG_OF_ONEHOT",
           "cross_entropy_mistakes"]

hint_for = exception_hints(
    ((RuntimeWarning, FloatingPointError, OverflowError), (), Hint(
        "softmax.unstable_exp", "subtraia o máximo de CADA LINHA antes da exponencial: "
        "`z - z.max(axis=-1, keepdims=True)` (o máximo: com a média ou o mínimo, uma pontuação "
        "muito acima das outras ainda estoura). O resultado não muda (o fator e^(−max) se "
        "cancela na divisão) e e^z nunca estoura. Com o máximo do array inteiro, uma linha de "
        "logits muito negativos vira 0/0.")),
    (np.exceptions.AxisError, (), Hint(
        "softmax.axis_not_last", "use `axis=-1` (o último eixo): assim a mesma função serve "
        "para um vetor (k,) e para uma matriz (n, k).")),
    (ValueError, ("broadcast",), Hint(
        "softmax.no_keepdims", "para subtrair o máximo de cada linha e dividir pela sua soma, "
        "use `keepdims=True` nos DOIS: `z.max(axis=-1, keepdims=True)` e "
        "`e.sum(axis=-1, keepdims=True)` têm forma (n, 1), que combina com (n, k).")),
    (ValueError, ("truth value",), Hint(
        "softmax.python_max_on_batch", "`max(z)`, `sum(z)` e `for v in z` do Python percorrem "
        "só a primeira dimensão: num lote (n, k) eles pegam LINHAS inteiras. Use "
        "`np.max(z, axis=-1, keepdims=True)` e `e.sum(axis=-1, keepdims=True)`, que servem para "
        "um vetor e para um lote.")),
    (TypeError, (("only", "array"),), Hint(
        "softmax.math_on_arrays", "use `np.exp` e `np.log` (funcionam em arrays inteiros), não "
        "`math.exp`/`math.log`.")),
)


def softmax_mistakes(z):
    """As softmax erradas comuns de ``z`` (as contas podem dar 0/0: chame sob ``np.errstate``)."""
    e = np.exp(z - z.max())
    e_rows = np.exp(z - z.max(axis=-1, keepdims=True))
    hints = [
        (e / e.max(axis=-1, keepdims=True), Hint("softmax.divides_by_max", "divida pela SOMA "
                                                 "das exponenciais, não pelo máximo: "
                                                 "p_i = e^(z_i) / Σ_j e^(z_j).")),
        (z / z.sum(axis=-1, keepdims=True), Hint("softmax.no_exp", "faltou a exponencial: "
                                                 "p_i = e^(z_i) / Σ_j e^(z_j).")),
        (1 / (1 + np.exp(-z)), Hint("softmax.is_sigmoid", "isto é a sigmoide de cada logit; a "
                                    "softmax divide e^(z_i) pela soma de todas as exponenciais.")),
        (e / np.exp(z).sum(axis=-1, keepdims=True), Hint(
            "softmax.shift_only_numerator", "o máximo foi subtraído só em cima: calcule "
            "`e = np.exp(z - máximo)` uma vez e divida por `e.sum(axis=-1, keepdims=True)` — o "
            "fator e^(−máximo) tem de estar em cima E embaixo para se cancelar.")),
    ]
    if z.ndim == 2:
        whole_batch = Hint("softmax.normalizes_whole_batch", "cada LINHA deve somar 1, não o "
                           "lote inteiro: `e.sum(axis=-1, keepdims=True)`.")
        hints += [
            (e / e.sum(axis=0, keepdims=True), Hint("softmax.normalizes_columns", "normalize "
                                                    "cada LINHA (uma amostra), não cada coluna: "
                                                    "use `axis=-1`.")),
            (e / e.sum(), whole_batch),
            (e_rows / e_rows.sum(), whole_batch),   # o mesmo engano, com o máximo de cada linha
        ]
    return hints


SHAPE_CHANGED = Hint("softmax.shape_changed", "devolva a MESMA forma que recebeu: um vetor (k,) "
                     "para um vetor, uma matriz (n, k) para uma matriz (nada de "
                     "`np.atleast_2d`, `reshape` ou `[None, :]` no resultado).")


def logits_mistakes(p):
    """A softmax de logits errados comuns para as probabilidades ``p`` (sob ``np.errstate``)."""
    log_base = Hint("softmax.logits_log10", "use o logaritmo natural, `np.log`: a softmax usa "
                    "e^z, e e^(log10 p) ou e^(log2 p) não é p.")
    wrong = [
        (p, Hint("softmax.logits_are_probs", "você devolveu as próprias probabilidades, mas a "
                 "softmax não as devolve de volta: ela aplica a exponencial. Que operação desfaz "
                 "a exponencial?")),
        (np.exp(p), Hint("softmax.logits_exp", "a softmax já aplica a exponencial; para voltar "
                         "das probabilidades aos logits é a operação inversa: o logaritmo.")),
        (np.log10(p), log_base),
        (np.log2(p), log_base),
        (-np.log(p), Hint("softmax.logits_minus", "o sinal está trocado: com −ln p, a classe "
                          "mais provável fica com a MENOR pontuação.")),
        (np.log(p / (1 - p)), Hint("softmax.logits_inverse_sigmoid", "ln(p/(1 − p)) desfaz a "
                                   "sigmoide, que olha uma classe contra o resto; a softmax "
                                   "compara as classes entre si: p_i / p_j = e^(z_i − z_j).")),
    ]
    return [(softmax(logits), hint) for logits, hint in wrong]


def one_hot_shape_hint(shape, labels, k):
    """A dica para uma matriz one-hot de forma ``shape`` (a certa é ``(n, k)``), ou ``None``."""
    n = len(labels)
    return first_hint([
        (shape == (k, n), Hint("softmax.one_hot_transposed",
                               "está transposta: uma LINHA por amostra, (n, n_classes).")),
        (shape == (n, n), Hint("softmax.one_hot_n_by_n", "a matriz tem uma coluna por CLASSE "
                               "(`n_classes`), não uma por amostra: `np.eye(n_classes)`, não "
                               "`np.eye(len(labels))`.")),
        (len(shape) == 2 and shape[0] == n and shape[1] == labels.max() + 1, Hint(
            "softmax.one_hot_classes_from_labels", "o número de colunas é `n_classes`, não "
            "`labels.max() + 1` (nem toda classe aparece em todo lote).")),
    ])


def one_hot_mistakes(labels, k):
    """As matrizes one-hot erradas comuns para ``labels`` e ``k`` classes."""
    n = len(labels)
    shifted = np.zeros((n, k))
    shifted[np.arange(n), (labels - 1) % k] = 1
    columns = np.zeros((n, k))
    columns[:, labels] = 1
    return [
        (shifted, Hint("softmax.one_hot_labels_from_1",
                       "os rótulos começam em 0: o rótulo 0 liga a coluna 0.")),
        (1 - np.eye(k)[labels], Hint("softmax.one_hot_inverted", "o 1 vai na coluna do rótulo "
                                     "e 0 nas outras (está invertido).")),
        (columns, Hint("softmax.one_hot_whole_columns", "`Y[:, labels] = 1` liga colunas "
                       "INTEIRAS (todas as linhas); para um 1 por linha, indexe com um par "
                       "linha/coluna por amostra: `Y[np.arange(n), labels] = 1`.")),
    ]


ONE_HOT_NOT_FLOAT = Hint("softmax.one_hot_not_float",
                         "crie a matriz com `np.zeros((n, n_classes))` (float por padrão).")
CE_LOG_OF_ONEHOT = Hint("softmax.ce_log_of_onehot", "o logaritmo é só das probabilidades "
                        "`probs` (nunca zero) — não de `y_onehot` nem de um produto com ele, que "
                        "tem zeros: `y * np.log(p)`, não `np.log(y * p)`. Confira também a "
                        "ordem dos argumentos.")


def cross_entropy_mistakes(y, p):
    """As entropias cruzadas erradas comuns para ``y`` (n, k) e ``p`` (sob ``np.errstate``)."""
    n, k = y.shape
    expected = cross_entropy(y, p)
    ignores_labels = Hint("softmax.ce_ignores_labels", "só a probabilidade da classe CERTA entra "
                          "na conta: multiplique `np.log(probs)` por `y_onehot` (os outros "
                          "termos viram zero) antes de somar.")
    big_epsilon = Hint("softmax.ce_big_epsilon", "o ε somado dentro do logaritmo está grande "
                       "demais e muda o valor: use no máximo 1e-5 (ou nenhum — nenhuma "
                       "probabilidade é zero).")
    return [
        (-expected, Hint("softmax.ce_minus_missing", "faltou o sinal de menos: CE = "
                         "−(1/n)·Σ_i Σ_j y_ij·ln(p_ij) (Mansano, Gengo e Caridá também "
                         "esquecem o menos).")),
        (expected * n, Hint("softmax.ce_sum_not_mean", "faltou dividir por n: a entropia "
                            "cruzada é a MÉDIA sobre as amostras.")),
        (expected / k, Hint("softmax.ce_mean_over_classes", "a média é só sobre as n amostras: "
                            "primeiro some nas k classes (`axis=1`), depois tire a média.")),
        (expected / np.log(10), Hint("softmax.ce_log10", "use o logaritmo natural `np.log` "
                                     "(ln), não `np.log10`.")),
        (-np.mean(np.sum(y * np.log(p) + (1 - y) * np.log(1 - p), axis=1)), Hint(
            "softmax.ce_binary_formula", "esta é a fórmula binária somada em cada classe; na "
            "multiclasse o erro de uma amostra é só −Σ_j y_j·ln(p_j).")),
        (-np.mean(np.sum(np.log(p), axis=1)), ignores_labels),
        (-np.mean(np.log(p)), ignores_labels),
        (cross_entropy(y, softmax(p)), Hint(
            "softmax.ce_softmax_again", "`probs` já são probabilidades (a saída da softmax): "
            "não passe pela softmax de novo, use `np.log(probs)` direto.")),
        (-np.mean(np.log(p.max(axis=1))), Hint(
            "softmax.ce_uses_max_prob", "use a probabilidade da classe CERTA (onde `y_onehot` "
            "vale 1), não a maior probabilidade da linha.")),
    ] + [(cross_entropy(y, p + eps), big_epsilon) for eps in (1e-3, 1e-2, 1e-1)]
