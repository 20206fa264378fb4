"""Exploradores interativos (ipywidgets): mexa nos controles e veja o modelo mudar.

``regression_explorer`` (capítulo 1), ``learning_rate_explorer`` (capítulo 2),
``perceptron_explorer`` (capítulo 3) e ``playground`` (capítulo 7). Cada um é **vivo** no Jupyter
(controles e uma figura que se redesenha) e uma **foto** no livro publicado: a sua representação
traz, além do widget, a imagem PNG do estado atual. ``snapshot()`` devolve essa figura do
matplotlib e ``set(nome=valor, ...)`` muda os controles por código, como se fosse com o mouse.
As figuras são desenhadas com o Agg, sem o pyplot. Só este módulo importa o ipywidgets.

No livro publicado, cada explorador é **vivo** também sem Python: a representação traz um HTML
(``html()``) com a foto e os dados do explorador (``config()``), e o JavaScript do livro
(``book/_ext/static/explorers/``) troca a foto pelos controles. Os textos e os padrões dos dois
lados vêm de um lugar só, ``explorers.json`` (``TEXTS``).
"""

import base64
import html
import io
import json
import re
import time
import warnings
from pathlib import Path

import ipywidgets as widgets
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .activations import ACTIVATIONS
from .book import br, br_short
from .linear import gradient_descent, least_squares, loss_grid
from .losses import mse
from .nn import MLP
from .optimizers import SGDWithL2
from .perceptron import perceptron_predict, perceptron_update
from .plotting import (plot_data_line, plot_decision_boundary, plot_learning_curves,
                       plot_loss_curve, plot_path_on_surface)
from .regions import drawable, palette, points
from .toy_data import FEATURES, TOY_DATA, clean_and_noise, features
from .validation import (as_array, class_labels, flag, number_between, one_of, positive,
                         same_length, seed_value, whole_number)

__all__ = ["regression_explorer", "learning_rate_explorer", "perceptron_explorer", "playground",
           "DATASETS", "L2_VALUES", "TEXTS"]
TEXTS = json.loads((Path(__file__).parent / "explorers.json").read_text(encoding="utf-8"))
# os controles só avisam ao soltar o mouse: cada figura leva uma fração de segundo para desenhar
STYLE = {"description_width": "initial"}
SLIDER = {"continuous_update": False, "style": STYLE}


def _slider(description, value, lo, hi, log=False):
    """Um controle deslizante de ``lo`` a ``hi`` (com ``log=True``, expoentes de 10).

    Sem ``log``, o passo é uma potência de 10 (uns 500 a 5000 passos na faixa) e as pontas são
    múltiplos dele: o controle passa por valores redondos, como c0 = 3,5 e b = 12.
    """
    if log:
        return widgets.FloatLogSlider(value=value, min=lo, max=hi, step=0.01,
                                      description=description, readout_format=".3g", **SLIDER)
    step = 10.0 ** np.floor(np.log10((hi - lo) / 500))
    digits = max(0, int(-np.log10(step)))
    lo, hi = round(np.floor(lo / step) * step, digits), round(np.ceil(hi / step) * step, digits)
    return widgets.FloatSlider(value=value, min=lo, max=hi, step=step, description=description,
                               readout_format=".3g", **SLIDER)


class Explorer:
    """A base: controles com nome, uma linha de texto (``status``) e a imagem da figura atual.

    Cada explorador define ``update()`` (refaz as contas e o texto) e ``draw(fig)`` (desenha).
    ``widget`` é a caixa do ipywidgets; ``ex["nome"]`` é o valor atual de um controle. A imagem
    só é desenhada depois que o explorador aparece na tela (antes disso, ninguém a vê): mostre o
    explorador, não ``ex.widget``.
    """

    figsize, dpi = (10, 3.8), 80
    name = "explorer"                    # o nome público, para as mensagens de erro
    kind = None                          # a chave do explorador em TEXTS e no JavaScript

    def __init__(self, controls, buttons=()):
        self.controls, self._quiet, self.shown = controls, False, False
        self.status, self.image = widgets.HTML(), widgets.Image(format="png")
        for control in controls.values():
            control.observe(lambda change: self._quiet or self.refresh(), names="value")
        row = widgets.HBox([*controls.values(), *buttons], layout={"flex_flow": "row wrap"})
        self.widget = widgets.VBox([row, self.status, self.image])
        self.refresh()

    def __getitem__(self, name):
        if not isinstance(name, str) or name not in self.controls:
            raise ValueError(f"{self.name}: não há controle {name!r}; os controles são "
                             f"{list(self.controls)}.")
        return self.controls[name].value

    def set(self, **values):
        """Muda os controles e redesenha uma vez: ``ex.set(c0=2, b=10)``. Devolve ``self``.

        Cada valor deve caber no controle, como com o mouse: um número dentro da faixa do
        controle deslizante, uma das opções de uma lista, ``True``/``False`` numa caixa.
        """
        unknown = sorted(set(values) - set(self.controls))
        if unknown:
            raise ValueError(f"{self.name}.set: controle(s) desconhecido(s) {unknown}; os "
                             f"controles são {list(self.controls)}.")
        values = {name: self._fits(name, value) for name, value in values.items()}
        self._quiet = True
        try:
            for name, value in values.items():
                self.controls[name].value = value
        finally:
            self._quiet = False
        self.refresh()
        return self

    def _fits(self, name, value):
        """``value`` se ele cabe no controle ``name``; senão, a mensagem que diz o que cabe."""
        control = self.controls[name]
        if isinstance(control, widgets.Checkbox):
            ok, wanted = isinstance(value, (bool, np.bool_)), "True ou False"
        elif isinstance(control, widgets.Text):
            value = _text(value)
            ok, wanted = True, "um texto"
        elif hasattr(control, "options"):            # Dropdown, SelectionSlider, SelectMultiple
            options = control.options
            options = list(options.values() if isinstance(options, dict) else options)
            if isinstance(control, widgets.SelectMultiple):          # uma ou mais opções
                value = (value,) if isinstance(value, str) else value
                ok = (isinstance(value, (list, tuple)) and len(value) > 0
                      and all(isinstance(v, str) and v in options for v in value))
                value, wanted = tuple(value) if ok else value, f"um ou mais de {options}"
            else:
                ok = isinstance(value, (str, int, float, np.number)) and value in options
                wanted = f"um de {options}"
        else:                                               # um controle deslizante de números
            lo, hi = control.min, control.max
            if isinstance(control, widgets.FloatLogSlider):
                lo, hi = control.base ** lo, control.base ** hi
            integer = isinstance(control, widgets.IntSlider)
            kinds = (int, np.integer) if integer else (int, float, np.integer, np.floating)
            ok = (isinstance(value, kinds) and not isinstance(value, (bool, np.bool_))
                  and lo * (1 - 1e-9 * np.sign(lo)) <= value <= hi * (1 + 1e-9 * np.sign(hi)))
            wanted = (f"um {'inteiro' if integer else 'número'} de {lo:g} a {hi:g} (a faixa "
                      f"do controle)")
        if not ok:
            raise ValueError(f"{self.name}.set: `{name}` deve ser {wanted}, não {value!r}.")
        return value

    def refresh(self):
        """Refaz as contas e o texto e, se o explorador já está na tela, a imagem."""
        self.update()
        if self.shown:
            self.image.value = self.png()

    def png(self):
        """A figura do estado atual em PNG (``bytes``)."""
        buffer = io.BytesIO()
        self.snapshot().savefig(buffer, format="png", dpi=self.dpi)
        return buffer.getvalue()

    def snapshot(self):
        """A figura do estado atual: um ``matplotlib.figure.Figure`` (fora do pyplot)."""
        fig = Figure(figsize=self.figsize, dpi=self.dpi, layout="constrained")
        FigureCanvasAgg(fig)
        self.draw(fig)
        return fig

    def status_text(self):
        """A linha de estado sem as marcas de HTML (o texto simples e o ``alt`` da foto)."""
        return re.sub(r"<[^>]+>", "", self.status.value)

    def config(self):
        """O estado atual, em números e listas (JSON): o que o JavaScript do livro precisa."""
        raise NotImplementedError

    def html(self, alt=None):
        """O explorador no livro: um ``<div class="nn-explorer">`` com a foto do estado atual e,
        em ``data-config``, ``config()`` e os textos de ``TEXTS``. Sem JavaScript, fica a foto,
        com ``alt`` (padrão: o texto de ``status``); com ele, ``explorers.js`` monta os controles.
        """
        config = json.dumps({"kind": self.kind, "texts": TEXTS[self.kind], "palette": palette(),
                             **self.config()},
                            ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        alt = alt or self.status_text()
        photo = base64.b64encode(self.image.value or self.png()).decode("ascii")
        return (f'<div class="nn-explorer" data-explorer="{self.kind}" '
                f'data-config="{html.escape(config, quote=True)}">'
                f'<img class="nn-explorer-photo" src="data:image/png;base64,{photo}" '
                f'alt="{html.escape(" ".join(alt.split()), quote=True)}"></div>')

    def _repr_mimebundle_(self, include=None, exclude=None):
        """O widget (o JupyterLab mostra), o HTML vivo (o livro mostra), a foto e o texto."""
        self.shown, self.image.value = True, self.png()
        bundle = self.widget._repr_mimebundle_()
        bundle["text/plain"] = f"{type(self).__name__} (interativo no Jupyter): {self.status_text()}"
        bundle["image/png"] = base64.b64encode(self.image.value).decode("ascii")
        bundle["text/html"] = self.html()
        return bundle


def _text(value):
    """O texto de um controle de texto: 8 → "8"; [8, 8] → "8, 8" (as camadas do playground)."""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return value if isinstance(value, str) else str(value)


def _xy(x, y, where):
    """Valida um atributo ``x`` (n,), não constante, e o alvo ``y`` (n,)."""
    x, y = drawable(x, "x", where), drawable(y, "y", where)
    same_length(x, y, "x", "y", where)
    if len(x) < 2 or np.ptp(x) == 0:
        raise ValueError(f"{where}: `x` precisa de pelo menos dois valores diferentes "
                         f"(com x constante, nenhuma reta é melhor que as outras).")
    (c0,), b = least_squares(x[:, None], y)
    return x, y, c0, b, mse(y, c0 * x + b)


class RegressionExplorer(Explorer):
    """``regression_explorer(x, y, c0=1, b=0, fix_b=False, xlabel="x", ylabel="y")``.

    x: (n,) o atributo; y: (n,) o alvo; c0, b: a reta inicial ``ŷ = c0·x + b``; fix_b: começa
    com ``b`` travado ("c0 variável, b fixo", como no capítulo 1). Mostra os dados, a reta, os erros
    ``y − ŷ``, o MSE e a curva do MSE em função de ``c0`` (com o ``b`` atual).
    """

    name, kind = "regression_explorer", "regression"

    def __init__(self, x, y, c0=1.0, b=0.0, fix_b=False, xlabel="x", ylabel="y"):
        where = self.name
        self.x, self.y, self.c0_best, self.b_best, self.mse_best = _xy(x, y, where)
        c0, b = (number_between(v, k, where) for v, k in ((c0, "c0"), (b, "b")))
        spread = 3 * max(abs(self.c0_best), np.std(self.y) / np.std(self.x))
        lo, hi = min(self.c0_best - spread, c0), max(self.c0_best + spread, c0)
        self.c0_values, self.labels = np.linspace(lo, hi, 201), (xlabel, ylabel)
        lo, hi = min(self.b_best - 3 * np.ptp(self.y), b), max(self.b_best + 3 * np.ptp(self.y), b)
        label = TEXTS[self.kind]["controls"]
        super().__init__({
            "c0": _slider(label["c0"], c0, self.c0_values[0], self.c0_values[-1]),
            "b": _slider(label["b"], b, lo, hi),
            "fix_b": widgets.Checkbox(value=flag(fix_b, "fix_b", where), description=label["fix_b"])})

    def update(self):
        self.controls["b"].disabled = self["fix_b"]
        self.loss = mse(self.y, self["c0"] * self.x + self["b"])
        self.status.value = self.text("status", mse=br_short(self.loss), best=br_short(self.mse_best))

    def text(self, key, **values):
        """Um texto de ``TEXTS["regression"]`` com o c0 e o b atuais (e ``values``)."""
        return TEXTS[self.kind][key].format(c0=br(self["c0"], 3), b=br(self["b"]), **values)

    def config(self):
        c0, b = self.controls["c0"], self.controls["b"]
        return {"x": self.x.tolist(), "y": self.y.tolist(), "c0": c0.value, "b": b.value,
                "fix_b": self["fix_b"], "c0_range": [c0.min, c0.max, c0.step],
                "b_range": [b.min, b.max, b.step],
                "best": [self.c0_best, self.b_best, self.mse_best], "labels": list(self.labels)}

    def draw(self, fig):
        c0, b = self["c0"], self["b"]
        ax1, ax2 = fig.subplots(1, 2)
        plot_data_line(self.x, self.y, lines=[(c0, b, self.text("line"))],
                       residuals=True, xlabel=self.labels[0], ylabel=self.labels[1], ax=ax1)
        ax1.set_title(self.text("left_title", mse=br_short(self.loss)))
        losses = loss_grid(self.x, self.y, self.c0_values, [b])[0]     # o MSE ao longo de c0
        plot_loss_curve(self.c0_values, losses, marks=[(c0, self.loss, TEXTS[self.kind]["now"])],
                        xlabel="$c_0$", ax=ax2)
        ax2.set_title(self.text("right_title").replace("c0", "$c_0$"))


class LearningRateExplorer(Explorer):
    """``learning_rate_explorer(x, y, lr=None, steps=30, c0=0, b=0)``.

    O gradiente descendente em lote no MSE de ``ŷ = c0·x + b``. x: (n,); y: (n,); lr: a taxa
    inicial (``None``: um quarto do limite 2/μ_max, acima do qual diverge); steps: passos; c0,
    b: o ponto de partida. Mostra o caminho sobre as curvas de nível do MSE e a curva de
    aprendizado, e avisa quando diverge.
    """

    figsize, name, kind = (10, 4), "learning_rate_explorer", "learning_rate"

    def __init__(self, x, y, lr=None, steps=30, c0=0.0, b=0.0):
        where = self.name
        x, self.y, self.c0_best, self.b_best, self.mse_best = _xy(x, y, where)
        self.X, n = x[:, None], len(x)
        self.start = [number_between(v, k, where) for v, k in ((c0, "c0"), (b, "b"))]
        # A hessiana do MSE: com η > 2/μ_max, o passo cresce em vez de encolher (capítulo 2).
        hessian = 2 / n * np.array([[x @ x, x.sum()], [x.sum(), n]])
        self.limit = 2 / np.linalg.eigvalsh(hessian).max()
        lr = self.limit / 4 if lr is None else positive(lr, "lr", where)
        steps = whole_number(steps, "steps", where, 1, 10_000)
        # A vista: a caixa da curva de nível do ponto de partida (um caminho que converge fica nela)
        excess = max(mse(self.y, self.start[0] * x + self.start[1]) - self.mse_best, 1e-9)
        if not np.isfinite(excess * self.limit):
            raise ValueError(f"{where}: o ponto de partida c0 = {self.start[0]:g}, b = "
                             f"{self.start[1]:g} está longe demais dos dados: o MSE estoura.")
        half = 1.15 * np.sqrt(2 * excess * np.diag(np.linalg.inv(hessian)))
        self.c0_values = self.c0_best + np.linspace(-half[0], half[0], 61)
        self.b_values = self.b_best + np.linspace(-half[1], half[1], 61)
        self.grid = loss_grid(x, self.y, self.c0_values, self.b_values)
        top, label = np.log10(self.limit), TEXTS[self.kind]["controls"]
        super().__init__({
            "lr": _slider(label["lr"], lr, min(top - 3, np.log10(lr)),
                          max(top + 0.5, np.log10(lr)), log=True),
            "steps": widgets.IntSlider(value=steps, min=1, max=max(200, steps),
                                       description=label["steps"], **SLIDER)})

    def update(self):
        lr, texts = self["lr"], TEXTS[self.kind]
        _, _, self.history = gradient_descent(self.X, self.y, lr=lr, epochs=self["steps"],
                                              c_init=self.start[:1], b_init=self.start[1])
        loss = self.history["loss"]
        self.diverged = not np.isfinite(loss[-1]) or loss[-1] > loss[0]
        news = texts["news"].format(first=br_short(loss[0]), last=br_short(loss[-1]),
                                    steps=len(loss) - 1)
        self.status.value = texts["diverged" if self.diverged else "converged"].format(
            lr=br_short(lr), news=news, limit=br_short(self.limit), best=br_short(self.mse_best))

    def config(self):
        lr, steps = self.controls["lr"], self.controls["steps"]
        return {"x": self.X[:, 0].tolist(), "y": self.y.tolist(), "lr": lr.value,
                "log_lr_range": [lr.min, lr.max], "steps": steps.value,
                "steps_range": [steps.min, steps.max], "start": self.start, "limit": self.limit,
                "best": [self.c0_best, self.b_best, self.mse_best],
                "c0_range": self.c0_values[[0, -1]].tolist(),
                "b_range": self.b_values[[0, -1]].tolist()}

    def draw(self, fig):
        ax1, ax2 = fig.subplots(1, 2, width_ratios=[1.25, 1])
        c0s, bs, loss = self.history["c"][:, 0], self.history["b"], self.history["loss"]
        ok = np.isfinite(c0s) & np.isfinite(bs)
        plot_path_on_surface(self.c0_values, self.b_values, self.grid,
                             paths=[(c0s[ok], bs[ok], f"η = {br_short(self['lr'])}")],
                             marks=[(self.c0_best, self.b_best, TEXTS[self.kind]["minimum"])],
                             xlabel="$c_0$", ylabel="$b$", ax=ax1)
        ax1.set(xlim=self.c0_values[[0, -1]], ylim=self.b_values[[0, -1]])
        texts = TEXTS[self.kind]
        ax1.set_title(texts["left_title_diverged" if self.diverged else "left_title"],
                      color="#b00" if self.diverged else "black")
        log = self.mse_best > 0 and bool(np.all(loss[np.isfinite(loss)] > 0))
        plot_learning_curves({"MSE": loss}, xlabel=texts["xlabel"], log=log, ax=ax2)
        ax2.axhline(self.mse_best, color="red", linestyle="--", linewidth=1,
                    label=texts["minimum"])
        ax2.legend(fontsize="small")
        ax2.set_title(texts["right_title"])


class PerceptronExplorer(Explorer):
    """``perceptron_explorer(X, y, w=(0, 0), b=0, lr=1)``.

    X: (n, 2); y: (n,) rótulos 0 ou 1; w: (2,) e b: os pesos iniciais; lr: a taxa da regra.
    Mostra as regiões, a fronteira ``w·x + b = 0`` e os pontos errados. O botão "Passo do
    perceptron" (``step()``) aplica a regra ``w ← w + lr·(y − ŷ)·x``, ``b ← b + lr·(y − ŷ)``
    ao próximo exemplo errado; "Recomeçar" (``reset()``) volta ao início.
    """

    figsize, name, kind = (6.5, 4.8), "perceptron_explorer", "perceptron"

    def __init__(self, X, y, w=(0.0, 0.0), b=0.0, lr=1.0):
        where = self.name
        self.X, self.y = points(X, where), class_labels(y, "y", where, n_classes=2)
        same_length(self.X, self.y, "X", "y", where)
        w, self.lr = drawable(w, "w", where), positive(lr, "lr", where)
        if w.shape != (2,):
            raise ValueError(f"{where}: `w` deve ter forma (2,), um peso por eixo, mas tem forma "
                             f"{w.shape}.")
        self.initial = dict(w1=w[0], w2=w[1], b=number_between(b, "b", where))
        self.next, self.last = 0, None           # o próximo exemplo a examinar; o último passo
        r = max(3.0, 2 * np.abs(self.X).max(), *np.abs(list(self.initial.values())))
        texts = TEXTS[self.kind]
        buttons = [widgets.Button(description=texts["buttons"]["step"], button_style="primary"),
                   widgets.Button(description=texts["buttons"]["reset"])]
        buttons[0].on_click(lambda _: self.step())
        buttons[1].on_click(lambda _: self.reset())
        super().__init__({k: _slider(texts["controls"][k], v, -r, r)
                          for k, v in self.initial.items()}, buttons)

    def update(self):
        self.w, texts = np.array([self["w1"], self["w2"]]), TEXTS[self.kind]
        self.wrong = np.flatnonzero(perceptron_predict(self.X, self.w, self["b"]) != self.y)
        text = texts["errors"].format(wrong=len(self.wrong), n=len(self.y))
        if self.last is not None and self.last[1:] == (*self.w, self["b"]):
            i = self.last[0]
            text += texts["last_step"].format(i=i, y=f"{self.y[i]:g}", lr=br(self.lr))
        elif not len(self.wrong):
            text += texts["done"]
        self.status.value = text

    def config(self):
        first = self.controls["w1"]
        return {"X": self.X.tolist(), "y": self.y.tolist(), "lr": self.lr,
                "initial": [*map(float, self.initial.values())],
                "range": [first.min, first.max, first.step],
                "w": [self["w1"], self["w2"], self["b"]], "next": self.next,
                "last": None if self.last is None else [*map(float, self.last)]}

    def step(self):
        """Aplica ``perceptron_update`` ao próximo exemplo errado, na ordem de ``X`` a partir de
        onde parou (os certos não mudariam nada). Retorna o índice usado, ou ``None``."""
        for i in (np.arange(len(self.y)) + self.next) % len(self.y):
            if perceptron_predict(self.X[i], self.w, self["b"]) != self.y[i]:
                w, b = perceptron_update(self.X[i], self.y[i], self.w, self["b"], self.lr)
                for control, value in zip(self.controls.values(), (*w, b)):   # cabe no controle
                    control.min, control.max = min(control.min, value), max(control.max, value)
                self.next, self.last = int(i) + 1, (int(i), w[0], w[1], b)
                self.set(w1=w[0], w2=w[1], b=b)
                return int(i)
        return None

    def reset(self):
        """Volta aos pesos iniciais e ao primeiro exemplo. Retorna ``self``."""
        self.next, self.last = 0, None
        return self.set(**self.initial)

    def draw(self, fig):
        ax = fig.subplots()
        w, b = self.w, self["b"]
        plot_decision_boundary(lambda Z: perceptron_predict(Z, w, b), self.X, self.y, ax=ax,
                               resolution=150)
        texts = TEXTS[self.kind]
        ax.scatter(*self.X[self.wrong].T, s=150, facecolors="none", edgecolors="red",
                   linewidths=1.5, label=texts["wrong_label"].format(wrong=len(self.wrong)))
        if self.last is not None:
            ax.scatter(*self.X[self.last[0]], marker="*", s=250, color="gold",
                       edgecolors="black", zorder=5, label=texts["last_label"])
        ax.legend(fontsize="small")
        ax.set_title(texts["plot_title"].format(w1=br(w[0]), w2=br(w[1]), b=br(b),
                                                wrong=len(self.wrong)))


# Do explorers.json: os conjuntos sintéticos do playground (nome → rótulo; os geradores estão em
# toy_data), as penalidades L2 oferecidas (rótulo → λ) e os padrões, os mesmos do livro.
PLAY = TEXTS["playground"]
DATASETS, L2_VALUES, DEFAULTS = PLAY["datasets"], PLAY["l2_values"], PLAY["defaults"]
MAX_EPOCHS = 10_000            # um treino do playground: no máximo isto de uma vez


def playground_data(dataset, n, seed):
    """Os 2n pontos do playground e a sua ordem: ``(X, E, y, order)``.

    X: (2n, 2) sem ruído e E: (2n, 2) o ruído de desvio 1 (os pontos são ``X + noise·E``,
    ``toy_data.clean_and_noise``); y: (2n,); order: (2n,) uma permutação, sorteada depois, com o
    mesmo gerador: os primeiros índices são o treino.
    """
    rng = np.random.default_rng(seed)
    X, E, y = clean_and_noise(dataset, 2 * n, rng)
    return X, E, y, rng.permutation(2 * n)          # nas espirais, y vem em ordem: embaralhe


class Playground(Explorer):
    """``playground(dataset="xor", hidden="8, 8", activation="tanh", lr=0.1, epochs=200,
    dropout=0, l2=0, noise=0.1, n=250, seed=0, features=("x1", "x2"), batch_size=10)``: à moda
    do TensorFlow Playground.

    Um ``nn.MLP`` (saída sigmoide) treinado com SGD em mini-lotes de ``batch_size`` sobre dados
    sintéticos 2-D (``toy_data``, um de ``DATASETS``): n pontos de treino e outros n de validação,
    sorteados juntos com a semente ``seed`` e separados ao acaso. features: os atributos de
    entrada (chaves de ``toy_data.FEATURES``); hidden: neurônios por camada escondida, em texto;
    activation: uma de ``ACTIVATIONS``; dropout: depois de cada camada escondida; l2: um valor de
    ``L2_VALUES``. "Treinar" (``train()``) treina do zero por ``epochs`` épocas; "+100 épocas"
    (``train_more(100)``) continua. Mudar um controle descarta a rede. Mostra as regiões de
    decisão e os custos. Começa sem treinar: chame ``train()`` para a foto.
    """

    name, kind = "playground", "playground"

    def __init__(self, dataset=DEFAULTS["dataset"], hidden="8, 8", activation=DEFAULTS["activation"],
                 lr=DEFAULTS["lr"], epochs=DEFAULTS["epochs"], dropout=DEFAULTS["dropout"],
                 l2=DEFAULTS["l2"], noise=DEFAULTS["noise"], n=DEFAULTS["n"], seed=DEFAULTS["seed"],
                 features=tuple(DEFAULTS["features"]), batch_size=DEFAULTS["batch_size"]):
        where = self.name
        hidden = _text(hidden)                                    # 8 ou [8, 8] → "8, 8"
        self._layers(hidden)
        one_of(dataset, "dataset", where, list(DATASETS))
        one_of(activation, "activation", where, list(ACTIVATIONS))
        l2 = one_of(float(as_array(l2, "l2", where, ndim=0)), "l2", where,
                    list(L2_VALUES.values()))
        lr, noise = positive(lr, "lr", where), number_between(noise, "noise", where, 0, 1)
        dropout = number_between(dropout, "dropout", where, 0, 0.95)
        epochs = whole_number(epochs, "epochs", where, 1, MAX_EPOCHS)
        batch_size = whole_number(batch_size, "batch_size", where, 1, 10_000)
        features = ((features,) if isinstance(features, str) else tuple(features)
                    if isinstance(features, (list, tuple)) else None)
        if not features or any(not isinstance(f, str) or f not in FEATURES for f in features):
            raise ValueError(f"{where}: `features` deve ser um ou mais de {list(FEATURES)}, não "
                             f"{features!r}.")
        self.n = whole_number(n, "n", where, 10, 5000)
        self.seed, self.model, self.key = seed_value(seed, where), None, None
        label, button = PLAY["controls"], PLAY["buttons"]
        buttons = [widgets.Button(description=button["train"], button_style="primary"),
                   widgets.Button(description=button["more"])]
        buttons[0].on_click(lambda _: self._safely(self.train))
        buttons[1].on_click(lambda _: self._safely(self.train_more, 100))
        super().__init__({
            "dataset": widgets.Dropdown(options={v: k for k, v in DATASETS.items()}, value=dataset,
                                        description=label["dataset"]),
            "noise": widgets.FloatSlider(value=noise, min=0, max=max(0.5, noise), step=0.05,
                                         description=label["noise"], **SLIDER),
            "features": widgets.SelectMultiple(
                options={FEATURES[f][0]: f for f in FEATURES}, value=features, rows=len(FEATURES),
                description=label["features"], style=STYLE),
            "hidden": widgets.Text(value=hidden, description=label["hidden"], style=STYLE,
                                   continuous_update=False),
            "activation": widgets.Dropdown(options={PLAY["activations"][a]: a for a in ACTIVATIONS},
                                           value=activation, description=label["activation"]),
            "lr": _slider(label["lr"], lr, min(-3, np.log10(lr)), max(0.5, np.log10(lr)),
                          log=True),
            "batch_size": widgets.IntSlider(value=batch_size, min=1, max=max(30, batch_size),
                                            description=label["batch_size"], **SLIDER),
            "dropout": widgets.FloatSlider(value=dropout, min=0, max=max(0.8, dropout), step=0.05,
                                           description=label["dropout"], **SLIDER),
            "l2": widgets.SelectionSlider(options=L2_VALUES, value=l2, description=label["l2"],
                                          **SLIDER),
            "epochs": widgets.IntSlider(value=epochs, min=min(10, epochs), max=max(1000, epochs),
                                        step=10, description=label["epochs"], **SLIDER)}, buttons)

    @staticmethod
    def _layers(text):
        """ "8, 8" → [8, 8] (texto vazio: nenhuma camada escondida)."""
        parts = [p.strip() for p in str(text).split(",") if p.strip()]
        if not all(p.isdigit() and 0 < int(p) <= 256 for p in parts):
            raise ValueError(f"playground: camadas escondidas {text!r} não entendidas; escreva os "
                             f"neurônios de cada camada separados por vírgula, como \"8, 8\" "
                             f"(de 1 a 256 cada).")
        return [int(p) for p in parts]

    def _safely(self, action, *args):
        """Nos botões, um erro de uso vira uma mensagem no texto, não um traceback."""
        try:
            action(*args)
        except ValueError as error:
            self.status.value = f"<b style='color:#b00'>{error}</b>"

    def inputs(self, X):
        """Os atributos escolhidos dos pontos X: (n, 2) → (n, len(features))."""
        return features(X, self["features"])

    def update(self):
        key = tuple(self[k] for k in self.controls if k != "epochs")
        if key != self.key:                       # mudou algo: dados novos e nenhuma rede
            X, E, y, order = playground_data(self["dataset"], self.n, self.seed)
            X = X + self["noise"] * E                      # = TOY_DATA[dataset](2n, noise, rng)
            train, val = np.split(order, 2)
            self.points, self.train_data, self.val_data = (X[train], y[train]), *(
                (self.inputs(X[part]), y[part]) for part in (train, val))
            self.key, self.model = key, None
            self.curves = {PLAY["train"]: [], PLAY["validation"]: []}
        if self.model is None:
            self.status.value = PLAY["untrained"].format(seed=self.seed)
            return
        self.accuracy = {PLAY[name]: self.model.evaluate(*data)[1] for name, data in
                         (("train", self.train_data), ("validation", self.val_data))}
        train, val = (br(100 * self.accuracy[PLAY[k]], 1) for k in ("train", "validation"))
        self.status.value = PLAY["trained"].format(
            sizes=self.sizes, epochs=len(self.curves[PLAY["train"]]), seconds=br(self.seconds, 1),
            train=train, val=val)

    def train(self):
        """Treina uma rede nova, do zero, com os controles atuais. Retorna ``self``."""
        self.sizes = [len(self["features"]), *self._layers(self["hidden"]), 1]
        self.model = MLP(self.sizes, self["activation"], "sigmoid", self["dropout"], seed=self.seed)
        self.optimizer = SGDWithL2(self["lr"], self["l2"])
        self.curves = {PLAY["train"]: [], PLAY["validation"]: []}
        return self.train_more(self["epochs"])

    def train_more(self, epochs):
        """Continua o treino da rede atual por mais ``epochs`` épocas. Retorna ``self``."""
        where = "playground.train_more"
        epochs = whole_number(epochs, "epochs", where, 1, MAX_EPOCHS)
        if self.model is None:
            return self.train()
        start = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)       # divergiu: as curvas mostram
            history = self.model.fit(*self.train_data, epochs=epochs,
                                     batch_size=self["batch_size"], optimizer=self.optimizer,
                                     validation_data=self.val_data, verbose=False).history_
        self.curves[PLAY["train"]] += history["loss"]
        self.curves[PLAY["validation"]] += history["val_loss"]
        self.seconds = time.perf_counter() - start
        self.refresh()
        return self

    def config(self):
        data = {}
        for name in DATASETS:                 # os quatro conjuntos, para trocar sem Python
            X, E, y, order = playground_data(name, self.n, self.seed)
            data[name] = {"X": np.round(X, 6).ravel().tolist(), "E": np.round(E, 6).ravel().tolist(),
                          "y": y.tolist(), "order": order.tolist()}
        state = {k: self[k] for k in ("dataset", "activation", "lr", "l2", "noise", "batch_size")}
        trained = self.model is not None and all(np.isfinite(v).all() for v in self.model.params)
        return {**state, "hidden": self._layers(self["hidden"]), "features": list(self["features"]),
                "feature_labels": {f: FEATURES[f][0] for f in FEATURES}, "n": self.n,
                "seed": self.seed, "data": data,
                "weights": [p.astype(float).tolist() for p in self.model.params] if trained else None,
                "curves": [self.curves[PLAY["train"]], self.curves[PLAY["validation"]]] if trained
                else None}

    def draw(self, fig):
        ax1, ax2 = fig.subplots(1, 2)
        trained = self.model is not None
        plot_decision_boundary(
            (lambda Z: self.model.predict_proba(self.inputs(Z))) if trained else
            (lambda Z: np.zeros(len(Z))), *self.points, ax=ax1, fill=trained, resolution=120)
        ax1.set_title(PLAY["synthetic"].format(dataset=DATASETS[self["dataset"]]))
        if self.curves[PLAY["train"]]:
            plot_learning_curves(self.curves, ylabel=PLAY["ylabel"], ax=ax2)
        else:
            ax2.text(0.5, 0.5, PLAY["press_train"], ha="center", va="center")
        ax2.set_title(PLAY["loss_title"])


# os nomes públicos: cada chamada devolve um explorador novo
regression_explorer = RegressionExplorer
learning_rate_explorer = LearningRateExplorer
perceptron_explorer = PerceptronExplorer
playground = Playground
