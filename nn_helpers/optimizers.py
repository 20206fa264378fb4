"""Otimizadores (*optimizers*): como cada passo do gradiente descendente atualiza os pesos.

Todos têm o mesmo uso: ``opt.step(params, grads)`` recebe os parâmetros (uma
lista ou um dicionário de arrays numpy) e os gradientes correspondentes (mesma
estrutura, mesmas formas) e **atualiza os parâmetros no lugar**. Quem guarda
memória entre passos (velocidade, médias dos quadrados) guarda um array por
parâmetro, identificado pela posição na lista (ou pela chave do dicionário):
passe sempre os parâmetros na mesma ordem.

Notação: ``η`` é a taxa de aprendizado (*learning rate*, o argumento ``lr``) e ``g = ∂C/∂w``.

* ``SGD``      — ``w ← w − η·g`` (gradiente descendente; estocástico quando ``g``
  vem de um mini-lote);
* ``SGDWithL2`` — o SGD com penalidade L2 (*weight decay*): ``g ← g + λ·W`` nas matrizes;
* ``Momentum`` — ``v ← β·v − η·g``;  ``w ← w + v`` (a forma do Keras e do cs231n);
* ``RMSProp``  — ``s ← β·s + (1 − β)·g²``;  ``w ← w − η·g / (√s + ε)``;
* ``Adam``     — momento e RMSProp juntos, com correção de viés (Kingma e Ba, 2015).

As contas preservam o tipo dos parâmetros (float32 continua float32).
"""

import numpy as np

__all__ = ["Optimizer", "SGD", "SGDWithL2", "Momentum", "RMSProp", "Adam", "get_optimizer"]


def _positive(value, name, where):
    if not (isinstance(value, (int, float, np.floating, np.integer)) and value > 0):
        raise ValueError(f"{where}: `{name}` deve ser um número positivo, recebi {value!r}.")
    return float(value)


def _fraction(value, name, where):
    if not (isinstance(value, (int, float, np.floating, np.integer)) and 0 <= value < 1):
        raise ValueError(f"{where}: `{name}` deve estar em [0, 1), recebi {value!r}.")
    return float(value)


class Optimizer:
    """Base comum: percorre os pares (parâmetro, gradiente) e chama ``update`` em cada um."""

    def __init__(self, lr):
        self.lr = _positive(lr, "lr", type(self).__name__)
        self.state = {}          # memória por parâmetro: chave → arrays
        self.t = 0               # quantos passos já foram dados

    def step(self, params, grads):
        """Um passo de atualização, no lugar.

        params: lista (ou dict) de arrays; grads: a mesma estrutura, mesmas formas.
        """
        where = f"{type(self).__name__}.step"
        if isinstance(params, dict):
            if not isinstance(grads, dict) or set(grads) != set(params):
                raise ValueError(f"{where}: `grads` deve ter as mesmas chaves de `params` "
                                 f"({sorted(params)}).")
            pairs = [(k, params[k], grads[k]) for k in params]
        else:
            if len(params) != len(grads):
                raise ValueError(f"{where}: recebi {len(params)} parâmetro(s) e {len(grads)} "
                                 "gradiente(s); deve haver um gradiente por parâmetro.")
            pairs = list(zip(range(len(params)), params, grads))
        for key, p, g in pairs:
            if not isinstance(p, np.ndarray) or p.shape != np.shape(g):
                raise ValueError(f"{where}: o parâmetro {key!r} deve ser um np.ndarray com a "
                                 f"forma do seu gradiente {np.shape(g)}.")
        self.t += 1
        for key, p, g in pairs:
            self.update(key, p, g)

    def update(self, key, p, g):  # pragma: no cover - cada otimizador define a sua
        raise NotImplementedError

    def _zeros(self, key, p, n):
        """Os ``n`` arrays de memória do parâmetro ``key`` (zeros no primeiro passo)."""
        if key not in self.state:
            self.state[key] = [np.zeros_like(p) for _ in range(n)]
        return self.state[key]

    def __repr__(self):
        return f"{type(self).__name__}(lr={self.lr:g})"


class SGD(Optimizer):
    """Gradiente descendente: ``w ← w − η·g``."""

    def __init__(self, lr=0.01):
        super().__init__(lr)

    def update(self, key, p, g):
        p -= self.lr * g


class SGDWithL2(SGD):
    """SGD com penalidade L2 nas matrizes de pesos W (não nos vieses b): g ← g + λ·W."""

    def __init__(self, lr=0.01, lam=1e-3):
        super().__init__(lr)
        self.lam = lam

    def update(self, key, p, g):
        if p.ndim == 2:                 # W: (n_in, n_out); b: (n_out,) fica de fora
            g = g + self.lam * p
        super().update(key, p, g)


class Momentum(Optimizer):
    """Gradiente descendente com momento (*momentum*).

    ``v ← β·v − η·g``  e  ``w ← w + v``: ``v`` é uma velocidade que acumula os
    gradientes passados (média móvel com peso ``β``), atravessando vales estreitos
    mais depressa e amortecendo o zigue-zague.
    """

    def __init__(self, lr=0.01, beta=0.9):
        super().__init__(lr)
        self.beta = _fraction(beta, "beta", "Momentum")

    def update(self, key, p, g):
        (v,) = self._zeros(key, p, 1)
        v *= self.beta
        v -= self.lr * g
        p += v


class RMSProp(Optimizer):
    """RMSProp: divide o passo pela raiz da média móvel de ``g²``.

    ``s ← β·s + (1 − β)·g²``  e  ``w ← w − η·g / (√s + ε)``: cada peso ganha a sua
    própria escala de passo (grande onde o gradiente é pequeno, e vice-versa).
    """

    def __init__(self, lr=0.001, beta=0.9, eps=1e-7):
        super().__init__(lr)
        self.beta = _fraction(beta, "beta", "RMSProp")
        self.eps = _positive(eps, "eps", "RMSProp")

    def update(self, key, p, g):
        s, tmp = self._zeros(key, p, 2)      # tmp: rascunho reaproveitado a cada passo
        s *= self.beta
        s += (1 - self.beta) * np.square(g, out=tmp)       # s ← β·s + (1 − β)·g²
        np.sqrt(s, out=tmp)
        tmp += self.eps                                    # √s + ε
        np.divide(g, tmp, out=tmp)
        tmp *= self.lr
        p -= tmp                                           # w ← w − η·g / (√s + ε)


class Adam(Optimizer):
    """Adam (*adaptive moment estimation*): momento + RMSProp, com correção de viés.

    ``m ← β1·m + (1 − β1)·g``,  ``v ← β2·v + (1 − β2)·g²``,
    ``m̂ = m / (1 − β1ᵗ)``,  ``v̂ = v / (1 − β2ᵗ)``  e  ``w ← w − η·m̂ / (√v̂ + ε)``.

    ``t`` conta os passos a partir de 1; a correção compensa ``m`` e ``v``
    começarem em zero. As contas usam um rascunho ``tmp`` em vez de arrays
    temporários novos: com pesos grandes, alocar memória a cada passo custaria
    mais que as próprias contas.
    """

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__(lr)
        self.beta1 = _fraction(beta1, "beta1", "Adam")
        self.beta2 = _fraction(beta2, "beta2", "Adam")
        self.eps = _positive(eps, "eps", "Adam")

    def update(self, key, p, g):
        m, v, tmp = self._zeros(key, p, 3)
        m *= self.beta1
        m += (1 - self.beta1) * g                          # m ← β1·m + (1 − β1)·g
        v *= self.beta2
        v += (1 - self.beta2) * np.square(g, out=tmp)      # v ← β2·v + (1 − β2)·g²
        np.divide(v, 1 - self.beta2 ** self.t, out=tmp)    # v̂
        np.sqrt(tmp, out=tmp)
        tmp += self.eps                                    # √v̂ + ε
        np.divide(m, tmp, out=tmp)
        tmp *= self.lr / (1 - self.beta1 ** self.t)        # η·m̂ / (√v̂ + ε)
        p -= tmp


_BY_NAME = {"sgd": SGD, "momentum": Momentum, "rmsprop": RMSProp, "adam": Adam}


def get_optimizer(optimizer, lr=None):
    """Um otimizador a partir do nome (``"sgd"``, ``"momentum"``, ``"rmsprop"``, ``"adam"``).

    ``lr=None`` usa a taxa de aprendizado padrão de cada um. Um objeto
    ``Optimizer`` passa direto (então ``lr`` deve ficar ``None``: a taxa já está nele).
    """
    if isinstance(optimizer, Optimizer):
        if lr is not None:
            raise ValueError("get_optimizer: o otimizador já tem a sua taxa de aprendizado "
                             f"({optimizer!r}); não passe `lr` junto.")
        return optimizer
    if not isinstance(optimizer, str) or optimizer.lower() not in _BY_NAME:
        raise ValueError(f"get_optimizer: otimizador desconhecido {optimizer!r}; use um de "
                         f"{', '.join(_BY_NAME)} ou um objeto como Adam(lr=0.001).")
    cls = _BY_NAME[optimizer.lower()]
    return cls() if lr is None else cls(lr)
