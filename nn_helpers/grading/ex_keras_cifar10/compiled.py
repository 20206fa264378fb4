"""O custo com que o modelo de ``build_model`` foi compilado, conferido com números."""

from ..checking import fail
from ..keras_checks import expect_loss_object, loss_function, loss_hint, loss_name, probe_loss
from . import mistakes

__all__ = ["expect_loss"]


def expect_loss(name, loss):
    """Falha se o custo não é a entropia cruzada esparsa sobre probabilidades (com números).

    name: a função do aluno que compilou o modelo (``"build_model"``); loss: ``model.loss``.
    """
    expect_loss_object(loss, mistakes.LOSS_CLASS)
    fn = loss_function(loss)
    shown = loss if isinstance(loss, str) else loss_name(loss)
    wrong = (f"`{name}`: o custo deveria ser a entropia cruzada para rótulos inteiros, "
             f"`loss=\"sparse_categorical_crossentropy\"`, mas é {shown!r}.")
    hint = loss_hint(loss, mistakes.LOSS, regression=mistakes.REGRESSION_WORDS)
    if fn is None:
        fail(wrong, hints=[hint])
    try:
        got, expected, with_logits = probe_loss(fn)
    except Exception as exc:
        fail(wrong + f"\n  com rótulos inteiros (n,) e probabilidades (n, 10), ele levantou "
             f"{type(exc).__name__}: {str(exc)[:120]}", cause=exc, hints=[hint])
    if abs(got - expected) <= 1e-4 * max(1.0, expected):
        return
    if abs(got - with_logits) <= 1e-4 * max(1.0, expected):
        fail(f"`{name}`: o custo usa `from_logits=True`, mas a saída do modelo já é a softmax "
             "(probabilidades): deixe `from_logits=False`.")
    fail(wrong + f"\n  com rótulos inteiros e probabilidades, deu {got:.6g}; a entropia "
         f"cruzada dá {expected:.6g}.", hints=[hint])
