"""As portas da biblioteca: a conferência dos argumentos na frente da conta.

Toda função ou método público que faz uma conta é decorado com ``@checked(conferência)``: a
conferência (em ``validation`` ou no próprio módulo) recebe os argumentos e os devolve
conferidos, ou levanta um ``ValueError`` em português que nomeia o argumento e o problema; a
função, embaixo, é só a conta — é ela que o livro mostra com ``show_source``.
"""

import functools
import inspect
import threading

__all__ = ["checked", "outside"]

_inside = threading.local()        # uma porta já conferiu os argumentos desta chamada?


def checked(check):
    """Decorador de uma porta pública: ``check`` confere os argumentos, a função só faz a conta.

    ``check(where, **argumentos)`` recebe o nome da porta (``"Dense.forward"``) e os argumentos
    da chamada pelo nome (com os valores padrão preenchidos) e devolve a tupla de argumentos já
    conferidos e convertidos, na ordem da assinatura — ou levanta ``ValueError`` em português.
    Uma chamada feita de dentro de outra porta (as camadas dentro de ``MLP.forward``, cada lote
    dentro de ``MLP.fit``) já vem conferida e vai direto à conta — por isso o corpo de uma porta
    só passa adiante argumentos conferidos, e chama o código de quem usa a biblioteca (uma função
    de custo, por exemplo) através de :func:`outside`. O livro mostra só a conta: ``show_source``
    omite a linha ``@checked(...)``.
    """
    def decorate(function):
        where = function.__qualname__.removesuffix(".__init__")
        signature = inspect.signature(function)
        names = list(signature.parameters)        # (nenhuma porta tem *args nem **kwargs)
        defaults = {n: p.default for n, p in signature.parameters.items()
                    if p.default is not p.empty}

        def arguments(args, kwargs):
            """Os argumentos pelo nome, com os padrões; o caso comum sem ``signature.bind``."""
            if not kwargs and len(args) <= len(names) and all(n in defaults
                                                              for n in names[len(args):]):
                return {n: args[i] if i < len(args) else defaults[n] for i, n in enumerate(names)}
            try:
                bound = signature.bind(*args, **kwargs)
            except TypeError as error:           # argumento a mais, a menos ou com nome errado
                raise TypeError(f"{where}: {_in_portuguese(error)}; a assinatura é "
                                f"{where.split('.')[-1]}{signature}.") from None
            bound.apply_defaults()
            return bound.arguments

        @functools.wraps(function)
        def door(*args, **kwargs):
            if getattr(_inside, "checked", False):
                return function(*args, **kwargs)
            args = check(where, **arguments(args, kwargs))
            _inside.checked = True
            try:
                return function(*args)
            finally:
                _inside.checked = False
        return door
    return decorate


def _in_portuguese(error):
    """A mensagem de ``signature.bind`` (em inglês), traduzida nos casos que existem."""
    text = str(error)
    name = text.split("'")[1] if "'" in text else ""
    if text.startswith("missing"):
        return f"falta o argumento `{name}`"
    if text.startswith("got an unexpected"):
        return f"não há argumento chamado `{name}`"
    if text.startswith("multiple values"):
        return f"o argumento `{name}` foi passado duas vezes"
    return "argumentos posicionais demais"


def outside(function):
    """``function`` — código de quem usa a biblioteca, chamado de dentro de uma porta — com as
    conferências ligadas de novo: as portas que ela chamar conferem os seus argumentos."""
    @functools.wraps(function)
    def call(*args, **kwargs):
        was, _inside.checked = getattr(_inside, "checked", False), False
        try:
            return function(*args, **kwargs)
        finally:
            _inside.checked = was
    return call
