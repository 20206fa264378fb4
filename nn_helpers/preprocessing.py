"""Preparar os dados para o treino: rótulos em *one-hot*, a divisão treino/teste e a
padronização das colunas (os três passos que o scikit-learn faz com ``OneHotEncoder``,
``train_test_split`` e ``StandardScaler``).
"""

import numbers

import numpy as np

from .validation import as_array, class_labels, flag, same_length, samples, seed_value, whole_number

__all__ = ["one_hot", "train_test_split", "standardize"]

_MAX_CLASSES = 100_000      # um one-hot mais largo que isso é engano (e não cabe na memória)


def one_hot(labels, n_classes=None):
    """Codificação *one-hot*: o rótulo ``j`` vira um vetor de zeros com 1 na posição ``j``.

    labels: (n,) inteiros de 0 a ``n_classes − 1``; n_classes: None usa ``max + 1``.
    Retorna uma matriz (n, n_classes) float64.
    """
    k = None if n_classes is None else whole_number(n_classes, "n_classes", "one_hot", minimum=1)
    if (k or 0) > _MAX_CLASSES:
        raise ValueError(f"one_hot: `n_classes` = {k} é demais (no máximo {_MAX_CLASSES}).")
    y = class_labels(labels, "labels", "one_hot", k or _MAX_CLASSES)
    k = k or (int(y.max()) + 1 if y.size else 0)
    Y = np.zeros((len(y), k))
    Y[np.arange(len(y)), y] = 1
    return Y


def train_test_split(X, y, test_size=0.2, seed=0, stratify=True):
    """Separa (X, y) em treino e teste, embaralhando com a semente ``seed``.

    X: (n, ...) qualquer array com uma amostra por linha (o tipo é mantido);
    y: (n,). test_size: fração em (0, 1) que vai para o teste. stratify: se
    ``True``, separa cada classe de ``y`` na mesma proporção (a fração
    arredondada de cada classe vai para o teste), mantendo o equilíbrio das classes.

    Retorna ``(X_train, X_test, y_train, y_test)`` (a ordem do scikit-learn).
    """
    X, y = samples(X, "X", "train_test_split"), samples(y, "y", "train_test_split")
    if y.ndim != 1:
        raise ValueError(f"train_test_split: `y` deve ser um vetor (n,), recebi forma {y.shape}.")
    same_length(X, y, "X", "y", "train_test_split")
    if isinstance(test_size, (bool, np.bool_)) or not isinstance(test_size, numbers.Real) \
            or not 0 < test_size < 1:
        raise ValueError(f"train_test_split: `test_size` deve ser uma fração entre 0 e 1, "
                         f"recebi {test_size!r}.")
    rng = np.random.default_rng(seed_value(seed, "train_test_split"))
    stratify = flag(stratify, "stratify", "train_test_split")
    groups = [np.flatnonzero(y == c) for c in np.unique(y)] if stratify else [np.arange(len(y))]
    test = []
    for members in groups:
        members = rng.permutation(members)
        test.append(members[:int(round(test_size * len(members)))])
    test = rng.permutation(np.concatenate(test))
    train = rng.permutation(np.setdiff1d(np.arange(len(y)), test))
    if len(test) == 0 or len(train) == 0:
        raise ValueError(f"train_test_split: com {len(y)} amostras e test_size={test_size}, "
                         "o treino ou o teste ficaria vazio.")
    return X[train], X[test], y[train], y[test]


def standardize(X_train, X_test):
    """Padroniza cada coluna com a média e o desvio-padrão do **treino**: ``(X − μ) / σ``.

    X_train: (n, d); X_test: (m, d). O teste usa os μ e σ do treino (senão a
    informação do teste vazaria para o modelo). Colunas constantes no treino
    (σ = 0, como os pixels sempre brancos da borda) ficam só centradas.
    Retorna ``(X_train_std, X_test_std)``, em float32 se X_train é float32, senão float64.
    """
    train = as_array(X_train, "X_train", "standardize", ndim=2)
    dtype = np.float32 if np.asarray(X_train).dtype == np.float32 else np.float64
    X_train, X_test = train, as_array(X_test, "X_test", "standardize", ndim=2)
    if X_train.shape[1] != X_test.shape[1]:
        raise ValueError(f"standardize: `X_train` tem {X_train.shape[1]} colunas e `X_test` "
                         f"tem {X_test.shape[1]}; devem ser as mesmas.")
    if not len(X_train):
        raise ValueError("standardize: `X_train` está vazio: a média e o desvio-padrão do treino "
                         "precisam de pelo menos uma amostra.")
    with np.errstate(over="ignore", invalid="ignore"):
        mean, std = X_train.mean(axis=0), X_train.std(axis=0)
        std[std == 0] = 1
        out = ((X_train - mean) / std).astype(dtype), ((X_test - mean) / std).astype(dtype)
    if not all(np.isfinite(part).all() for part in (mean, std, *out)):
        raise ValueError("standardize: a conta estourou (NaN ou infinito no resultado): os "
                         "valores de `X_train` ou `X_test` são grandes demais; divida-os antes.")
    return out
