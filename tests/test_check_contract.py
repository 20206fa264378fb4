"""O contrato de toda verificação, para todos os exercícios de uma vez.

Cada ``tests/test_checks_<exercício>.py`` declara:

* ``REFERENCE`` — ``{nome_da_verificação: resposta certa}`` (uma função, ou uma
  tupla de argumentos quando a verificação recebe vários);
* ``MISTAKES`` — ``{descrição: (nome_da_verificação, resposta errada, esperado)}``: enganos
  plausíveis de aluno; ``esperado`` é um trecho da mensagem ou o id da dica que deve aparecer;
* ``ALTERNATIVES`` — ``{descrição: (nome_da_verificação, resposta certa escrita de outro jeito)}``:
  laços em vez de código vetorizado, ``np.dot`` em vez de ``@``, listas onde o enunciado deixa,
  outra arquitetura dentro do orçamento... — todas têm de passar.

Aqui conferimos, para todos: a resposta certa e as alternativas passam (com a linha ✅); toda
verificação do módulo tem a sua resposta de referência; cada engano é recusado
com uma mensagem que aponta o problema — mesmo com ``np.allclose``/``np.isclose``/``np.array_equal``
trocados por funções que sempre dizem "igual".

E as dicas (``checking.Hint``): cada id é escrito uma vez só, na forma ``<exercício>.<engano>``;
toda linha ``dica:`` de uma mensagem vem de uma ``Hint`` (o corretor registra o id); e toda
dica declarada num módulo de verificações aparece em pelo menos um engano de ``MISTAKES`` —
uma dica que nenhum engano provoca é uma dica que ninguém testou.
"""

import ast
import functools
import importlib
import re
import warnings
from pathlib import Path

import numpy as np
import pytest

from nn_helpers.grading.checking import percent

EXERCISES = sorted(p.stem.removeprefix("test_checks_")
                   for p in Path(__file__).parent.glob("test_checks_*.py"))


def _suite(exercise):
    return (importlib.import_module(f"test_checks_{exercise}"),
            importlib.import_module(f"nn_helpers.grading.ex_{exercise}"))


def _args(value):
    return value if isinstance(value, tuple) else (value,)


REFERENCE_CASES = [(ex, name) for ex in EXERCISES for name in sorted(_suite(ex)[0].REFERENCE)]
ALTERNATIVE_CASES = [(ex, alt) for ex in EXERCISES
                     for alt in sorted(getattr(_suite(ex)[0], "ALTERNATIVES", {}))]
MISTAKE_CASES = [(ex, name) for ex in EXERCISES for name in sorted(_suite(ex)[0].MISTAKES)]
GRADING = Path(__file__).parent.parent / "nn_helpers" / "grading"


def declared_hints(path):
    """Os ids das ``Hint("id", ...)`` escritas no código de ``path`` (na ordem do arquivo)."""
    return [node.args[0].value for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Hint"
            and node.args and isinstance(node.args[0], ast.Constant)]


@functools.cache
def _reject(exercise, mistake):
    """Roda um engano de ``MISTAKES``: a mensagem e os ids das dicas (uma vez por engano)."""
    tests, checks = _suite(exercise)
    check_name, wrong, _ = tests.MISTAKES[mistake]
    with warnings.catch_warnings():      # um engano pode calcular ln(0) ou estourar
        warnings.simplefilter("ignore", RuntimeWarning)
        with pytest.raises(AssertionError) as failure:
            getattr(checks, check_name)(*_args(wrong))
    return str(failure.value), [h.id for h in getattr(failure.value, "hints", [])]


@pytest.mark.parametrize("exercise", EXERCISES)
def test_every_check_of_the_module_has_a_reference_answer(exercise):
    tests, checks = _suite(exercise)
    assert sorted(tests.REFERENCE) == sorted(checks.__all__)


@pytest.mark.parametrize("exercise, check_name", REFERENCE_CASES,
                         ids=[f"{e}-{c}" for e, c in REFERENCE_CASES])
def test_reference_answer_passes(exercise, check_name, capsys):
    tests, checks = _suite(exercise)
    getattr(checks, check_name)(*_args(tests.REFERENCE[check_name]))
    assert f"✅ {check_name}" in capsys.readouterr().out


@pytest.mark.parametrize("exercise, alternative", ALTERNATIVE_CASES,
                         ids=[f"{e}-{a}" for e, a in ALTERNATIVE_CASES])
def test_another_correct_answer_passes_too(exercise, alternative, capsys):
    tests, checks = _suite(exercise)
    check_name, answer = tests.ALTERNATIVES[alternative]
    getattr(checks, check_name)(*_args(answer))
    assert f"✅ {check_name}" in capsys.readouterr().out


# Quantos enganos e alternativas cada exercício prova, no mínimo (a varredura da issue 13).
MIN_MISTAKES, MIN_ALTERNATIVES = 40, 3


@pytest.mark.parametrize("exercise", EXERCISES)
def test_each_exercise_is_swept_with_many_mistakes_and_alternatives(exercise):
    tests, checks = _suite(exercise)
    assert len(tests.MISTAKES) >= MIN_MISTAKES, len(tests.MISTAKES)
    alternatives = getattr(tests, "ALTERNATIVES", {})
    assert len(alternatives) >= MIN_ALTERNATIVES, len(alternatives)
    assert {check for check, _ in alternatives.values()} <= set(checks.__all__)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")   # um engano pode calcular ln(0) ou estourar
@pytest.mark.parametrize("exercise, mistake", MISTAKE_CASES,
                         ids=[f"{e}-{m}" for e, m in MISTAKE_CASES])
def test_plausible_mistake_is_rejected_with_a_useful_message(exercise, mistake, monkeypatch):
    # Um aluno que troca as comparações do numpy por "sempre verdadeiro" não passa com isso:
    # as verificações guardaram as suas na importação.
    monkeypatch.setattr(np, "allclose", lambda *a, **k: True)
    monkeypatch.setattr(np, "isclose", lambda *a, **k: True)
    monkeypatch.setattr(np, "array_equal", lambda *a, **k: True)
    expected = _suite(exercise)[0].MISTAKES[mistake][2]
    message, hint_ids = _reject(exercise, mistake)
    assert expected in message or expected in hint_ids, message
    # Toda linha "dica:" veio de uma Hint: o corretor sabe qual engano foi reconhecido.
    assert message.count("\n  dica: ") == len(hint_ids), (message, hint_ids)


def exercise_files(exercise):
    """Os arquivos de verificação de um exercício: ``ex_<nome>.py`` ou o pacote ``ex_<nome>/``."""
    return sorted([*GRADING.glob(f"ex_{exercise}.py"), *GRADING.glob(f"ex_{exercise}/*.py")])


def test_every_hint_id_is_written_once_and_names_its_exercise():
    seen = {}
    for path in sorted(GRADING.rglob("*.py")):
        owner = path.parent.name if path.parent != GRADING else path.stem
        prefix = "common" if owner == "checking" else owner.removeprefix("ex_")
        for hint_id in declared_hints(path):
            assert re.fullmatch(rf"{prefix}\.[a-z0-9_]+", hint_id), (path.name, hint_id)
            assert hint_id not in seen, f"{hint_id} aparece em {seen[hint_id]} e em {path.name}"
            seen[hint_id] = path.name
    assert len(seen) > 50


@pytest.mark.parametrize("exercise", EXERCISES)
def test_every_hint_is_given_by_some_plausible_mistake(exercise):
    fired = {hint_id for mistake in _suite(exercise)[0].MISTAKES
             for hint_id in _reject(exercise, mistake)[1]}
    never = [h for path in exercise_files(exercise) for h in declared_hints(path)
             if h not in fired]
    assert not never, f"dicas que nenhum engano de MISTAKES provoca: {never}"


FIGURE_CASES = [ex for ex in EXERCISES if hasattr(_suite(ex)[1], "REFERENCE_ACCURACY")]


@pytest.mark.parametrize("exercise", FIGURE_CASES)
def test_the_success_line_compares_with_what_the_solution_reaches(exercise, capsys):
    # REFERENCE_ACCURACY é um número escrito no módulo: aqui a solução treina de novo e o confirma
    # (a 1,5 ponto: outra CPU pode somar em outra ordem).
    tests, checks = _suite(exercise)
    checks.check_build_model(tests.REFERENCE["check_build_model"])
    out = capsys.readouterr().out
    got = float(re.search(r"sua rede acertou ([\d,]+)%", out).group(1).replace(",", ".")) / 100
    assert abs(got - checks.REFERENCE_ACCURACY) <= 0.015, (got, checks.REFERENCE_ACCURACY)
    assert f"acerta {percent(checks.REFERENCE_ACCURACY)}" in out
