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

from .doors import checked
from .validation import number_between, numbers, positive

__all__ = ["Optimizer", "SGD", "SGDWithL2", "Momentum", "RMSProp", "Adam", "get_optimizer"]


# --- As conferências (doors.checked) ------------------------------------------------------

def _rates(where, self, lr, **others):
    """``lr`` e ``eps`` positivos; ``lam`` ≥ 0; os β em [0, 1)."""
    checked_others = [positive(v, k, where) if k == "eps" else number_between(v, k, where, 0)
                      if k == "lam" else number_between(v, k, where, 0, 1, below_high=True)
                      for k, v in others.items()]
    return (self, positive(lr, "lr", where), *checked_others)


def _step_args(where, self, params, grads):
    """``params`` e ``grads``: duas listas (ou dois dicts) de arrays de floats finitos, com as
    formas combinando; cada parâmetro, um np.ndarray de floats alterável (muda no lugar)."""
    if isinstance(params, dict) and isinstance(grads, dict) and set(grads) == set(params):
        keys = list(params)
    elif isinstance(params, (list, tuple)) and isinstance(grads, (list, tuple)) \
            and len(params) == len(grads):
        keys = range(len(params))
    else:
        raise ValueError(f"{where}: `params` e `grads` devem ser duas listas de arrays do mesmo "
                         "tamanho (um gradiente por parâmetro) ou dois dicts com as mesmas "
                         f"chaves; recebi {type(params).__name__} e {type(grads).__name__}.")
    grads = {k: numbers(grads[k], f"grads[{k!r}]", where) for k in keys}
    for k in keys:
        p, g = params[k], grads[k]
        if not (isinstance(p, np.ndarray) and p.dtype.kind == "f" and p.flags.writeable) \
                or p.shape != g.shape or (k in self.state and self.state[k][0].shape != p.shape):
            raise ValueError(f"{where}: o parâmetro {k!r} deve ser um np.ndarray de floats, "
                             f"alterável, com a forma do seu gradiente {g.shape} (a mesma a "
                             "cada passo).")
        numbers(p, f"params[{k!r}]", where)         # recusa NaN e infinito, com a posição
    return self, params, grads if isinstance(params, dict) else [grads[k] for k in keys]


# --- Os otimizadores -----------------------------------------------------------------------

class Optimizer:
    """Base comum: percorre os pares (parâmetro, gradiente) e chama ``update`` em cada um."""

    @checked(_rates)
    def __init__(self, lr):
        self.lr = lr
        self.state = {}          # memória por parâmetro: chave → arrays
        self.t = 0               # quantos passos já foram dados

    @checked(_step_args)
    def step(self, params, grads):
        """Um passo de atualização, no lugar.

        params: lista (ou dict) de arrays; grads: a mesma estrutura, mesmas formas.
        """
        self.t += 1
        keys = params.keys() if isinstance(params, dict) else range(len(params))
        for key in keys:
            self.update(key, params[key], grads[key])

    def update(self, key, p, g):  # pragma: no cover - cada otimizador define a sua
        raise NotImplementedError(f"{type(self).__name__}: um otimizador define `update`.")

    def _zeros(self, key, p, n):
        """Os ``n`` arrays de memória do parâmetro ``key`` (zeros no primeiro passo)."""
        if key not in self.state:
            self.state[key] = [np.zeros_like(p) for _ in range(n)]
        return self.state[key]

    def __repr__(self):
        return f"{type(self).__name__}(lr={self.lr:g})"


class SGD(Optimizer):
    """Gradiente descendente: ``w ← w − η·g``."""

    @checked(_rates)
    def __init__(self, lr=0.01):
        super().__init__(lr)

    def update(self, key, p, g):
        p -= self.lr * g


class SGDWithL2(SGD):
    """SGD com penalidade L2 nas matrizes de pesos W (não nos vieses b): g ← g + λ·W."""

    @checked(_rates)
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

    @checked(_rates)
    def __init__(self, lr=0.01, beta=0.9):
        super().__init__(lr)
        self.beta = beta

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

    @checked(_rates)
    def __init__(self, lr=0.001, beta=0.9, eps=1e-7):
        super().__init__(lr)
        self.beta, self.eps = beta, eps

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

    @checked(_rates)
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__(lr)
        self.beta1, self.beta2, self.eps = beta1, beta2, eps

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
