"""CIFAR-10: o arquivo oficial, a cópia em JPEG, a ordem entre eles e as mensagens sem dados."""

import io
import pickle
import tarfile
from pathlib import Path

import numpy as np
import pytest

from nn_helpers import cifar
from nn_helpers.cifar import CLASS_NAMES, load_cifar10, read_cifar10_tarball
from nn_helpers import download
from nn_helpers.download import DataError


# --- o arquivo oficial -------------------------------------------------------------------

def _batch(images, labels):
    # O formato do CIFAR-10: cada linha tem os 1024 pixels do R, depois do G, depois do B.
    data = images.transpose(0, 3, 1, 2).reshape(len(images), 3072)
    return pickle.dumps({b"batch_label": b"teste", b"labels": list(labels), b"data": data})


def _tiny_tarball(path, batches):
    with tarfile.open(path, "w:gz") as tar:
        for name, (images, labels) in batches.items():
            raw = _batch(images, labels)
            info = tarfile.TarInfo(f"cifar-10-batches-py/{name}")
            info.size = len(raw)
            tar.addfile(info, io.BytesIO(raw))
        readme = b"nao e um lote"
        info = tarfile.TarInfo("cifar-10-batches-py/readme.html")
        info.size = len(readme)
        tar.addfile(info, io.BytesIO(readme))


def _images(n, seed):
    return np.random.default_rng(seed).integers(0, 256, size=(n, 32, 32, 3), dtype=np.uint8)


def test_the_parser_reads_the_pickled_batches_in_order_and_channels_last(tmp_path):
    first, second, test = _images(3, 0), _images(2, 1), _images(4, 2)
    path = tmp_path / "cifar-10-python.tar.gz"
    # Gravados fora de ordem: o treino deve sair na ordem data_batch_1, data_batch_2.
    _tiny_tarball(path, {"test_batch": (test, [9, 8, 7, 6]), "data_batch_2": (second, [5, 6]),
                         "data_batch_1": (first, [0, 1, 2])})
    train, testing = read_cifar10_tarball(path)
    assert train.X.shape == (5, 32, 32, 3) and train.X.dtype == np.uint8
    assert np.array_equal(train.X, np.concatenate([first, second]))
    assert train.y.tolist() == [0, 1, 2, 5, 6] and testing.y.tolist() == [9, 8, 7, 6]
    assert np.array_equal(testing.X, test)
    assert "CIFAR-10" in train.description
    assert train.class_names == CLASS_NAMES


def test_the_first_pixel_row_is_red_then_green_then_blue(tmp_path):
    image = np.zeros((1, 32, 32, 3), dtype=np.uint8)
    image[0, 0, 0] = [10, 20, 30]           # o pixel do canto: R=10, G=20, B=30
    path = tmp_path / "c.tar.gz"
    _tiny_tarball(path, {"data_batch_1": (image, [3]), "test_batch": (image, [3])})
    raw = _batch(image, [3])
    data = pickle.loads(raw)[b"data"][0]
    assert (data[0], data[1024], data[2048]) == (10, 20, 30)
    assert read_cifar10_tarball(path)[0].X[0, 0, 0].tolist() == [10, 20, 30]


def test_an_archive_without_batches_is_refused(tmp_path):
    path = tmp_path / "vazio.tar.gz"
    with tarfile.open(path, "w:gz"):
        pass
    with pytest.raises(DataError, match="data_batch_"):
        read_cifar10_tarball(path)


def test_with_nothing_in_the_cache_and_no_network_the_loader_says_how_to_get_the_data(no_network, 
        tmp_path, monkeypatch):
    monkeypatch.setenv("NN_HELPERS_DATA", str(tmp_path))

    with pytest.raises(DataError) as caught:
        load_cifar10()
    message = str(caught.value)
    assert "Não consegui baixar cifar10/cifar-10-python.tar.gz" in message
    assert "cifar10_jpeg.zip" in message and str(tmp_path / "cifar10") in message
    assert "substituto" not in message and "gerad" not in message   # nunca sugere imagens falsas


def test_without_the_official_file_the_loader_reads_the_jpeg_copy_without_network(
        tmp_path, monkeypatch):
    import pooch


    _jpeg_copy_in(tmp_path, monkeypatch)

    def no_network(*args, **kwargs):
        raise AssertionError("tentou baixar, mas a cópia em JPEG está no cache")
    monkeypatch.setattr(pooch, "retrieve", no_network)
    train, test = load_cifar10()
    assert train.description.startswith("CIFAR-10 (cópia em JPEG)")
    assert train.y.tolist() == [CLASS_NAMES.index("dog")]
    assert test.y.tolist() == [CLASS_NAMES.index("frog")]
    assert download.data_dir() == tmp_path / "dados"


def test_the_official_file_in_the_cache_wins_over_the_jpeg_copy(tmp_path, monkeypatch):

    _jpeg_copy_in(tmp_path, monkeypatch)
    official = tmp_path / "dados" / cifar.OFFICIAL
    _tiny_tarball(official, {"data_batch_1": (_images(2, 0), [4, 5]),
                             "test_batch": (_images(1, 1), [6])})
    monkeypatch.setitem(download.ONLINE_REGISTRY, cifar.OFFICIAL,       # o seu SHA-256, não o MD5
                        download.DataFile(urls=(), sha256=download.digest(official), about="teste"))
    train, test = load_cifar10()
    assert train.description.startswith("CIFAR-10 (Krizhevsky, 2009)")
    assert train.y.tolist() == [4, 5] and test.y.tolist() == [6]


def test_a_corrupted_official_file_is_reported_not_replaced_by_the_copy(tmp_path, monkeypatch):
    _jpeg_copy_in(tmp_path, monkeypatch)
    official = tmp_path / "dados" / cifar.OFFICIAL
    official.write_bytes(b"um download interrompido")
    with pytest.raises(DataError, match="corrompido"):
        load_cifar10()


def test_the_download_is_checked_by_the_published_md5_into_the_cache(tmp_path, monkeypatch):
    import pooch

    monkeypatch.setenv("NN_HELPERS_DATA", str(tmp_path))
    seen = {}

    def fake_retrieve(url, known_hash, fname, path):
        seen.update(url=url, known_hash=known_hash, path=path)
        target = Path(path) / fname
        target.parent.mkdir(parents=True, exist_ok=True)
        _tiny_tarball(target, {"data_batch_1": (_images(2, 0), [1, 2]),
                               "test_batch": (_images(1, 1), [3])})
        return str(target)
    monkeypatch.setattr(pooch, "retrieve", fake_retrieve)
    train, test = load_cifar10()
    assert seen["known_hash"] == "md5:c58f30108f718f92721af3b95e74349a"
    assert seen["url"] == "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz"
    assert (tmp_path / "cifar10" / "cifar-10-python.tar.gz").is_file()   # verificado, no cache
    assert train.y.tolist() == [1, 2] and test.y.tolist() == [3]


# --- o módulo -----------------------------------------------------------------------------

def test_importing_the_module_does_not_import_keras():
    import subprocess
    import sys

    code = "import sys, nn_helpers.cifar; assert 'keras' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


# --- a cópia em JPEG do CIFAR-10 real ------------------------------------------------------

def test_the_jpeg_copy_is_the_real_cifar10_with_balanced_splits():
    train, test = cifar.load_cifar10_jpeg()
    assert train.X.shape == (50000, 32, 32, 3) and test.X.shape == (10000, 32, 32, 3)
    assert train.X.dtype == np.uint8
    assert np.bincount(train.y).tolist() == [5000] * 10
    assert np.bincount(test.y).tolist() == [1000] * 10
    assert "CIFAR-10 (cópia em JPEG)" in train.description and "teste" in test.description
    assert len(set(train.y[:50].tolist())) == 10          # embaralhado: X[:50] tem todas as classes
    assert train.X.std() > 40                              # fotos, não uma imagem lisa


def test_the_zip_is_decoded_once_and_then_read_from_the_cache(monkeypatch):
    first = cifar.load_cifar10_jpeg()                       # decodifica (ou já está no cache)

    def no_decoding(*args, **kwargs):
        raise AssertionError("decodificou o zip de novo")

    monkeypatch.setattr(cifar, "read_cifar10_jpeg_zip", no_decoding)
    again = cifar.load_cifar10_jpeg()
    assert np.array_equal(again[1].X, first[1].X) and np.array_equal(again[0].y, first[0].y)


def _tiny_jpeg_zip(path, layout):
    """Um zip no formato da cópia: ``layout`` = {"train/cat/0001.jpg": cor RGB, ...}."""
    import zipfile

    from PIL import Image

    with zipfile.ZipFile(path, "w") as archive:
        for name, color in layout.items():
            buffer = io.BytesIO()
            Image.new("RGB", (32, 32), color).save(buffer, format="JPEG", quality=95)
            archive.writestr(f"cifar10_jpeg/{name}", buffer.getvalue())
    return path


def test_the_jpeg_reader_takes_the_class_from_the_folder(tmp_path):
    layout = {"train/cat/0001.jpg": (200, 0, 0), "train/truck/0001.jpg": (0, 200, 0),
              "train/cat/0002.jpg": (200, 0, 0), "test/airplane/0001.jpg": (0, 0, 200)}
    train, test = cifar.read_cifar10_jpeg_zip(_tiny_jpeg_zip(tmp_path / "c.zip", layout))
    assert sorted(train.y.tolist()) == [CLASS_NAMES.index("cat")] * 2 + [CLASS_NAMES.index("truck")]
    assert test.y.tolist() == [CLASS_NAMES.index("airplane")] and test.X.shape == (1, 32, 32, 3)
    red = train.X[train.y == CLASS_NAMES.index("cat")]
    assert red[..., 0].mean() > 180 and red[..., 1].mean() < 30     # a cor sobrevive ao JPEG


@pytest.mark.parametrize("layout, message", [
    ({"train/gatos/0001.jpg": (0, 0, 0), "test/cat/0001.jpg": (0, 0, 0)}, "nome de uma classe"),
    ({"validacao/cat/0001.jpg": (0, 0, 0)}, "train/ ou test/"),
    ({"train/cat/0001.jpg": (0, 0, 0)}, "não encontrei imagens em train/ e em test/"),
])
def test_a_jpeg_zip_in_another_layout_is_refused_in_portuguese(tmp_path, layout, message):
    with pytest.raises(DataError, match=message):
        cifar.read_cifar10_jpeg_zip(_tiny_jpeg_zip(tmp_path / "c.zip", layout))


def test_without_the_copy_the_message_says_how_to_get_the_data(tmp_path, monkeypatch):
    monkeypatch.setenv("NN_HELPERS_DATA", str(tmp_path))
    with pytest.raises(DataError, match=r"(?s)não está em .*load_cifar10\(\).*NN_HELPERS_DATA"):
        cifar.load_cifar10_jpeg()


def _jpeg_copy_in(tmp_path, monkeypatch):
    """Uma cópia em JPEG de duas fotos (um cachorro de treino, um sapo de teste) em
    ``tmp_path/dados``, registrada pelo seu SHA-256; o cache de decodificadas em ``tmp_path/cache``.
    Devolve o SHA-256 do zip."""

    data = tmp_path / "dados"
    (data / "cifar10").mkdir(parents=True)
    zipped = _tiny_jpeg_zip(data / cifar.JPEG_COPY, {"train/dog/0001.jpg": (9, 9, 9),
                                                     "test/frog/0001.jpg": (9, 9, 9)})
    digest = download.digest(zipped)
    monkeypatch.setitem(download.REGISTRY, cifar.JPEG_COPY,
                        download.DataFile(urls=(), sha256=digest, about="um zip de teste"))
    monkeypatch.setenv("NN_HELPERS_DATA", str(data))
    monkeypatch.setenv("NN_HELPERS_CACHE", str(tmp_path / "cache"))
    return digest


def test_a_broken_cache_file_is_decoded_again(tmp_path, monkeypatch):
    digest = _jpeg_copy_in(tmp_path, monkeypatch)
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / f"cifar10_jpeg-{digest[:16]}.npz").write_bytes(b"isto nao e um npz")
    train, test = cifar.load_cifar10_jpeg()
    assert train.y.tolist() == [CLASS_NAMES.index("dog")]
    assert test.y.tolist() == [CLASS_NAMES.index("frog")]
    with np.load(cache / f"cifar10_jpeg-{digest[:16]}.npz") as saved:   # regravado, agora certo
        assert saved["y_test"].tolist() == [CLASS_NAMES.index("frog")]
