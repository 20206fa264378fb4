"""Correção automática dos exercícios.

* ``checking`` — as ferramentas comuns a todas as verificações;
* ``ex_<nome>`` — as verificações de cada exercício (``check_f(f)``);
* ``release`` — gera ``exercises/`` a partir de ``solutions/``.
"""
