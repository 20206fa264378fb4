"""O contrato de toda verificação, para todos os exercícios de uma vez.

Cada ``tests/test_checks_<exercício>.py`` declara:

* ``REFERENCE`` — ``{nome_da_verificação: resposta certa}`` (uma função, ou uma
  tupla de argumentos quando a verificação recebe vários);
* ``MISTAKES`` — ``{descrição: (nome_da_verificação, resposta errada, trecho esperado na mensagem)}``:
  enganos plausíveis de aluno.

Aqui conferimos, para todos: a resposta certa passa (com a linha ✅); toda
verificação do módulo tem a sua resposta de referência; cada engano é recusado
com uma mensagem que aponta o problema — mesmo com ``np.allclose``/``np.isclose``/``np.array_equal``
trocados por funções que sempre dizem "igual".
"""

import importlib
from pathlib import Path

import numpy as np
import pytest

EXERCISES = sorted(p.stem.removeprefix("test_checks_")
                   for p in Path(__file__).parent.glob("test_checks_*.py"))


def _suite(exercise):
    return (importlib.import_module(f"test_checks_{exercise}"),
            importlib.import_module(f"nn_helpers.grading.ex_{exercise}"))


def _args(value):
    return value if isinstance(value, tuple) else (value,)


REFERENCE_CASES = [(ex, name) for ex in EXERCISES for name in sorted(_suite(ex)[0].REFERENCE)]
MISTAKE_CASES = [(ex, name) for ex in EXERCISES for name in sorted(_suite(ex)[0].MISTAKES)]


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


@pytest.mark.filterwarnings("ignore::RuntimeWarning")   # um engano pode calcular ln(0) ou estourar
@pytest.mark.parametrize("exercise, mistake", MISTAKE_CASES,
                         ids=[f"{e}-{m}" for e, m in MISTAKE_CASES])
def test_plausible_mistake_is_rejected_with_a_useful_message(exercise, mistake, monkeypatch):
    # Um aluno que troca as comparações do numpy por "sempre verdadeiro" não passa com isso:
    # as verificações guardaram as suas na importação.
    monkeypatch.setattr(np, "allclose", lambda *a, **k: True)
    monkeypatch.setattr(np, "isclose", lambda *a, **k: True)
    monkeypatch.setattr(np, "array_equal", lambda *a, **k: True)
    tests, checks = _suite(exercise)
    check_name, wrong, expected_text = tests.MISTAKES[mistake]
    with pytest.raises(AssertionError) as failure:
        getattr(checks, check_name)(*_args(wrong))
    assert expected_text in str(failure.value)
