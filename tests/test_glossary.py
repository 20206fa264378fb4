"""Um termo por conceito: o glossário do livro manda, e o resto do curso obedece.

`book/glossary.md` lista, para cada termo, as variantes a evitar ("Evite: ..."). Este teste procura essas
variantes em tudo o que um aluno lê — capítulos, exercícios, soluções, a biblioteca e o README — e falha
apontando arquivo, linha e o termo certo. `python3 course.py book` roda este teste antes de construir o livro.
"""
import io
import json
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "book" / "glossary.md"


def glossary_entries(text=None):
    """Lê o bloco ``{glossary}``: devolve ``{termo: {"english": str, "avoid": [str, ...]}}``."""
    text = GLOSSARY.read_text(encoding="utf-8") if text is None else text
    block = re.search(r":::\{glossary\}\n(.*?)\n:::", text, re.S)
    assert block, "book/glossary.md: não achei o bloco :::{glossary} ... :::"
    entries, term = {}, None
    for line in block.group(1).splitlines():
        if line and not line[0].isspace():
            term = line.strip()
            entries[term] = {"english": "", "avoid": []}
        elif line.strip() and term:
            if not entries[term]["english"]:
                english = re.match(r"\s*\*([^*]+)\*", line)
                entries[term]["english"] = english.group(1) if english else ""
            if "Evite:" in line:
                entries[term]["avoid"] += re.findall(r'"([^"]+)"', line.split("Evite:", 1)[1])
    return entries


def student_facing_files():
    files = [p for p in sorted((ROOT / "book").glob("*.md")) if p != GLOSSARY]
    files += sorted((ROOT / "solutions").glob("*.ipynb")) + sorted((ROOT / "exercises").glob("*.ipynb"))
    files += sorted((ROOT / "nn_helpers").rglob("*.py")) + [ROOT / "README.md"]
    return files


# --- Só a prosa: o que não é prosa vira espaço (os números de linha ficam) ---------------------------

_INLINE_CODE = r"`[^`\n]+`"                      # código na linha e alvos de {papéis}
_CURLY_QUOTE = r"“[^”]{0,300}”"                   # citação entre aspas curvas
_ITALIC = r"(?<![*\w])\*(?!\*)[^*\n]+\*(?!\*)"     # menção em itálico: *intercepto*
_NOT_PROSE_MD = [
    r"^(`{3,}|~{3,})[^\n]*\n.*?^\1[ \t]*$",       # blocos de código (células, exemplos)
    r"\$\$.*?\$\$", r"(?<!\\)\$[^$\n]+\$",          # fórmulas
    _INLINE_CODE,
    _CURLY_QUOTE, r'"[^"\n]{0,200}(\n[^"\n]{0,200})?"',   # citações entre aspas
    _ITALIC,
    r"https?://\S+", r"^:[\w-]+:.*$", r"<[^>\n]+>",  # endereços, opções de diretivas, HTML
]
# Numa string do Python as aspas retas são a própria string: lá só estes contam como "não prosa".
_NOT_PROSE_PY = [_INLINE_CODE, _CURLY_QUOTE, _ITALIC]


def _blank(text, patterns):
    for pattern in patterns:
        text = re.sub(pattern, lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.M | re.S)
    return text


def prose_of_markdown(text):
    """O texto Markdown com código, fórmulas, citações e menções em itálico apagados."""
    return _blank(text, _NOT_PROSE_MD)


def prose_of_python(source):
    """Só as strings e os comentários de um código Python (docstrings, mensagens), com o resto apagado."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return source
    lines = source.split("\n")
    keep = [list(" " * len(line)) for line in lines]
    for tok in tokens:
        if tok.type not in (tokenize.STRING, tokenize.COMMENT) and \
                getattr(tokenize, "FSTRING_MIDDLE", None) != tok.type:
            continue
        (r0, c0), (r1, c1) = tok.start, tok.end
        for r in range(r0, r1 + 1):
            a = c0 if r == r0 else 0
            b = c1 if r == r1 else len(lines[r - 1])
            keep[r - 1][a:b] = lines[r - 1][a:b]
    prose = "\n".join("".join(chars) for chars in keep)
    return _blank(prose, _NOT_PROSE_PY)


def prose_units(path):
    """``(rótulo, prosa)`` de um arquivo: o arquivo inteiro, ou cada célula de um notebook."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        return [("", prose_of_python(text))]
    if path.suffix == ".ipynb":
        units = []
        for k, cell in enumerate(json.loads(text)["cells"]):
            source = "".join(cell["source"])
            prose = prose_of_markdown(source) if cell["cell_type"] == "markdown" \
                else prose_of_python(source)
            units.append((f"célula {k}, ", prose))
        return units
    return [("", prose_of_markdown(text))]


def banned_uses(entries, files, root=ROOT):
    """Cada uso de uma variante proibida na prosa: ``(arquivo, linha, variante, termo certo)``.

    Palavras inteiras, sem diferenciar maiúsculas, também quando a expressão quebra de linha.
    """
    patterns = [(re.compile(r"(?<![\w-])" + r"\s+".join(map(re.escape, v.split())) + r"(?![\w-])",
                            re.I), v, term)
                for term, entry in entries.items() for v in entry["avoid"]]
    found = []
    for path in files:
        for label, prose in prose_units(path):
            for pattern, variant, term in patterns:
                for match in pattern.finditer(prose):
                    line = prose.count("\n", 0, match.start()) + 1
                    where = f"{label}linha {line}" if label else line
                    found.append((path.relative_to(root), where, variant, term))
    return found


def test_every_entry_names_the_english_term():
    entries = glossary_entries()
    assert len(entries) >= 25
    missing = [term for term, entry in entries.items() if not entry["english"]]
    assert not missing, f"termos do glossário sem o termo em inglês em itálico: {missing}"


def test_no_variant_is_also_a_chosen_term():
    entries = glossary_entries()
    chosen = {term.lower() for term in entries}
    clash = [v for entry in entries.values() for v in entry["avoid"] if v.lower() in chosen]
    assert not clash, f"variante proibida que também é termo do glossário: {clash}"


def test_the_course_uses_one_term_per_concept():
    found = banned_uses(glossary_entries(), student_facing_files())
    report = "\n".join(f"  {path}:{line}: “{variant}” — o glossário diz “{term}”"
                       for path, line, variant, term in found)
    assert not found, f"variantes que o glossário manda evitar:\n{report}"


@pytest.mark.parametrize("line, caught", [
    ("Escolha a taxa de aprendizagem com cuidado.", True),
    ("A Taxa de Aprendizagem importa.", True),
    ("A taxa de aprendizado importa.", False),
    ("Duas camadas ocultas.", True),
    ("uma camada escondida", False),
    ("a taxa de\naprendizagem, quebrada na linha", True),          # através da quebra de linha
    ("A perda de validação cai.", True),
    ("Nada se perdeu; as perdas caem.", True),                  # "perdas", não "perdeu"
    ("O *intercepto*, como a estatística o chama.", False),     # menção em itálico
    ("O slide escreve “função de perda”.", False),              # citação
    ("Use `perda = 0` e $perda$ no código.", False),            # código e fórmula
    ("```python\nperda = 1  # perda\n```", False),              # bloco de código
])
def test_the_check_catches_a_banned_variant(tmp_path, line, caught):
    page = tmp_path / "capitulo.md"
    page.write_text(f"# Capítulo\n\n{line}\n", encoding="utf-8")
    found = banned_uses(glossary_entries(), [page], root=tmp_path)
    assert bool(found) is caught
    if caught:
        assert found[0][:2] == (Path("capitulo.md"), 3)


@pytest.mark.parametrize("source, caught", [
    ('raise ValueError("a perda virou NaN")', True),           # mensagem: prosa
    ("# a perda do lote\nx = 1", True),                        # comentário: prosa
    ("perda = mse(y, y_hat)", False),                          # identificador: código
])
def test_in_python_only_strings_and_comments_are_prose(tmp_path, source, caught):
    module = tmp_path / "modulo.py"
    module.write_text(source + "\n", encoding="utf-8")
    assert bool(banned_uses(glossary_entries(), [module], root=tmp_path)) is caught
