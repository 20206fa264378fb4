"""As animações do livro tocam sem kernel e sem internet, em português, com alt."""
import re

import matplotlib
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.animation import FuncAnimation  # noqa: E402

from nn_helpers.animations import to_html  # noqa: E402


def _rising_line(frames=6):
    fig, ax = plt.subplots(figsize=(3, 2), dpi=40)
    (line,) = ax.plot([], [])

    def update(k):
        line.set_data([0, 1], [0, k / frames])
        return (line,)

    return FuncAnimation(fig, update, frames=frames)


def test_html_has_every_frame_no_external_url_and_portuguese_controls():
    html = to_html(_rising_line(6), alt="Uma reta que sobe a cada quadro.").data
    assert 'data-frames="6"' in html
    assert len(re.findall(r"data:image/png;base64", html)) == 6
    assert not re.search(r"https?://", html), "o HTML da animação não pode buscar nada na internet"
    assert 'class="fa' not in html
    for title in ("Tocar", "Pausar", "Próximo quadro", "Modo de repetição"):
        assert f'title="{title}"' in html
    assert ">Repetir<" in html and ">Loop<" not in html


def test_alt_text_goes_on_the_image_and_figure_is_closed():
    anim = _rising_line()
    html = to_html(anim, alt='Reta "subindo" & parando.').data
    assert 'alt="Reta &quot;subindo&quot; &amp; parando."' in html
    assert not plt.fignum_exists(anim._fig.number)


@pytest.mark.parametrize("kwargs, message", [
    ({"alt": ""}, "alt"),
    ({"alt": "Uma descrição boa o bastante.", "default_mode": "forever"}, "default_mode"),
])
def test_bad_arguments_get_a_portuguese_message(kwargs, message):
    with pytest.raises(ValueError, match=message):
        to_html(_rising_line(), **kwargs)


def test_not_an_animation_is_named():
    with pytest.raises(TypeError, match="animação do matplotlib"):
        to_html(plt.figure(), alt="Uma figura que não é animação.")
