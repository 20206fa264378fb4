"""Correção automática dos exercícios.

* ``checking`` — as ferramentas de toda verificação (``@check``, ``call``, ``expect_close``, ``Hint``);
* ``reference``, ``params``, ``common`` — contas e conferências que mais de um exercício usa;
* ``ex_<nome>/`` — as verificações de cada exercício (``check_f(f)``), os enganos e as dicas;
* ``notebooks`` — o leitor de notebooks e o papel de cada célula, para quem gera e quem corrige;
* ``release`` — gera ``exercises/`` a partir de ``solutions/`` (e as cópias ``.ipynb`` do livro);
* ``grader``, ``cli``, ``report`` — o corretor da turma (``nn-grade``) e o relatório.
"""

import sys

# O corretor liga esta variável no kernel em que corrige; então cada falha de verificação
# publica também os ids das suas dicas, num tipo de saída que só o corretor lê. (Aqui, e não em
# ``checking``, para o ``nn-grade`` não importar o numpy: veja ``cli._pool_context``.)
GRADING_ENV = "NN_GRADE_KERNEL"
HINTS_MIME = "application/vnd.nn-grade.hints+json"

# O jsonschema (que o nbformat usa) importa o rfc3987_syntax, se estiver instalado, e ele leva
# ~1,7 s montando uma gramática — só para validar o formato "iri", que o esquema dos notebooks
# não usa. Sem ele, o ``nn-grade`` começa a corrigir 1,7 s antes. (Aqui: antes de qualquer
# módulo do pacote importar o nbformat.)
sys.modules.setdefault("rfc3987_syntax", None)
