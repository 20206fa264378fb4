"""MNIST (o teste de 10k offline, o npz completo do Keras), dígitos 8×8 e os utilitários
one_hot, train_test_split e standardize."""

import gzip

import numpy as np
import pytest

from nn_helpers import datasets, download
from nn_helpers.datasets import load_digits, load_mnist, load_mnist_test
from nn_helpers.download import DataError, DataFile
from nn_helpers.preprocessing import one_hot, standardize, train_test_split

# /work/shared/data/README.md: rótulos do t10k por classe
MNIST_TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]


def test_mnist_test_set_has_the_published_shape_and_class_counts():
    data = load_mnist_test()
    assert data.X.shape == (10000, 784) and data.y.shape == (10000,)
    assert np.bincount(data.y).tolist() == MNIST_TEST_COUNTS
    assert data.X.dtype == np.float32 and data.X.min() == 0 and data.X.max() == 1


def test_mnist_test_set_says_it_is_the_10k_test_subset():
    description = load_mnist_test().description
    assert "TESTE" in description and "10 000" in description and "subconjunto" in description


def test_unscaled_mnist_keeps_the_original_bytes():
    raw, scaled = load_mnist_test(scale=False), load_mnist_test()
    assert raw.X.dtype == np.uint8 and raw.X.max() == 255
    assert np.array_equal(raw.X / np.float32(255), scaled.X)
    assert raw.X[0].reshape(28, 28)[:4].sum() == 0          # a borda de cima é branca (zero)


def test_idx_files_are_parsed_and_a_wrong_magic_number_is_named(tmp_path):
    labels = tmp_path / "labels.gz"          # um IDX de rótulos minúsculo: magic 2049, n = 3
    with gzip.open(labels, "wb") as f:
        f.write((2049).to_bytes(4, "big") + (3).to_bytes(4, "big") + bytes([7, 0, 9]))
    assert datasets.read_idx(labels, 2049).tolist() == [7, 0, 9]
    with pytest.raises(DataError, match="número mágico 2049, esperado 2051"):
        datasets.read_idx(labels, 2051)


def test_the_full_mnist_is_registered_with_keras_checksum():
    entry = download.ONLINE_REGISTRY["keras/mnist.npz"]
    assert entry.sha256 == "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"
    assert entry.urls == ("https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz",)


def test_full_mnist_offline_points_to_the_test_subset(no_network, tmp_path, monkeypatch):
    monkeypatch.setenv("NN_HELPERS_DATA", str(tmp_path))

    with pytest.raises(DataError, match="(?s)Não consegui baixar keras/mnist.npz.*load_mnist_test"):
        load_mnist()


def test_full_mnist_loader_reads_a_keras_style_npz(tmp_path, monkeypatch):
    # substituto pequeno, gerado aqui (não é o MNIST): 6 "imagens" de treino, 4 de teste
    rng = np.random.default_rng(0)
    stand_in = tmp_path / "keras" / "mnist.npz"
    stand_in.parent.mkdir()
    np.savez(stand_in, x_train=rng.integers(0, 256, (6, 28, 28), dtype=np.uint8),
             y_train=np.arange(6, dtype=np.uint8), x_test=np.zeros((4, 28, 28), np.uint8),
             y_test=np.arange(4, dtype=np.uint8))
    monkeypatch.setenv("NN_HELPERS_DATA", str(tmp_path))
    monkeypatch.setitem(download.ONLINE_REGISTRY, "keras/mnist.npz",
                        DataFile(urls=(), sha256=download.digest(stand_in), about="substituto"))
    train, test = load_mnist()
    assert train.X.shape == (6, 784) and test.X.shape == (4, 784)
    assert train.y.tolist() == list(range(6)) and train.X.dtype == np.float32
    assert train.X.max() <= 1 and load_mnist(scale=False)[0].X.dtype == np.uint8


def test_digits_come_from_scikit_learn_offline():
    digits = load_digits()
    assert digits.X.shape == (1797, 64) and digits.y.shape == (1797,)
    assert digits.X.max() == 16 and sorted(set(digits.y.tolist())) == list(range(10))
    assert "8×8" in digits.description


def test_one_hot_puts_a_single_one_in_the_label_column():
    assert one_hot([2, 0, 1]).tolist() == [[0, 0, 1], [1, 0, 0], [0, 1, 0]]
    assert one_hot([1], n_classes=4).tolist() == [[0, 1, 0, 0]]


@pytest.mark.parametrize("labels, n_classes, bad", [([0, 3], 3, "labels\\[1\\] = 3"),
                                                    ([0, -1], None, "labels\\[1\\] = -1"),
                                                    ([0.5, 1], None, "labels\\[0\\] = 0.5")])
def test_one_hot_names_the_bad_label(labels, n_classes, bad):
    with pytest.raises(ValueError, match=f"inteiros de 0 a .*{bad}"):
        one_hot(labels, n_classes)


def test_stratified_split_keeps_the_class_proportions():
    data = load_mnist_test(scale=False)
    X_train, X_test, y_train, y_test = train_test_split(data.X, data.y, test_size=0.2, seed=0)
    assert len(X_train) + len(X_test) == 10000 and X_train.dtype == np.uint8
    expected = [round(0.2 * c) for c in MNIST_TEST_COUNTS]
    assert np.bincount(y_test).tolist() == expected
    # nenhuma amostra repetida ou perdida: as linhas de treino e teste juntas são as originais
    rows = np.concatenate([X_train, X_test]).astype(np.int64) @ np.arange(784)
    assert sorted(rows.tolist()) == sorted((data.X.astype(np.int64) @ np.arange(784)).tolist())


def test_split_is_reproducible_and_depends_on_the_seed():
    X, y = np.arange(100).reshape(50, 2), np.arange(50) % 2
    a, b, c = (train_test_split(X, y, seed=s) for s in (1, 1, 2))
    assert all(np.array_equal(u, v) for u, v in zip(a, b))
    assert not np.array_equal(a[1], c[1])
    assert len(train_test_split(X, y, test_size=0.3, stratify=False)[1]) == 15


def test_split_refuses_mismatched_lengths_and_bad_fractions():
    with pytest.raises(ValueError, match="mesmo número de amostras"):
        train_test_split(np.zeros((5, 2)), np.zeros(4))
    with pytest.raises(ValueError, match="fração entre 0 e 1"):
        train_test_split(np.zeros((5, 2)), np.zeros(5), test_size=20)


def test_standardize_uses_the_training_statistics_only():
    rng = np.random.default_rng(0)
    X_train, X_test = rng.normal(5, 3, (200, 3)), rng.normal(5, 3, (50, 3))
    X_train[:, 2] = 7.0                                  # coluna constante: fica só centrada
    train_std, test_std = standardize(X_train, X_test)
    assert np.allclose(train_std[:, :2].mean(axis=0), 0)
    assert np.allclose(train_std[:, :2].std(axis=0), 1)
    assert np.allclose(train_std[:, 2], 0)
    mean, std = X_train[:, 0].mean(), X_train[:, 0].std()
    assert np.allclose(test_std[:, 0], (X_test[:, 0] - mean) / std)
    assert standardize(X_train.astype(np.float32), X_test)[0].dtype == np.float32


def test_standardize_refuses_different_columns():
    with pytest.raises(ValueError, match="devem ser as mesmas"):
        standardize(np.zeros((3, 2)), np.zeros((3, 4)))
