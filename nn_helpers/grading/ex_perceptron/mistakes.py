"""Os enganos de ``ex_perceptron`` que as verificações reconhecem, com a dica que o aluno lê.

As funções ``*_mistakes`` refazem a conta com cada engano comum e devolvem os pares
``(valor errado, dica)`` que :func:`~nn_helpers.grading.checking.expect_close` recebe;
``hint_for`` dá a dica de uma exceção. As dicas da reta do parque estão em :mod:`.park`.
"""

import numpy as np

from ..checking import Hint, exception_hints, first_hint, is_close
from ..reference import sigmoid, step
from . import solution

__all__ = ["hint_for", "BOOLEANS", "NOT_ZERO_ONE", "step_mistakes", "PREDICT_SHAPE",
           "predict_mistakes", "update_mistakes", "history_length_hint", "separation_hints",
           "TRAIN_RANDOM_INIT", "TRAIN_INIT_NOT_ZERO", "weight_mistakes", "history_mistakes"]

hint_for = exception_hints(
    (ValueError, ("truth value",), Hint(
        "perceptron.if_on_array", "`if z >= 0` só funciona com um número; para arrays use "
        "`np.where(z >= 0, 1, 0)` ou `(z >= 0).astype(int)`.")),
    (TypeError, (("only", "arrays can be converted"),), Hint(
        "perceptron.int_of_array", "`int(...)` e `float(...)` só convertem um número (um array "
        "de um elemento); para um array inteiro use `(z >= 0).astype(int)` ou "
        "`np.where(z >= 0, 1, 0)`.")),
    (TypeError, ("not iterable", "iteration over a 0-d"), Hint(
        "perceptron.step_only_arrays", "a sua função percorre os elementos de `z`, mas `z` "
        "também pode ser um número só; `np.where(np.asarray(z) >= 0, 1, 0)` serve para um "
        "número e para um array de qualquer forma.")),
    (ValueError, ("matmul", "not aligned"), Hint(
        "perceptron.predict_transposed", "`X` tem forma (n, d) — uma amostra por linha — e `w` "
        "tem forma (d,): a conta é `X @ w` (ou `np.dot(X, w)`), não `w @ X`.")),
)

TIE = Hint("perceptron.tie_strict", "no empate z = 0 o degrau vale 1: use `z >= 0`, não "
           "`z > 0` (a convenção do enunciado).")
SIGMOID = Hint("perceptron.update_sigmoid", "no perceptron ŷ é o degrau (0 ou 1), não a sigmoide.")
RESET = Hint("perceptron.train_reset_each_epoch", "os pesos finais são os de UMA época: "
             "`w = np.zeros(d)` e `b = 0.0` vão antes do laço das épocas, não dentro dele "
             "(senão cada época recomeça do zero).")
RECOMPUTED = Hint("perceptron.update_error_recomputed", "calcule o erro y − ŷ uma vez só, com "
                  "os `w` e `b` que a função recebeu, e use o MESMO erro nas duas atualizações: "
                  "depois de mudar `w` (ou `b`), a previsão já é outra, e o erro também.")
BOOLEANS = Hint("perceptron.booleans", "devolva números 0 e 1: `(z >= 0).astype(int)` ou "
                "`np.where(z >= 0, 1, 0)`.")
NOT_ZERO_ONE = Hint("perceptron.not_zero_one", "devolva só 0 ou 1 (a classe), não "
                    "probabilidades nem o valor de z: aplique o degrau.")


def step_mistakes(z):
    """Os degraus errados comuns de ``z``."""
    inverted = Hint("perceptron.step_inverted", "está invertido: 1 quando z ≥ 0, 0 quando z < 0.")
    return [((z > 0).astype(float), TIE), ((z <= 0).astype(float), inverted),
            ((z < 0).astype(float), inverted),
            (np.sign(z), Hint("perceptron.step_is_sign",
                              "`np.sign` devolve −1, 0 ou 1; o degrau devolve 0 ou 1."))]


PREDICT_SHAPE = Hint("perceptron.predict_shape", "devolva um vetor com forma (n,) — um 0 ou 1 "
                     "por linha de X (não uma coluna (n, 1) nem um número só).")


def predict_mistakes(X, w, b):
    """As previsões erradas comuns para ``X``, ``w`` e ``b``."""
    return [((X @ w + b > 0).astype(float), TIE),
            (step(X @ w), Hint("perceptron.predict_bias_missing",
                               "o viés `b` ficou de fora: ŷ = degrau(X·w + b).")),
            (step(X @ w - b), Hint("perceptron.predict_bias_subtracted",
                                   "o viés `b` deve ser somado, não subtraído.")),
            (step(X @ w) + b, Hint("perceptron.predict_bias_outside_step", "o viés entra ANTES "
                                   "do degrau, dentro da soma: degrau(X·w + b), não "
                                   "degrau(X·w) + b."))]


def update_mistakes(x, y, w, b, lr, new_b):
    """Os passos errados comuns: ``(dicas do w, dicas do b)``; new_b: o ``b`` do aluno."""
    ref_w, ref_b = solution.update(x, y, w, b, lr)
    z = x @ w + b
    delta, delta_sig = y - step(z), y - sigmoid(z)
    # Quem calcula ŷ de novo entre as duas atualizações usa, na segunda, um erro que já
    # mudou: aqui, o `w` calculado depois do `b` novo e o `b` depois do `w` novo.
    w_again = w + lr * (y - step(x @ w + ref_b)) * x
    b_again = b + lr * (y - step(x @ ref_w + b))
    b_ok = is_close(new_b, ref_b)
    w_hints = [
        (w - lr * delta * x, Hint("perceptron.update_sign",
                                  "o sinal está trocado: w ← w + lr·(y − ŷ)·x.")),
        (w + delta * x, Hint("perceptron.update_no_lr", "faltou a taxa de aprendizado `lr`.")),
        (w + lr * delta_sig * x, SIGMOID),
    ]
    if np.any(w != 0):   # com w = 0, multiplicar por w e não mudar nada são iguais
        w_hints.append((w + lr * delta * w, Hint(
            "perceptron.update_times_w", "multiplique pela entrada x, não pelo peso w: "
            "Δw = lr·(y − ŷ)·x. Mansano, Gengo e Caridá escrevem Δw = λ·w·(y − ŷ), mas é um "
            "engano: com w = 0 os pesos nunca sairiam do lugar.")))
    if z == 0 and not b_ok:   # com o `b` certo, o `w` parado vem de outro engano
        w_hints.append((w + lr * (y - float(z > 0)) * x, TIE))
    if b_ok:
        w_hints.append((w_again, RECOMPUTED))
    if delta != 0 and not (b_ok and is_close(w_again, w)):
        w_hints.append((w, Hint("perceptron.update_w_unchanged", "os pesos não mudaram, mas a "
                                "amostra estava errada: w ← w + lr·(y − ŷ)·x.")))
    b_hints = [
        (b - lr * delta, Hint("perceptron.update_b_sign",
                              "o sinal de b está trocado: b ← b + lr·(y − ŷ).")),
        (b + delta, Hint("perceptron.update_b_no_lr", "faltou a taxa de aprendizado `lr` em b.")),
        (b + lr * delta_sig, SIGMOID),
        (b_again, RECOMPUTED),
    ]
    if delta != 0 and b_again != b:
        b_hints.append((b, Hint("perceptron.update_b_unchanged",
                                "faltou atualizar o viés: b ← b + lr·(y − ŷ).")))
    return w_hints, b_hints


TRAIN_RANDOM_INIT = Hint("perceptron.train_random_init", "nada de números aleatórios: comece "
                         "com `w = np.zeros(d)` e `b = 0.0`.")
TRAIN_INIT_NOT_ZERO = Hint("perceptron.train_init_not_zero", "comece com `w = np.zeros(d)` e "
                           "`b = 0.0`: o treino do enunciado (e o seu histórico de erros) parte "
                           "da reta toda zerada.")


def history_length_hint(size, epochs, n):
    """A dica para um ``errors_per_epoch`` com ``size`` valores (``None``: não é uma lista)."""
    return first_hint([
        (size is None, Hint("perceptron.errors_total_only", "devolva a LISTA de contagens, uma "
                            "por época (`errors_per_epoch.append(mistakes)` no fim de cada "
                            "época), não um número só.")),
        (size == epochs + 1, Hint("perceptron.train_extra_epoch", "veio uma época a mais: "
                                  "`range(epochs)` já roda exatamente `epochs` vezes.")),
        (size == epochs * n, Hint("perceptron.errors_appended_per_sample", "veio um número por "
                                  "AMOSTRA: o `append` vai no laço das épocas, depois do laço "
                                  "das amostras.")),
        (size is not None and size < epochs, Hint(
            "perceptron.train_stops_early", "rode exatamente `epochs` épocas, sem parar antes, "
            "mesmo quando os erros chegam a zero.")),
    ])


def separation_hints(X, y, w, b):
    """As dicas para um treino que não separa uma tabela-verdade (lr = 1)."""
    one_epoch = solution.train(X, y, 1.0, 1)
    return [Hint("perceptron.train_stuck_at_zero", "os pesos não saíram do zero: a regra é "
                 "w ← w + lr·(y − ŷ)·x, com a entrada x (não o peso w, como escrevem Mansano, "
                 "Gengo e Caridá).") if not np.any(w) else None,
            RESET if is_close(w, one_epoch[0]) and is_close(b, one_epoch[1]) else None]


def weight_mistakes(X, y, lr, epochs):
    """Os pesos finais errados comuns de um treino."""
    return [(solution.train(X, y, lr, 1)[0], RESET),
            (solution.train(X, y, 1.0, epochs)[0], Hint(
                "perceptron.train_ignores_lr", "os pesos são os de lr = 1: passe o `lr` que "
                "`train_perceptron` recebeu para `perceptron_update`."))]


def history_mistakes(during, after, after_update, signed, n):
    """Os históricos ``errors_per_epoch`` errados comuns (``during``: o certo)."""
    return [
        (after, Hint("perceptron.errors_counted_after", "você contou os erros DEPOIS da época; "
                     "conte durante a época: cada amostra cuja previsão estava errada no "
                     "momento da sua atualização.")),
        (after_update, Hint("perceptron.errors_counted_after_update", "você conferiu cada "
                            "amostra DEPOIS de atualizar os pesos com ela; confira antes (é o "
                            "erro que a regra corrige), e só então chame `perceptron_update`.")),
        (signed, Hint("perceptron.errors_signed", "some 1 por amostra errada: `y − ŷ` vale +1 "
                      "ou −1, e somado assim um erro cancela o outro.")),
        (during / n, Hint("perceptron.errors_as_fraction",
                          "conte QUANTAS amostras erraram (um inteiro), não a fração.")),
        (n - during, Hint("perceptron.errors_counts_correct",
                          "conte as amostras ERRADAS, não as certas.")),
    ]
