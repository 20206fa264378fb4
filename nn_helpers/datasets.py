"""Conjuntos de dados do curso, prontos para uso: ``X`` (n, d) e ``y`` (n,).

Os arquivos reais vêm de ``nn_helpers.download`` (baixados uma vez, conferidos pelo *checksum*
e guardados em cache; sem internet, a cópia verificada basta). O CIFAR-10 está em
``nn_helpers.cifar``; a preparação (one-hot, treino/teste, padronização), em
``nn_helpers.preprocessing``.
"""

import csv
import gzip
from dataclasses import dataclass, field

import numpy as np

from .download import DataError, fetch
from .validation import flag

__all__ = ["Dataset", "load_advertising", "load_toy_sales", "load_digits", "load_mnist_test",
           "load_mnist", "read_idx"]


@dataclass(frozen=True)
class Dataset:
    """Um conjunto de dados pronto para uso.

    X: (n, d) atributos; y: (n,) alvo; ``feature_names`` tem ``d`` nomes.
    """
    X: np.ndarray
    y: np.ndarray
    feature_names: tuple
    target_name: str
    description: str
    source: str = field(default="")

    def __post_init__(self):
        X, y, names = self.X, self.y, self.feature_names
        if not (isinstance(X, np.ndarray) and X.ndim == 2 and isinstance(y, np.ndarray)
                and y.shape == X.shape[:1] and isinstance(names, tuple)
                and len(names) == X.shape[1]):
            raise ValueError("Dataset: `X` deve ser um np.ndarray (n, d), `y` um (n,) e "
                             "`feature_names` uma tupla de d nomes; recebi X com forma "
                             f"{getattr(X, 'shape', '?')} e y com forma "
                             f"{getattr(y, 'shape', '?')}.")

    def __repr__(self):
        n, d = self.X.shape
        names = list(self.feature_names)
        if len(names) > 6:
            names = f"[{names[0]!r}, {names[1]!r}, …, {names[-1]!r}]"
        return f"Dataset({self.description!r}: X {n}×{d} {names}, y = {self.target_name!r})"


def load_advertising():
    """Carrega o conjunto *Advertising* do livro ISL (James, Witten, Hastie e Tibshirani).

    200 mercados; gastos com propaganda em milhares de dólares e vendas em
    milhares de unidades.

    Retorna
    -------
    Dataset
        X: (200, 3) com as colunas ``TV``, ``Radio``, ``Newspaper``;
        y: (200,) com ``Sales``.
    """
    path = fetch("islr/Advertising.csv")
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    expected = ["", "TV", "Radio", "Newspaper", "Sales"]
    if header != expected:
        raise DataError(f"{path}: cabeçalho inesperado {header}; esperado {expected}.")
    table = np.array([[float(v) for v in row[1:]] for row in body])
    return Dataset(
        X=table[:, :3], y=table[:, 3],
        feature_names=("TV", "Radio", "Newspaper"), target_name="Sales",
        description="Advertising (ISL): gastos em propaganda (mil US$) → vendas (mil unidades)",
        source="An Introduction to Statistical Learning, James, Witten, Hastie e Tibshirani",
    )


def load_toy_sales():
    """A tabela de 3 meses de Mansano, Gengo e Caridá (2022): valores ilustrativos em R$.

    Não são dados reais: servem para fazer as primeiras contas à mão.

    Retorna
    -------
    Dataset
        X: (3, 1) com o valor ``Investido``; y: (3,) com a ``Venda``.
    """
    return Dataset(
        X=np.array([[200.0], [100.0], [150.0]]),
        y=np.array([600.0, 400.0, 580.0]),
        feature_names=("Investido",), target_name="Venda",
        description="Tabela ilustrativa de 3 meses (R$), não dados reais",
        source="Mansano, Gengo e Caridá (2022), «Introdução a Redes Neurais»",
    )


def load_digits():
    """Os dígitos 8×8 do scikit-learn (vêm dentro do pacote: funcionam sem internet).

    1797 imagens de dígitos escritos à mão (UCI), cada uma com 64 pixels de 0 a 16.

    Retorna
    -------
    Dataset
        X: (1797, 64) float64 com os pixels de 0 a 16, linha a linha
        (``pixel_0_0`` … ``pixel_7_7``); y: (1797,) int com o dígito (0 a 9).
    """
    from sklearn.datasets import load_digits as sklearn_digits

    digits = sklearn_digits()
    return Dataset(
        X=digits.data, y=digits.target.astype(np.int64),
        feature_names=tuple(digits.feature_names), target_name="dígito",
        description="Dígitos 8×8 do scikit-learn (1797 imagens, pixels de 0 a 16)",
        source="scikit-learn, sklearn.datasets.load_digits (UCI Optical Recognition of "
               "Handwritten Digits)",
    )


def read_idx(path, magic):
    """Lê um arquivo IDX comprimido (o formato do MNIST): cabeçalho big-endian e bytes.

    path: o arquivo ``.gz``; magic: o número mágico esperado (2051 imagens, 2049 rótulos).
    Retorna um array uint8 com a forma do cabeçalho; um arquivo errado vira ``DataError``.
    """
    try:
        with gzip.open(path, "rb") as f:
            raw = f.read()
    except (OSError, EOFError, TypeError) as exc:       # não existe, não é gzip, não é caminho
        raise DataError(f"read_idx: não consegui ler {path!r} como um arquivo IDX comprimido "
                        f"({type(exc).__name__}).") from None
    if len(raw) < 4 or raw[3] > 4:
        raise DataError(f"{path}: curto demais ou sem o cabeçalho de um arquivo IDX.")
    got = int.from_bytes(raw[:4], "big")
    if got != magic:
        raise DataError(f"{path}: não é um arquivo IDX do tipo esperado (número mágico {got}, "
                        f"esperado {magic}: 2051 para imagens, 2049 para rótulos).")
    ndim = raw[3]
    shape = tuple(int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim))
    data = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim)
    if data.size != int(np.prod(shape)):
        raise DataError(f"{path}: o cabeçalho promete forma {shape}, mas há {data.size} bytes.")
    return data.reshape(shape)


def _mnist(X, y, scale, description, source):
    X = X.reshape(len(X), 784)
    return Dataset(
        X=X.astype(np.float32) / 255 if scale else X, y=y.astype(np.int64),
        feature_names=tuple(f"pixel_{i}_{j}" for i in range(28) for j in range(28)),
        target_name="dígito", description=description, source=source,
    )


def load_mnist_test(scale=True):
    """O conjunto de **teste** do MNIST (10 000 imagens 28×28), usado como um subconjunto.

    O MNIST completo tem 60 000 imagens de treino e 10 000 de teste; sem internet,
    só as 10 000 de teste estão disponíveis (verificadas por checksum). Um modelo
    treinado com elas deve dizer que usou esse subconjunto (e dividi-lo em
    treino e teste, por exemplo com ``preprocessing.train_test_split``).

    scale: ``True`` devolve X em float32 com os pixels em [0, 1] (divididos por
    255); ``False``, os bytes originais (uint8, de 0 a 255).

    Retorna
    -------
    Dataset
        X: (10000, 784), cada linha uma imagem 28×28 lida linha a linha;
        y: (10000,) int com o dígito (0 a 9).
    """
    scale = flag(scale, "scale", "load_mnist_test")
    images = read_idx(fetch("mnist/t10k-images-idx3-ubyte.gz"), 2051)
    labels = read_idx(fetch("mnist/t10k-labels-idx1-ubyte.gz"), 2049)
    return _mnist(images, labels, scale,
                  "MNIST — conjunto de TESTE (10 000 imagens), usado como subconjunto: "
                  "o treino completo (60 000) não está disponível offline",
                  "LeCun e Cortes, MNIST (t10k-images/labels)")


def load_mnist(scale=True):
    """O MNIST completo, do arquivo ``mnist.npz`` do Keras (precisa de internet na 1ª vez).

    scale: como em :func:`load_mnist_test`.

    Retorna
    -------
    (Dataset, Dataset)
        treino — X: (60000, 784), y: (60000,); teste — X: (10000, 784), y: (10000,).
    """
    scale = flag(scale, "scale", "load_mnist")
    try:
        path = fetch("keras/mnist.npz")
    except DataError as exc:
        raise DataError(f"{exc}\nSem internet, use load_mnist_test(): as 10 000 imagens de "
                        "teste do MNIST, verificadas e disponíveis offline, como subconjunto "
                        "(e diga que usou esse subconjunto).") from exc
    with np.load(path, allow_pickle=False) as npz:
        parts = {key: npz[key] for key in ("x_train", "y_train", "x_test", "y_test")}
    source = "LeCun e Cortes, MNIST (cópia do Keras, mnist.npz)"
    return (_mnist(parts["x_train"], parts["y_train"], scale, "MNIST — treino (60 000)", source),
            _mnist(parts["x_test"], parts["y_test"], scale, "MNIST — teste (10 000)", source))
