"""Ferramentas comuns às verificações (*checks*) dos exercícios.

O contrato de toda verificação ``check_f(f)``:

* chama a função ``f`` do aluno em vários casos (números das apresentações-fonte, casos
  aleatórios com semente fixa, casos de borda);
* ao primeiro erro, levanta ``AssertionError`` com uma mensagem em português
  que diz o que era esperado, o que veio e em qual entrada — e, quando
  reconhece um engano comum, uma dica;
* se tudo der certo, imprime uma linha curta de sucesso.

As funções de comparação do numpy são guardadas aqui no momento da
importação, antes de qualquer código do aluno rodar: redefinir
``np.allclose`` no notebook não muda o que as verificações aceitam.

Toda dica é uma :class:`Hint`: o texto em português e um ``id`` estável
(``"linear_regression.sum_of_squares"``) que quem escreve a dica escolhe, uma vez só.
O aluno lê o texto; o corretor registra os ids das dicas que cada entrega recebeu, e o
relatório da turma os conta ("14 de 40: faltou dividir por n").

Toda verificação é decorada com :func:`check`, que lhe dá o nome, conta as chamadas à função do
aluno, imprime a linha de sucesso e esconde do traceback os quadros da verificação (o IPython e o
pytest escondem os quadros com ``__tracebackhide__ = True``): o aluno vê a mensagem — e o próprio
código, se foi ele que falhou —, não as entranhas da verificação.
"""

import contextvars
import functools
import inspect
import os
import sys
import warnings

import numpy as np

from ..book import br
from . import GRADING_ENV, HINTS_MIME

__all__ = ["Hint", "as_numbers", "call", "check", "exception_hints", "first_hint", "fail", "expect_close", "expect_seed_respected", "expect_shape",
           "expect_tuple", "go_further", "install_notebook_hints", "is_close", "passed", "percent",
           "rng"]

# Guardadas na importação (veja a docstring do módulo).
_asarray = np.asarray
_isfinite = np.isfinite
_abs = np.abs
_all = np.all
_array2string = np.array2string
_copy = np.copy
_array_equal = np.array_equal
_allclose = np.allclose


class Hint(str):
    """Uma dica sobre um engano reconhecido: o texto para o aluno, com um ``id`` estável.

    ``Hint("linear_regression.sum_of_squares", "faltou dividir por n (a média).")`` se comporta
    como o texto (é um ``str``). O id tem a forma ``<exercício>.<engano>`` (``common.`` para as
    dicas deste módulo), é escrito uma vez só no código e não muda quando o texto muda: é por
    ele que o relatório da turma agrupa os enganos.
    """

    def __new__(cls, id, text):
        hint = super().__new__(cls, text)
        hint.id = id
        return hint


def fail(message, cause=None, hints=()):
    """Levanta o ``AssertionError`` de uma verificação (o único quadro que o aluno vê).

    message: o que deu errado, em português; hints: as :class:`Hint` que se aplicam (``None``
    é ignorado), acrescentadas como linhas ``dica: ...``; cause: a exceção que levou à falha.
    Se ``cause`` é a falha de outra verificação cuja mensagem foi reaproveitada, as dicas dela
    continuam valendo. O erro levantado guarda as dicas em ``.hints``.
    """
    __tracebackhide__ = True
    hints = [h for h in hints if h]
    message += "".join(f"\n  dica: {h}" for h in hints)
    hints = list(getattr(cause, "hints", [])) + hints
    _publish(hints)
    error = AssertionError(message)
    error.hints = hints
    raise error from cause


def _publish(hints):
    """No kernel do corretor, publica os ids das dicas (o aluno, no Jupyter, não vê nada)."""
    if os.environ.get(GRADING_ENV) and "IPython" in sys.modules:
        from IPython.display import publish_display_data
        publish_display_data({HINTS_MIME: [{"id": h.id, "text": str(h)} for h in hints]})


class _Running:
    """A verificação em curso: o nome da função do aluno e quantas vezes ela já foi chamada."""

    def __init__(self, student):
        self.student, self.calls = student, 0


_running = contextvars.ContextVar("nn_helpers_check", default=None)


def check(body):
    """Decorador de uma verificação ``check_f(f)``: o nome, a contagem e a linha de sucesso.

    ``body(f, ...)`` só confere (com :func:`call`, :func:`expect_close`, :func:`fail`...); o
    decorador conta as chamadas à função do aluno feitas por :func:`call` (os "casos
    conferidos"), imprime ``✅ check_f: tudo certo (N casos conferidos).`` se nada falhou — com o
    texto que ``body`` devolver, se devolver um, numa segunda linha — e relança a falha sem os
    quadros da verificação (a causa, o erro do próprio código do aluno, continua inteira).
    """
    student = next(iter(inspect.signature(body).parameters))

    @functools.wraps(body)
    def run(*args, **kwargs):
        __tracebackhide__ = True
        state = _Running(student)
        token = _running.set(state)
        try:
            figure = body(*args, **kwargs)
        except AssertionError as error:
            raise error.with_traceback(None)        # o aluno vê a mensagem, não as entranhas
        finally:
            _running.reset(token)
        passed(body.__name__, state.calls, figure)
    return run


def rng(seed):
    """Gerador aleatório com semente fixa: os casos aleatórios são sempre os mesmos."""
    return np.random.default_rng(seed)


def fmt(value):
    """Um valor curto e legível para as mensagens."""
    if isinstance(value, np.ndarray) and value.ndim >= 3 and value.size:
        # um lote de imagens impresso inteiro ocuparia a tela: a forma e a faixa dizem o bastante
        low, high = fmt(value.min().item()), fmt(value.max().item())
        return f"array de forma {value.shape}, valores de {low} a {high}"
    if isinstance(value, np.ndarray):
        return _array2string(value, precision=6, separator=", ", threshold=12)
    if isinstance(value, float):
        return f"{value:.6g}"
    return repr(value)


def call(f, name, *args, case, strict=False, hint_for=None):
    """Chama a função ``f`` do aluno com ``args`` e devolve o resultado.

    Transforma qualquer falha em ``AssertionError`` com mensagem em português:
    ``f`` não é função, ainda levanta ``NotImplementedError``, levanta outra
    exceção, ou modifica as entradas que recebeu.
    ``case`` descreve a entrada (aparece na mensagem).
    Com ``strict=True``, avisos do numpy (overflow, divisão por zero...) viram
    erro. ``hint_for(exceção)`` devolve uma dica (ou ``None``) para a exceção
    que ``f`` levantou.
    """
    __tracebackhide__ = True
    if not callable(f):
        fail(
            f"`{name}` deveria ser uma função, mas é um {type(f).__name__}. "
            f"Execute a célula onde você define `{name}` e tente de novo."
        )
    copies = [_copy(a) if isinstance(a, np.ndarray) else a for a in args]
    if (state := _running.get()) is not None:
        state.calls += 1
    if strict:
        case += " (com os avisos do numpy tratados como erro)"
    try:
        if strict:
            with warnings.catch_warnings(), np.errstate(over="raise", divide="raise",
                                                        invalid="raise"):
                warnings.simplefilter("error")
                result = f(*copies)
        else:
            result = f(*copies)
    except NotImplementedError:
        fail(
            f"`{name}` ainda não foi implementada: troque o "
            f"`raise NotImplementedError` pelo seu código."
        )
    except Exception as exc:
        hint = hint_for(exc) if hint_for else None
        fail(f"`{name}` levantou {type(exc).__name__}: {exc}\n  entrada: {case}",
             cause=exc, hints=[hint])
    for position, (original, passed_in) in enumerate(zip(args, copies)):
        if isinstance(original, np.ndarray) and not _array_equal(original, passed_in):
            arg = _parameter_name(f, position)
            fail(f"`{name}` modificou um dos arrays que recebeu, `{arg}` (entrada: {case}).",
                 hints=[Hint(MUTATED_INPUT.id, MUTATED_INPUT.format(arg=arg))])
    return result


def exception_hints(*rules):
    """Um ``hint_for(exceção)`` para :func:`call`.

    Cada regra é ``(tipos, trechos, dica)``: vale se a exceção é de um dos ``tipos`` e a sua
    mensagem contém um dos ``trechos`` (um trecho pode ser uma tupla de pedaços que têm de estar
    todos nela; ``()`` aceita qualquer mensagem). A dica é a da primeira regra que vale.
    """
    def mentions(text, piece):
        return all(part in text for part in ((piece,) if isinstance(piece, str) else piece))

    def hint_for(exc):
        text = str(exc)
        return first_hint((isinstance(exc, types) and (not pieces or any(
            mentions(text, piece) for piece in pieces)), hint) for types, pieces, hint in rules)
    return hint_for


def first_hint(pairs):
    """A dica do primeiro par ``(condição, dica)`` cuja condição vale (ou ``None``)."""
    return next((hint for holds, hint in pairs if holds), None)


MUTATED_INPUT = Hint("common.mutated_input",
                     "`{arg} += ...`, `{arg} -= ...` e `{arg}[i] = ...` mudam o próprio array que "
                     "quem chamou a função passou — ele vê a mudança. Crie um array novo: "
                     "`{arg} = {arg} + ...` (ou trabalhe numa cópia, `{arg}.copy()`).")


def _parameter_name(f, position):
    """O nome do parâmetro de ``f`` na posição ``position`` (``x``, se não der para saber)."""
    try:
        return list(inspect.signature(f).parameters)[position]
    except (TypeError, ValueError, IndexError):
        return "x"


def is_close(got, expected, rtol=1e-6, atol=1e-9):
    """``True`` se ``got`` tem a forma de ``expected`` e valores próximos (sem exceções)."""
    try:
        got = _asarray(got, dtype=float)
    except (TypeError, ValueError):
        return False
    expected = _asarray(expected, dtype=float)
    return got.shape == expected.shape and bool(_allclose(got, expected, rtol=rtol, atol=atol))


def as_numbers(value, name, what):
    """Converte o que a função do aluno devolveu em array de floats, ou falha em português."""
    if value is None:                   # np.asarray(None, dtype=float) seria um NaN calado
        fail(f"`{name}` devolveu None em vez de {what}.", hints=[MISSING_RETURN])
    try:
        arr = _asarray(value, dtype=float)
    except (TypeError, ValueError):
        fail(
            f"`{name}` devolveu {what} do tipo {type(value).__name__} ({fmt(value)}), "
            f"que não é um número nem um array de números."
        )
    return arr


MISSING_RETURN = Hint("common.missing_return", "a função devolveu `None`: faltou o `return`?")


def expect_shape(got, expected, name, case, what="o resultado", hint=None):
    """Confere que ``got`` é numérico e tem a forma de ``expected``; devolve ``got`` como array.

    ``hint`` (opcional) entra na mensagem quando a forma está errada.
    """
    __tracebackhide__ = True
    expected = _asarray(expected, dtype=float)
    arr = as_numbers(got, name, what)
    if arr.shape != expected.shape:
        want = "um número" if expected.ndim == 0 else f"forma {expected.shape}"
        have = "um número" if arr.ndim == 0 else f"forma {arr.shape}"
        fail(f"`{name}`: {what} deveria ser {want}, mas veio {have}.\n  entrada: {case}",
             hints=[hint])
    return arr


NOT_REDUCED = Hint("common.not_reduced", "esqueceu de reduzir (tirar a média ou somar) o vetor?")


def _matches(arr, wrong, atol):
    """``arr`` é o valor errado conhecido ``wrong`` (mesma forma, valores a 1e-4)?"""
    return wrong.shape == arr.shape and bool(_all(_abs(arr - wrong) <= atol + 1e-4 * _abs(wrong)))


def expect_close(got, expected, name, case, what="o resultado", rtol=1e-6, atol=1e-9,
                 hints=()):
    """Confere que ``got`` tem a forma de ``expected`` e os mesmos valores.

    ``hints`` é uma sequência de ``(valor_errado, dica)``: se ``got`` bate com
    um valor errado conhecido (um engano comum), a dica entra na mensagem
    (todas as que baterem: numa entrada, dois enganos podem dar o mesmo valor).
    Levanta ``AssertionError`` com mensagem em português.
    """
    __tracebackhide__ = True
    expected = _asarray(expected, dtype=float)
    arr = expect_shape(got, expected, name, case, what,
                       hint=NOT_REDUCED if expected.ndim == 0 else None)
    if not _all(_isfinite(arr)):
        fail(
            f"`{name}`: {what} contém NaN ou infinito: {fmt(arr[()])}.\n  entrada: {case}"
        )
    if not _all(_abs(arr - expected) <= atol + rtol * _abs(expected)):
        message = (f"`{name}`: {what} está errado.\n"
                   f"  entrada:  {case}\n"
                   f"  esperado: {fmt(expected[()])}\n"
                   f"  recebido: {fmt(arr[()])}")
        # Uma dica só vale se o seu valor errado se distingue do certo nesta entrada.
        wrongs = [(_asarray(wrong, dtype=float), hint) for wrong, hint in hints]
        matching = [hint for wrong, hint in wrongs
                    if _matches(arr, wrong, atol) and not _matches(expected, wrong, atol)]
        # a mesma dica pode valer para dois valores errados: ela aparece uma vez só
        fail(message, hints=list({getattr(h, "id", h): h for h in matching}.values()))


def expect_seed_respected(same_twice, same_other, name, seeds, case, what, hint):
    """A semente manda: a mesma semente repete o resultado, e outra semente o muda.

    same_twice: duas chamadas com ``seeds[0]`` deram o mesmo; same_other: a chamada com
    ``seeds[1]`` deu o mesmo que a com ``seeds[0]``; what: o que foi comparado, no plural
    ("pesos"); hint: como usar a semente. Levanta ``AssertionError`` em português.
    """
    __tracebackhide__ = True
    seed, other = seeds
    if not same_twice:
        fail(f"`{name}` com a mesma semente (seed={seed}) deu {what} diferentes em duas "
             f"chamadas.\n  entrada: {case}", hints=[hint])
    if same_other:
        fail(f"`{name}` deu os mesmos {what} com seed={seed} e seed={other}: a semente está "
             f"sendo ignorada.\n  entrada: {case}", hints=[hint])


def expect_tuple(result, name, size, names, case):
    """Confere que ``result`` é uma tupla (ou lista) com ``size`` elementos."""
    __tracebackhide__ = True
    if not isinstance(result, (tuple, list)) or len(result) != size:
        fail(
            f"`{name}` deve devolver {size} valores ({', '.join(names)}), "
            f"mas devolveu {fmt(result) if not isinstance(result, (tuple, list)) else f'{len(result)} valores'}.\n"
            f"  entrada: {case}"
        )
    return tuple(result)


def _explain_name_error(shell, etype, value, tb, tb_offset=None):
    shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
    name = getattr(value, "name", None) or "?"
    print(f"\n💡 `{name}` não está definida. Execute, de cima para baixo, a célula onde "
          f"você a define (e confira se o nome está escrito igual).", file=sys.stderr)


def install_notebook_hints():
    """No Jupyter, acrescenta uma explicação em português a todo ``NameError``.

    O caso típico: a célula de verificação roda antes da célula que define a
    função. Fora do IPython não faz nada.
    """
    try:
        shell = get_ipython()  # noqa: F821 (existe só dentro do IPython)
    except NameError:
        return
    shell.set_custom_exc((NameError,), _explain_name_error)


def passed(check_name, n_cases, figure=None):
    """Imprime a linha de sucesso de uma verificação.

    figure: o número que importa, quando há um (a acurácia do aluno ao lado da que a solução
    alcança no mesmo treino), numa segunda linha.
    """
    print(f"✅ {check_name}: tudo certo ({n_cases} casos conferidos)."
          + (f"\n   {figure}" if figure else ""))


def percent(fraction):
    """``0.9123`` → ``"91,2%"`` (vírgula decimal, como no livro)."""
    return br(100 * fraction, 1) + "%"


def go_further(what, got, reference, write=percent):
    """Imprime o número de uma célula "para ir além" ao lado do que a solução do curso obtém.

    what: o nome do número ("acurácia no teste"); got: o do aluno; reference: o da solução, uma
    constante do módulo de verificações que ``tests/test_exercises.py`` confere rodando a solução;
    write: como escrever os dois (padrão: :func:`percent`).
    Imprime ``acurácia no teste: 96,9% (a solução do curso: 97,1%)``.
    """
    print(f"{what}: {write(got)} (a solução do curso: {write(reference)})")
