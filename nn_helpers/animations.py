"""Animações que tocam no livro publicado — sem kernel e sem internet.

Uma animação do matplotlib (``FuncAnimation``) vira HTML + JavaScript com
todos os quadros embutidos (``to_jshtml``). Este módulo só acrescenta o que o
livro precisa por cima disso:

* nenhum pedido externo: o ``to_jshtml`` do matplotlib busca os ícones dos
  botões em uma CDN; aqui eles viram caracteres comuns;
* botões, dicas e modos de repetição em português;
* texto alternativo (*alt text*) na imagem, para leitores de tela;
* a figura é fechada, para não aparecer de novo como imagem estática.

Uso típico em um capítulo::

    anim = FuncAnimation(fig, atualiza, frames=40, interval=120)
    to_html(anim, alt="A reta se aproxima dos pontos a cada passo.")
"""

import html
import re

import matplotlib
import matplotlib.pyplot as plt

__all__ = ["to_html"]

# título em inglês do matplotlib -> (título em português, ícone sem fonte externa)
_BUTTONS = {
    "Decrease speed": ("Mais devagar", "−"),
    "First frame": ("Primeiro quadro", "|◀◀"),
    "Previous frame": ("Quadro anterior", "|◀"),
    "Play backwards": ("Tocar de trás para a frente", "◀"),
    "Pause": ("Pausar", "❚❚"),
    "Play": ("Tocar", "▶"),
    "Next frame": ("Próximo quadro", "▶|"),
    "Last frame": ("Último quadro", "▶▶|"),
    "Increase speed": ("Mais depressa", "+"),
}
_LOOP_LABELS = {">Once<": ">Uma vez<", ">Loop<": ">Repetir<", ">Reflect<": ">Ida e volta<"}
_MODES = ("once", "loop", "reflect")


def to_html(anim, alt, default_mode="loop", fps=None, max_mb=4.0):
    """Converte ``anim`` em HTML autossuficiente e fecha a figura.

    anim: ``matplotlib.animation.Animation``; alt: frase que descreve o que a
    animação mostra (vai para o ``alt`` da imagem); default_mode: ``"once"``,
    ``"loop"`` ou ``"reflect"``; fps: quadros por segundo (padrão: o
    ``interval`` da animação); max_mb: tamanho máximo do HTML, em MB.
    Retorna um ``IPython.display.HTML`` (no Jupyter e no livro, é exibido).
    """
    from IPython.display import HTML

    if not isinstance(anim, matplotlib.animation.Animation):
        raise TypeError(f"to_html: 'anim' deve ser uma animação do matplotlib "
                        f"(FuncAnimation), mas recebi {type(anim).__name__}.")
    if not isinstance(alt, str) or len(alt.strip()) < 10:
        raise ValueError("to_html: escreva em 'alt' uma frase que descreva a animação "
                         "para quem não a vê (pelo menos 10 caracteres).")
    if default_mode not in _MODES:
        raise ValueError(f"to_html: 'default_mode' deve ser um de {_MODES}, "
                         f"mas recebi {default_mode!r}.")
    with matplotlib.rc_context({"animation.embed_limit": max_mb}):
        text = anim.to_jshtml(fps=fps, default_mode=default_mode)
    plt.close(anim._fig)
    return HTML(localize(text, alt))


def localize(text, alt):
    """Troca, no HTML do ``to_jshtml``, a CDN de ícones e os textos em inglês.

    text: o HTML devolvido por ``Animation.to_jshtml``; alt: o texto alternativo.
    Retorna o HTML modificado (``str``).
    """
    frames = re.search(r"new Array\((\d+)\)", text)
    n_frames = int(frames.group(1)) if frames else 0
    text = re.sub(r"<link[^>]*font-awesome[^>]*>", "", text)
    for english, (portuguese, icon) in _BUTTONS.items():
        text = re.sub(
            rf'title="{english}" aria-label="{english}"(.*?)>\s*<i class="[^"]*"></i>',
            rf'title="{portuguese}" aria-label="{portuguese}"\1>{icon}',
            text, flags=re.S)
    text = text.replace('title="Repetition mode" aria-label="Repetition mode"',
                        'title="Modo de repetição" aria-label="Modo de repetição"')
    for english, portuguese in _LOOP_LABELS.items():
        text = text.replace(english, portuguese)
    alt = html.escape(" ".join(alt.split()), quote=True)
    text = re.sub(r'<img id="(_anim_img\w+)">',
                  rf'<img id="\1" alt="{alt}" role="img">', text)
    text = text.replace('<div class="animation">',
                        f'<div class="animation nn-animation" data-frames="{n_frames}">', 1)
    return text
