/* As contas dos exploradores do livro, em JavaScript puro e em float64: as mesmas do nn_helpers.
 *
 * Cada função aqui tem a sua gêmea em Python, e tests/test_explorers_js.py confere as duas
 * (até 1e-9): br/brShort ↔ nn_helpers.book, mse e gradientDescent ↔ nn_helpers.linear,
 * perceptronPredict ↔ nn_helpers.perceptron, features ↔ nn_helpers.toy_data, MLP (ida, custo,
 * volta e um passo de SGD com L2) ↔ nn_helpers.nn.MLP e nn_helpers.optimizers.SGDWithL2.
 *
 * Matrizes são Float64Array em ordem de linhas: X (n, d) guarda X[i][j] em X[i * d + j], como o
 * numpy. Nada aqui desenha nem toca na página: explorers.js e playground.js fazem isso.
 */
(function (global) {
  "use strict";

  // --- Números no estilo brasileiro (nn_helpers.book) -----------------------------------------

  // O Python arredonda empates exatos (0,125 → "0,12") para o par; o toFixed do JavaScript, para
  // cima. As duas contas partem do valor exato do float: com 30 dígitos a mais, um empate é "5000…".
  function pythonRound(rounded, exact, extra) {
    const tail = exact.replace(/e.*$/, "").slice(-extra);
    if (!/^50*$/.test(tail)) return rounded;
    const kept = exact.replace(/e.*$/, "").slice(0, -extra).replace(/\.$/, "");
    const lastDigit = Number(kept[kept.length - 1]);
    if (lastDigit % 2 === 1) return rounded;                 // ímpar: sobe, como o toFixed
    return kept + (exact.includes("e") ? exact.replace(/^[^e]*/, "") : "");
  }

  function fixed(value, decimals) {
    const size = Math.abs(value);
    if (size >= 1e21) {                                    // um inteiro exato; toFixed viraria "1e+21"
      return (value < 0 ? "-" : "") + BigInt(size).toString() + (decimals ? "." + "0".repeat(decimals) : "");
    }
    const exact = size.toFixed(Math.min(100, decimals + 30));
    const text = pythonRound(size.toFixed(decimals), exact, Math.min(100, decimals + 30) - decimals);
    return (value < 0 || Object.is(value, -0) ? "-" : "") + text;
  }

  /** br(7533.333) → "7533,33" (como nn_helpers.book.br). */
  function br(value, decimals = 2) {
    if (!Number.isFinite(value)) return Number.isNaN(value) ? "nan" : (value < 0 ? "-inf" : "inf");
    return fixed(value, decimals).replace(".", ",");
  }

  const SUPERSCRIPT = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹" };

  /** brSci(4.831e39, 2) → "4,83·10³⁹" (como nn_helpers.book.br_sci). */
  function brSci(value, decimals = 1) {
    if (value === 0 || !Number.isFinite(value)) return value === 0 ? "0" : br(value, decimals);
    const size = Math.abs(value), extra = Math.min(100, decimals + 30) - decimals;
    const text = pythonRound(size.toExponential(decimals), size.toExponential(decimals + extra), extra);
    const [mantissa, exponent] = text.split("e");
    const power = String(Number(exponent)).split("").map((c) => SUPERSCRIPT[c]).join("");
    return (value < 0 ? "-" : "") + mantissa.replace(".", ",") + "·10" + power;
  }

  /** Um número curto para títulos e textos, com `digits` algarismos (nn_helpers.book.br_short). */
  function brShort(value, digits = 3) {
    if (!Number.isFinite(value)) return Number.isNaN(value) ? "NaN" : (value < 0 ? "−infinito" : "infinito");
    const size = Math.abs(value);
    let text;
    if (size === 0) text = "0";
    else if (size >= 1e-3 && size < 1e6) text = br(value, Math.max(0, digits - 1 - Math.floor(Math.log10(size))));
    else text = brSci(value, digits - 1);
    let [mantissa, power] = text.split("·");
    if (mantissa.includes(",")) mantissa = mantissa.replace(/0+$/, "").replace(/,$/, "");
    return (mantissa + (power === undefined ? "" : "·" + power)).replace(/-/g, "−");
  }

  /** Troca cada {nome} do texto pelo valor (os textos vêm de nn_helpers/explorers.json). */
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
  }

  // --- Sorteios com semente (os do numpy não existem aqui; a semente só repete o sorteio) ------

  function random(seed) {
    let state = (seed >>> 0) || 0x9e3779b9;
    const uniform = function () {                          // mulberry32: [0, 1)
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    uniform.normal = function () {                         // Box–Muller: N(0, 1)
      return Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
    };
    uniform.permutation = function (n) {                   // Fisher–Yates
      const order = Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(uniform() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      return order;
    };
    return uniform;
  }

  // --- Regressão linear (nn_helpers.losses.mse e nn_helpers.linear.gradient_descent) ----------

  /** MSE = (1/n)·Σ (y − ŷ)². */
  function mse(y, yHat) {
    let total = 0;
    for (let i = 0; i < y.length; i++) total += (y[i] - yHat[i]) ** 2;
    return total / y.length;
  }

  /** O MSE da reta ŷ = c0·x + b. */
  function lineMse(x, y, c0, b) {
    return mse(y, x.map((xi) => c0 * xi + b));
  }

  /** Gradiente descendente em lote no MSE de ŷ = c0·x + b (um atributo). Como o Python, para
   * quando o MSE deixa de ser finito. Retorna {c, b, loss}: o caminho, com o início. */
  function gradientDescent(x, y, lr, epochs, c0, b) {
    const n = y.length;
    const history = { c: [c0], b: [b], loss: [lineMse(x, y, c0, b)] };
    for (let epoch = 0; epoch < epochs; epoch++) {
      let gradC = 0, gradB = 0;
      for (let i = 0; i < n; i++) {
        const residual = y[i] - (x[i] * c0 + b);
        gradC += x[i] * residual;
        gradB += residual;
      }
      c0 -= lr * (-2 / n * gradC);
      b -= lr * (-2 / n * gradB);
      const loss = lineMse(x, y, c0, b);
      history.c.push(c0); history.b.push(b); history.loss.push(loss);
      if (!Number.isFinite(loss)) break;
    }
    return history;
  }

  // --- O perceptron (nn_helpers.perceptron) ----------------------------------------------------

  /** ŷ = degrau(x·w + b), com degrau(z) = 1 se z ≥ 0. x: [x1, x2]; w: [w1, w2]. */
  function perceptronPredict(x, w, b) {
    return x[0] * w[0] + x[1] * w[1] + b >= 0 ? 1 : 0;
  }

  // --- Os atributos de entrada do playground (nn_helpers.toy_data.FEATURES) --------------------

  const FEATURES = {
    "x1": (a) => a, "x2": (a, b) => b, "x1^2": (a) => a * a, "x2^2": (a, b) => b * b,
    "x1*x2": (a, b) => a * b, "sin(x1)": (a) => Math.sin(a), "sin(x2)": (a, b) => Math.sin(b),
  };

  /** Pontos P: (n, 2) → (n, k), as colunas `names` (toy_data.features). */
  function features(P, names) {
    const n = P.length / 2, k = names.length, out = new Float64Array(n * k);
    const columns = names.map((name) => FEATURES[name]);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < k; j++) out[i * k + j] = columns[j](P[2 * i], P[2 * i + 1]);
    }
    return out;
  }

  // --- Ativações e derivadas (nn_helpers.activations) ------------------------------------------

  const ACTIVATIONS = {
    sigmoid: [(z) => { const e = Math.exp(-Math.abs(z)); return z >= 0 ? 1 / (1 + e) : e / (1 + e); },
      (z) => { const e = Math.exp(-Math.abs(z)); const s = z >= 0 ? 1 / (1 + e) : e / (1 + e); return s * (1 - s); }],
    tanh: [Math.tanh, (z) => { const t = Math.tanh(z); return 1 - t * t; }],
    relu: [(z) => (z > 0 ? z : 0), (z) => (z > 0 ? 1 : 0)],
    leaky_relu: [(z) => (z > 0 ? z : 0.01 * z), (z) => (z > 0 ? 1 : 0.01)],
    elu: [(z) => (z > 0 ? z : Math.expm1(Math.min(z, 0))), (z) => (z > 0 ? 1 : Math.exp(Math.min(z, 0)))],
    linear: [(z) => z, () => 1],
  };
  const HE = new Set(["relu", "leaky_relu", "elu"]);       // init "he"; as outras, "xavier"

  // --- O MLP (nn_helpers.nn.MLP com saída sigmoide e SGDWithL2) ----------------------------------

  /** sizes: [d, h1, ..., 1]; activation: a das camadas escondidas; a saída é uma sigmoide. */
  class MLP {
    constructor(sizes, activation, seed = 0) {
      this.sizes = sizes.slice();
      this.activation = activation;
      this.layers = [];
      const rng = random(seed);
      for (let l = 0; l + 1 < sizes.length; l++) {
        const nIn = sizes[l], nOut = sizes[l + 1];
        const act = l + 2 === sizes.length ? "sigmoid" : activation;
        const std = HE.has(act) ? Math.sqrt(2 / nIn) : Math.sqrt(2 / (nIn + nOut));
        const W = new Float64Array(nIn * nOut).map(() => rng.normal() * std);
        this.layers.push({ nIn, nOut, act, W, b: new Float64Array(nOut),
          dW: new Float64Array(nIn * nOut), db: new Float64Array(nOut) });
      }
    }

    /** Os pesos em listas [[W1 (n_in, n_out) em linhas], b1, ...]: a ordem de MLP.params. */
    getWeights() {
      return this.layers.flatMap((L) => [Array.from({ length: L.nIn }, (_, i) =>
        Array.from(L.W.subarray(i * L.nOut, (i + 1) * L.nOut))), Array.from(L.b)]);
    }

    setWeights(params) {
      this.layers.forEach((L, l) => {
        L.W.set(params[2 * l].flat());
        L.b.set(params[2 * l + 1]);
      });
      return this;
    }

    /** Os arrays de trabalho de cada camada para n linhas (Z, A e ∂C/∂Z), feitos uma vez para cada n
     * e reaproveitados: uma época de mini-lotes não cria arrays novos a cada lote. */
    workspace(n) {
      this.spaces = this.spaces || new Map();
      if (!this.spaces.has(n)) {
        this.spaces.set(n, this.layers.map((L) => ({ Z: new Float64Array(n * L.nOut),
          A: new Float64Array(n * L.nOut), dZ: new Float64Array(n * L.nOut) })));
      }
      return this.spaces.get(n);
    }

    /** X: (n, d) → P: (n, 1) probabilidades da classe 1; guarda Z e A de cada camada. P é um array
     * de trabalho: a próxima chamada com o mesmo n o reescreve (copie-o para guardar). */
    forward(X, n) {
      const space = this.workspace(n);
      let A = X;
      this.cache = [];
      for (const [l, L] of this.layers.entries()) {
        const { Z, A: out } = space[l];
        const f = ACTIVATIONS[L.act][0];
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < L.nOut; j++) {
            let z = L.b[j];
            for (let k = 0; k < L.nIn; k++) z += A[i * L.nIn + k] * L.W[k * L.nOut + j];
            Z[i * L.nOut + j] = z;
            out[i * L.nOut + j] = f(z);
          }
        }
        this.cache.push({ input: A, Z });
        A = out;
      }
      return A;
    }

    /** Entropia cruzada binária média de P contra y (0/1), com ln de no mínimo 1e-12. */
    static loss(P, y, n) {
      let total = 0;
      for (let i = 0; i < n; i++) {
        total -= y[i] * Math.log(Math.max(P[i], 1e-12)) + (1 - y[i]) * Math.log(Math.max(1 - P[i], 1e-12));
      }
      return total / n;
    }

    /** Uma ida e uma volta: o custo e os gradientes dW, db de cada camada (∂C/∂z = (P − y)/n). */
    lossAndGradients(X, y, n) {
      const P = this.forward(X, n), space = this.workspace(n);
      const loss = MLP.loss(P, y, n);
      let dZ = space[this.layers.length - 1].dZ;
      for (let i = 0; i < n; i++) dZ[i] = (P[i] - y[i]) / n;
      for (let l = this.layers.length - 1; l >= 0; l--) {
        const L = this.layers[l], { input } = this.cache[l];
        L.dW.fill(0); L.db.fill(0);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < L.nOut; j++) {
            const g = dZ[i * L.nOut + j];
            L.db[j] += g;
            for (let k = 0; k < L.nIn; k++) L.dW[k * L.nOut + j] += input[i * L.nIn + k] * g;
          }
        }
        if (l === 0) break;
        const below = this.layers[l - 1], Zb = this.cache[l - 1].Z, grad = ACTIVATIONS[below.act][1];
        const dA = space[l - 1].dZ;                      // ∂C/∂Z da camada de baixo: (n, nIn)
        for (let i = 0; i < n; i++) {
          for (let k = 0; k < L.nIn; k++) {
            let s = 0;
            for (let j = 0; j < L.nOut; j++) s += dZ[i * L.nOut + j] * L.W[k * L.nOut + j];
            dA[i * L.nIn + k] = s * grad(Zb[i * L.nIn + k]);
          }
        }
        dZ = dA;
      }
      return { loss, P };
    }

    /** Um passo de SGD com L2 nas matrizes W (não nos vieses): W ← W − η·(dW + λ·W). */
    step(lr, l2) {
      for (const L of this.layers) {
        for (let i = 0; i < L.W.length; i++) L.W[i] -= lr * (L.dW[i] + l2 * L.W[i]);
        for (let j = 0; j < L.b.length; j++) L.b[j] -= lr * L.db[j];
      }
    }

    /** Uma época de mini-lotes na ordem `order` (embaralhada por quem chama).
     * Retorna {loss, accuracy}, médias nos lotes, como MLP.train_epoch. */
    trainEpoch(X, y, d, batchSize, lr, l2, order) {
      const n = order.length, batches = new Map();
      let total = 0, hits = 0;
      for (let start = 0; start < n; start += batchSize) {
        const m = Math.min(batchSize, n - start);
        if (!batches.has(m)) batches.set(m, [new Float64Array(m * d), new Float64Array(m)]);
        const [Xb, yb] = batches.get(m);
        for (let i = 0; i < m; i++) {
          const row = order[start + i];
          for (let k = 0; k < d; k++) Xb[i * d + k] = X[row * d + k];
          yb[i] = y[row];
        }
        const { loss, P } = this.lossAndGradients(Xb, yb, m);
        this.step(lr, l2);
        total += loss * m;
        for (let i = 0; i < m; i++) hits += (P[i] >= 0.5 ? 1 : 0) === yb[i] ? 1 : 0;
      }
      return { loss: total / n, accuracy: hits / n };
    }

    /** Custo e acurácia em X: (n, d), y: (n,), sem mexer nos pesos. */
    evaluate(X, y, n) {
      const P = this.forward(X, n);
      let hits = 0;
      for (let i = 0; i < n; i++) hits += (P[i] >= 0.5 ? 1 : 0) === y[i] ? 1 : 0;
      return { loss: MLP.loss(P, y, n), accuracy: hits / n };
    }
  }

  global.NN = { br, brSci, brShort, fill, random, mse, lineMse, gradientDescent, perceptronPredict,
    FEATURES, features, ACTIVATIONS, MLP };
})(typeof window === "undefined" ? globalThis : window);
