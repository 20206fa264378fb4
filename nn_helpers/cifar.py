"""CIFAR-10: o carregador do conjunto real e um substituto gerado para usar sem internet.

O CIFAR-10 (Krizhevsky, 2009) tem 60 000 imagens coloridas 32×32 de 10 classes
(50 000 de treino e 10 000 de teste). :func:`load_cifar10` baixa o arquivo
oficial uma única vez, confere o MD5 publicado e lê os lotes (*batches*) do
formato pickle do Python.

Sem internet, :func:`load_cifar10_jpeg` lê uma cópia real do CIFAR-10 em JPEG, se ela
estiver no cache de dados (as máquinas do curso a têm). Para testes que precisam de poucas
imagens existe
:func:`make_cifar10_standin`: um conjunto **gerado** com a mesma forma
(imagens 32×32×3 uint8, 10 classes, os mesmos nomes de classe), que uma rede
convolucional aprende bem. Ele NÃO é o CIFAR-10, e diz isso em todo lugar
(``standin=True`` e na ``description``): resultados obtidos com ele não dizem
nada sobre o desempenho no CIFAR-10 real.
"""

import pickle
import tarfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .datasets import DataError, fetch

__all__ = ["CLASS_NAMES", "ImageSet", "load_cifar10", "read_cifar10_tarball",
           "load_cifar10_jpeg", "read_cifar10_jpeg_zip", "make_cifar10_standin"]


#: Os nomes das 10 classes do CIFAR-10, na ordem dos rótulos 0 a 9.
CLASS_NAMES = ("airplane", "automobile", "bird", "cat", "deer",
               "dog", "frog", "horse", "ship", "truck")

STANDIN_LABEL = "substituto gerado, NÃO é o CIFAR-10"


@dataclass(frozen=True)
class ImageSet:
    """Um conjunto de imagens rotuladas.

    X: (n, 32, 32, 3) uint8 (altura, largura, canais RGB, de 0 a 255);
    y: (n,) int64 com a classe (0 a 9); ``class_names`` tem os 10 nomes.
    ``standin`` é ``True`` quando as imagens são geradas (não são o CIFAR-10).
    """
    X: np.ndarray
    y: np.ndarray
    class_names: tuple
    description: str
    standin: bool

    def __repr__(self):
        return f"ImageSet({self.description!r}: X {self.X.shape} {self.X.dtype}, y {self.y.shape})"


# --- o CIFAR-10 real ---------------------------------------------------------------------

def _unpickle_batch(raw, member):
    batch = pickle.loads(raw, encoding="bytes")
    try:
        data, labels = batch[b"data"], batch[b"labels"]
    except (KeyError, TypeError) as exc:
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
    with tarfile.open(path, "r:gz") as tar:
        for member in tar.getmembers():
            name = Path(member.name).name
            if name.startswith("data_batch_") or name == "test_batch":
                part = _unpickle_batch(tar.extractfile(member).read(), member.name)
                if name == "test_batch":
                    test_part = part
                else:
                    train_parts[int(name.removeprefix("data_batch_"))] = part
    if not train_parts or test_part is None:
        raise DataError(f"{path}: não encontrei os lotes data_batch_* e test_batch do CIFAR-10.")
    X_train = np.concatenate([train_parts[k][0] for k in sorted(train_parts)])
    y_train = np.concatenate([train_parts[k][1] for k in sorted(train_parts)])
    source = "CIFAR-10 (Krizhevsky, 2009)"
    return (ImageSet(X_train, y_train, CLASS_NAMES, f"{source} — treino ({len(y_train)})", False),
            ImageSet(test_part[0], test_part[1], CLASS_NAMES,
                     f"{source} — teste ({len(test_part[1])})", False))


def load_cifar10():
    """Baixa (só na 1ª vez) e carrega o CIFAR-10 real.

    O arquivo oficial (163 MB; endereço e MD5 publicado em
    ``nn_helpers.datasets.ONLINE_REGISTRY``) é conferido e guardado no cache de dados. Sem internet, levanta
    :class:`~nn_helpers.datasets.DataError` explicando como usar o substituto.

    Retorna
    -------
    (ImageSet, ImageSet)
        treino — X: (50000, 32, 32, 3) uint8, y: (50000,);
        teste — X: (10000, 32, 32, 3) uint8, y: (10000,).
    """
    try:
        path = fetch("cifar10/cifar-10-python.tar.gz")
    except DataError as exc:
        raise DataError(
            f"{exc}\nPara seguir sem o CIFAR-10, use o substituto gerado, make_cifar10_standin(), "
            f"que tem a mesma forma (imagens 32×32×3, 10 classes) mas NÃO é o CIFAR-10 — e diga, "
            f"em todo resultado, que usou o substituto."
        ) from None
    return read_cifar10_tarball(path)


# --- a cópia em JPEG do CIFAR-10 real ----------------------------------------------------

JPEG_COPY = "cifar10/cifar10_jpeg.zip"
JPEG_LABEL = "CIFAR-10 (cópia em JPEG)"


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

    images = {"train": [], "test": []}
    labels = {"train": [], "test": []}
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise DataError(f"{path}: não é um arquivo zip legível ({exc}).") from None
    with archive:
        for name in sorted(n for n in archive.namelist() if n.lower().endswith(".jpg")):
            *_, part, label, _file = Path(name).parts
            if part not in images or label not in CLASS_NAMES:
                raise DataError(f"{path}: {name} não está em train/ ou test/ dentro de uma pasta "
                                f"com o nome de uma classe ({', '.join(CLASS_NAMES)}).")
            with Image.open(io.BytesIO(archive.read(name))) as image:
                pixels = np.asarray(image.convert("RGB"), dtype=np.uint8)
            if pixels.shape != (32, 32, 3):
                raise DataError(f"{path}: {name} tem forma {pixels.shape}; esperava (32, 32, 3).")
            images[part].append(pixels)
            labels[part].append(CLASS_NAMES.index(label))
    if not images["train"] or not images["test"]:
        raise DataError(f"{path}: não encontrei imagens em train/ e em test/.")
    rng = np.random.default_rng(seed)
    arrays = []
    for part in ("train", "test"):
        order = rng.permutation(len(labels[part]))
        arrays += [np.stack(images[part])[order],
                   np.asarray(labels[part], dtype=np.int64)[order]]
    return _jpeg_sets(*arrays)


def _jpeg_sets(X_train, y_train, X_test, y_test):
    """Os dois :class:`ImageSet` da cópia em JPEG, com a descrição que diz qual cópia é."""
    return (ImageSet(X_train, y_train, CLASS_NAMES, f"{JPEG_LABEL} — treino ({len(y_train)})",
                     False),
            ImageSet(X_test, y_test, CLASS_NAMES, f"{JPEG_LABEL} — teste ({len(y_test)})", False))


def load_cifar10_jpeg():
    """Carrega a cópia em JPEG do CIFAR-10 real, do cache de dados, sem internet.

    O zip (60 000 imagens) é conferido pelo SHA-256 do registro e decodificado uma vez só
    (uns 7 s); as matrizes ficam guardadas em :func:`~nn_helpers.datasets.cache_dir`, e as
    chamadas seguintes levam menos de um segundo. Os resultados obtidos com ela devem dizer
    "CIFAR-10 (cópia em JPEG)": os pixels diferem um pouco dos do arquivo oficial.

    Retorna
    -------
    (ImageSet, ImageSet)
        treino — X: (50000, 32, 32, 3) uint8, y: (50000,) (5 000 por classe);
        teste — X: (10000, 32, 32, 3) uint8, y: (10000,) (1 000 por classe).
    """
    from .datasets import REGISTRY, cache_dir, data_dir

    try:
        path = fetch(JPEG_COPY)
    except DataError:
        raise DataError(
            f"A cópia em JPEG do CIFAR-10 não está em {data_dir() / JPEG_COPY}.\n"
            f"Com internet, use load_cifar10(): ele baixa o arquivo oficial (163 MB) e confere o "
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


# --- o substituto gerado -----------------------------------------------------------------

def _standin_images(y, rng):
    """Imagens de listras: a classe ``k`` tem listras com inclinação de k·18 graus.

    A fase, a frequência, as cores e o ruído são sorteados por imagem; só a
    inclinação (e um leve tom de cor por classe) identifica a classe. Como a
    fase é aleatória, a média das imagens de uma classe é quase lisa: um
    modelo que olha pixel por pixel aprende pouco, e um filtro convolucional
    que detecta bordas inclinadas aprende bem.
    """
    n = len(y)
    rows, cols = np.mgrid[0:32, 0:32].astype(np.float64)
    angle = np.deg2rad(18.0 * y + rng.uniform(-3, 3, size=n))
    freq = rng.uniform(0.5, 0.8, size=n)                  # radianos por pixel
    phase = rng.uniform(0, 2 * np.pi, size=n)
    proj = (np.cos(angle)[:, None, None] * cols + np.sin(angle)[:, None, None] * rows)
    pattern = np.sin(freq[:, None, None] * proj + phase[:, None, None])      # (n, 32, 32)
    # Duas cores por imagem (as listras alternam entre elas), com um leve tom da classe.
    tint = np.stack([np.cos(2 * np.pi * np.arange(10) / 10 + s) for s in (0, 2.1, 4.2)], axis=1)
    base = rng.uniform(0.25, 0.75, size=(n, 3)) + 0.08 * tint[y]
    contrast = rng.uniform(0.2, 0.35, size=(n, 3)) * rng.choice([-1, 1], size=(n, 1))
    images = base[:, None, None, :] + contrast[:, None, None, :] * pattern[..., None]
    images = images + rng.normal(0, 0.06, size=images.shape)
    return np.clip(np.round(255 * images), 0, 255).astype(np.uint8)


def make_cifar10_standin(n_train=2000, n_test=500, seed=0):
    """Um substituto GERADO do CIFAR-10 (NÃO é o CIFAR-10), para usar sem internet.

    Mesma forma do CIFAR-10 — imagens 32×32 RGB uint8, 10 classes com os nomes
    do CIFAR-10 —, mas as imagens são listras coloridas com ruído: a classe
    ``k`` é a inclinação das listras (k·18 graus). Os nomes das classes são só
    rótulos (a classe ``"cat"`` não tem gato nenhum). As classes vêm
    equilibradas e embaralhadas.

    n_train, n_test: números de imagens (≥ 1); seed: semente do sorteio.

    Retorna
    -------
    (ImageSet, ImageSet)
        treino — X: (n_train, 32, 32, 3) uint8, y: (n_train,);
        teste — X: (n_test, 32, 32, 3) uint8, y: (n_test,). Os dois com
        ``standin=True`` e a descrição "substituto gerado, NÃO é o CIFAR-10".
    """
    for name, value in (("n_train", n_train), ("n_test", n_test)):
        if not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"make_cifar10_standin: `{name}` deve ser um inteiro ≥ 1, "
                             f"recebi {value!r}.")
    rng = np.random.default_rng(seed)
    sets = []
    for part, n in (("treino", n_train), ("teste", n_test)):
        y = rng.permutation(np.arange(n) % 10).astype(np.int64)
        sets.append(ImageSet(_standin_images(y, rng), y, CLASS_NAMES,
                             f"CIFAR-10 {STANDIN_LABEL} — {part} ({n} imagens de listras)",
                             True))
    return tuple(sets)
