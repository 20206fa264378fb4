"""Os enganos de ``ex_gradient_descent`` que as verificações reconhecem, com a dica que o aluno lê.

As funções ``*_mistakes`` refazem a conta com cada engano comum e devolvem os pares
``(valor errado, dica)`` que :func:`~nn_helpers.grading.checking.expect_close` recebe;
``hint_for`` dá a dica de uma exceção.
"""

import numpy as np

from ..checking import Hint, exception_hints, first_hint, is_close
from ..reference import sigmoid, step
from . import solution

__all__ = ["OVERFLOW", "hint_for", "sigmoid_mistakes", "output_mistakes", "ERROR_NOT_PER_SAMPLE",
           "ERROR_LOG_OF_Y", "error_mistakes", "update_mistakes", "GRADIENT_W_SHAPE",
           "GRADIENT_B_SHAPE", "GRADIENT_ORDER", "gradient_mistakes", "TRAIN_OFF_BY_ONE",
           "TRAIN_RANDOM_INIT", "train_hint", "history_mistakes"]

OVERFLOW = Hint("gradient_descent.sigmoid_overflow",
    "`np.exp(-z)` estoura (*overflow*) quando z é muito negativo (z = −1000 dá e^1000). "
    "Calcule `e = np.exp(-np.abs(z))` (sempre entre 0 e 1) e escolha a fórmula pelo sinal "
    "de z: 1/(1 + e) se z ≥ 0, e/(1 + e) se z < 0. Cuidado: `np.where` calcula os DOIS "
    "lados, então nenhum deles pode estourar. (Cortar z com `np.clip(z, -500, 500)` "
    "também funciona.)")

hint_for = exception_hints(
    ((RuntimeWarning, FloatingPointError, OverflowError), (), OVERFLOW),
    (TypeError, (("only", "array"),), Hint(
        "gradient_descent.math_on_arrays", "use `np.exp` e `np.log` (funcionam em arrays "
        "inteiros), não `math.exp`/`math.log`.")),
    (ValueError, ("truth value",), Hint(
        "gradient_descent.if_on_array",
        "não use `if` com arrays: compare elemento a elemento com `np.where`.")),
    (ValueError, ("matmul", "not aligned"), Hint(
        "gradient_descent.matmul_shapes",
        "confira as formas no produto: `features` é (n, d) (ou (d,)) e `weights` é "
        "(d,), então é `features @ weights`, nessa ordem. No gradiente, o vetor "
        "(ŷ − y) tem forma (n,), e `features.T @ (ŷ − y)` dá as d somas de uma vez.")),
)


def sigmoid_mistakes(z):
    """As sigmoides erradas comuns de ``z``."""
    return [
        (sigmoid(-z), Hint("gradient_descent.sigmoid_sign", "o sinal do expoente está "
                           "trocado: σ(z) = 1 / (1 + e^(−z)).")),
        (np.tanh(z), Hint("gradient_descent.sigmoid_is_tanh", "isto é a tangente "
                          "hiperbólica; a sigmoide é 1 / (1 + e^(−z)).")),
        (np.exp(-z), Hint("gradient_descent.sigmoid_only_exp",
                          "faltou o 1 + e a divisão: σ(z) = 1 / (1 + e^(−z)).")),
        ((z >= 0).astype(float), Hint("gradient_descent.sigmoid_is_step",
                                      "isto é o degrau; a sigmoide é contínua.")),
    ]


def output_mistakes(X, w, b):
    """Os ŷ errados comuns para ``X``, ``w`` e ``b``."""
    z = X @ w + b
    return [
        (z, Hint("gradient_descent.output_no_sigmoid",
                 "faltou aplicar a sigmoide: ŷ = σ(x·w + b).")),
        (sigmoid(X @ w), Hint("gradient_descent.output_bias_missing",
                              "o viés `bias` ficou de fora: ŷ = σ(x·w + b).")),
        (sigmoid(X @ w - b), Hint("gradient_descent.output_bias_subtracted",
                                  "o viés deve ser somado, não subtraído.")),
        (sigmoid(-z), Hint("gradient_descent.output_sign", "o sinal está trocado: "
                           "ŷ = σ(x·w + b), com σ(z) = 1 / (1 + e^(−z)).")),
        (step(z), Hint("gradient_descent.output_is_step", "use a sigmoide (contínua), não "
                       "o degrau: aqui ŷ é uma probabilidade.")),
    ]


ERROR_NOT_PER_SAMPLE = Hint("gradient_descent.error_not_per_sample", "devolva o erro de CADA "
                            "amostra (um array do tamanho de y), sem somar nem tirar a média — "
                            "a média fica para o `train`.")
ERROR_LOG_OF_Y = Hint("gradient_descent.error_log_of_y", "o logaritmo é da previsão `output` "
                      "(entre 0 e 1), nunca de `y` (que vale 0 ou 1): confira a ordem dos "
                      "argumentos.")


def error_mistakes(y, p, expected):
    """Os erros por amostra errados comuns para ``y`` e ``p`` (``expected``: o certo)."""
    return [
        (-expected, Hint("gradient_descent.error_minus_missing",
                         "faltou o sinal de menos: E = −y·ln(ŷ) − (1 − y)·ln(1 − ŷ).")),
        (expected / np.log(10), Hint("gradient_descent.error_log10", "use o logaritmo "
                                     "natural `np.log` (ln), não `np.log10`: o “log” das "
                                     "contas é o ln.")),
        (-y * np.log(p) + (1 - y) * np.log(1 - p),
         Hint("gradient_descent.error_minus_first_term_only", "o sinal de menos vale para os "
              "DOIS termos: E = −[y·ln(ŷ) + (1 − y)·ln(1 − ŷ)].")),
        (-y * np.log(p), Hint("gradient_descent.error_y0_term_missing", "faltou o termo "
                              "das amostras com y = 0: − (1 − y)·ln(1 − ŷ).")),
        ((y - p) ** 2, Hint("gradient_descent.error_is_squared", "isto é o erro "
                            "quadrático; aqui o erro é a entropia cruzada.")),
    ]


def update_mistakes(x, y, w, b, lr):
    """Os passos errados comuns: ``(dicas dos pesos, dicas do viés)``."""
    delta = y - sigmoid(x @ w + b)
    delta_step = y - step(x @ w + b)
    new_w, _ = solution.update(x, y, w, b, lr)
    w_hints = [
        (w - lr * delta * x, Hint("gradient_descent.update_sign", "o sinal está trocado: "
                                  "w ← w + η·(y − ŷ)·x (o erro diminui andando CONTRA o "
                                  "gradiente, que é (ŷ − y)·x).")),
        (w + delta * x, Hint("gradient_descent.update_no_learnrate",
                             "faltou a taxa de aprendizado η (`learnrate`).")),
        (w + lr * delta_step * x, Hint("gradient_descent.update_uses_step", "aqui ŷ é a "
                                       "sigmoide σ(x·w + b), não o degrau do perceptron.")),
        (w, Hint("gradient_descent.weights_unchanged",
                 "os pesos não mudaram: w ← w + η·(y − ŷ)·x.")),
    ]
    if np.any(w != 0):   # com w = 0, multiplicar por w e não mudar nada são iguais
        w_hints.append((w + lr * delta * w, Hint(
            "gradient_descent.update_times_w", "multiplique pela entrada x, não pelo peso w: "
            "w ← w + η·(y − ŷ)·x (Mansano, Gengo e Caridá escrevem w aqui, por engano).")))
    b_hints = [
        (b, Hint("gradient_descent.bias_not_updated",
                 "faltou atualizar o viés: b ← b + η·(y − ŷ).")),
        (b - lr * delta, Hint("gradient_descent.bias_update_sign",
                              "o sinal de b está trocado: b ← b + η·(y − ŷ).")),
        (b + delta, Hint("gradient_descent.bias_no_learnrate",
                         "faltou a taxa de aprendizado η em b.")),
        (b + lr * (y - sigmoid(x @ new_w + b)), Hint(
            "gradient_descent.bias_uses_new_weights", "o viés foi atualizado com o erro "
            "recalculado com os pesos JÁ atualizados. Calcule o erro (y − ŷ) uma vez, antes "
            "de mudar qualquer parâmetro, e use o mesmo nas duas atualizações.")),
    ]
    return w_hints, b_hints


GRADIENT_W_SHAPE = Hint("gradient_descent.cost_gradient_w_shape",
                        "grad_w tem uma derivada por peso: forma (d,). Cada ∂C/∂w_j é a MÉDIA, "
                        "sobre as n amostras, de (ŷ_i − y_i)·x_ij: some ao longo das amostras "
                        "(não dos atributos) — `features.T @ (ŷ − y) / n` faz as d médias de "
                        "uma vez.")
GRADIENT_B_SHAPE = Hint("gradient_descent.cost_gradient_b_shape", "grad_b é um número só: a "
                        "média, sobre as n amostras, de ŷ_i − y_i (sem x).")
GRADIENT_ORDER = Hint("gradient_descent.cost_gradient_order", "a ordem da tupla é `(grad_w, "
                      "grad_b)`: primeiro o vetor das derivadas nos pesos, depois a derivada no "
                      "viés.")


def gradient_mistakes(X, y, w, b):
    """Os gradientes errados comuns do custo médio: ``(dicas de grad_w, dicas de grad_b)``."""
    n, d = X.shape
    y_hat = sigmoid(X @ w + b)
    delta = y_hat - y

    def both(scale, hint):
        """Um engano que troca δ = ŷ − y por ``scale`` nas duas derivadas."""
        return X.T @ scale / n, np.mean(scale), hint
    wrong = [
        both(-delta, Hint("gradient_descent.cost_gradient_sign",
                          "o sinal está trocado: o gradiente aponta para onde o custo "
                          "CRESCE, e é (ŷ − y)·x; o passo é que anda contra ele.")),
        both(delta * y_hat * (1 - y_hat), Hint(
            "gradient_descent.cost_gradient_keeps_sigmoid_slope",
            "sobrou o fator ŷ(1 − ŷ): na entropia cruzada ele cancela com o denominador de "
            "∂E/∂ŷ = (ŷ − y)/(ŷ(1 − ŷ)). (Com ele, e um 2, seria o gradiente do erro "
            "quadrático.)")),
        both(2 * delta * y_hat * (1 - y_hat), Hint(
            "gradient_descent.cost_gradient_is_mse",
            "isto é o gradiente do erro quadrático (ŷ − y)²; o custo aqui é a entropia "
            "cruzada, e nela o fator ŷ(1 − ŷ) se cancela.")),
        both(delta / (y_hat * (1 - y_hat)), Hint(
            "gradient_descent.cost_gradient_stops_at_yhat",
            "faltou um elo da regra da cadeia: depois de ∂E/∂ŷ vem ∂ŷ/∂z = ŷ(1 − ŷ) "
            "(a derivada da sigmoide), e só então ∂z/∂w_j = x_j.")),
        both(X @ w + b - y, Hint(
            "gradient_descent.cost_gradient_no_sigmoid",
            "ŷ é a probabilidade σ(x·w + b), não a soma x·w + b: passe pela sigmoide (a "
            "sua `output_formula`).")),
        both(sigmoid(X @ w) - y, Hint(
            "gradient_descent.cost_gradient_bias_missing",
            "o viés ficou de fora da previsão: ŷ = σ(x·w + b) (use a sua "
            "`output_formula`).")),
        (X.T @ delta, np.sum(delta), Hint(
            "gradient_descent.cost_gradient_not_mean",
            "isto é o gradiente da SOMA dos erros: o custo é a MÉDIA, então divida por n "
            "(o número de amostras).")),
        (X.T @ delta / d, np.sum(delta) / d, Hint(
            "gradient_descent.cost_gradient_divides_by_d",
            "a média é sobre as n amostras (`len(targets)` ou `features.shape[0]`), não "
            "sobre os d atributos (`len(weights)`).")),
        (X[:-1].T @ delta[:-1] / n, np.sum(delta[:-1]) / n, Hint(
            "gradient_descent.cost_gradient_misses_a_sample",
            "o laço sobre as amostras deixou a última de fora: `range(n)` percorre as n "
            "amostras, `range(n - 1)` para uma antes.")),
    ]
    b_with_x = (np.mean(X.T @ delta / n), Hint(
        "gradient_descent.cost_gradient_b_with_x",
        "em grad_b não entra x: como ∂z/∂b = 1, grad_b é só a média de ŷ − y."))
    return [(gw, h) for gw, _, h in wrong], [(gb, h) for _, gb, h in wrong] + [b_with_x]


TRAIN_OFF_BY_ONE = Hint("gradient_descent.train_epochs_off_by_one", "o laço das épocas deve dar "
                        "exatamente `epochs` voltas, com um erro guardado por volta: `for _ in "
                        "range(epochs)` (nem `range(epochs + 1)`, nem `range(1, epochs)`).")
TRAIN_RANDOM_INIT = Hint("gradient_descent.train_random_init", "nada de números aleatórios: "
                         "comece com `weights = np.zeros(d)` e `bias = 0.0` e percorra as "
                         "amostras na ordem dada (sem sortear a ordem com "
                         "`permutation`/`shuffle`, como faz o treino do capítulo).")


def train_hint(X, y, epochs, lr, w, b, errors):
    """A dica para os pesos finais ``w`` e ``b`` errados de um treino (ou ``None``)."""
    in_batch = any(is_close(w, solution.train(X, y, epochs, lr, batch=batch)[0], rtol=1e-6)
                   for batch in ("mean", "sum"))
    return first_hint([
        (in_batch, Hint("gradient_descent.train_in_batch", "isto é gradiente descendente em "
                        "lote (uma atualização por época, com todos os dados); aqui é UMA "
                        "atualização por amostra.")),
        (errors[-1] > errors[0], Hint("gradient_descent.train_error_rising",
                                      "o erro está subindo — o sinal da atualização está "
                                      "trocado?")),
        (is_close(b, 0.0, rtol=0, atol=0), Hint("gradient_descent.train_bias_stays_zero",
                                                "`bias` continua 0 — guarde o viés que "
                                                "`update_weights` devolve.")),
    ])


def history_mistakes(after, before, n):
    """Os históricos ``errors`` errados comuns (``after``: o certo; ``before``: antes de cada época)."""
    return [
        (before, Hint("gradient_descent.errors_before_epoch", "estes são os erros ANTES de cada "
                      "época; guarde o erro DEPOIS de percorrer todas as amostras.")),
        (after * n, Hint("gradient_descent.errors_summed", "guarde a MÉDIA dos erros das "
                         "amostras, não a soma.")),
        (-after, Hint("gradient_descent.errors_negative", "o erro médio é positivo: confira o "
                      "sinal de `error_formula`.")),
    ]
