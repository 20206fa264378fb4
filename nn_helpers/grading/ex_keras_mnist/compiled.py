"""O custo e a métrica com que o modelo de ``build_model`` foi compilado, conferidos com números."""

import numpy as np

from ..checking import fail, fmt
from ..keras_checks import expect_loss_object, loss_function, loss_hint, probe_loss
from . import mistakes
from .solution import accuracy

__all__ = ["expect_loss", "expect_metrics"]


def expect_loss(model):
    """Confere o custo compilado com números: rótulos inteiros e probabilidades."""
    expect_loss_object(model.loss, mistakes.COMPILED_LOSS["class"])
    name = fmt(model.loss) if isinstance(model.loss, str) else type(model.loss).__name__
    loss_fn = loss_function(model.loss)
    case = f"o custo compilado ({name}) com rótulos inteiros (n,) e probabilidades (n, 10)"
    if loss_fn is None:
        fail(f"`build_model`: não reconheci o custo compilado ({fmt(model.loss)}).",
             hints=[mistakes.COMPILED_LOSS["unknown"]])
    try:
        got, expected, logits_loss = probe_loss(loss_fn)
    except Exception as exc:
        fail(f"`build_model`: o custo compilado não aceita rótulos inteiros.\n  entrada: {case}\n"
             f"  erro: {type(exc).__name__}: {str(exc)[:160]}", cause=exc,
             hints=[loss_hint(model.loss, mistakes.LOSS)])
    if not abs(got - expected) <= 1e-4 * max(1.0, abs(expected)):
        from_logits = abs(got - logits_loss) <= 1e-4 * max(1.0, logits_loss)
        fail(f"`build_model`: o custo compilado não é a entropia cruzada para rótulos inteiros.\n"
             f"  entrada:  {case}\n  esperado: {expected:.6g}\n  recebido: {got:.6g}",
             hints=[mistakes.COMPILED_LOSS["from_logits" if from_logits else "not_cross_entropy"]])


def expect_metrics(model, X, y):
    """Confere, com números, que o modelo foi compilado com a acurácia como métrica."""
    case = f"`model.evaluate` em {len(y)} imagens, antes do treino"
    try:
        results = model.evaluate(X, y, verbose=0, return_dict=True)
    except Exception as exc:
        compiled = getattr(getattr(model, "_compile_config", None), "config", {}) or {}
        listed = compiled.get("metrics") or []
        exact = any(type(m).__name__ == "Accuracy"
                    for m in (listed if isinstance(listed, (list, tuple)) else [listed]))
        fail(f"`build_model`: a métrica compilada não funciona com rótulos inteiros.\n"
             f"  entrada: {case}\n  erro: {type(exc).__name__}: {str(exc)[:160]}", cause=exc,
             hints=[mistakes.METRIC["accuracy_class" if exact else "wrong"]])
    metrics = {k: v for k, v in results.items() if k != "loss"}
    if not metrics:
        fail("`build_model`: o modelo foi compilado sem métricas: o `fit` e o `evaluate` só "
             "mostram o custo.", hints=[mistakes.METRIC["missing"]])
    right = accuracy(np.asarray(model.predict(X, verbose=0)), y)
    if not any(abs(float(v) - right) <= 1e-5 for v in metrics.values()):
        shown = ", ".join(f"{k} = {float(v):.4g}" for k, v in metrics.items())
        fail(f"`build_model`: nenhuma métrica compilada é a acurácia.\n  entrada:  {case}\n"
             f"  esperado: uma métrica = {right:.4g} (a fração de acertos do argmax)\n"
             f"  recebido: {shown}", hints=[mistakes.METRIC["wrong"]])
