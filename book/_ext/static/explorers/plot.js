/* Desenho num <canvas>, o mínimo para os exploradores: eixos com marcas em vírgula decimal, linhas,
 * pontos, um mapa de cores e textos. Um Plot liga um canvas a limites x e y; as coordenadas de
 * quem desenha são as dos dados. Depende de nn.js (NN.brShort, para os números dos eixos).
 */
(function (global) {
  "use strict";
  const NN = global.NN;

  /** Marcas "redondas" entre lo e hi: passos de 1, 2 ou 5 vezes uma potência de 10. */
  function ticks(lo, hi, count = 5) {
    if (!(hi > lo)) return [lo];
    const raw = (hi - lo) / count, power = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
    const out = [];
    for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
    return out;
  }

  /** Um canvas nítido em telas de alta densidade: width × height em pixels de CSS. */
  function canvas(width, height, label) {
    const c = document.createElement("canvas"), ratio = global.devicePixelRatio || 1;
    c.width = Math.round(width * ratio); c.height = Math.round(height * ratio);
    c.style.width = width + "px"; c.style.height = height + "px";
    c.setAttribute("role", "img");
    if (label) c.setAttribute("aria-label", label);
    c.getContext("2d").scale(ratio, ratio);
    return c;
  }

  class Plot {
    /** box: {width, height} em CSS; margin: {left, right, top, bottom}. log: eixo y em log10. */
    constructor(canvasElement, { xlim, ylim, margin, log = false } = {}) {
      this.canvas = canvasElement;
      this.ctx = canvasElement.getContext("2d");
      this.width = parseFloat(canvasElement.style.width);
      this.height = parseFloat(canvasElement.style.height);
      this.margin = Object.assign({ left: 52, right: 12, top: 26, bottom: 40 }, margin || {});
      this.log = log;
      this.setLimits(xlim || [0, 1], ylim || [0, 1]);
    }

    setLimits(xlim, ylim) {
      this.xlim = xlim.slice();
      this.ylim = ylim.slice();
      return this;
    }

    get box() {
      const m = this.margin;
      return { x: m.left, y: m.top, w: this.width - m.left - m.right, h: this.height - m.top - m.bottom };
    }

    /** Dados → pixels. */
    px(x) { const b = this.box; return b.x + (x - this.xlim[0]) / (this.xlim[1] - this.xlim[0]) * b.w; }
    py(y) {
      const b = this.box;
      const [lo, hi] = this.log ? this.ylim.map(Math.log10) : this.ylim;
      const v = this.log ? Math.log10(y) : y;
      return b.y + b.h - (v - lo) / (hi - lo) * b.h;
    }

    clear() {
      this.ctx.clearRect(0, 0, this.width, this.height);
      return this;
    }

    /** Eixos, marcas e rótulos; o título no alto. */
    axes({ xlabel = "", ylabel = "", title = "", titleColor = "#222", grid = true } = {}) {
      const ctx = this.ctx, b = this.box;
      ctx.save();
      ctx.font = "11px system-ui, sans-serif";
      ctx.fillStyle = "#333";
      ctx.strokeStyle = "#ddd";
      ctx.lineWidth = 1;
      ctx.textAlign = "center"; ctx.textBaseline = "top";
      for (const t of ticks(...this.xlim)) {
        const x = this.px(t);
        if (grid) { ctx.beginPath(); ctx.moveTo(x, b.y); ctx.lineTo(x, b.y + b.h); ctx.stroke(); }
        ctx.fillText(NN.brShort(t), x, b.y + b.h + 4);
      }
      ctx.textAlign = "right"; ctx.textBaseline = "middle";
      const yTicks = this.log ? logTicks(...this.ylim) : ticks(...this.ylim);
      for (const t of yTicks) {
        const y = this.py(t);
        if (grid) { ctx.beginPath(); ctx.moveTo(b.x, y); ctx.lineTo(b.x + b.w, y); ctx.stroke(); }
        ctx.fillText(NN.brShort(t), b.x - 4, y);
      }
      ctx.strokeStyle = "#555";
      ctx.strokeRect(b.x, b.y, b.w, b.h);
      ctx.textAlign = "center"; ctx.textBaseline = "bottom";
      ctx.fillText(xlabel, b.x + b.w / 2, this.height - 2);
      ctx.save();
      ctx.translate(11, b.y + b.h / 2); ctx.rotate(-Math.PI / 2);
      ctx.textBaseline = "middle";
      ctx.fillText(ylabel, 0, 0);
      ctx.restore();
      ctx.font = "bold 12px system-ui, sans-serif";
      ctx.fillStyle = titleColor;
      ctx.fillText(title, b.x + b.w / 2, b.y - 6);
      ctx.restore();
      return this;
    }

    /** Só o que cair dentro dos eixos aparece. */
    clip(draw) {
      const ctx = this.ctx, b = this.box;
      ctx.save();
      ctx.beginPath(); ctx.rect(b.x, b.y, b.w, b.h); ctx.clip();
      draw(ctx);
      ctx.restore();
      return this;
    }

    line(xs, ys, { color = "#1f77b4", width = 2, dash = [] } = {}) {
      return this.clip((ctx) => {
        ctx.strokeStyle = color; ctx.lineWidth = width; ctx.setLineDash(dash);
        ctx.beginPath();
        let started = false;
        for (let i = 0; i < xs.length; i++) {
          if (!Number.isFinite(xs[i]) || !Number.isFinite(ys[i]) || (this.log && ys[i] <= 0)) { started = false; continue; }
          const x = this.px(xs[i]), y = this.py(ys[i]);
          if (started) ctx.lineTo(x, y); else ctx.moveTo(x, y);
          started = true;
        }
        ctx.stroke();
      });
    }

    /** Pontos: colors é uma cor ou uma lista (uma por ponto); shape "o" (círculo) ou "s" (quadrado). */
    points(xs, ys, { colors = "#1f77b4", size = 4, shapes = "o", stroke = "#000", fill = true } = {}) {
      return this.clip((ctx) => {
        ctx.lineWidth = fill ? 0.6 : 1.6;
        for (let i = 0; i < xs.length; i++) {
          const x = this.px(xs[i]), y = this.py(ys[i]);
          const shape = typeof shapes === "string" ? shapes : shapes[i];
          ctx.beginPath();
          if (shape === "s") ctx.rect(x - size, y - size, 2 * size, 2 * size);
          else if (shape === "*") star(ctx, x, y, size);
          else ctx.arc(x, y, size, 0, 2 * Math.PI);
          if (fill) { ctx.fillStyle = typeof colors === "string" ? colors : colors[i]; ctx.fill(); }
          ctx.strokeStyle = stroke; ctx.stroke();
        }
      });
    }

    /** Um mapa de cores: values (rows × cols, linha 0 embaixo) pintado nos limites dos eixos. */
    image(values, rows, cols, colorOf, alpha = 1) {
      const off = this._offscreen && this._offscreen.width === cols && this._offscreen.height === rows
        ? this._offscreen : Object.assign(document.createElement("canvas"), { width: cols, height: rows });
      this._offscreen = off;
      const octx = off.getContext("2d"), data = octx.createImageData(cols, rows);
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const [red, green, blue] = colorOf(values[r * cols + c]);
          const k = ((rows - 1 - r) * cols + c) * 4;
          data.data[k] = red; data.data[k + 1] = green; data.data[k + 2] = blue; data.data[k + 3] = 255 * alpha;
        }
      }
      octx.putImageData(data, 0, 0);
      const b = this.box;
      return this.clip((ctx) => {
        ctx.imageSmoothingEnabled = false;
        ctx.drawImage(off, b.x, b.y, b.w, b.h);
      });
    }

    text(x, y, content, { color = "#222", align = "left", font = "11px system-ui, sans-serif" } = {}) {
      const ctx = this.ctx;
      ctx.save();
      ctx.font = font; ctx.fillStyle = color; ctx.textAlign = align; ctx.textBaseline = "middle";
      ctx.fillText(content, this.px(x), this.py(y));
      ctx.restore();
      return this;
    }

    /** Uma legenda no canto: items = [[cor, texto, "line" | "o" | "s"], ...]. */
    legend(items, corner = "right") {
      const ctx = this.ctx, b = this.box;
      ctx.save();
      ctx.font = "11px system-ui, sans-serif";
      const width = Math.max(...items.map(([, t]) => ctx.measureText(t).width)) + 30;
      const x0 = corner === "right" ? b.x + b.w - width - 6 : b.x + 6, y0 = b.y + 6;
      ctx.fillStyle = "rgba(255,255,255,0.85)";
      ctx.fillRect(x0, y0, width, 16 * items.length + 4);
      items.forEach(([color, label, kind], i) => {
        const y = y0 + 10 + 16 * i;
        ctx.strokeStyle = color; ctx.fillStyle = color; ctx.lineWidth = 2;
        ctx.beginPath();
        if (kind === "line") { ctx.moveTo(x0 + 4, y); ctx.lineTo(x0 + 20, y); ctx.stroke(); }
        else if (kind === "s") { ctx.fillRect(x0 + 8, y - 4, 8, 8); }
        else if (kind === "*") { star(ctx, x0 + 12, y, 6); ctx.fill(); ctx.strokeStyle = "#000"; ctx.lineWidth = 0.6; ctx.stroke(); }
        else { ctx.arc(x0 + 12, y, 4, 0, 2 * Math.PI); ctx.fill(); }
        ctx.fillStyle = "#222"; ctx.textBaseline = "middle"; ctx.textAlign = "left";
        ctx.fillText(label, x0 + 24, y);
      });
      ctx.restore();
      return this;
    }
  }

  /** Uma estrela de cinco pontas de raio r em (x, y) (só o caminho). */
  function star(ctx, x, y, r) {
    for (let k = 0; k < 10; k++) {
      const radius = k % 2 ? r * 0.45 : r, angle = -Math.PI / 2 + k * Math.PI / 5;
      ctx[k ? "lineTo" : "moveTo"](x + radius * Math.cos(angle), y + radius * Math.sin(angle));
    }
    ctx.closePath();
  }

  function logTicks(lo, hi) {
    const out = [];
    for (let p = Math.floor(Math.log10(lo)); p <= Math.ceil(Math.log10(hi)); p++) {
      if (10 ** p >= lo * (1 - 1e-9) && 10 ** p <= hi * (1 + 1e-9)) out.push(10 ** p);
    }
    return out.length >= 2 ? out : [lo, hi];
  }

  /** "#124984" → [18, 73, 132]. */
  function rgb(hex) {
    const v = parseInt(hex.slice(1), 16);
    return [v >> 16, (v >> 8) & 255, v & 255];
  }

  /** A cor da faixa de uma probabilidade p (as 10 faixas de nn_helpers.regions), clareada com
   * `alpha` sobre o branco, como as regiões das figuras. */
  function bandColor(palette, alpha = 0.5) {
    const colors = palette.map(rgb).map((c) => c.map((v) => Math.round(255 - alpha * (255 - v))));
    return (p) => colors[Math.min(colors.length - 1, Math.max(0, Math.floor(p * colors.length)))];
  }

  global.Plot = { Plot, canvas, ticks, rgb, bandColor };
})(window);
