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
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

__all__ = ["Dataset", "DataError", "REGISTRY", "data_dir", "fetch",
           "load_advertising", "load_toy_sales"]

ENV_VAR = "NN_HELPERS_DATA"


class DataError(RuntimeError):
    """Um arquivo de dados faltando, corrompido ou impossível de baixar."""


@dataclass(frozen=True)
class DataFile:
    """Um arquivo do registro: onde baixá-lo e o SHA-256 que ele deve ter."""
    urls: tuple
    sha256: str
    about: str


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
        return (f"Dataset({self.description!r}: X {n}×{d} "
                f"{list(self.feature_names)}, y = {self.target_name!r})")


def data_dir():
    """Pasta do cache de dados (``NN_HELPERS_DATA`` ou o cache do usuário)."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import pooch  # importado só aqui: quem não baixa nada não precisa dele
    return Path(pooch.os_cache("nn_helpers"))


def _sha256(path):
    digest = hashlib.sha256()
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
    if name not in REGISTRY:
        raise DataError(
            f"Não conheço o arquivo de dados {name!r}. Os disponíveis são: "
            f"{', '.join(sorted(REGISTRY))}."
        )
    entry = REGISTRY[name]
    path = data_dir() / name
    if path.exists():
        got = _sha256(path)
        if got != entry.sha256:
            raise DataError(
                f"O arquivo {path} está corrompido ou não é o esperado "
                f"(SHA-256 {got[:12]}…, esperado {entry.sha256[:12]}…). "
                f"Apague-o e rode de novo para baixá-lo outra vez."
            )
        return path
    return _download(name, entry, path)


def _download(name, entry, path):
    import pooch

    errors = []
    for url in entry.urls:
        try:
            got = pooch.retrieve(url, known_hash=f"sha256:{entry.sha256}",
                                 fname=path.name, path=path.parent)
            return Path(got)
        except Exception as exc:  # rede, disco ou checksum: tentamos o próximo endereço
            errors.append(f"{url}: {type(exc).__name__}: {exc}")
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
    """A tabela de 3 meses do deck 000 (valores ilustrativos em R$, não dados reais).

    Retorna
    -------
    Dataset
        X: (3, 1) com o valor ``Investido``; y: (3,) com a ``Venda``.
    """
    return Dataset(
        X=np.array([[200.0], [100.0], [150.0]]),
        y=np.array([600.0, 400.0, 580.0]),
        feature_names=("Investido",), target_name="Venda",
        description="Tabela ilustrativa de 3 meses do deck 000 (R$)",
        source="deck 000, «Aprendizado do modelo»",
    )
