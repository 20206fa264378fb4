"""O que os capítulos usam para escrever: o código da biblioteca na página, os números com
vírgula decimal e a linha de progresso de um treino.

* ``show_source(obj)`` mostra o código de uma função da biblioteca; ``source_text(obj)`` é esse
  texto, sem as linhas ``@checked(...)`` (a conferência dos argumentos não é a conta que se ensina);
* ``br``, ``br_sci``, ``br_list`` e ``br_matrix`` escrevem um número, um vetor e uma matriz com
  vírgula decimal, para ``print``; ``br_short``, um número curto para títulos e textos de figuras;
* ``use_decimal_comma()`` põe a vírgula decimal nos eixos do matplotlib (``CommaFormatter``);
* ``Progress`` é a linha de progresso de ``MLP.fit``.

O matplotlib e o IPython só são importados quando usados: ``nn`` importa este módulo pela linha
de progresso, e quem só faz contas não paga o tempo de importá-los.
"""

import ast
import functools
import inspect
import sys
import textwrap

import numpy as np

from .validation import as_array, flag, whole_number

__all__ = ["source_text", "show_source", "br", "br_sci", "br_list", "br_matrix", "br_short",
           "use_decimal_comma", "CommaFormatter", "Progress"]


# --- O código na página ------------------------------------------------------------------------

def source_text(obj):
    """O código-fonte de ``obj`` (uma função, um método ou uma classe), sem as linhas
    ``@checked(...)`` — o decorador de ``validation`` que confere os argumentos na porta."""
    try:
        lines = inspect.getsource(obj).splitlines(keepends=True)
    except (TypeError, OSError):
        raise ValueError(f"source_text: não encontrei o código-fonte de {obj!r}; passe uma "
                         f"função, um método ou uma classe (sem chamá-la: `show_source(mse)`, "
                         f"não `show_source(mse(y, y_hat))`).") from None
    try:
        tree = ast.parse(textwrap.dedent("".join(lines)))
    except SyntaxError:                                   # um pedaço de linha (uma lambda)
        return "".join(lines)
    checks = {row for node in ast.walk(tree) for decorator in getattr(node, "decorator_list", ())
              if isinstance(decorator, ast.Call)
              and "checked" in (getattr(decorator.func, "id", None),
                                getattr(decorator.func, "attr", None))
              for row in range(decorator.lineno - 1, decorator.end_lineno)}
    return "".join(line for row, line in enumerate(lines) if row not in checks)


def show_source(obj):
    """Mostra, com cores, o código-fonte de uma função da biblioteca (``source_text``).

    Os capítulos usam isto para exibir exatamente o código que está em ``nn_helpers`` — assim o
    texto do livro e a biblioteca nunca divergem.
    """
    from IPython.display import Code, display

    display(Code(source_text(obj), language="python"))


# --- Números com vírgula decimal ---------------------------------------------------------------

def br(value, decimals=2):
    """Um número no estilo brasileiro, com vírgula decimal: ``br(7533.333) -> '7533,33'``.

    Os capítulos usam isto para imprimir todo número com vírgula decimal, como se escreve no Brasil.
    """
    value = float(as_array(value, "value", "br", ndim=0, finite=False))
    return _br(value, whole_number(decimals, "decimals", "br"))


def _br(value, decimals):
    return f"{value:.{decimals}f}".replace(".", ",")


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def br_sci(value, decimals=1):
    """Notação científica com vírgula decimal: ``br_sci(4.831e39, 2) -> '4,83·10³⁹'``."""
    value = float(as_array(value, "value", "br_sci", ndim=0, finite=False))
    decimals = whole_number(decimals, "decimals", "br_sci")
    if value == 0 or not np.isfinite(value):
        return "0" if value == 0 else _br(value, decimals)       # "nan", "inf": sem expoente
    mantissa, exponent = f"{value:.{decimals}e}".split("e")
    return f"{mantissa.replace('.', ',')}·10{str(int(exponent)).translate(_SUPERSCRIPT)}"


def br_list(values, decimals=2):
    """Vários números com vírgula decimal, separados por ponto e vírgula: ``'(0,50; -1,50)'``.

    values: qualquer array-like (é achatado).
    """
    values = as_array(values, "values", "br_list", finite=False)
    decimals = whole_number(decimals, "decimals", "br_list")
    return "(" + "; ".join(_br(v, decimals) for v in values.ravel()) + ")"


def br_matrix(M, decimals=4):
    """Um array do numpy escrito com vírgula decimal e colunas alinhadas (como ``print(M)``)."""
    M = as_array(M, "M", "br_matrix", finite=False) + 0.0            # + 0.0: sem "-0,0000"
    decimals = whole_number(decimals, "decimals", "br_matrix")
    width = max((len(_br(v, decimals)) for v in M.ravel()), default=1)
    return np.array2string(M, separator="  ",
                           formatter={"float_kind": lambda v: f"{_br(v, decimals):>{width}}"})


def br_short(value, digits=3):
    """Um número curto, para títulos, legendas e textos de figuras: ``digits`` algarismos
    significativos, vírgula decimal, sem zeros à direita e com o sinal de menos da tipografia.

    Fora de 0,001 ≤ |x| < 10⁶, em notação científica (``br_sci``). ``br_short(0.69315) ->
    '0,693'``; ``br_short(51449.3) -> '51449'``; ``br_short(-0.5) -> '−0,5'``;
    ``br_short(2.5e-5) -> '2,5·10⁻⁵'``; infinito e NaN por extenso.
    """
    value = float(as_array(value, "value", "br_short", ndim=0, finite=False))
    digits = whole_number(digits, "digits", "br_short", minimum=1)
    if not np.isfinite(value):
        return "NaN" if np.isnan(value) else "−infinito" if value < 0 else "infinito"
    size = abs(value)
    if size == 0:
        text = "0"
    elif 1e-3 <= size < 1e6:
        text = _br(value, max(0, digits - 1 - int(np.floor(np.log10(size)))))
    else:
        text = br_sci(value, digits - 1)
    mantissa, dot, power = text.partition("·")
    if "," in mantissa:
        mantissa = mantissa.rstrip("0").rstrip(",")
    return (mantissa + dot + power).replace("-", "−")


# --- Vírgula decimal nos eixos -----------------------------------------------------------------

def use_decimal_comma():
    """Vírgula decimal nos números dos eixos de todas as figuras criadas depois desta chamada.

    O matplotlib escreve 0.5; o livro escreve 0,5. Os capítulos chamam isto uma vez, logo
    depois das importações: os eixos lineares (e as barras de cores, que usam a escala
    ``FuncScale``) passam a usar ``CommaFormatter``. Chamar de novo não muda nada.
    """
    from matplotlib import scale

    for kind in (scale.LinearScale, scale.FuncScale):
        defaults = kind.set_default_locators_and_formatters
        if not getattr(defaults, "with_commas", False):
            kind.set_default_locators_and_formatters = _with_commas(defaults)


def _with_commas(original):
    def defaults_with_commas(self, axis):
        original(self, axis)
        axis.set_major_formatter(_comma_formatter()())
    defaults_with_commas.with_commas = True
    return defaults_with_commas


@functools.cache
def _comma_formatter():
    """A classe ``CommaFormatter``, criada na primeira vez que é pedida (ela precisa do
    matplotlib, e importá-lo leva uns décimos de segundo)."""
    from matplotlib import ticker

    class CommaFormatter(ticker.ScalarFormatter):
        """O formatador padrão dos eixos do matplotlib, com vírgula decimal: 0,5 em vez de 0.5."""

        def __call__(self, x, pos=None):
            return _comma(super().__call__(x, pos), self._useMathText)

        def get_offset(self):
            return _comma(super().get_offset(), self._useMathText)

    CommaFormatter.__module__, CommaFormatter.__qualname__ = __name__, "CommaFormatter"
    return CommaFormatter


def _comma(text, mathtext):
    return text.replace(".", "{,}" if mathtext else ",")


def __getattr__(name):
    """``from nn_helpers.book import CommaFormatter`` cria a classe (veja ``_comma_formatter``)."""
    if name == "CommaFormatter":
        return _comma_formatter()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --- A linha de progresso de um treino ---------------------------------------------------------

class Progress:
    """A linha de progresso de um treino: no Jupyter, uma barra atualizada no lugar (no livro
    construído fica só a última); fora dele, uma linha de texto por época.

    verbose: mostrar ou não; epochs: o total de épocas. ``update(epoch, history)`` mostra a época
    ``epoch`` e o último valor de cada lista de ``history`` (``{"loss": [...], ...}``).
    """

    NAMES = {"loss": "custo", "accuracy": "acurácia",
             "val_loss": "custo (validação)", "val_accuracy": "acurácia (validação)"}

    def __init__(self, verbose, epochs):
        self.verbose = flag(verbose, "verbose", "Progress")
        self.epochs, self.handle = whole_number(epochs, "epochs", "Progress"), None
        ipython = sys.modules.get("IPython")
        shell = type(ipython and ipython.get_ipython()).__name__
        if self.verbose and shell == "ZMQInteractiveShell":           # um notebook Jupyter
            from IPython.display import display
            self.handle = display(self._bundle(0, "treinando..."), raw=True, display_id=True)

    def _bundle(self, epoch, text):
        return {"text/plain": text, "text/html": f"<progress value='{epoch}' "
                f"max='{self.epochs}'></progress> <code>{text}</code>"}

    def update(self, epoch, history):
        """Mostra a época ``epoch`` e o último valor de cada lista de ``history``."""
        where = "Progress.update"
        epoch = whole_number(epoch, "epoch", where)
        if not isinstance(history, dict) or not all(
                isinstance(values, (list, tuple, np.ndarray)) and len(values)
                for values in history.values()):
            raise ValueError(f"{where}: `history` deve ser um dicionário {{nome: [valores]}}, "
                             f"cada lista com pelo menos um valor, não {history!r}.")
        numbers = (f"{self.NAMES.get(key, key)} " + _br(float(as_array(
            values[-1], f"history[{key!r}][-1]", where, ndim=0, finite=False)), 4)
                   for key, values in history.items())
        text = f"época {epoch}/{self.epochs} — " + " — ".join(numbers)
        if self.handle is not None:
            self.handle.update(self._bundle(epoch, text), raw=True)
        elif self.verbose:
            print(text, flush=True)
