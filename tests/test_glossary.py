"""Um termo por conceito: o glossário do livro manda, e o resto do curso obedece.

`book/glossary.md` lista, para cada termo, as variantes a evitar ("Evite: ..."). Este teste procura essas
variantes em tudo o que um aluno lê — capítulos, exercícios, soluções, a biblioteca e o README — e falha
apontando arquivo, linha e o termo certo. `python3 course.py book` roda este teste antes de construir o livro.
"""
import re
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


def banned_uses(entries, files, root=ROOT):
    """Cada uso de uma variante proibida: ``(arquivo, linha, variante, termo certo)``."""
    patterns = [(re.compile(rf"(?<!\w){re.escape(v)}(?!\w)", re.I), v, term)
                for term, entry in entries.items() for v in entry["avoid"]]
    found = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for pattern, variant, term in patterns:
                if pattern.search(line):
                    found.append((path.relative_to(root), number, variant, term))
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
])
def test_the_check_catches_a_banned_variant(tmp_path, line, caught):
    page = tmp_path / "capitulo.md"
    page.write_text(f"# Capítulo\n\n{line}\n", encoding="utf-8")
    found = banned_uses(glossary_entries(), [page], root=tmp_path)
    assert bool(found) is caught
    if caught:
        assert found[0][:2] == (Path("capitulo.md"), 3)
