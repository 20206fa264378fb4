"""MyST → Markdown comum, para as cópias executáveis dos capítulos (``book/*.ipynb``).

O Jupyter e o Colab não conhecem as diretivas e os papéis do MyST: mostrariam ``{cite:p}`...``` e
```` ```{admonition} ```` como texto cru. Ao gerar a cópia, cada construção vira o seu equivalente
em Markdown comum:

* uma caixa (``{admonition} Atenção``, ``{note}``) → uma citação em bloco com o título em negrito;
* uma resposta escondida (``:class: dropdown``) → ``<details><summary>``;
* ``{term}`viés``` → o termo com um link para o glossário do livro publicado;
* ``{cite:p}`nielsen2015``` → "(Nielsen, 2015)"; ``{cite:t}`...``` → "Nielsen (2015)";
* ``{numref}`Figura %s <fig-x>``` e ``{eq}`eq-x``` → "Figura 6.2" e "(6.3)", numerados como no
  livro (capítulo.ordem);
* ``{doc}`` e ``{ref}`` → o texto do link, apontando para o livro publicado;
* ``$$ ... $$ (eq-x)`` → ``$$ ... \\tag{6.3} $$``; alvos ``(nome)=`` somem.
"""

import re

__all__ = ["read_bibliography", "cite_text", "book_numbers", "plain_markdown"]

_FENCE = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?P<kind>[\w-]+)\}[ \t]*(?P<title>[^\n]*)\n"
                    r"(?P<body>.*?)^(?P=fence)[ \t]*$", re.M | re.S)
_ROLE = re.compile(r"\{(?P<role>cite:p|cite:t|cite|term|doc|ref|numref|eq)\}`(?P<text>[^`]+)`")
_TITLES = {"note": "Nota", "warning": "Atenção", "tip": "Dica", "important": "Importante"}


def read_bibliography(text):
    """``{chave: (sobrenomes, ano)}`` de um ``references.bib`` (só o que uma citação precisa)."""
    entries = {}
    for match in re.finditer(r"@\w+\{([^,\s]+),(.*?)\n\}", text, re.S):
        key, body = match.groups()
        field = dict(re.findall(r"(\w+)\s*=\s*\{((?:[^{}]|\{[^{}]*\})*)\}", body))
        surnames = []
        for name in re.split(r"\s+and\s+", field.get("author", "").strip()):
            if name.startswith("{") and name.endswith("}"):      # autor coletivo: {{Nome}}
                surnames.append(name.strip("{}"))
            elif name:
                name = re.sub(r"[{}]", "", name)
                surnames.append(name.split(",")[0] if "," in name else name.split()[-1])
        entries[key] = (surnames, re.sub(r"[{}]", "", field.get("year", "s.d.")))
    return entries


def cite_text(keys, bibliography, textual=False):
    """"(Nielsen, 2015; Géron, 2019)" ou, textual, "Nielsen (2015)"."""
    parts = []
    for key in (k.strip() for k in keys.split(",")):
        surnames, year = bibliography.get(key, ([key], "?"))
        who = (surnames[0] if len(surnames) == 1 else
               f"{surnames[0]} e {surnames[1]}" if len(surnames) == 2 else f"{surnames[0]} et al.")
        parts.append(f"{who} ({year})" if textual else f"{who}, {year}")
    return "; ".join(parts) if textual else "(" + "; ".join(parts) + ")"


def book_numbers(md_text, chapter):
    """Os números que o livro dá às figuras e equações nomeadas: ``{nome: "6.2"}``."""
    numbers = {}
    figures = re.findall(r"^\s*name:\s*(fig-[\w-]+)\s*$|name: (fig-[\w-]+)\}", md_text, re.M)
    for k, name in enumerate((a or b for a, b in figures), 1):
        numbers[name] = f"{chapter}.{k}"
    equations = re.findall(r"\$\$[ \t]*\((eq-[\w-]+)\)[ \t]*$", md_text, re.M)
    for k, name in enumerate(equations, 1):
        numbers[name] = f"{chapter}.{k}"
    return numbers


def _link(target, site):
    return f"{site}/book/{target.split('#')[0].removesuffix('.md')}.html" if site else ""


def _role(match, bibliography, numbers, site):
    role, text = match["role"], match["text"]
    shown, target = (text, text)
    explicit = re.match(r"^(.*?)\s*<([^>]+)>$", text, re.S)
    if explicit:
        shown, target = explicit.groups()
    if role in ("cite", "cite:p"):
        return cite_text(text, bibliography)
    if role == "cite:t":
        return cite_text(text, bibliography, textual=True)
    if role == "eq":
        return f"({numbers.get(target, '?')})"
    if role == "numref":
        number = numbers.get(target, "?")
        return shown.replace("%s", number) if explicit else f"Figura {number}"
    if role == "term":
        url = f"{site}/book/glossary.html#term-{target.strip().replace(' ', '-')}" if site else ""
        return f"[{shown}]({url})" if url else shown
    if role == "doc":
        return f"[{shown}]({_link(target, site)})" if site else shown
    return shown                                              # {ref}: o texto do link


def _box(match):
    kind, title, body = match["kind"], match["title"].strip(), match["body"]
    options = re.findall(r"^:(\w[\w-]*):[ \t]*(.*)$", body, re.M)
    body = re.sub(r"^:\w[\w-]*:.*\n", "", body, flags=re.M).strip("\n")
    classes = dict(options).get("class", "")
    title = title or _TITLES.get(kind, kind.capitalize())
    if "dropdown" in classes:
        return f"<details>\n<summary><b>{title}</b></summary>\n\n{body}\n\n</details>"
    lines = body.splitlines() or [""]
    lines[0] = f"**{title}.** {lines[0]}"
    return "\n".join(("> " + line).rstrip() for line in lines)


def plain_markdown(text, bibliography, numbers, site=""):
    """O texto de uma célula Markdown MyST em Markdown comum (veja a docstring do módulo)."""
    previous = None
    while previous != text:                                    # caixas dentro de caixas
        previous, text = text, _FENCE.sub(_box, text)
    text = re.sub(r"^\(([\w-]+)\)=[ \t]*\n", "", text, flags=re.M)
    text = re.sub(r"\$\$(.*?)\$\$[ \t]*\((eq-[\w-]+)\)",
                  lambda m: f"$${m[1].rstrip()} \\tag{{{numbers.get(m[2], '?')}}}\n$$",
                  text, flags=re.S)
    return _ROLE.sub(lambda m: _role(m, bibliography, numbers, site), text)
