/* O playground do livro publicado, à moda do TensorFlow Playground: uma rede pequena que treina na
 * página, época a época, sem Python e sem servidor.
 *
 * Chega como a foto do nn_helpers.widgets.Playground, com a configuração em data-config: os quatro
 * conjuntos sintéticos (pontos sem ruído X, ruído E de desvio 1, rótulos y e a ordem sorteada), a
 * rede e, se o Python treinou, os pesos e as curvas. A página refaz os pontos (X + ruído·E), separa
 * treino e teste pela ordem e continua dali: cada quadro da animação é uma época de SGD (NN.MLP,
 * em float64, as mesmas contas do nn_helpers). Os textos vêm de explorers.json ("playground").
 *
 * Três colunas: os dados (conjunto, treino/teste, ruído, lote), a rede (atributos de entrada,
 * camadas escondidas, a saída de cada neurônio e as ligações, com espessura ∝ |peso|) e a saída
 * (as curvas de custo e as regiões de decisão com os pontos). Em telas estreitas, uma embaixo da
 * outra. Para quem testa: set(), play(), pause(), stepEpoch(), reset(), status(), epoch, curves,
 * model, regionsChecksum(), frames e frameTimes.
 */
(function (global) {
  "use strict";
  const { NN, Plot, Explorers } = global;
  const { element, slider, checkbox, button, select } = Explorers.ui;
  const { br, brShort, fill } = NN;

  const FEATURE_NAMES = Object.keys(NN.FEATURES);      // x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2)
  const GRID = 64;                                     // a grade das regiões: GRID × GRID pontos
  const THUMB = 16;                                    // a das miniaturas: THUMB × THUMB (1 a cada 4)
  const NODE = 26, ROW = 34, TOP = 52;                 // a rede: lado de um neurônio, linha, cabeçalho
  const POSITIVE = "#2b6cb0", NEGATIVE = "#f0892a";    // as ligações: azul > 0, laranja < 0
  const TRAIN_COLOR = "#8c959f", TEST_COLOR = "#222";  // as curvas de custo

  // --- Cores: tabelas prontas, para pintar pixels sem criar objetos -----------------------------

  /** As 10 faixas de probabilidade (as das figuras do livro), clareadas com alpha: (10 × 3) RGB. */
  function bandTable(bands, alpha) {
    const colorOf = Plot.bandColor(bands, alpha), table = new Uint8ClampedArray(bands.length * 3);
    bands.forEach((_, i) => table.set(colorOf((i + 0.5) / bands.length), 3 * i));
    return table;
  }

  /** Uma rampa contínua pelas mesmas cores (256 tons), para as miniaturas dos neurônios. */
  function rampTable(bands, alpha) {
    const colors = bands.map(Plot.rgb).map((c) => c.map((v) => 255 - alpha * (255 - v)));
    const table = new Uint8ClampedArray(256 * 3), last = colors.length - 1;
    for (let i = 0; i < 256; i++) {
      const t = Math.min(last, Math.max(0, (i / 255) * colors.length - 0.5));
      const k = Math.min(last - 1, Math.floor(t)), f = t - k;
      for (let c = 0; c < 3; c++) table[3 * i + c] = colors[k][c] * (1 - f) + colors[k + 1][c] * f;
    }
    return table;
  }

  /** Pinta `image` (rows × cols) com o valor t ∈ [0, 1] de cada célula: valueAt(r, c), r = 0
   * embaixo. levels: quantas cores a tabela tem. */
  function paint(image, rows, cols, table, levels, valueAt) {
    const data = image.data;
    for (let r = 0; r < rows; r++) {
      let k = (rows - 1 - r) * cols * 4;
      for (let c = 0; c < cols; c++, k += 4) {
        const t = valueAt(r, c);
        data[k + 3] = 255;
        if (t !== t) { data[k] = data[k + 1] = data[k + 2] = 210; continue; }     // NaN: a rede divergiu
        const level = t > 0 ? Math.min(levels - 1, Math.floor(t * levels)) : 0;
        data[k] = table[3 * level]; data[k + 1] = table[3 * level + 1]; data[k + 2] = table[3 * level + 2];
      }
    }
  }

  /** A ativação `name` em cada um dos n primeiros valores de `values`, no lugar (NN.ACTIVATIONS). */
  function activate(values, n, name) {
    // tanh(z) = 1 − 2/(e^{2z} + 1): o mesmo número (a menos de arredondamento), bem mais rápido que Math.tanh
    if (name === "tanh") for (let i = 0; i < n; i++) values[i] = 1 - 2 / (Math.exp(2 * values[i]) + 1);
    else if (name === "relu") for (let i = 0; i < n; i++) values[i] = values[i] > 0 ? values[i] : 0;
    else if (name !== "linear") {
      const f = NN.ACTIVATIONS[name][0];
      for (let i = 0; i < n; i++) values[i] = f(values[i]);
    }
  }

  /** Um canvas fora da página, para uma ImageData que depois é ampliada com drawImage. */
  function offscreen(width, height) {
    const canvas = Object.assign(document.createElement("canvas"), { width, height });
    const ctx = canvas.getContext("2d");
    return { canvas, ctx, image: ctx.createImageData(width, height) };
  }

  class Playground extends Explorers.ui.Explorer {
    constructor(root, config) {
      super(root, config);
      const texts = this.texts, limits = texts.limits, defaults = texts.defaults;
      this.box.classList.add("nn-playground");
      this.datasets = Object.keys(texts.datasets).filter((name) => name in config.data);
      this.state = {
        dataset: config.dataset, noise: config.noise, train_percent: defaults.train_percent,
        features: config.features.slice(), activation: config.activation, lr: config.lr, l2: config.l2,
        batch_size: config.batch_size, show_test: false,
        hidden: config.hidden.slice(0, limits.layers).map((k) => Math.min(k, limits.units)),
      };
      this.bands = bandTable(config.palette.bands, 0.6);
      this.ramp = rampTable(config.palette.bands, 0.85);
      this.seedCount = 0;
      this.playing = false;
      this.frames = 0;
      this.frameTimes = [];
      this.layoutColumns();
      this.buildBar();
      this.buildData();
      this.buildNetwork();
      this.buildOutput();
      this.prepareData();
      this.start();
    }

    // --- A página: a barra de cima e as três colunas -----------------------------------------

    /** As larguras. A partir de 700 px, dados | rede | saída, lado a lado; de 560 a 700 (a coluna de
     * texto do livro), uma faixa para cada, com os dados em linha e as curvas ao lado das regiões;
     * abaixo de 560, tudo empilhado. */
    layoutColumns() {
      const width = this.width, gap = 14;
      this.mode = width >= 700 ? "wide" : width >= 560 ? "medium" : "narrow";
      this.outWidth = { wide: Math.round(Math.min(290, Math.max(236, width * 0.31))),
        medium: Math.floor((width - 16) / 2), narrow: Math.min(width, 320) }[this.mode];
      this.dataWidth = this.mode === "wide" ? 150 : width;
      this.netWidth = this.mode === "wide" ? width - this.dataWidth - this.outWidth - 2 * gap : width;
      this.columns = element("div", { class: `nn-columns nn-${this.mode}` });
      this.plots.replaceWith(this.columns);
    }

    buildBar() {
      const texts = this.texts, label = texts.controls, limits = texts.limits;
      this.controlsRow.classList.add("nn-bar");
      this.playButton = button(texts.buttons.play, () => (this.playing ? this.pause() : this.play()), true);
      this.playButton.classList.add("nn-play");
      this.playButton.setAttribute("aria-pressed", "false");
      this.stepButton = button(texts.buttons.step, () => { this.pause(); this.stepEpoch(); });
      this.resetButton = button(texts.buttons.reset, () => this.reset());
      this.epochLabel = element("span", { class: "nn-epoch", "aria-hidden": "true" });
      const lrValues = [...new Set([...limits.lr_values, this.state.lr])].sort((a, b) => a - b);
      this.controls = {
        lr: select({ label: label.lr, value: this.state.lr, options: lrValues.map((v) => [v, brShort(v)]),
          onChange: (v) => this.set({ lr: Number(v) }) }),
        activation: select({ label: label.activation, value: this.state.activation,
          options: Object.entries(texts.activations), onChange: (v) => this.set({ activation: v }) }),
        l2: select({ label: label.l2, value: this.state.l2,
          options: Object.entries(texts.l2_values).map(([text, v]) => [v, text]),
          onChange: (v) => this.set({ l2: Number(v) }) }),
      };
      this.controlsRow.append(
        element("div", { class: "nn-group" }, [this.playButton, this.stepButton, this.resetButton, this.epochLabel]),
        element("div", { class: "nn-group" }, ["lr", "activation", "l2"].map((k) => this.controls[k].wrapper)));
    }

    /** A coluna dos dados: os quatro conjuntos (com miniaturas) e os deslizantes. */
    buildData() {
      const texts = this.texts, label = texts.controls, limits = texts.limits, state = this.state;
      const column = element("div", { class: "nn-column nn-data", style: `width:${this.dataWidth}px` });
      column.append(element("h4", { text: label.dataset }));
      this.datasetButtons = {};
      const choices = element("div", { class: "nn-datasets", role: "group", "aria-label": label.dataset });
      for (const name of this.datasets) {
        const thumb = Plot.canvas(44, 44);
        this.drawDatasetThumb(thumb, name);
        const node = button("", () => this.set({ dataset: name }));
        node.append(thumb, element("span", { text: texts.datasets[name] }));
        this.datasetButtons[name] = node;
        choices.append(node);
      }
      column.append(choices);
      const [pLo, pHi] = limits.train_percent, [nLo, nHi] = limits.noise, [bLo, bHi] = limits.batch_size;
      Object.assign(this.controls, {
        train_percent: slider({ label: label.train_percent, min: pLo, max: pHi, step: 10, value: state.train_percent,
          format: (v) => `${v}%`, onInput: (v) => this.set({ train_percent: v }) }),
        noise: slider({ label: label.noise, min: nLo, max: Math.max(nHi, state.noise), step: 0.05, value: state.noise,
          format: (v) => br(v, 2), onInput: (v) => this.set({ noise: v }) }),
        batch_size: slider({ label: label.batch_size, min: bLo, max: Math.max(bHi, state.batch_size), step: 1,
          value: state.batch_size, format: (v) => String(v), onInput: (v) => this.set({ batch_size: v }) }),
      });
      for (const key of ["train_percent", "noise", "batch_size"]) column.append(this.controls[key].wrapper);
      this.columns.append(column);
    }

    /** A miniatura de um conjunto: 160 dos seus pontos sem ruído, nas cores das classes. */
    drawDatasetThumb(canvas, name) {
      const ctx = canvas.getContext("2d"), { X, y } = this.config.data[name], colors = this.config.palette.classes;
      const size = 44, half = 1.45, step = Math.max(1, Math.floor(y.length / 160));
      ctx.fillStyle = "#fff";
      ctx.fillRect(0, 0, size, size);
      for (let i = 0; i < y.length; i += step) {
        ctx.fillStyle = colors[y[i]];
        ctx.beginPath();
        ctx.arc((X[2 * i] / half + 1) * size / 2, (1 - X[2 * i + 1] / half) * size / 2, 1.5, 0, 2 * Math.PI);
        ctx.fill();
      }
    }

    /** A coluna da rede: um canvas com as ligações e os neurônios, e os botões por cima dele. */
    buildNetwork() {
      const texts = this.texts, width = this.netWidth, height = TOP + 8 * ROW + 6;
      this.netHeight = height;
      const column = element("div", { class: "nn-column nn-network", style: `width:${width}px` });
      this.netArea = element("div", { class: "nn-net", style: `width:${width}px;height:${height}px` });
      this.netCanvas = Plot.canvas(width, height, "");
      this.netCtx = this.netCanvas.getContext("2d");
      this.netArea.append(this.netCanvas, element("span", { class: "nn-net-title",
        text: texts.features_title }));
      // Os atributos de entrada: um botão liga/desliga cada um, com a miniatura do atributo.
      this.featureButtons = {};
      this.featureThumbs = {};
      FEATURE_NAMES.forEach((name, i) => {
        const text = this.config.feature_labels[name] || name;
        const thumb = Plot.canvas(NODE, NODE);
        const node = button("", () => this.toggleFeature(name));
        node.className = "nn-feature";
        node.setAttribute("aria-label", fill(texts.feature_toggle, { label: text }));
        node.style.top = `${TOP + i * ROW + (ROW - NODE) / 2 - 3}px`;
        node.append(element("span", { text }), thumb);
        this.featureButtons[name] = node;
        this.featureThumbs[name] = thumb;
        this.netArea.append(node);
      });
      this.layerControls = element("div", { class: "nn-layer-controls" });
      this.netArea.append(this.layerControls);
      column.append(this.netArea, element("p", { class: "nn-caption", text: texts.network }));
      this.columns.append(column);
      this.thumb = offscreen(THUMB, THUMB);
    }

    /** Onde fica cada neurônio: colunas de {x, y} (entradas ligadas, escondidas, saída). */
    layoutNetwork() {
      const width = this.netWidth, hidden = this.state.hidden;
      const inputX = 78 - 3 - NODE / 2, outputX = width - NODE / 2 - 4;
      const rowY = (i) => TOP + i * ROW + ROW / 2;
      const columns = [this.state.features.map((name) => ({ x: inputX, y: rowY(FEATURE_NAMES.indexOf(name)) }))];
      hidden.forEach((units, l) => {
        const x = inputX + (l + 1) * (outputX - inputX) / (hidden.length + 1);
        columns.push(Array.from({ length: units }, (_, j) => ({ x, y: rowY(j) })));
      });
      columns.push([{ x: outputX, y: rowY(3) }]);
      this.positions = columns;
    }

    /** Os botões das camadas: ± camada no alto e ± neurônio em cima de cada coluna. Quem estava
     * com o foco num deles continua nele (o botão é refeito, mas a chave é a mesma). */
    buildLayerControls() {
      const texts = this.texts, label = texts.controls, limits = texts.limits, hidden = this.state.hidden;
      const focused = this.layerControls.contains(document.activeElement) ? document.activeElement.dataset.key : null;
      this.layoutNetwork();
      const small = (symbol, aria, key, enabled, action) => {
        const node = button(symbol, () => enabled && action());
        node.className = "nn-button nn-small";
        node.dataset.key = key;
        node.setAttribute("aria-label", aria);
        if (!enabled) node.setAttribute("aria-disabled", "true");
        return node;
      };
      const layers = element("div", { class: "nn-layers-header" }, [
        small("−", label.remove_layer, "layer-", hidden.length > 0, () => this.set({ hidden: hidden.slice(0, -1) })),
        small("+", label.add_layer, "layer+", hidden.length < limits.layers,
          () => this.set({ hidden: [...hidden, hidden.length ? hidden[hidden.length - 1] : 4] })),
        element("span", { text: fill(label.layers, { k: hidden.length }) }),
      ]);
      const nodes = [layers];
      hidden.forEach((units, l) => {
        const k = l + 1, change = (d) => this.set({ hidden: hidden.map((u, i) => (i === l ? u + d : u)) });
        const pair = element("div", { class: "nn-units", style: `left:${this.positions[k][0].x}px` }, [
          small("−", fill(label.remove_unit, { k }), `unit-${k}`, units > 1, () => change(-1)),
          small("+", fill(label.add_unit, { k }), `unit+${k}`, units < limits.units, () => change(+1)),
        ]);
        nodes.push(pair);
      });
      this.layerControls.replaceChildren(...nodes);
      if (focused) {
        const again = this.layerControls.querySelector(`[data-key="${focused}"]`)
          || this.layerControls.querySelector('[data-key="layer-"]');
        again.focus();
      }
    }

    /** A coluna da saída: os custos, as regiões com os pontos e a escala de cores. */
    buildOutput() {
      const texts = this.texts, width = this.outWidth;
      const column = element("div", { class: "nn-column nn-output", style: `width:${width}px` });
      this.lossText = element("p", { class: "nn-losses" });
      const lossCanvas = Plot.canvas(width, this.mode === "medium" ? 150 : 84, texts.loss_title_live);
      this.lossPlot = new Plot.Plot(lossCanvas, { margin: { left: 34, right: 12, top: 6, bottom: 17 } });
      const height = width - 12;                        // a caixa dos eixos é quadrada: (width − 34)²
      const regions = element("div", { class: "nn-regions", style: `width:${width}px;height:${height}px` });
      this.regionsCanvas = Plot.canvas(width, height);
      this.regionsCanvas.setAttribute("aria-hidden", "true");
      this.overlayCanvas = Plot.canvas(width, height, "");
      const margin = { left: 30, right: 4, top: 4, bottom: 18 };
      this.regionsPlot = new Plot.Plot(this.regionsCanvas, { margin });
      this.overlayPlot = new Plot.Plot(this.overlayCanvas, { margin });
      regions.append(this.regionsCanvas, this.overlayCanvas);
      const scale = Plot.canvas(width, 30, texts.probability);
      this.drawScale(scale);
      this.controls.show_test = checkbox({ label: texts.controls.show_test, checked: this.state.show_test,
        onChange: (v) => this.set({ show_test: v }) });
      column.append(element("div", { class: "nn-output-losses" }, [element("h4", { text: texts.output }),
        this.lossText, lossCanvas]), element("div", { class: "nn-output-regions" }, [regions, scale,
        this.controls.show_test.wrapper]));
      this.columns.append(column);
      // As regiões em pixels de tela: P interpolado (bilinear) entre os pontos da grade e só então
      // posto nas faixas, para que as bordas das faixas saiam lisas, como as curvas de nível do livro.
      const side = Math.round(this.regionsPlot.box.w * (global.devicePixelRatio || 1));
      this.regionsImage = offscreen(side, side);
      this.interpolation = { side, index: new Int32Array(side), frac: new Float64Array(side) };
      for (let p = 0; p < side; p++) {
        const g = Math.min(GRID - 1, Math.max(0, (p + 0.5) * GRID / side - 0.5)), i = Math.min(GRID - 2, Math.floor(g));
        this.interpolation.index[p] = i;
        this.interpolation.frac[p] = g - i;
      }
    }

    /** A escala de cores, alinhada com as regiões: as 10 faixas de P(classe 1), da classe 0 (à
     * esquerda, P = 0) à classe 1 (à direita, P = 1). */
    drawScale(canvas) {
      const ctx = canvas.getContext("2d"), box = this.regionsPlot.box, texts = this.texts;
      const left = box.x, right = box.x + box.w, colors = this.config.palette.classes;
      for (let i = 0; i < 10; i++) {
        const c = this.bands.subarray(3 * i, 3 * i + 3);
        ctx.fillStyle = `rgb(${c[0]},${c[1]},${c[2]})`;
        ctx.fillRect(left + (right - left) * i / 10, 3, (right - left) / 10 + 0.5, 8);
      }
      ctx.strokeStyle = "#8c959f";
      ctx.lineWidth = 1;
      ctx.strokeRect(left + 0.5, 2.5, right - left - 1, 9);
      ctx.font = "11px system-ui, sans-serif";
      ctx.textBaseline = "top";
      [[left, "left", colors[0], fill(texts.class, { k: 0 })], [(left + right) / 2, "center", "#57606a", brShort(0.5)],
        [right, "right", colors[1], fill(texts.class, { k: 1 })]].forEach(([x, align, color, text]) => {
        ctx.textAlign = align; ctx.fillStyle = color;
        ctx.fillText(text, x, 15);
      });
    }

    // --- Os dados e as entradas -----------------------------------------------------------------

    /** Os pontos (X + ruído·E), o treino (os primeiros da ordem) e o teste; a caixa do desenho. */
    prepareData() {
      const { X, E, y, order } = this.config.data[this.state.dataset], noise = this.state.noise;
      const n = y.length, points = new Float64Array(2 * n);
      let size = 0;
      for (let i = 0; i < 2 * n; i++) {
        points[i] = X[i] + noise * E[i];
        size = Math.max(size, Math.abs(X[i]));
      }
      const nTrain = Math.round(n * this.state.train_percent / 100);
      this.points = points;
      this.labels = Float64Array.from(y);
      this.trainIndex = order.slice(0, nTrain);
      this.testIndex = order.slice(nTrain);
      // A caixa [−h, h]²: os pontos sem ruído, mais uma folga que cresce com o ruído.
      this.half = Math.ceil((size + 0.4 + noise) * 10) / 10;
      const half = this.half, grid = new Float64Array(2 * GRID * GRID);
      for (let r = 0; r < GRID; r++) {
        for (let c = 0; c < GRID; c++) {
          grid[2 * (r * GRID + c)] = -half + 2 * half * (c + 0.5) / GRID;
          grid[2 * (r * GRID + c) + 1] = -half + 2 * half * (r + 0.5) / GRID;
        }
      }
      this.grid = grid;
      this.regionsPlot.setLimits([-half, half], [-half, half]);
      this.overlayPlot.setLimits([-half, half], [-half, half]);
      this.drawFeatureThumbs();
      this.prepareInputs();
      this.drawOverlay();
    }

    /** Os atributos escolhidos dos pontos de treino, de teste e da grade. */
    prepareInputs() {
      const names = this.state.features, pick = (index) => {
        const P = new Float64Array(2 * index.length);
        index.forEach((row, i) => { P[2 * i] = this.points[2 * row]; P[2 * i + 1] = this.points[2 * row + 1]; });
        return P;
      };
      this.trainX = NN.features(pick(this.trainIndex), names);
      this.trainY = Float64Array.from(this.trainIndex, (i) => this.labels[i]);
      this.testX = NN.features(pick(this.testIndex), names);
      this.testY = Float64Array.from(this.testIndex, (i) => this.labels[i]);
      this.gridX = NN.features(this.grid, names);
      for (const name of FEATURE_NAMES) {
        const on = names.includes(name), node = this.featureButtons[name];
        node.setAttribute("aria-pressed", String(on));
        const last = on && names.length === 1;
        node.toggleAttribute("aria-disabled", last);
        node.title = last ? this.texts.last_feature : "";
      }
      for (const [name, node] of Object.entries(this.datasetButtons)) {
        node.setAttribute("aria-pressed", String(name === this.state.dataset));
      }
    }

    /** A miniatura de cada atributo na caixa atual: o valor dividido pelo maior |valor|. */
    drawFeatureThumbs() {
      const half = this.half, { canvas, ctx, image } = this.thumb;
      const at = (k) => -half + 2 * half * (k + 0.5) / THUMB;
      for (const name of FEATURE_NAMES) {
        const f = NN.FEATURES[name];
        let top = 1e-12;
        for (let r = 0; r < THUMB; r++) for (let c = 0; c < THUMB; c++) top = Math.max(top, Math.abs(f(at(c), at(r))));
        paint(image, THUMB, THUMB, this.ramp, 256, (r, c) => 0.5 + 0.5 * f(at(c), at(r)) / top);
        ctx.putImageData(image, 0, 0);
        const target = this.featureThumbs[name].getContext("2d");
        target.clearRect(0, 0, NODE, NODE);
        target.drawImage(canvas, 0, 0, NODE, NODE);
      }
    }

    toggleFeature(name) {
      const names = this.state.features;
      if (names.includes(name) && names.length === 1) return this;     // pelo menos um fica ligado
      const next = names.includes(name) ? names.filter((f) => f !== name) : [...names, name];
      return this.set({ features: FEATURE_NAMES.filter((f) => next.includes(f)) });
    }

    // --- A rede e o treino ----------------------------------------------------------------------

    get sizes() { return [this.state.features.length, ...this.state.hidden, 1]; }

    /** O começo: os pesos do Python, se a rede dele é esta; senão, uma rede nova. */
    start() {
      const { weights, curves, seed } = this.config;
      this.buildLayerControls();
      this.newNetwork(seed);
      if (weights && this.fits(weights)) {
        this.model.setWeights(weights);
        if (curves) this.curves = { train: curves[0].slice(), test: curves[1].slice() };
      }
      this.measure();
    }

    /** Os pesos [W1 (linhas), b1, W2, b2, ...] têm as formas da rede atual? */
    fits(weights) {
      const sizes = this.sizes;
      return weights.length === 2 * (sizes.length - 1) && sizes.slice(1).every((nOut, l) => {
        const W = weights[2 * l], b = weights[2 * l + 1];
        return W.length === sizes[l] && W.every((row) => row.length === nOut) && b.length === nOut;
      });
    }

    /** Uma rede nova (pesos sorteados com `seed`), na época 0 e sem curvas. */
    newNetwork(seed) {
      this.netSeed = seed;
      this.model = new NN.MLP(this.sizes, this.state.activation, seed);
      this.shuffle = NN.random((Math.imul(seed + 1, 2654435761) ^ 0x5bd1e995) >>> 0);
      this.curves = { train: [], test: [] };
      this.diverged = null;
      this.layoutNetwork();
      this.gridA = this.model.layers.map((L) => new Float64Array(GRID * GRID * L.nOut));
      this.netCanvas.setAttribute("aria-label", fill(this.texts.network_alt, { sizes: `[${this.sizes.join(", ")}]` }));
    }

    get epoch() { return this.curves.train.length; }

    /** Os custos e a acurácia de agora, para o texto de estado. */
    measure() {
      const test = this.model.evaluate(this.testX, this.testY, this.testY.length);
      const train = this.curves.train.length ? this.curves.train[this.curves.train.length - 1]
        : this.model.evaluate(this.trainX, this.trainY, this.trainY.length).loss;
      this.last = { train, test: test.loss, testAccuracy: test.accuracy };
      return this.last;
    }

    /** Uma época de SGD nos pontos de treino (ordem nova a cada época) e o custo no teste. */
    trainEpoch() {
      const { lr, l2, batch_size: batch } = this.state, n = this.trainY.length;
      const order = this.shuffle.permutation(n);
      const { loss } = this.model.trainEpoch(this.trainX, this.trainY, this.sizes[0], batch, lr, l2, order);
      this.curves.train.push(loss);
      this.measure();
      this.curves.test.push(this.last.test);
      if (!Number.isFinite(loss) || !Number.isFinite(this.last.test)) {
        this.diverged = Number.isFinite(loss) ? this.last.test : loss;
        this.pause();
      }
    }

    /** "Uma época": exatamente uma época, e redesenha. */
    stepEpoch() {
      this.trainEpoch();
      this.update();
      return this;
    }

    play() {
      if (this.playing) return this;
      this.playing = true;
      this.syncPlayButton();
      const frame = () => {
        if (!this.playing) return;
        const start = performance.now();
        this.trainEpoch();
        this.update();
        this.frames += 1;
        this.frameTimes.push(performance.now() - start);
        if (this.frameTimes.length > 5000) this.frameTimes.splice(0, 1000);
        if (this.playing) this.request = requestAnimationFrame(frame);
      };
      this.request = requestAnimationFrame(frame);
      return this;
    }

    pause() {
      if (!this.playing) return this;
      this.playing = false;
      cancelAnimationFrame(this.request);
      this.syncPlayButton();
      this.writeStatus();
      return this;
    }

    syncPlayButton() {
      const texts = this.texts.buttons;
      this.playButton.textContent = this.playing ? texts.pause : texts.play;
      this.playButton.setAttribute("aria-pressed", String(this.playing));
      // tocando, o texto muda a cada quadro: o leitor de tela só o lê quando para
      this.statusLine.setAttribute("aria-live", this.playing ? "off" : "polite");
    }

    /** "Recomeçar": pesos novos (com `seed`, ou a próxima semente), época 0. */
    reset(seed) {
      this.pause();
      this.newNetwork(seed === undefined ? this.nextSeed() : seed);
      this.measure();
      this.update();
      return this;
    }

    nextSeed() {
      this.seedCount += 1;
      return (this.config.seed + this.seedCount) >>> 0;
    }

    /** Muda controles como a página: dataset, noise, train_percent, features, hidden, activation,
     * lr, l2, batch_size, show_test. Dados, atributos, camadas e ativação recomeçam a rede. */
    set(values) {
      const known = ["dataset", "noise", "train_percent", "features", "hidden", "activation", "lr", "l2",
        "batch_size", "show_test"];
      const unknown = Object.keys(values).filter((k) => !known.includes(k));
      if (unknown.length) throw new Error(`playground.set: controle(s) desconhecido(s) ${unknown}`);
      const limits = this.texts.limits, state = this.state, controls = this.controls;
      const clean = Object.assign({}, values);
      if ("features" in clean) {
        clean.features = FEATURE_NAMES.filter((f) => clean.features.includes(f));
        if (!clean.features.length) throw new Error("playground.set: pelo menos um atributo");
      }
      if ("hidden" in clean) {
        clean.hidden = clean.hidden.slice(0, limits.layers).map((k) => Math.max(1, Math.min(limits.units, k)));
      }
      if ("dataset" in clean && !this.datasets.includes(clean.dataset)) {
        throw new Error(`playground.set: conjunto desconhecido ${clean.dataset}`);
      }
      Object.assign(state, clean);
      for (const key of ["noise", "train_percent", "batch_size"]) if (key in clean) controls[key].set(clean[key]);
      for (const key of ["activation", "l2", "lr"]) {
        if (!(key in clean)) continue;
        const input = controls[key].input;
        if (![...input.options].some((o) => Number(o.value) === clean[key] || o.value === clean[key])) {
          input.append(element("option", { value: clean[key], text: brShort(clean[key]) }));
        }
        input.value = String(clean[key]);
      }
      if ("show_test" in clean) controls.show_test.input.checked = clean.show_test;
      const data = ["dataset", "noise", "train_percent"].some((k) => k in clean);
      const network = data || ["features", "hidden", "activation"].some((k) => k in clean);
      if (data) this.prepareData();
      else if ("features" in clean) this.prepareInputs();
      if ("show_test" in clean && !data) this.drawOverlay();
      if ("hidden" in clean) this.buildLayerControls();
      if (network) {
        this.pause();
        this.newNetwork(this.nextSeed());
      }
      this.measure();
      this.update();
      return this;
    }

    // --- O desenho --------------------------------------------------------------------------------

    /** A ida da rede na grade, em buffers reaproveitados: gridA[l] = a saída da camada l. As
     * mesmas contas de NN.MLP.forward, com a ativação num laço à parte (mais rápido). */
    forwardGrid() {
      const n = GRID * GRID, layers = this.model.layers;
      let input = this.gridX;
      for (let l = 0; l < layers.length; l++) {
        const { nIn, nOut, W, b, act } = layers[l], out = this.gridA[l];
        for (let i = 0, row = 0, cell = 0; i < n; i++, row += nIn) {
          for (let j = 0; j < nOut; j++, cell++) {
            let z = b[j];
            for (let k = 0, w = j; k < nIn; k++, w += nOut) z += input[row + k] * W[w];
            out[cell] = z;
          }
        }
        activate(out, n * nOut, act);
        input = out;
      }
      return input;                                      // P(classe 1) em cada ponto da grade
    }

    /** Um número que muda quando as regiões mudam (para os testes). */
    regionsChecksum() {
      const P = this.forwardGrid();
      let sum = 0;
      for (let i = 0; i < P.length; i++) sum += P[i] * (1 + (i % 97));
      return sum;
    }

    update() {
      const P = this.forwardGrid();
      this.drawRegions(P);
      this.drawNetwork();
      this.drawLosses();
      this.epochLabel.textContent = fill(this.texts.epoch, { epoch: this.epoch });
      this.writeStatus();
    }

    writeStatus() {
      const texts = this.texts, last = this.last;
      const test = `<b>${brShort(last.test)}</b>`;
      this.lossText.innerHTML = fill(texts.losses, { test, train: brShort(last.train) });
      if (this.diverged !== null) {
        const text = fill(texts.diverged, { loss: brShort(this.diverged) });
        this.statusLine.innerHTML = `<b style="color:#b00">${text}</b>`;
        return;
      }
      this.statusLine.innerHTML = fill(texts.live_status, { epoch: this.epoch, train_loss: brShort(last.train),
        test_loss: brShort(last.test), test_acc: br(100 * last.testAccuracy, 1) });
    }

    /** As regiões: P na grade, interpolado pixel a pixel e posto nas 10 faixas de cor. */
    drawRegions(P) {
      const { canvas, ctx, image } = this.regionsImage, plot = this.regionsPlot, box = plot.box;
      const { side, index, frac } = this.interpolation, data = image.data, bands = this.bands;
      for (let y = 0, k = 0; y < side; y++) {
        const q = side - 1 - y, row = index[q] * GRID, fy = frac[q];       // a grade começa embaixo
        for (let x = 0; x < side; x++, k += 4) {
          const a = row + index[x], fx = frac[x];
          const below = P[a] + fx * (P[a + 1] - P[a]), above = P[a + GRID] + fx * (P[a + GRID + 1] - P[a + GRID]);
          const v = below + fy * (above - below);
          data[k + 3] = 255;
          if (v !== v) { data[k] = data[k + 1] = data[k + 2] = 210; continue; }     // NaN: divergiu
          const level = v > 0 ? Math.min(9, Math.floor(v * 10)) * 3 : 0;
          data[k] = bands[level]; data[k + 1] = bands[level + 1]; data[k + 2] = bands[level + 2];
        }
      }
      ctx.putImageData(image, 0, 0);
      plot.ctx.imageSmoothingEnabled = false;
      plot.ctx.drawImage(canvas, box.x, box.y, box.w, box.h);
    }

    /** Por cima das regiões, o que só muda com os dados: os eixos e os pontos (treino cheios,
     * teste vazados). */
    drawOverlay() {
      const plot = this.overlayPlot.clear(), colors = this.config.palette.classes, P = this.points, y = this.labels;
      plot.axes({ grid: false });
      const draw = (index, options) => {
        for (const k of [0, 1]) {
          const rows = index.filter((i) => y[i] === k);
          plot.points(rows.map((i) => P[2 * i]), rows.map((i) => P[2 * i + 1]),
            Object.assign({ size: 3.2 }, options(colors[k])));
        }
      };
      draw(this.trainIndex, (color) => ({ colors: color, stroke: "#fff" }));
      if (this.state.show_test) draw(this.testIndex, (color) => ({ fill: false, stroke: color }));
      this.overlayCanvas.setAttribute("aria-label",
        fill(this.texts.regions_alt, { dataset: this.texts.datasets[this.state.dataset] }));
    }

    /** As ligações (cor pelo sinal, espessura ∝ |peso|) e a saída de cada neurônio na caixa. */
    drawNetwork() {
      const ctx = this.netCtx, columns = this.positions, layers = this.model.layers;
      ctx.clearRect(0, 0, this.netWidth, this.netHeight);
      layers.forEach((L, l) => {
        const from = columns[l], to = columns[l + 1];
        for (let k = 0; k < L.nIn; k++) {
          for (let j = 0; j < L.nOut; j++) {
            const w = L.W[k * L.nOut + j], a = from[k], b = to[j], middle = (a.x + b.x) / 2;
            const finite = Number.isFinite(w);
            ctx.strokeStyle = !finite ? "#d0d7de" : w >= 0 ? POSITIVE : NEGATIVE;
            ctx.lineWidth = finite ? Math.min(7, Math.max(0.2, 1.6 * Math.abs(w))) : 0.5;
            ctx.beginPath();
            ctx.moveTo(a.x + NODE / 2, a.y);
            ctx.bezierCurveTo(middle, a.y, middle, b.y, b.x - NODE / 2, b.y);
            ctx.stroke();
          }
        }
      });
      const { canvas, ctx: thumbCtx, image } = this.thumb, step = GRID / THUMB, offset = step / 2;
      layers.forEach((L, l) => {
        const A = this.gridA[l], units = L.nOut, output = l === layers.length - 1;
        for (let j = 0; j < units; j++) {
          const at = (r, c) => A[((r * step + offset) * GRID + c * step + offset) * units + j];
          if (output) {
            paint(image, THUMB, THUMB, this.bands, 10, at);
          } else if (L.act === "sigmoid") {
            paint(image, THUMB, THUMB, this.ramp, 256, at);
          } else {       // 0 no meio da escala; nas pontas, ±1 (tanh) ou o maior |valor| (as outras)
            let top = L.act === "tanh" ? 1 : 1e-12;
            for (let r = 0; r < THUMB && L.act !== "tanh"; r++) {
              for (let c = 0; c < THUMB; c++) top = Math.max(top, Math.abs(at(r, c)));
            }
            paint(image, THUMB, THUMB, this.ramp, 256, (r, c) => 0.5 + 0.5 * at(r, c) / top);
          }
          thumbCtx.putImageData(image, 0, 0);
          const { x, y } = columns[l + 1][j], size = output ? NODE + 8 : NODE;
          ctx.drawImage(canvas, x - size / 2, y - size / 2, size, size);
          ctx.strokeStyle = "#6e7781";
          ctx.lineWidth = 1;
          ctx.strokeRect(x - size / 2 - 0.5, y - size / 2 - 0.5, size + 1, size + 1);
        }
      });
    }

    /** As curvas de custo de todas as épocas (no máximo ~2 pontos por pixel). */
    drawLosses() {
      const plot = this.lossPlot.clear(), { train, test } = this.curves, n = train.length;
      // a escala vai até o maior custo (sem curvas ainda: até o custo de agora)
      let top = Math.max(0.1, ...[this.last.train, this.last.test].filter(Number.isFinite));
      const stride = Math.max(1, Math.ceil(n / (2 * plot.box.w)));
      const xs = [], trainYs = [], testYs = [];
      for (let i = 0; i < n; i += stride) {
        xs.push(i + 1); trainYs.push(train[i]); testYs.push(test[i]);
        if (Number.isFinite(train[i])) top = Math.max(top, train[i]);
        if (Number.isFinite(test[i])) top = Math.max(top, test[i]);
      }
      if (n && (n - 1) % stride) { xs.push(n); trainYs.push(train[n - 1]); testYs.push(test[n - 1]); }
      plot.setLimits([0, Math.max(10, n)], [0, top * 1.08]);
      plot.axes({ grid: true });
      plot.line(xs, trainYs, { color: TRAIN_COLOR, width: 1.5 });
      plot.line(xs, testYs, { color: TEST_COLOR, width: 1.8 });
      plot.legend([[TEST_COLOR, this.texts.test, "line"], [TRAIN_COLOR, this.texts.train, "line"]]);
    }
  }

  Explorers.kinds.playground = Playground;
  Explorers.Playground = Playground;
})(window);
