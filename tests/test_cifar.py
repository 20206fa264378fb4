"""CIFAR-10: o leitor do formato oficial, a mensagem sem internet e o substituto gerado."""

import io
import pickle
import tarfile
from pathlib import Path

import numpy as np
import pytest

from nn_helpers import cifar
from nn_helpers.cifar import CLASS_NAMES, load_cifar10, make_cifar10_standin, read_cifar10_tarball
from nn_helpers.datasets import DataError


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
    assert not train.standin and "CIFAR-10" in train.description
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


def test_offline_the_loader_says_to_use_the_standin(tmp_path, monkeypatch):
    import pooch

    monkeypatch.setenv("NN_HELPERS_DATA", str(tmp_path))

    def no_network(*args, **kwargs):
        raise ConnectionError("sem rede")
    monkeypatch.setattr(pooch, "retrieve", no_network)
    with pytest.raises(DataError, match="(?s)Não consegui baixar cifar10.*make_cifar10_standin"
                                        ".*NÃO é o CIFAR-10"):
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


# --- o substituto gerado -----------------------------------------------------------------

def test_the_standin_has_the_cifar_shapes_and_names():
    train, test = make_cifar10_standin(n_train=50, n_test=20, seed=0)
    assert train.X.shape == (50, 32, 32, 3) and test.X.shape == (20, 32, 32, 3)
    assert train.X.dtype == np.uint8 and train.y.dtype == np.int64
    assert train.class_names == CLASS_NAMES and len(CLASS_NAMES) == 10
    assert np.bincount(train.y).tolist() == [5] * 10          # classes equilibradas
    assert train.X.min() >= 0 and train.X.max() <= 255 and train.X.std() > 10


def test_the_standin_says_loudly_that_it_is_not_cifar10():
    for part in make_cifar10_standin(n_train=10, n_test=10):
        assert part.standin
        assert "substituto gerado, NÃO é o CIFAR-10" in part.description
        assert "substituto gerado" in repr(part)


def test_the_standin_is_determined_by_the_seed():
    a, b, c = (make_cifar10_standin(30, 10, seed=s)[0] for s in (3, 3, 4))
    assert np.array_equal(a.X, b.X) and np.array_equal(a.y, b.y)
    assert not np.array_equal(a.X, c.X)


def test_the_standin_is_learnable_but_not_by_averaging_pixels():
    from sklearn.linear_model import LogisticRegression
    from sklearn.neighbors import NearestCentroid

    train, test = make_cifar10_standin(n_train=600, n_test=300, seed=0)
    X_train = train.X.reshape(len(train.X), -1) / 255
    X_test = test.X.reshape(len(test.X), -1) / 255
    centroid = NearestCentroid().fit(X_train, train.y).score(X_test, test.y)
    assert 0.13 < centroid < 0.5                      # acima do acaso (0,1), longe de perfeito
    # A classe é a inclinação das listras: a energia do espectro por direção a revela.
    spectrum = np.abs(np.fft.fft2(train.X.mean(axis=3), axes=(1, 2)))
    spectrum_test = np.abs(np.fft.fft2(test.X.mean(axis=3), axes=(1, 2)))
    model = LogisticRegression(max_iter=300).fit(spectrum.reshape(600, -1) / 1e4, train.y)
    assert model.score(spectrum_test.reshape(300, -1) / 1e4, test.y) > 0.6


@pytest.mark.parametrize("bad", [0, -5, 2.5])
def test_bad_sizes_are_refused_in_portuguese(bad):
    with pytest.raises(ValueError, match="deve ser um inteiro ≥ 1"):
        make_cifar10_standin(n_train=bad)


def test_importing_the_module_does_not_import_keras():
    import subprocess
    import sys

    code = "import sys, nn_helpers.cifar; assert 'keras' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
