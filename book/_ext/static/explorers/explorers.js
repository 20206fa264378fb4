/* Os exploradores vivos do livro publicado: sem Python, sem servidor, sem internet.
 *
 * Cada explorador chega à página como a foto do nn_helpers.widgets dentro de um
 * <div class="nn-explorer" data-explorer="..." data-config="{...}">: o estado e os dados do
 * explorador e os seus textos (de nn_helpers/explorers.json). Aqui, para cada um, a foto dá lugar
 * aos controles e aos gráficos; sem JavaScript, a foto fica. Os controles são os do HTML
 * (deslizantes, botões, caixas), então o teclado chega a todos: Tab para ir, setas para mexer.
 *
 * Explorers.kinds: os tipos (regression, learning_rate, perceptron; o playground em
 * playground.js). Explorers.mounted: os exploradores montados, na ordem da página — cada um com
 * set({nome: valor}) e status() para quem testa. Depende de nn.js e plot.js.
 */
(function (global) {
  "use strict";
  const { NN, Plot } = global;
  const { br, brShort, fill } = NN;

  // --- Os controles --------------------------------------------------------------------------

  function element(tag, attributes = {}, children = []) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) {
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) node.append(child);
    return node;
  }

  /** Um controle deslizante com o seu rótulo e o valor escrito ao lado. A grade de passos começa
   * no valor inicial (o HTML só para em min + k·step): o valor do explorador aparece exato. */
  function slider({ label, min, max, step, value, format = (v) => br(v, 3), onInput }) {
    const offGrid = Math.abs((value - min) / step - Math.round((value - min) / step)) > 1e-6;
    if (offGrid) min = value - Math.ceil((value - min) / step - 1e-9) * step;
    const input = element("input", { type: "range", min, max, step, value });
    const output = element("output", { class: "nn-value" });
    const show = (v) => {
      output.textContent = format(v);
      input.setAttribute("aria-valuetext", output.textContent);
    };
    input.addEventListener("input", () => { show(Number(input.value)); onInput(Number(input.value)); });
    show(value);
    const wrapper = element("label", { class: "nn-control" }, [element("span", { text: label }), input, output]);
    return { wrapper, input,
      set(v) { input.value = v; show(v); },
      setRange(lo, hi) { input.min = lo; input.max = hi; } };
  }

  function checkbox({ label, checked, onChange }) {
    const input = element("input", { type: "checkbox" });
    input.checked = checked;
    input.addEventListener("change", () => onChange(input.checked));
    return { wrapper: element("label", { class: "nn-control nn-check" }, [input, element("span", { text: label })]), input };
  }

  function button(label, onClick, primary = false) {
    const node = element("button", { type: "button", class: primary ? "nn-button nn-primary" : "nn-button", text: label });
    node.addEventListener("click", onClick);
    return node;
  }

  /** Uma lista de opções: options = [[valor, rótulo], ...]. */
  function select({ label, options, value, onChange }) {
    const input = element("select", {}, options.map(([v, text]) => element("option", { value: v, text })));
    input.value = String(value);
    input.addEventListener("change", () => onChange(input.value));
    return { wrapper: element("label", { class: "nn-control" }, [element("span", { text: label }), input]), input };
  }

  function stripTags(html) {
    const div = document.createElement("div");
    div.innerHTML = html;
    return div.textContent;
  }

  /** A base: a caixa do explorador, a linha de controles, o texto de estado e a área dos gráficos. */
  class Explorer {
    constructor(root, config) {
      this.root = root;
      this.config = config;
      this.texts = config.texts;
      this.kind = config.kind;
      this.box = element("div", { class: "nn-live", role: "group", "aria-label": this.texts.title });
      this.controlsRow = element("div", { class: "nn-controls" });
      this.statusLine = element("p", { class: "nn-status", "aria-live": "polite" });
      this.plots = element("div", { class: "nn-plots" });
      this.box.append(this.controlsRow, this.statusLine, this.plots);
      const width = Math.max(300, Math.min((root.clientWidth || 760) - 28, 900));
      this.width = width;
    }

    /** Troca a foto pelo explorador vivo (a foto fica no HTML, escondida). */
    show() {
      const photo = this.root.querySelector("img.nn-explorer-photo");
      if (photo) photo.hidden = true;
      this.root.append(this.box);
      this.root.classList.add("nn-mounted");
      this.update();
      return this;
    }

    /** Dois canvases lado a lado (ou um embaixo do outro, em telas estreitas). */
    twoPlots(labels, height = 300) {
      const w = this.width >= 640 ? Math.floor((this.width - 16) / 2) : this.width;
      return labels.map((label) => {
        const c = Plot.canvas(w, height, label);
        this.plots.append(c);
        return new Plot.Plot(c);
      });
    }

    status() { return stripTags(this.statusLine.innerHTML); }
  }

  // --- A regressão: a reta, os erros e o MSE ---------------------------------------------------

  class RegressionExplorer extends Explorer {
    constructor(root, config) {
      super(root, config);
      const { c0_range: c0Range, b_range: bRange } = config;    // [min, max, passo]
      this.state = { c0: config.c0, b: config.b, fix_b: config.fix_b };
      const label = this.texts.controls;
      this.controls = {
        c0: slider({ label: label.c0, min: c0Range[0], max: c0Range[1], step: c0Range[2],
          value: config.c0, format: (v) => br(v, 3), onInput: (v) => this.set({ c0: v }) }),
        b: slider({ label: label.b, min: bRange[0], max: bRange[1], step: bRange[2],
          value: config.b, format: (v) => br(v), onInput: (v) => this.set({ b: v }) }),
        fix_b: checkbox({ label: label.fix_b, checked: config.fix_b, onChange: (v) => this.set({ fix_b: v }) }),
      };
      Object.values(this.controls).forEach((c) => this.controlsRow.append(c.wrapper));
      [this.left, this.right] = this.twoPlots([this.texts.left_title, this.texts.right_title]);
      const xs = config.x, ys = config.y;
      const [xlo, xhi] = [Math.min(...xs), Math.max(...xs)], [ylo, yhi] = [Math.min(...ys), Math.max(...ys)];
      const xpad = 0.1 * (xhi - xlo), ypad = Math.max(yhi - ylo, Math.abs(yhi) * 0.2, 1e-9);
      this.left.setLimits([xlo - xpad, xhi + xpad], [ylo - ypad, yhi + ypad]);
      this.c0Grid = Array.from({ length: 201 }, (_, i) => c0Range[0] + (c0Range[1] - c0Range[0]) * i / 200);
    }

    /** Muda c0, b ou fix_b (como os controles) e redesenha. Devolve o próprio explorador. */
    set(values) {
      Object.assign(this.state, values);
      if ("c0" in values) this.controls.c0.set(values.c0);
      if ("b" in values) this.controls.b.set(values.b);
      if ("fix_b" in values) this.controls.fix_b.input.checked = values.fix_b;
      this.update();
      return this;
    }

    text(key, values = {}) {
      return fill(this.texts[key], { c0: br(this.state.c0, 3), b: br(this.state.b), ...values });
    }

    update() {
      const { x, y, best, labels, palette } = this.config, { c0, b } = this.state;
      this.controls.b.input.disabled = this.state.fix_b;
      this.loss = NN.lineMse(x, y, c0, b);
      this.statusLine.innerHTML = this.text("status", { mse: brShort(this.loss), best: brShort(best[2]) });
      // À esquerda: os dados, a reta e os erros.
      const left = this.left.clear();
      const [xa, xb] = left.xlim;
      left.axes({ xlabel: labels[0], ylabel: labels[1], title: this.text("left_title", { mse: brShort(this.loss) }) });
      x.forEach((xi, i) => left.line([xi, xi], [y[i], c0 * xi + b], { color: "#d62728", width: 1.5, dash: [4, 3] }));
      left.line([xa, xb], [c0 * xa + b, c0 * xb + b], { color: palette.classes[0], width: 2.5 });
      left.points(x, y, { colors: "#222", size: 4.5 });
      left.legend([[palette.classes[0], this.text("line"), "line"], ["#d62728", this.texts.errors, "line"]], "left");
      // À direita: o MSE ao longo de c0, com o b atual.
      const losses = this.c0Grid.map((c) => NN.lineMse(x, y, c, b));
      const right = this.right.clear();
      const top = Math.max(...losses.filter(Number.isFinite), this.loss);
      right.setLimits([this.c0Grid[0], this.c0Grid[200]], [0, top * 1.05]);
      right.axes({ xlabel: "c₀", ylabel: "MSE", title: this.text("right_title").replace("c0", "c₀") });
      right.line(this.c0Grid, losses, { color: "#444", width: 2 });
      right.points([c0], [this.loss], { colors: "#d62728", size: 6 });
      right.text(c0, this.loss, "  " + this.texts.now, { color: "#d62728" });
    }
  }

  // --- A taxa de aprendizado: o caminho do gradiente descendente --------------------------------

  // As 12 faixas de cor da superfície do MSE (em log): do azul, no fundo do vale, ao amarelo claro.
  const SURFACE_SHADES = Array.from({ length: 12 }, (_, i) => {
    const v = Math.round(255 - 150 * (1 - i / 11));
    return [v, Math.round(v * 0.97), 255 - Math.round(80 * i / 11)];
  });

  class LearningRateExplorer extends Explorer {
    constructor(root, config) {
      super(root, config);
      const label = this.texts.controls, [lo, hi] = config.log_lr_range;
      this.state = { lr: config.lr, steps: config.steps };
      this.controls = {
        lr: slider({ label: label.lr, min: lo, max: hi, step: 0.01, value: Math.log10(config.lr),
          format: (v) => brShort(10 ** v), onInput: (v) => this.set({ lr: 10 ** v }) }),
        steps: slider({ label: label.steps, min: config.steps_range[0], max: config.steps_range[1], step: 1,
          value: config.steps, format: (v) => String(v), onInput: (v) => this.set({ steps: v }) }),
      };
      Object.values(this.controls).forEach((c) => this.controlsRow.append(c.wrapper));
      [this.left, this.right] = this.twoPlots([this.texts.left_title, this.texts.right_title], 320);
      this.left.setLimits(config.c0_range, config.b_range);
      this.surface = this.mseSurface(90);
    }

    /** O MSE numa grade side × side da vista, em log: as faixas fazem as curvas de nível. */
    mseSurface(side) {
      const { x, y, c0_range: cr, b_range: brg } = this.config, values = new Float64Array(side * side);
      for (let r = 0; r < side; r++) {
        for (let c = 0; c < side; c++) {
          const c0 = cr[0] + (cr[1] - cr[0]) * (c + 0.5) / side, b = brg[0] + (brg[1] - brg[0]) * (r + 0.5) / side;
          values[r * side + c] = Math.log(NN.lineMse(x, y, c0, b));
        }
      }
      const lo = Math.min(...values), hi = Math.max(...values);
      return { side, values: values.map((v) => (v - lo) / (hi - lo || 1)) };
    }

    set(values) {
      Object.assign(this.state, values);
      if ("lr" in values) this.controls.lr.set(Math.log10(values.lr));
      if ("steps" in values) this.controls.steps.set(values.steps);
      this.update();
      return this;
    }

    update() {
      const { x, y, start, best, limit } = this.config, { lr, steps } = this.state, texts = this.texts;
      this.history = NN.gradientDescent(x, y, lr, steps, start[0], start[1]);
      const loss = this.history.loss, last = loss[loss.length - 1];
      this.diverged = !Number.isFinite(last) || last > loss[0];
      const news = fill(texts.news, { first: brShort(loss[0]), last: brShort(last), steps: loss.length - 1 });
      this.statusLine.innerHTML = fill(texts[this.diverged ? "diverged" : "converged"],
        { lr: brShort(lr), news, limit: brShort(limit), best: brShort(best[2]) });
      // À esquerda: as curvas de nível do MSE (faixas) e o caminho.
      const left = this.left.clear(), { side, values } = this.surface;
      left.image(values, side, side, (v) => SURFACE_SHADES[Math.min(11, Math.floor(v * 12))]);
      left.axes({ xlabel: "c₀", ylabel: "b", grid: false, title: texts[this.diverged ? "left_title_diverged" : "left_title"],
        titleColor: this.diverged ? "#b00" : "#222" });
      const ok = this.history.c.map((c, i) => Number.isFinite(c) && Number.isFinite(this.history.b[i]));
      const cs = this.history.c.filter((_, i) => ok[i]), bs = this.history.b.filter((_, i) => ok[i]);
      left.line(cs, bs, { color: "#d62728", width: 1.5 });
      left.points(cs, bs, { colors: "#d62728", size: 2.5, stroke: "#d62728" });
      left.points([best[0]], [best[1]], { colors: "#ffd700", size: 6 });
      left.legend([["#d62728", "η = " + brShort(lr), "line"], ["#ffd700", texts.minimum, "o"]]);
      // À direita: a curva de aprendizado (em log, se tudo for positivo).
      const right = this.right.clear(), epochs = loss.map((_, i) => i);
      const finite = loss.filter(Number.isFinite);
      const log = best[2] > 0 && finite.every((v) => v > 0);
      const lo = Math.min(...finite, best[2]), hi = Math.max(...finite, best[2]);
      right.log = log;
      right.setLimits([0, Math.max(1, loss.length - 1)], log ? [lo / 1.5, hi * 1.5] : [Math.min(0, lo), hi * 1.05 || 1]);
      right.axes({ xlabel: texts.xlabel, ylabel: "MSE", title: texts.right_title });
      right.line([0, loss.length - 1], [best[2], best[2]], { color: "red", width: 1, dash: [5, 4] });
      right.line(epochs, loss, { color: "#1f77b4", width: 2 });
      right.legend([["#1f77b4", "MSE", "line"], ["red", texts.minimum, "line"]]);
    }
  }

  // --- O perceptron, passo a passo --------------------------------------------------------------

  class PerceptronExplorer extends Explorer {
    constructor(root, config) {
      super(root, config);
      const texts = this.texts, [lo, hi, step] = config.range;
      this.state = { w1: config.w[0], w2: config.w[1], b: config.w[2] };
      this.next = config.next;
      this.last = config.last;
      this.controls = {};
      for (const key of ["w1", "w2", "b"]) {
        this.controls[key] = slider({ label: texts.controls[key], min: lo, max: hi, step,
          value: this.state[key], format: (v) => br(v, 3), onInput: (v) => this.set({ [key]: v }) });
        this.controlsRow.append(this.controls[key].wrapper);
      }
      this.stepButton = button(texts.buttons.step, () => this.step(), true);
      this.controlsRow.append(this.stepButton, button(texts.buttons.reset, () => this.reset()));
      const size = Math.min(this.width, 520);
      const c = Plot.canvas(size, Math.round(size * 0.78), texts.title);
      this.plots.append(c);
      this.plot = new Plot.Plot(c);
      const X = config.X, pad = 0.5;
      const xs = X.map((p) => p[0]), ys = X.map((p) => p[1]);
      this.plot.setLimits([Math.min(...xs) - pad, Math.max(...xs) + pad], [Math.min(...ys) - pad, Math.max(...ys) + pad]);
    }

    get w() { return [this.state.w1, this.state.w2]; }

    set(values) {
      Object.assign(this.state, values);
      for (const [key, value] of Object.entries(values)) {
        const control = this.controls[key];
        control.setRange(Math.min(Number(control.input.min), value), Math.max(Number(control.input.max), value));
        control.set(value);
      }
      this.update();
      return this;
    }

    /** A regra w ← w + η·(y − ŷ)·x, b ← b + η·(y − ŷ) no próximo exemplo errado, a partir de onde
     * parou (como PerceptronExplorer.step do Python). Devolve o índice usado, ou null. */
    step() {
      const { X, y, lr } = this.config, n = y.length;
      for (let k = 0; k < n; k++) {
        const i = (k + this.next) % n, yHat = NN.perceptronPredict(X[i], this.w, this.state.b);
        if (yHat !== y[i]) {
          const error = y[i] - yHat;
          const w1 = this.state.w1 + lr * error * X[i][0], w2 = this.state.w2 + lr * error * X[i][1];
          const b = this.state.b + lr * error;
          this.next = i + 1;
          this.last = [i, w1, w2, b];
          this.set({ w1, w2, b });
          return i;
        }
      }
      return null;
    }

    reset() {
      this.next = 0;
      this.last = null;
      const [w1, w2, b] = this.config.initial;
      return this.set({ w1, w2, b });
    }

    update() {
      const { X, y, lr, palette } = this.config, texts = this.texts, { b } = this.state, w = this.w;
      this.wrong = y.map((yi, i) => (NN.perceptronPredict(X[i], w, b) !== yi ? i : -1)).filter((i) => i >= 0);
      let text = fill(texts.errors, { wrong: this.wrong.length, n: y.length });
      const last = this.last;
      if (last && last[1] === w[0] && last[2] === w[1] && last[3] === b) {
        text += fill(texts.last_step, { i: last[0], y: String(y[last[0]]), lr: br(lr) });
      } else if (!this.wrong.length) {
        text += texts.done;
      }
      this.statusLine.innerHTML = text;
      const plot = this.plot.clear(), side = 120, values = new Float64Array(side * side);
      const [xa, xb] = plot.xlim, [ya, yb] = plot.ylim;
      for (let r = 0; r < side; r++) {
        for (let c = 0; c < side; c++) {
          values[r * side + c] = NN.perceptronPredict([xa + (xb - xa) * (c + 0.5) / side, ya + (yb - ya) * (r + 0.5) / side], w, b);
        }
      }
      plot.image(values, side, side, Plot.bandColor(palette.bands, 0.5));
      plot.axes({ xlabel: "x₁", ylabel: "x₂", grid: false, title: fill(texts.plot_title,
        { w1: br(w[0]), w2: br(w[1]), b: br(b), wrong: this.wrong.length }) });
      if (w[1] !== 0) plot.line([xa, xb], [-(w[0] * xa + b) / w[1], -(w[0] * xb + b) / w[1]], { color: "rgba(0,0,0,0.6)", width: 1.5 });
      else if (w[0] !== 0) plot.line([-b / w[0], -b / w[0]], [ya, yb], { color: "rgba(0,0,0,0.6)", width: 1.5 });
      for (const k of [0, 1]) {
        const rows = X.filter((_, i) => y[i] === k);
        plot.points(rows.map((p) => p[0]), rows.map((p) => p[1]), { colors: palette.classes[k], shapes: k ? "s" : "o", size: 4 });
      }
      plot.points(this.wrong.map((i) => X[i][0]), this.wrong.map((i) => X[i][1]), { size: 8, stroke: "red", fill: false });
      const items = [[palette.classes[0], fill(texts.class, { k: 0 }), "o"], [palette.classes[1], fill(texts.class, { k: 1 }), "s"],
        ["red", fill(texts.wrong_label, { wrong: this.wrong.length }), "o"]];
      if (last) {
        plot.points([X[last[0]][0]], [X[last[0]][1]], { colors: "#ffd700", size: 10, shapes: "*" });
        items.push(["#ffd700", texts.last_label, "*"]);
      }
      plot.legend(items);
    }
  }

  // --- Montar cada explorador da página ----------------------------------------------------------

  const Explorers = {
    kinds: { regression: RegressionExplorer, learning_rate: LearningRateExplorer, perceptron: PerceptronExplorer },
    mounted: [],
    ui: { element, slider, checkbox, button, select, stripTags, Explorer },
    /** Monta os exploradores da página que ainda não foram montados. */
    mountAll() {
      for (const root of document.querySelectorAll(".nn-explorer:not(.nn-mounted)")) {
        try {
          const config = JSON.parse(root.dataset.config);
          const Kind = Explorers.kinds[config.kind];
          if (!Kind) throw new Error(`explorador desconhecido: ${config.kind}`);
          Explorers.mounted.push(new Kind(root, config).show());
        } catch (error) {
          root.classList.add("nn-failed");              // a foto fica; o erro aparece no console
          setTimeout(() => { throw error; });
        }
      }
    },
  };
  global.Explorers = Explorers;

  // Com defer, os scripts rodam com a página "interactive", em ordem, e o DOMContentLoaded só vem
  // depois do último: playground.js já registrou o seu tipo quando a montagem começa.
  const start = () => Explorers.mountAll();
  if (document.readyState === "complete") setTimeout(start);
  else document.addEventListener("DOMContentLoaded", start);
})(window);
