"""CIFAR-10: o conjunto real, do arquivo oficial ou de uma cópia em JPEG.

O CIFAR-10 (Krizhevsky, 2009) tem 60 000 imagens coloridas 32×32 de 10 classes
(50 000 de treino e 10 000 de teste). :func:`load_cifar10` usa o arquivo oficial (baixado
uma única vez, conferido pelo MD5 publicado, lido dos lotes pickle do Python) ou, sem ele,
uma cópia real do CIFAR-10 em JPEG que esteja no cache de dados (as máquinas do curso a
têm): :func:`load_cifar10_jpeg`. Sem nenhum dos dois, uma mensagem diz como obtê-los: o
módulo nunca troca as fotos por imagens geradas.
"""

import os
import pickle
import tarfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .download import REGISTRY, DataError, cache_dir, data_dir, fetch
from .validation import seed_value

__all__ = ["CLASS_NAMES", "ImageSet", "load_cifar10", "read_cifar10_tarball",
           "load_cifar10_jpeg", "read_cifar10_jpeg_zip"]


#: Os nomes das 10 classes do CIFAR-10, na ordem dos rótulos 0 a 9.
CLASS_NAMES = ("airplane", "automobile", "bird", "cat", "deer",
               "dog", "frog", "horse", "ship", "truck")


@dataclass(frozen=True)
class ImageSet:
    """Um conjunto de imagens rotuladas.

    X: (n, 32, 32, 3) uint8 (altura, largura, canais RGB, de 0 a 255);
    y: (n,) int64 com a classe (0 a 9); ``class_names`` tem os 10 nomes;
    ``description`` diz qual cópia do CIFAR-10 e qual parte (treino ou teste).
    """
    X: np.ndarray
    y: np.ndarray
    class_names: tuple
    description: str

    def __post_init__(self):
        if not (isinstance(self.X, np.ndarray) and self.X.ndim == 4
                and isinstance(self.y, np.ndarray) and self.y.shape == self.X.shape[:1]):
            raise ValueError("ImageSet: `X` deve ser um np.ndarray (n, altura, largura, canais) e "
                             f"`y` um (n,); recebi X com forma {getattr(self.X, 'shape', '?')} e "
                             f"y com forma {getattr(self.y, 'shape', '?')}.")

    def __repr__(self):
        return f"ImageSet({self.description!r}: X {self.X.shape} {self.X.dtype}, y {self.y.shape})"


# --- o CIFAR-10 real ---------------------------------------------------------------------

def _unpickle_batch(raw, member):
    try:
        batch = pickle.loads(raw, encoding="bytes")
        data, labels = batch[b"data"], batch[b"labels"]
    except Exception as exc:             # não é um pickle, ou é um pickle de outra coisa
        raise DataError(f"{member}: não é um lote do CIFAR-10 (faltam as chaves "
                        f"b'data' e b'labels').") from exc
    data = np.asarray(data, dtype=np.uint8)
    if data.ndim != 2 or data.shape[1] != 3072 or len(labels) != len(data):
        raise DataError(f"{member}: esperava dados (n, 3072) e n rótulos; veio {data.shape} "
                        f"e {len(labels)} rótulos.")
    # Cada linha guarda os 1024 pixels do vermelho, depois os do verde e os do azul:
    # (n, 3, 32, 32) → (n, 32, 32, 3), o formato "canais por último" do Keras.
    return data.reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1), np.asarray(labels, dtype=np.int64)


def read_cifar10_tarball(path):
    """Lê o arquivo ``cifar-10-python.tar.gz`` (o formato pickle oficial).

    Retorna ``(train, test)``, dois :class:`ImageSet`: o treino junta
    ``data_batch_1`` … ``data_batch_5`` (nessa ordem); o teste é ``test_batch``.
    """
    train_parts, test_part = {}, None
    try:
        with tarfile.open(_path(path, "read_cifar10_tarball"), "r:gz") as tar:
            for member in tar.getmembers():
                name = Path(member.name).name
                if member.isfile() and (name[:11] == "data_batch_" and name[11:].isdigit()
                                        or name == "test_batch"):
                    part = _unpickle_batch(tar.extractfile(member).read(), member.name)
                    if name == "test_batch":
                        test_part = part
                    else:
                        train_parts[int(name.removeprefix("data_batch_"))] = part
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        raise DataError(f"read_cifar10_tarball: {path} não é um arquivo .tar.gz legível "
                        f"({type(exc).__name__}).") from None
    if not train_parts or test_part is None:
        raise DataError(f"{path}: não encontrei os lotes data_batch_* e test_batch do CIFAR-10.")
    X_train = np.concatenate([train_parts[k][0] for k in sorted(train_parts)])
    y_train = np.concatenate([train_parts[k][1] for k in sorted(train_parts)])
    source = "CIFAR-10 (Krizhevsky, 2009)"
    return (ImageSet(X_train, y_train, CLASS_NAMES, f"{source} — treino ({len(y_train)})"),
            ImageSet(test_part[0], test_part[1], CLASS_NAMES,
                     f"{source} — teste ({len(test_part[1])})"))


OFFICIAL = "cifar10/cifar-10-python.tar.gz"     # o arquivo oficial (chave do registro)
JPEG_COPY = "cifar10/cifar10_jpeg.zip"          # a cópia em JPEG (chave do registro)
JPEG_LABEL = "CIFAR-10 (cópia em JPEG)"


def load_cifar10():
    """Carrega o CIFAR-10 real: o arquivo oficial ou, sem ele, a cópia em JPEG.

    Procura, nesta ordem:

    1. o arquivo oficial (163 MB) no cache de dados, conferido pelo MD5 publicado;
    2. a cópia em JPEG no cache de dados, conferida pelo SHA-256 (:func:`load_cifar10_jpeg`);
    3. com internet, baixa o arquivo oficial (endereço e MD5 em
       ``nn_helpers.download.ONLINE_REGISTRY``) e o guarda no cache.

    A ``description`` dos conjuntos diz qual cópia foi usada. Sem nenhuma das duas e sem
    internet, levanta :class:`~nn_helpers.download.DataError` dizendo como obter os dados:
    nunca troca as fotos por imagens geradas.

    Retorna
    -------
    (ImageSet, ImageSet)
        treino — X: (50000, 32, 32, 3) uint8, y: (50000,);
        teste — X: (10000, 32, 32, 3) uint8, y: (10000,).
    """

    if (data_dir() / OFFICIAL).exists() or not (data_dir() / JPEG_COPY).exists():
        try:
            return read_cifar10_tarball(fetch(OFFICIAL))
        except DataError as exc:
            if (data_dir() / OFFICIAL).exists():
                raise                          # o arquivo está lá, mas corrompido: já diz o que fazer
            raise DataError(
                f"{exc}\nOutra saída, sem internet: a cópia em JPEG do CIFAR-10, "
                f"cifar10_jpeg.zip (SHA-256 {REGISTRY[JPEG_COPY].sha256[:16]}…), em "
                f"{data_dir() / JPEG_COPY}; as máquinas do curso a têm em ../shared/data."
            ) from None
    return load_cifar10_jpeg()


# --- a cópia em JPEG do CIFAR-10 real ----------------------------------------------------

def read_cifar10_jpeg_zip(path, seed=0):
    """Lê a cópia em JPEG do CIFAR-10: ``…/{train,test}/{classe}/NNNN.jpg`` dentro de um zip.

    É uma recodificação pública do conjunto real: as imagens são as do CIFAR-10, mas os
    pixels diferem um pouco dos do arquivo oficial (o JPEG perde detalhes). Dentro de cada
    parte, a ordem das imagens é embaralhada com ``np.random.default_rng(seed)`` (no zip elas
    vêm agrupadas por classe), para que ``X[:n]`` já seja uma amostra com todas as classes.

    Retorna ``(train, test)``, dois :class:`ImageSet` com X: (n, 32, 32, 3) uint8 e
    a descrição "CIFAR-10 (cópia em JPEG)".
    """
    import io
    import zipfile

    from PIL import Image

    path, rng = _path(path, "read_cifar10_jpeg_zip"), np.random.default_rng(
        seed_value(seed, "read_cifar10_jpeg_zip"))
    images = {"train": [], "test": []}
    labels = {"train": [], "test": []}
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise DataError(f"{path}: não é um arquivo zip legível ({exc}).") from None
    with archive:
        for name in sorted(n for n in archive.namelist() if n.lower().endswith(".jpg")):
            *_, part, label, _file = ("", "", *Path(name).parts)
            if part not in images or label not in CLASS_NAMES:
                raise DataError(f"{path}: {name} não está em train/ ou test/ dentro de uma pasta "
                                f"com o nome de uma classe ({', '.join(CLASS_NAMES)}).")
            try:
                with Image.open(io.BytesIO(archive.read(name))) as image:
                    pixels = np.asarray(image.convert("RGB"), dtype=np.uint8)
            except (OSError, zipfile.BadZipFile, zlib.error) as exc:
                raise DataError(f"{path}: {name} não é uma imagem legível "
                                f"({type(exc).__name__}).") from None
            if pixels.shape != (32, 32, 3):
                raise DataError(f"{path}: {name} tem forma {pixels.shape}; esperava (32, 32, 3).")
            images[part].append(pixels)
            labels[part].append(CLASS_NAMES.index(label))
    if not images["train"] or not images["test"]:
        raise DataError(f"{path}: não encontrei imagens em train/ e em test/.")
    arrays = []
    for part in ("train", "test"):
        order = rng.permutation(len(labels[part]))
        arrays += [np.stack(images[part])[order],
                   np.asarray(labels[part], dtype=np.int64)[order]]
    return _jpeg_sets(*arrays)


def _jpeg_sets(X_train, y_train, X_test, y_test):
    """Os dois :class:`ImageSet` da cópia em JPEG, com a descrição que diz qual cópia é."""
    return (ImageSet(X_train, y_train, CLASS_NAMES, f"{JPEG_LABEL} — treino ({len(y_train)})"),
            ImageSet(X_test, y_test, CLASS_NAMES, f"{JPEG_LABEL} — teste ({len(y_test)})"))


def load_cifar10_jpeg():
    """Carrega a cópia em JPEG do CIFAR-10 real, do cache de dados, sem internet.

    O zip (60 000 imagens) é conferido pelo SHA-256 do registro e decodificado uma vez só
    (uns 15 s); as matrizes ficam guardadas em :func:`~nn_helpers.download.cache_dir`, e as
    chamadas seguintes levam menos de um segundo. Os resultados obtidos com ela devem dizer
    "CIFAR-10 (cópia em JPEG)": os pixels diferem um pouco dos do arquivo oficial.

    Retorna
    -------
    (ImageSet, ImageSet)
        treino — X: (50000, 32, 32, 3) uint8, y: (50000,) (5 000 por classe);
        teste — X: (10000, 32, 32, 3) uint8, y: (10000,) (1 000 por classe).
    """

    try:
        path = fetch(JPEG_COPY)
    except DataError:
        raise DataError(
            f"A cópia em JPEG do CIFAR-10 não está em {data_dir() / JPEG_COPY}.\n"
            f"Com internet, load_cifar10() baixa o arquivo oficial (163 MB) e confere o "
            f"MD5. Sem internet, copie cifar10_jpeg.zip (SHA-256 "
            f"{REGISTRY[JPEG_COPY].sha256[:16]}…) para essa pasta, ou aponte a variável "
            f"NN_HELPERS_DATA para uma pasta que tenha cifar10/cifar10_jpeg.zip."
        ) from None
    cached = cache_dir() / f"cifar10_jpeg-{REGISTRY[JPEG_COPY].sha256[:16]}.npz"
    try:
        with np.load(cached) as saved:
            return _jpeg_sets(*(saved[key] for key in ("X_train", "y_train", "X_test", "y_test")))
    except (OSError, KeyError, ValueError):
        pass                               # ainda não decodificado (ou cache estragado)
    train, test = read_cifar10_jpeg_zip(path)
    _save_atomically(cached, X_train=train.X, y_train=train.y, X_test=test.X, y_test=test.y)
    return train, test


def _path(path, where):
    """``path``, se for um caminho (str ou Path); senão, ``TypeError``."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"{where}: `path` deve ser o caminho de um arquivo (str ou Path), não "
                        f"{type(path).__name__}.")
    return path


def _save_atomically(path, **arrays):
    """Grava o ``.npz`` com outro nome e só então o renomeia: ninguém lê um arquivo pela metade."""
    import os
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".npz.tmp")
    try:
        with os.fdopen(handle, "wb") as f:
            np.savez(f, **arrays)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)   # sem onde gravar: decodifica de novo na próxima vez
