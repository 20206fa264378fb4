"""Uma rede neural do zero, só com numpy: camadas densas, dropout e o MLP (capítulos 6 e 7).

Cada camada tem ``forward`` (guarda no ``cache`` o que a volta vai precisar) e
``backward`` (recebe o gradiente do custo em relação à sua saída e devolve o
gradiente em relação à sua entrada), lado a lado. Formas: ``n`` amostras,
``d`` atributos, ``k`` classes. As ativações são as de ``nn_helpers.activations``; o custo,
``nn_helpers.losses.cross_entropy_and_grad``: softmax + entropia cruzada, ou sigmoide +
entropia cruzada binária, têm juntas o gradiente simples ``∂C/∂z = (P − Y)/n``.

O MLP segue a convenção do scikit-learn: ``fit`` devolve o próprio modelo, e o que o treino
registrou fica num atributo terminado em ``_`` (``history_``). Um MLP em float32 faz todas as
contas em float32 (mais rápido); em float64, todas em float64 (para conferir gradientes).
"""

import warnings

import numpy as np

from . import nn_checks as check
from .activations import ACTIVATIONS, softmax
from .book import Progress
from .doors import checked
from .losses import cross_entropy_and_grad
from .optimizers import get_optimizer

__all__ = ["init_weights", "Dense", "Dropout", "MLP"]

LAYER_ACTIVATIONS = {**ACTIVATIONS, "softmax": (softmax, None)}   # softmax: ver Dense.backward


@checked(check.weights_args)
def init_weights(n_in, n_out, activation="relu", init=None, seed=None):
    """Pesos iniciais de uma camada densa: W: (n_in, n_out), sorteados em float64.

    init: ``"he"`` — N(0, 2/n_in), o padrão para ReLU, leaky ReLU e ELU;
    ``"xavier"`` — N(0, 2/(n_in + n_out)), o padrão para as demais;
    ``"normal"`` — N(0, 0,01²). seed: int ou ``np.random.Generator``.
    """
    if init is None:
        init = "he" if activation in ("relu", "leaky_relu", "elu") else "xavier"
    std = {"he": np.sqrt(2 / n_in),
           "xavier": np.sqrt(2 / (n_in + n_out)),
           "normal": 0.01}[init]
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n_in, n_out)) * std


class Dense:
    """Camada densa (*fully connected*): ``A = f(X·W + b)``.

    n_in, n_out: tamanhos da entrada e da saída; activation: um nome de
    ``nn_helpers.activations.ACTIVATIONS`` ou ``"softmax"`` (última camada).
    init: ``"he"`` (N(0, 2/n_in), o padrão das ReLU), ``"xavier"``
    (N(0, 2/(n_in + n_out)), o padrão das demais) ou ``"normal"`` (N(0, 0,01²)).
    seed: int ou ``np.random.Generator``. Parâmetros: W: (n_in, n_out), b: (n_out,).
    """

    @checked(check.dense_args)
    def __init__(self, n_in, n_out, activation="relu", seed=None, dtype=np.float32,
                 init=None):
        self.W = init_weights(n_in, n_out, activation, init, seed).astype(dtype)
        self.b = np.zeros(n_out, dtype=dtype)
        self.dW, self.db = np.zeros_like(self.W), np.zeros_like(self.b)
        self.activation = activation
        self.f, self.f_grad = LAYER_ACTIVATIONS[activation]
        self.cache = None

    @property
    def params(self):
        """[W, b] — os próprios arrays (o otimizador os altera no lugar)."""
        return [self.W, self.b]

    @property
    def grads(self):
        """[dW, db] da última chamada a ``backward``."""
        return [self.dW, self.db]

    @checked(check.forward_args)
    def forward(self, X, training=False):
        """X: (n, n_in) → A: (n, n_out). Guarda (X, Z, A) para a volta."""
        Z = X @ self.W
        Z += self.b
        A = self.f(Z)
        self.cache = (X, Z, A)
        return A

    @checked(check.backward_args)
    def backward(self, dA, input_grad=True):
        """dA: (n, n_out) = ∂C/∂A → ∂C/∂X: (n, n_in).

        Guarda dW: (n_in, n_out) e db: (n_out,). Regra da cadeia:
        ``∂C/∂Z = ∂C/∂A ⊙ f'(Z)``; na softmax, cuja saída depende da linha toda,
        ``∂C/∂Z = A ⊙ (∂C/∂A − Σ_j (∂C/∂A)_j·A_j)``.
        """
        _, Z, A = self.cache
        if self.activation == "softmax":
            dZ = A * (dA - (dA * A).sum(axis=1, keepdims=True))
        else:
            dZ = dA * self.f_grad(Z)
        return self.backward_z(dZ, input_grad)

    @checked(check.backward_z_args)
    def backward_z(self, dZ, input_grad=True):
        """A parte linear da volta: dZ: (n, n_out) = ∂C/∂Z → ∂C/∂X: (n, n_in).

        ``dW = Xᵀ·dZ``, ``db = Σ_linhas dZ``, ``dX = dZ·Wᵀ``. Com
        ``input_grad=False`` (a primeira camada: ninguém usa ∂C/∂X) devolve ``None``.
        """
        X = self.cache[0]
        np.matmul(X.T, dZ, out=self.dW)
        np.sum(dZ, axis=0, out=self.db)
        return dZ @ self.W.T if input_grad else None

    def __repr__(self):
        return f"Dense({self.W.shape[0]}, {self.W.shape[1]}, activation={self.activation!r})"


class Dropout:
    """Dropout invertido: no treino, zera cada unidade com probabilidade ``rate`` e
    multiplica as restantes por ``1/(1 − rate)`` (a média não muda); na inferência,
    não faz nada.

    rate: em [0, 1); seed: int ou ``np.random.Generator``.
    """

    @checked(check.dropout_args)
    def __init__(self, rate, seed=None):
        self.rate = rate
        self.rng = np.random.default_rng(seed)
        self.mask = None
        self.params, self.grads = [], []

    @checked(check.dropout_forward_args)
    def forward(self, X, training=False):
        """X: (n, m) → (n, m). Sorteia uma máscara nova a cada chamada de treino."""
        if not training or self.rate == 0:
            self.mask = None
            return X
        keep = self.rng.random(X.shape, dtype=X.dtype) >= self.rate
        self.mask = keep * X.dtype.type(1 / (1 - self.rate))
        return X * self.mask

    @checked(check.dropout_backward_args)
    def backward(self, dA, input_grad=True):
        """dA: (n, m) → ∂C/∂X: (n, m) — as unidades zeradas não recebem gradiente."""
        return dA if self.mask is None else dA * self.mask

    def __repr__(self):
        return f"Dropout({self.rate})"


class MLP:
    """Perceptron multicamadas (*multilayer perceptron*) para classificação.

    layer_sizes: ``[d, h1, ..., k]`` — atributos, camadas escondidas, saída.
    activation: ativação das camadas escondidas. output: ``"softmax"`` (k ≥ 2
    classes, entropia cruzada) ou ``"sigmoid"`` (k = 1, duas classes, entropia
    cruzada binária). dropout: taxa de dropout depois de cada camada escondida.
    seed: pesos iniciais, máscaras de dropout e embaralhamento. dtype: float32 ou float64.
    Depois de ``fit``: ``history_``, o que cada época registrou.
    """

    @checked(check.mlp_args)
    def __init__(self, layer_sizes, activation="relu", output="softmax", dropout=0.0,
                 seed=0, dtype=np.float32, init=None):
        self.dtype, self.output = np.dtype(dtype), output
        self.rng = np.random.default_rng(seed)
        # As máscaras do dropout têm o seu próprio gerador: ligar o dropout não muda a ordem
        # dos mini-lotes nem a inicialização dos pesos (comparações justas com e sem dropout).
        masks = np.random.SeedSequence(seed if isinstance(seed, (int, np.integer)) else None)
        self.layers, sizes = [], layer_sizes
        for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
            last = i == len(sizes) - 2
            self.layers.append(Dense(n_in, n_out, output if last else activation,
                                     seed=self.rng, dtype=self.dtype, init=init))
            if dropout and not last:
                self.layers.append(Dropout(dropout, seed=np.random.default_rng(masks.spawn(1)[0])))
        self.history_ = None

    @property
    def params(self):
        """Todos os parâmetros, em ordem: [W1, b1, W2, b2, ...]."""
        return [p for layer in self.layers for p in layer.params]

    @property
    def grads(self):
        """Os gradientes da última retropropagação, na ordem de ``params``."""
        return [g for layer in self.layers for g in layer.grads]

    # ---------- as contas: ida, custo e volta ----------

    @checked(check.forward_args)
    def forward(self, X, training=False):
        """X: (n, d) → P: (n, k) probabilidades, camada por camada."""
        for layer in self.layers:
            X = layer.forward(X, training)
        return X

    @checked(check.mlp_backward_args)
    def backward(self, dZ):
        """Retropropagação a partir de dZ: (n, k) = ∂C/∂z da última camada."""
        grad = self.layers[-1].backward_z(dZ, input_grad=len(self.layers) > 1)
        for i in range(len(self.layers) - 2, -1, -1):
            grad = self.layers[i].backward(grad, input_grad=i > 0)

    @checked(check.loss_args)
    def loss_and_gradients(self, X, y, training=False):
        """Uma ida e uma volta em X: (n, d), y: (n,) rótulos: ``(custo, grads)``, na ordem de
        ``params``. Os arrays de ``grads`` são reaproveitados na próxima volta: copie-os."""
        loss, dZ = cross_entropy_and_grad(self.forward(X, training), self._targets(y))
        self.backward(dZ)
        return loss, self.grads

    def _targets(self, labels):
        """Rótulos (n,) → alvos Y como a saída: (n, k) one-hot ou (n, 1) de 0/1."""
        if self.output == "sigmoid":
            return labels[:, None].astype(self.dtype)
        return np.eye(self.layers[-1].W.shape[1], dtype=self.dtype)[labels]

    def _labels(self, P):
        """Probabilidades → classe prevista (n,)."""
        return (P[:, 0] >= 0.5).astype(np.int64) if self.output == "sigmoid" else P.argmax(axis=1)

    # ---------- a interface do scikit-learn ----------

    @checked(check.fit_args)
    def fit(self, X, y, epochs=10, batch_size=32, lr=None, optimizer="sgd",
            validation_data=None, verbose=True, seed=None):
        """Treina por ``epochs`` épocas de mini-lotes embaralhados; devolve o próprio modelo.

        X: (n, d); y: (n,) rótulos inteiros ou (n, k) one-hot. optimizer: ``"sgd"``,
        ``"momentum"``, ``"rmsprop"``, ``"adam"`` ou um objeto de
        ``nn_helpers.optimizers`` (lr=None: a taxa padrão do otimizador).
        validation_data: ``(X_val, y_val)``, avaliado ao fim de cada época.
        seed: semente do embaralhamento (None: a do modelo). verbose: uma linha de
        progresso (no Jupyter, atualizada no lugar). O histórico fica em ``history_``: listas
        por época ``loss``, ``accuracy`` (médias nos lotes do treino) e, com validação,
        ``val_loss``, ``val_accuracy``.
        """
        opt = get_optimizer(optimizer, lr)
        rng = self.rng if seed is None else np.random.default_rng(seed)
        Y = self._targets(y)
        self.history_ = {"loss": [], "accuracy": []} | (
            {"val_loss": [], "val_accuracy": []} if validation_data is not None else {})
        progress = Progress(verbose, epochs)
        for epoch in range(1, epochs + 1):
            results = self.train_epoch(X, Y, y, batch_size, opt, rng)
            if validation_data is not None:
                results += self.evaluate(*validation_data)
            for key, value in zip(self.history_, results):
                self.history_[key].append(value)
            progress.update(epoch, self.history_)
            if not np.isfinite(results[0]):
                warnings.warn(f"MLP.fit: o custo virou {results[0]} na época {epoch}: o treino "
                              "divergiu e foi interrompido. Tente uma taxa de aprendizado menor.",
                              RuntimeWarning, stacklevel=2)
                break
        return self

    @checked(check.train_epoch_args)
    @np.errstate(over="ignore", invalid="ignore")   # se divergir, `fit` avisa uma vez
    def train_epoch(self, X, Y, labels, batch_size, opt, rng):
        """Uma época de mini-lotes embaralhados (o laço de treino de ``fit``).

        X: (n, d); Y: (n, k) alvos; labels: (n,) classes; opt: um otimizador.
        Retorna ``(custo médio, acurácia)`` nos lotes da época.
        """
        params, n = self.params, len(X)
        order = rng.permutation(n)
        total_loss, hits = 0.0, 0
        for start in range(0, n, batch_size):
            idx = order[start:start + batch_size]
            P = self.forward(X[idx], training=True)
            loss, dZ = cross_entropy_and_grad(P, Y[idx])
            self.backward(dZ)
            opt.step(params, self.grads)
            total_loss += loss * len(idx)
            hits += int((self._labels(P) == labels[idx]).sum())
        return total_loss / n, hits / n

    @checked(check.inputs_args)
    def predict_proba(self, X):
        """X: (n, d) → probabilidades: (n, k) com softmax; (n, 1) = P(classe 1) com sigmoide."""
        return self.forward(X)

    @checked(check.inputs_args)
    def predict(self, X):
        """X: (n, d) → classes previstas: (n,) inteiros."""
        return self._labels(self.forward(X))

    @checked(check.data_args)
    def evaluate(self, X, y):
        """Custo (entropia cruzada média) e acurácia em X: (n, d), y: (n,) rótulos:
        ``(loss, accuracy)``."""
        P = self.forward(X)
        loss = cross_entropy_and_grad(P, self._targets(y))[0]
        return loss, float(np.mean(self._labels(P) == y))

    def __repr__(self):
        return "MLP([" + ", ".join(map(repr, self.layers)) + f"], dtype={self.dtype.name})"
