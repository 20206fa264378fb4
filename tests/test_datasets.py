"""Dados: checksum, cache e mensagens claras quando algo falta ou está corrompido."""

import shutil
from pathlib import Path

import numpy as np
import pytest

from nn_helpers import download
from nn_helpers.datasets import load_advertising, load_toy_sales
from nn_helpers.download import DataError, fetch


def test_advertising_has_the_published_shape_and_columns():
    data = load_advertising()
    assert data.X.shape == (200, 3) and data.y.shape == (200,)
    assert data.feature_names == ("TV", "Radio", "Newspaper") and data.target_name == "Sales"
    assert data.X[0].tolist() == [230.1, 37.8, 69.2] and data.y[0] == 22.1
    assert "Advertising" in repr(data)


def test_toy_table_is_the_one_in_deck_000_and_says_so():
    toy = load_toy_sales()
    assert toy.X[:, 0].tolist() == [200, 100, 150] and toy.y.tolist() == [600, 400, 580]
    assert "ilustrativa" in toy.description


def test_every_registry_entry_is_a_verified_file_in_the_shared_cache():
    for name in download.REGISTRY:
        assert fetch(name).is_file()


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NN_HELPERS_DATA", str(tmp_path))
    return tmp_path


def test_a_corrupted_file_is_refused_with_instructions(private_cache):
    target = private_cache / "islr" / "Advertising.csv"
    target.parent.mkdir()
    target.write_text("isto não é o arquivo certo\n")
    with pytest.raises(DataError, match="corrompido.*Apague-o"):
        load_advertising()


def test_a_missing_file_offline_tells_what_to_do(no_network, private_cache, monkeypatch):
    with pytest.raises(DataError, match="(?s)Não consegui baixar.*NN_HELPERS_DATA"):
        load_advertising()


def test_a_download_is_checked_and_cached(tmp_path, monkeypatch):
    import pooch

    verified = fetch("islr/Advertising.csv")      # a cópia verificada, antes de trocar o cache
    monkeypatch.setenv("NN_HELPERS_DATA", str(tmp_path))

    def fake_retrieve(url, known_hash, fname, path):
        assert known_hash == "sha256:" + download.REGISTRY["islr/Advertising.csv"].sha256
        destination = Path(path) / fname
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(verified, destination)
        return str(destination)
    monkeypatch.setattr(pooch, "retrieve", fake_retrieve)
    assert np.isclose(load_advertising().y.sum(), 2804.5)
    assert (tmp_path / "islr" / "Advertising.csv").exists()


def test_unknown_names_list_what_exists():
    with pytest.raises(DataError, match="Os disponíveis são: .*islr/Advertising.csv"):
        fetch("nao/existe.csv")


def test_a_failed_download_leaves_nothing_in_the_cache(private_cache, monkeypatch):
    import pooch

    def no_network(url, known_hash, fname, path):
        (Path(path) / fname).write_text("meio arquivo")     # um download interrompido
        raise ConnectionError("sem rede")
    monkeypatch.setattr(pooch, "retrieve", no_network)
    with pytest.raises(DataError):
        load_advertising()
    assert list(private_cache.iterdir()) == []
