"""As duas verificações de ``ex_backprop`` que rodam um procedimento inteiro do aluno:
``check_gradient_check`` (a prova da derivação) e ``check_train_mlp`` (o treino em mini-lotes).
"""

import numpy as np

from ..checking import (as_numbers, call, check, expect_close, expect_seed_respected, expect_tuple,
                        fail, fmt, is_close, percent, rng)
from ..params import KEYS, copy, expect_dict, first_difference, same, shapes
from . import mistakes, solution
from .data import digits, small_problem

__all__ = ["check_gradient_check", "check_train_mlp"]


# --- 4. gradient_check -------------------------------------------------------------------

@check
def check_gradient_check(gradient_check):
    """Confere ``gradient_check(forward, backward, X, Y, params, eps)`` → ``{chave: erro relativo}``.

    O ``forward`` entregue é o certo; os ``backward`` são um certo e dois com defeito (sem a
    derivada da sigmoide; dW2 em dobro): o teste do aluno tem de aprovar o primeiro e apontar,
    nos outros, exatamente as chaves erradas.
    """
    if mistakes.uses_library(gradient_check):
        fail("`gradient_check` usa o `numerical_gradient` da biblioteca.",
             hints=[mistakes.GC_USES_LIBRARY])
    g = rng(61)
    X = g.normal(size=(5, 3))
    Y = solution.one_hot(g.integers(0, 3, size=5), 3)
    p = solution.random_params(g, 3, 4, 3)
    cases = [
        (solution.backward, 1e-6, "o `backward` certo, eps = 1e-6"),
        (solution.backward, 1e-3, "o `backward` certo, eps = 1e-3"),
        (solution.backward_without_sigmoid_derivative, 1e-6,
         "um `backward` sem a derivada da sigmoide (grads['W1'] e grads['b1'] errados), eps = 1e-6"),
        (solution.backward_doubling_dW2, 1e-6, "um `backward` que devolve dW2 em dobro (só "
                                               "grads['W2'] errado), eps = 1e-6"),
    ]
    for backward, eps, case in cases:
        case = f"gradient_check(forward, backward, X 5×3, Y, params, eps) com {case}"
        p_in = copy(p)
        result = call(gradient_check, "gradient_check", solution.forward, backward, X, Y, p_in,
                      eps, case=case)
        # Devolver θ por conta (+ε, −2ε, +ε) deixa um arredondamento de 1e-16: isso não é engano.
        if not same(p, p_in, rtol=0, atol=1e-12):
            fail(f"`gradient_check` devolveu `params` diferente de como recebeu.\n  entrada: {case}",
                 hints=[mistakes.GC_NOT_RESTORED])
        errors = expect_dict(result, "gradient_check", "os erros relativos",
                             {key: () for key in KEYS}, case, mistakes.shape_hint)
        expected = solution.gradient_check_errors(backward, X, Y, p, eps)
        wrong_errors = [(solution.gradient_check_errors(backward, X, Y, p, eps, mistake), hint)
                        for mistake, hint in mistakes.GRADIENT_CHECK.items()]
        for key in KEYS:
            wrong = [(errs[key], hint) for errs, hint in wrong_errors]
            if expected[key] < 1e-6:
                # Um gradiente certo: qualquer número abaixo da tolerância serve (é arredondamento).
                if not 0 <= errors[key] < 1e-6:
                    expect_close(errors[key], expected[key], "gradient_check", case,
                                 what=f"o erro relativo de '{key}' (com um `backward` certo, "
                                      f"menos de 1e-6)", hints=wrong)
            else:
                expect_close(errors[key], expected[key], "gradient_check", case, rtol=1e-3,
                             what=f"o erro relativo de '{key}'", hints=wrong)


# --- 6. train_mlp ------------------------------------------------------------------------

@check
def check_train_mlp(train_mlp):
    """Confere ``train_mlp(X, Y, n_hidden, lr, epochs, batch_size, seed)`` → ``(params, history)``."""
    X, Y = small_problem()

    def run(X, Y, n_hidden, lr, epochs, batch_size, seed, label):
        case = (f"train_mlp({label}, n_hidden={n_hidden}, lr={lr}, epochs={epochs}, "
                f"batch_size={batch_size}, seed={seed})")
        result = call(train_mlp, "train_mlp", X, Y, n_hidden, lr, epochs, batch_size, seed, case=case)
        params, history = expect_tuple(result, "train_mlp", 2, ("params", "history"), case)
        params = expect_dict(params, "train_mlp", "params", shapes(X.shape[1], n_hidden, Y.shape[1]),
                             case, mistakes.shape_hint)
        if not isinstance(history, (list, tuple, np.ndarray)) or len(history) != epochs:
            fail(f"`train_mlp`: `history` deve ser uma lista com o custo médio de cada época "
                 f"({epochs} valores), mas veio {fmt(history)}.\n  entrada: {case}")
        return params, as_numbers(history, "train_mlp", "history"), case

    # 1. A semente: reprodutível e usada.
    args = (X, Y, 5, 0.5, 3, 8, 3, "30 amostras, 4 atributos, 3 classes")
    got, history, case = run(*args)
    again, _, _ = run(*args)
    other, _, _ = run(*args[:6], 4, args[7])
    expect_seed_respected(same(got, again, rtol=0, atol=0), same(got, other, rtol=0, atol=0),
                          "train_mlp", (3, 4), case, "resultados", mistakes.TRAIN_SEED_IGNORED)

    # 2. Três épocas com mini-lotes de 8 (o último tem 6), iguais às da referência.
    expected, histories = solution.train(*args[:7])
    if not same(got, expected):
        _, diff = first_difference(got, expected, "params")
        message = (f"`train_mlp`: depois de 3 épocas os parâmetros não batem com os da referência.\n"
                   f"  entrada: {case}\n{diff}\n  lembre: params = init_params(n_in, n_hidden, n_out, "
                   f"seed); rng = np.random.default_rng(seed); a cada época, ordem = "
                   f"rng.permutation(n) e, para cada início em range(0, n, batch_size), "
                   f"forward → backward → update no mini-lote. Se alguma verificação acima "
                   f"(`check_forward`, `check_backward`, `check_update`) falhou, corrija-a "
                   f"primeiro: `train_mlp` usa essas funções.")
        fail(message, hints=[hint for mistake, hint in mistakes.TRAIN.items() if same(
            got, solution.train(*args[:7], mistake)[0], rtol=1e-5, atol=1e-8)])
    if not any(is_close(history, h, rtol=1e-5, atol=1e-8) for h in histories):
        expect_close(history, histories[0], "train_mlp", case, rtol=1e-5, atol=1e-8,
                     what="history (a média dos custos dos mini-lotes de cada época)",
                     hints=mistakes.wrong_histories(histories[0], Y.shape[1]))

    # 3. Nos dígitos do scikit-learn: o custo cai e a acurácia de teste passa de 95 %.
    X_train, Y_train, X_test, y_test = digits()
    params, history, case = run(X_train, Y_train, 32, 0.5, 30, 16, 0,
                                "dígitos do scikit-learn, 1347 amostras de treino")
    if not (np.all(np.isfinite(history)) and history[-1] < 0.5 * history[0]):
        fail(f"`train_mlp`: o custo deveria cair ao longo das épocas, mas history = "
             f"{fmt(history)}.\n  entrada: {case}")
    P, _ = solution.forward(X_test, params)
    accuracy = float(np.mean(np.argmax(P, axis=1) == y_test))
    if accuracy < 0.95:
        shown = f"{100 * accuracy:.1f}".replace(".", ",")
        fail(f"`train_mlp`: acurácia de teste {shown} % nos dígitos; o esperado é ao menos 95 %."
             f"\n  entrada: {case}")
    # O número que importa, ao lado do da referência treinada agora, com os mesmos dados e semente.
    reference, reference_histories = solution.train(X_train, Y_train, 32, 0.5, 30, 16, 0)
    reference_accuracy = float(np.mean(np.argmax(solution.forward(X_test, reference)[0], axis=1)
                                       == y_test))
    return (f"nos {len(y_test)} dígitos de teste da verificação, a sua rede acertou "
            f"{percent(accuracy)} (custo final {history[-1]:.3f}); a solução do curso acerta "
            f"{percent(reference_accuracy)} (custo final "
            f"{reference_histories[0][-1]:.3f})".replace(".", ","))
