"""Correção automática dos exercícios.

* ``checking`` — as ferramentas comuns a todas as verificações;
* ``ex_<nome>`` — as verificações de cada exercício (``check_f(f)``);
* ``release`` — gera ``exercises/`` a partir de ``solutions/``.
"""

# O corretor liga esta variável no kernel em que corrige; então cada falha de verificação
# publica também os ids das suas dicas, num tipo de saída que só o corretor lê. (Aqui, e não em
# ``checking``, para o ``nn-grade`` não importar o numpy: veja ``cli._pool_context``.)
GRADING_ENV = "NN_GRADE_KERNEL"
HINTS_MIME = "application/vnd.nn-grade.hints+json"
