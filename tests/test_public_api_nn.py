"""Toda porta pública de nn, datasets e cifar, contra entradas hostis.

Primeiro, os escapes concretos achados na issue 14 (cada um com a mensagem que nomeia o argumento);
depois, uma varredura com hypothesis: argumentos hostis misturados a válidos, e o resultado deve ser
um retorno finito ou um ValueError/TypeError (DataError, nos leitores de arquivos) em português que
nomeia a função ou o argumento — nunca um erro do numpy, nunca um NaN calado.
"""

import copy
import io
import re
import tarfile
import warnings
import zipfile

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from threadpoolctl import threadpool_limits

from nn_helpers import cifar, datasets
from nn_helpers.download import DataError
from nn_helpers.preprocessing import one_hot, standardize, train_test_split
from nn_helpers.losses import cross_entropy_and_grad
from nn_helpers.nn import MLP, Dense, Dropout, init_weights
from nn_helpers.optimizers import SGD


@pytest.fixture(scope="module", autouse=True)
def one_blas_thread():
    with threadpool_limits(1):
        yield


def _xor():
    return np.array([[0.0, 0], [0, 1], [1, 0], [1, 1]]), np.array([0, 1, 1, 0])


# --- Os escapes da issue ----------------------------------------------------------------------

def test_mlp_with_the_sizes_not_in_a_list_says_how_to_write_it():
    with pytest.raises(ValueError, match=r"MLP: `layer_sizes`.*MLP\(\[2, 4, 2\]\), não MLP\(2, 4, 2\)"):
        MLP(2, 4, 2)


def test_one_hot_refuses_fractional_labels_and_a_float_number_of_classes():
    with pytest.raises(ValueError, match=r"one_hot: os rótulos `labels` .* labels\[2\] = 2.5"):
        one_hot([0.0, 1.0, 2.5], 3)
    with pytest.raises(ValueError, match=r"one_hot: `n_classes` deve ser um inteiro ≥ 1, não 3.0"):
        one_hot(np.array([0.0, 1.0, 2.0]), 3.0)
    assert one_hot(np.array([0.0, 2.0]), 3).tolist() == [[1, 0, 0], [0, 0, 1]]   # 2.0 é inteiro


def test_cross_entropy_and_grad_refuses_integer_labels_instead_of_one_hot():
    P = np.full((4, 3), 1 / 3)
    with pytest.raises(ValueError, match=r"`Y` deve ter a forma de `P`, \(4, 3\).*one_hot\(y, k\)"):
        cross_entropy_and_grad(P, np.array([0, 1, 2, 1]))
    with pytest.raises(ValueError, match=r"`P` deve ter valores entre 0 e 1 \(probabilidades, não logits\)"):
        cross_entropy_and_grad(np.full((4, 3), 2.0), one_hot([0, 1, 2, 1], 3))


def test_dense_forward_names_the_wrong_number_of_columns_and_refuses_nan():
    layer = Dense(3, 2, seed=0)
    with pytest.raises(ValueError, match=r"Dense.forward: `X` deve ter forma \(n, 3\).*\(4, 2\)"):
        layer.forward(np.ones((4, 2)))
    with pytest.raises(ValueError, match=r"Dense.forward: `X` contém NaN \(na posição \(0, 1\)\)"):
        layer.forward([[0, np.nan, 1]])
    big = Dense(3, 2, seed=0, dtype=np.float64)
    big.W[:] = 10.0
    with pytest.raises(ValueError, match=r"Dense.forward: `X` tem valores grandes demais"):
        big.forward(np.full((1, 3), 1e308))


def test_dense_backward_before_forward_and_with_the_wrong_shape():
    layer = Dense(3, 2, seed=0)
    with pytest.raises(ValueError, match=r"Dense.backward: chame `forward` antes"):
        layer.backward(np.ones((4, 2)))
    with pytest.raises(ValueError, match=r"Dense.backward_z: chame `forward` antes"):
        layer.backward_z(np.ones((4, 2)))
    layer.forward(np.ones((4, 3)))
    with pytest.raises(ValueError, match=r"Dense.backward: `dA` deve ter a forma .* \(4, 2\), mas "
                                         r"tem forma \(2,\)"):
        layer.backward(np.ones(2))


def test_mlp_fit_with_validation_data_not_a_pair_and_without_y():
    X, y = _xor()
    model = MLP([2, 3, 2], seed=0)
    with pytest.raises(ValueError, match=r"MLP.fit: `validation_data` deve ser um par \(X_val, "):
        model.fit(X, y, validation_data=X, verbose=False)
    with pytest.raises(ValueError, match=r"MLP.fit: falta `y`"):
        model.fit(X, None, verbose=False)
    with pytest.raises(ValueError, match=r"MLP.evaluate: falta `y`"):
        model.evaluate(X, None)


def test_standardize_refuses_an_empty_training_set_and_an_overflow():
    with pytest.raises(ValueError, match=r"standardize: `X_train` está vazio"):
        standardize(np.zeros((0, 2)), np.ones((3, 2)))
    with pytest.raises(ValueError, match=r"standardize: `X_train` tem valores grandes demais"):
        standardize([[1e308], [-1e308]], [[0.0]])


@pytest.mark.parametrize("seed", [-1, "abc", 1.5, True])
@pytest.mark.parametrize("call, where", [
    (lambda s: MLP([2, 2], seed=s), "MLP"), (lambda s: Dense(2, 2, seed=s), "Dense"),
    (lambda s: Dropout(0.5, seed=s), "Dropout"), (lambda s: init_weights(2, 2, seed=s),
                                                  "init_weights"),
    (lambda s: MLP([2, 2]).fit(*_xor(), epochs=1, seed=s, verbose=False), "MLP.fit"),
    (lambda s: train_test_split(*_xor(), test_size=0.5, seed=s), "train_test_split"),
])
def test_a_bad_seed_is_named_in_portuguese(call, where, seed):
    with pytest.raises(ValueError, match=rf"^{re.escape(where)}: `seed` deve ser um inteiro ≥ 0"):
        call(seed)


def test_dropout_methods_check_their_arguments():
    with pytest.raises(ValueError, match=r"Dropout: `rate` deve ser um número em \[0, 1\), não 'abc'"):
        Dropout("abc")
    layer = Dropout(0.5, seed=0)
    with pytest.raises(ValueError, match=r"Dropout.forward: `training` deve ser True ou False"):
        layer.forward(np.ones((2, 2)), training="sim")
    assert layer.forward([[1, 2], [3, 4]], training=True).dtype == np.float64   # inteiros: float
    with pytest.raises(ValueError, match=r"Dropout.backward: `dA` deve ter a forma .* \(2, 2\)"):
        layer.backward(np.ones((3, 2)))
    with pytest.raises(ValueError, match=r"Dropout.forward: `X` contém infinito"):
        layer.forward(np.array([1.0, np.inf]))


def test_mlp_methods_check_their_arguments():
    X, y = _xor()
    model = MLP([2, 3, 2], seed=0)
    with pytest.raises(ValueError, match=r"MLP.predict(_proba)?: `X` deve ter forma \(n, 2\)"):
        model.predict(np.ones((4, 3)))
    with pytest.raises(ValueError, match=r"MLP.backward: chame `forward` antes"):
        model.backward(np.ones((4, 2)))
    with pytest.raises(ValueError, match=r"MLP.forward: `X` contém NaN"):
        model.forward([[np.nan, 0]])
    model.forward(X)
    with pytest.raises(ValueError, match=r"MLP.backward: `dZ` deve ter a forma .* \(4, 2\)"):
        model.backward(np.ones((4, 1)))
    with pytest.raises(ValueError, match=r"MLP.evaluate: `X` e `y` devem ter o mesmo número"):
        model.evaluate(X, y[:3])
    with pytest.raises(ValueError, match=r"MLP.fit: `X` não tem nenhuma amostra"):
        model.fit(np.zeros((0, 2)), [], verbose=False)
    with pytest.raises(ValueError, match=r"MLP.train_epoch: `opt` deve ser um otimizador"):
        model.train_epoch(X, one_hot(y, 2), y, 2, "sgd", np.random.default_rng(0))


def test_a_training_step_by_hand_still_matches_fit():
    """As portas conferem cada passo feito à mão; o fit, que confere uma vez, chega ao mesmo."""
    X, y = _xor()
    a, b = MLP([2, 3, 2], seed=1, dtype=np.float64), MLP([2, 3, 2], seed=1, dtype=np.float64)
    loss, dZ = cross_entropy_and_grad(a.forward(X, training=True), one_hot(y, 2))
    a.backward(dZ)
    SGD(lr=0.1).step(a.params, a.grads)
    b.fit(X, y, epochs=1, batch_size=4, lr=0.1, verbose=False)
    assert all(np.allclose(p, q) for p, q in zip(a.params, b.params))
    assert np.isclose(b.history_["loss"][0], loss)


# --- A varredura: argumentos hostis em toda porta ---------------------------------------------

HOSTILE = [None, "abc", True, -1, 0, 2.5, 1e308, np.nan, np.inf, [], [[1, 2], [3]], {},
           np.array([]), np.zeros((0, 3)), np.full((2, 3), np.nan), np.full((2, 3), 1e308),
           np.ones((2, 3, 1)), np.ones(3), np.array([["a", "b"]]), object()]
ENGLISH = re.compile(r"\b(must|cannot|could not|invalid|expected|argument|operand|supported|"
                     r"index|axis|dimension|broadcast|truth value|object has|not enough|too many|"
                     r"unpack|iterable|subscriptable|callable|got an?)\b", re.I)
PORTUGUESE = re.compile(r"deve|não|recebi|tem forma|contém|falta|chame|estourou|demais|vazio|"
                        r"desconhecid|use uma? |conheço|legível|encontrei")


def hostile():
    return st.integers(0, len(HOSTILE) - 1).map(lambda i: copy.deepcopy(HOSTILE[i]))


def maybe(valid):
    """Um valor válido ou um hostil (metade a metade, mais ou menos)."""
    return st.one_of(valid, hostile())


def matrices(cols, rows=st.integers(1, 4), low=-5.0, high=5.0):
    return rows.flatmap(lambda n: arrays(np.float64, (n, cols),
                                         elements=st.floats(low, high)))


def _finite(out):
    if isinstance(out, np.ndarray):
        return out.dtype.kind not in "fc" or bool(np.isfinite(out).all())
    if isinstance(out, float):
        return np.isfinite(out)
    if isinstance(out, (tuple, list)):
        return all(_finite(o) for o in out)
    if isinstance(out, dict):
        return all(_finite(o) for o in out.values())
    if isinstance(out, (datasets.Dataset, cifar.ImageSet)):
        return _finite(out.X) and _finite(out.y)
    return True


def check_door(where, call, errors=(ValueError, TypeError), callees=()):
    """Chama ``call()``: um retorno finito, ou um erro em português que nomeia ``where`` (ou uma
    das funções ``callees`` que recebem o argumento como está: ``get_optimizer``, ``SGD``...)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            out = call()
        except errors as exc:
            message = str(exc)
            assert PORTUGUESE.search(message) and not ENGLISH.search(message), message
            assert message.startswith((where, *callees)) or isinstance(exc, DataError), message
            return None
    for w in caught:                                    # só avisos nossos, em português
        assert PORTUGUESE.search(str(w.message)), f"{where}: aviso {w.category.__name__}: {w.message}"
    assert _finite(out), f"{where} devolveu NaN/infinito: {out!r}"
    return out


@given(maybe(st.integers(1, 4)), maybe(st.integers(1, 4)),
       maybe(st.sampled_from(["relu", "tanh", "softmax"])), maybe(st.sampled_from([None, "he"])),
       maybe(st.integers(0, 9)))
def test_sweep_init_weights(n_in, n_out, activation, init, seed):
    check_door("init_weights", lambda: init_weights(n_in, n_out, activation, init, seed))


@given(maybe(st.integers(1, 4)), maybe(st.integers(1, 4)), maybe(st.sampled_from(["relu", "elu"])),
       maybe(st.integers(0, 9)), maybe(st.sampled_from([np.float32, np.float64])))
def test_sweep_dense_constructor(n_in, n_out, activation, seed, dtype):
    check_door("Dense", lambda: Dense(n_in, n_out, activation, seed=seed, dtype=dtype))


@given(maybe(matrices(3, low=-1e6, high=1e6)), maybe(st.booleans()),
       st.sampled_from(["relu", "sigmoid", "softmax", "elu"]))
def test_sweep_dense_forward(X, training, activation):
    layer = Dense(3, 2, activation, seed=0, dtype=np.float64)
    check_door("Dense.forward", lambda: layer.forward(X, training))


@given(st.booleans(), maybe(matrices(2, rows=st.just(4))), maybe(st.booleans()),
       st.sampled_from(["backward", "backward_z"]))
def test_sweep_dense_backward(forward_first, G, input_grad, method):
    layer = Dense(3, 2, "softmax", seed=0)
    if forward_first:
        layer.forward(np.ones((4, 3), dtype=np.float32))
    check_door(f"Dense.{method}", lambda: getattr(layer, method)(G, input_grad))


@given(maybe(st.floats(0, 0.9)), maybe(st.integers(0, 9)), maybe(matrices(3)), maybe(st.booleans()),
       maybe(matrices(3, rows=st.just(2))))
def test_sweep_dropout(rate, seed, X, training, dA):
    layer = check_door("Dropout", lambda: Dropout(rate, seed))
    if layer is not None:
        check_door("Dropout.forward", lambda: layer.forward(X, training))
        check_door("Dropout.backward", lambda: layer.backward(dA))


def _probabilities(k):
    return matrices(k).map(lambda Z: np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True))


@given(st.integers(1, 3).flatmap(lambda k: st.tuples(
    maybe(_probabilities(k) if k > 1 else matrices(1, low=0.0, high=1.0)),
    maybe(st.integers(1, 4).flatmap(lambda n: st.lists(st.integers(0, max(k - 1, 1)), min_size=n,
                                                       max_size=n)
                                    .map(lambda y: one_hot(y, max(k, 2))[:, -k:]))),
    maybe(st.floats(1e-15, 1e-3)))))
def test_sweep_cross_entropy_and_grad(args):
    P, Y, eps = args
    check_door("cross_entropy_and_grad", lambda: cross_entropy_and_grad(P, Y, eps))


@given(maybe(st.sampled_from([[2, 3, 2], (2, 1), [2, 4, 3, 2]])),
       maybe(st.sampled_from(["relu", "tanh"])), maybe(st.sampled_from(["softmax", "sigmoid"])),
       maybe(st.sampled_from([0.0, 0.5])), maybe(st.integers(0, 9)),
       maybe(st.sampled_from([np.float32, np.float64])), maybe(st.sampled_from([None, "xavier"])))
def test_sweep_mlp_constructor(sizes, activation, output, dropout, seed, dtype, init):
    check_door("MLP", lambda: MLP(sizes, activation, output, dropout, seed, dtype, init))


def _labels(n=st.integers(1, 6), k=2):
    return n.flatmap(lambda m: st.lists(st.integers(0, k - 1), min_size=m, max_size=m))


@settings(max_examples=30)
@given(maybe(matrices(2, rows=st.just(6))), maybe(_labels(st.just(6)).map(np.array)),
       maybe(st.integers(1, 2)), maybe(st.integers(1, 8)), maybe(st.sampled_from([None, 0.1])),
       maybe(st.sampled_from(["sgd", "adam"])), st.one_of(st.none(), hostile(), st.tuples(
           maybe(matrices(2, rows=st.just(3))), maybe(st.just([0, 1, 1])))),
       maybe(st.none() | st.integers(0, 9)), st.sampled_from(["softmax", "sigmoid"]))
def test_sweep_mlp_fit(X, y, epochs, batch_size, lr, optimizer, validation_data, seed, output):
    model = MLP([2, 3, 2 if output == "softmax" else 1], output=output, seed=0)
    check_door("MLP.fit", lambda: model.fit(X, y, epochs, batch_size, lr, optimizer,
                                            validation_data, verbose=False, seed=seed),
               callees=("get_optimizer", "SGD", "Adam"))


@given(maybe(matrices(2, low=-1e30, high=1e30)), maybe(_labels().map(np.array)),
       maybe(st.booleans()), st.sampled_from(["predict_proba", "predict", "forward", "evaluate",
                                              "loss_and_gradients", "backward", "train_epoch"]),
       st.sampled_from([np.float32, np.float64]), maybe(matrices(2, rows=st.just(4))))
def test_sweep_mlp_methods(X, y, training, method, dtype, dZ):
    model = MLP([2, 3, 2], seed=0, dtype=dtype)
    calls = {"predict_proba": lambda: model.predict_proba(X), "predict": lambda: model.predict(X),
             "forward": lambda: model.forward(X, training),
             "evaluate": lambda: model.evaluate(X, y),
             "loss_and_gradients": lambda: model.loss_and_gradients(X, y, training),
             "backward": lambda: (model.forward(np.ones((4, 2))), model.backward(dZ)),
             "train_epoch": lambda: model.train_epoch(X, one_hot(y, 2) if isinstance(
                 y, np.ndarray) and y.ndim == 1 else y, y, 2, SGD(0.1), np.random.default_rng(0))}
    check_door(f"MLP.{method}", calls[method])


@given(maybe(_labels(k=4).map(np.array)), maybe(st.none() | st.integers(1, 5)))
def test_sweep_one_hot(labels, n_classes):
    check_door("one_hot", lambda: one_hot(labels, n_classes))


@given(maybe(matrices(2, rows=st.just(6))), maybe(_labels(st.just(6)).map(np.array)),
       maybe(st.floats(0.1, 0.9)), maybe(st.integers(0, 9)), maybe(st.booleans()))
def test_sweep_train_test_split(X, y, test_size, seed, stratify):
    check_door("train_test_split", lambda: train_test_split(X, y, test_size, seed, stratify))


@given(maybe(matrices(2, low=-1e300, high=1e300)), maybe(matrices(2)))
def test_sweep_standardize(X_train, X_test):
    check_door("standardize", lambda: standardize(X_train, X_test))


@settings(max_examples=15)
@given(maybe(st.just("islr/Advertising.csv")), hostile(), hostile(),
       maybe(arrays(np.float64, (3, 2))))
def test_sweep_dataset_functions(name, scale, other, X):
    check_door("fetch", lambda: datasets.fetch(name), (ValueError, TypeError, DataError))
    check_door("load_mnist", lambda: datasets.load_mnist(scale))     # nunca True/False: sem rede
    check_door("load_mnist_test", lambda: datasets.load_mnist_test(other))
    check_door("Dataset", lambda: datasets.Dataset(X, np.zeros(3), ("a", "b"), "y", "d"))


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory):
    """Caminhos que não são um CIFAR-10: inexistente, texto, vazio, zip sem imagens, lote falso."""
    folder = tmp_path_factory.mktemp("hostis")
    (folder / "texto.tar.gz").write_text("não é um tar")
    (folder / "vazio.zip").write_bytes(b"")
    with zipfile.ZipFile(folder / "sem_imagens.zip", "w") as z:
        z.writestr("a.jpg", b"nao e jpeg")
    with tarfile.open(folder / "lote_falso.tar.gz", "w:gz") as tar:
        info = tarfile.TarInfo("cifar-10-batches-py/data_batch_1")
        info.size = 4
        tar.addfile(info, io.BytesIO(b"lixo"))
    return [str(folder / "nao_existe.tar.gz"), folder / "texto.tar.gz", folder / "vazio.zip",
            folder / "sem_imagens.zip", folder / "lote_falso.tar.gz", folder, None, 3, ["a"]]


@settings(max_examples=20)
@given(st.data())
def test_sweep_cifar_readers(bad_files, data):
    path = data.draw(st.sampled_from(bad_files))
    seed = data.draw(maybe(st.integers(0, 9)))
    errors = (ValueError, TypeError, DataError)
    check_door("read_cifar10_tarball", lambda: cifar.read_cifar10_tarball(path), errors)
    check_door("read_cifar10_jpeg_zip", lambda: cifar.read_cifar10_jpeg_zip(path, seed), errors)
    X = data.draw(maybe(st.just(np.zeros((2, 32, 32, 3), np.uint8))))
    check_door("ImageSet", lambda: cifar.ImageSet(X, np.zeros(2), cifar.CLASS_NAMES, "d"))


# --- E, sem sorte: cada valor hostil em cada argumento de cada porta ---------------------------

def _fresh_model():
    model = MLP([3, 4, 2], seed=0, dtype=np.float64)
    model.forward(np.ones((2, 3)))
    return model


def _forwarded(layer):
    layer.forward(np.ones((2, 3)), training=True)
    return layer


DOORS = {   # nome → (a chamada, argumentos válidos); cada argumento é trocado por um hostil
    "init_weights": (init_weights, (3, 2, "relu", None, 0)),
    "Dense": (Dense, (3, 2, "relu", 0, np.float64, None)),
    "Dense.forward": (lambda *a: Dense(3, 2, seed=0).forward(*a), (np.ones((2, 3)), False)),
    "Dense.backward": (lambda *a: _forwarded(Dense(3, 2, seed=0)).backward(*a),
                       (np.ones((2, 2)), True)),
    "Dense.backward_z": (lambda *a: _forwarded(Dense(3, 2, seed=0)).backward_z(*a),
                         (np.ones((2, 2)), True)),
    "Dropout": (Dropout, (0.5, 0)),
    "Dropout.forward": (lambda *a: Dropout(0.5, 0).forward(*a), (np.ones((2, 3)), True)),
    "Dropout.backward": (lambda *a: _forwarded(Dropout(0.5, 0)).backward(*a),
                         (np.ones((2, 3)), True)),
    "cross_entropy_and_grad": (cross_entropy_and_grad, (np.full((2, 3), 1 / 3), np.eye(3)[:2],
                                                        1e-12)),
    "MLP": (MLP, ([3, 4, 2], "relu", "softmax", 0.2, 0, np.float32, None)),
    "MLP.forward": (lambda *a: _fresh_model().forward(*a), (np.ones((2, 3)), False)),
    "MLP.backward": (lambda *a: _fresh_model().backward(*a), (np.ones((2, 2)),)),
    "MLP.predict_proba": (lambda *a: _fresh_model().predict_proba(*a), (np.ones((2, 3)),)),
    "MLP.predict": (lambda *a: _fresh_model().predict(*a), (np.ones((2, 3)),)),
    "MLP.evaluate": (lambda *a: _fresh_model().evaluate(*a), (np.ones((2, 3)), [0, 1])),
    "MLP.loss_and_gradients": (lambda *a: _fresh_model().loss_and_gradients(*a),
                               (np.ones((2, 3)), [0, 1], False)),
    "MLP.fit": (lambda *a: _fresh_model().fit(*a, verbose=False),
                (np.ones((4, 3)), [0, 1, 1, 0], 1, 2, 0.1, "sgd", (np.ones((2, 3)), [0, 1]))),
    "MLP.train_epoch": (lambda *a: _fresh_model().train_epoch(*a),
                        (np.ones((2, 3)), np.eye(2), [0, 1], 1, SGD(0.1),
                         np.random.default_rng(0))),
    "one_hot": (one_hot, ([0, 2, 1], 3)),
    "train_test_split": (train_test_split, (np.ones((6, 2)), [0, 1] * 3, 0.5, 0, True)),
    "standardize": (standardize, (np.arange(6.0).reshape(3, 2), np.ones((2, 2)))),
    "fetch": (datasets.fetch, ("islr/Advertising.csv",)),
    "load_mnist_test": (datasets.load_mnist_test, (True,)),
    "Dataset": (datasets.Dataset, (np.ones((2, 1)), np.ones(2), ("a",), "y", "d")),
    "ImageSet": (cifar.ImageSet, (np.zeros((1, 32, 32, 3), np.uint8), np.zeros(1), (), "d")),
    "read_cifar10_tarball": (cifar.read_cifar10_tarball, ("/nao/existe.tar.gz",)),
    "read_cifar10_jpeg_zip": (cifar.read_cifar10_jpeg_zip, ("/nao/existe.zip", 0)),
}


@pytest.mark.parametrize("where", DOORS)
def test_every_hostile_value_in_every_argument(where):
    call, valid = DOORS[where]
    check_door(where, lambda: call(*copy.deepcopy(valid)), (ValueError, TypeError, DataError))
    for i in range(len(valid)):
        for bad in HOSTILE:
            args = list(copy.deepcopy(valid))
            args[i] = copy.deepcopy(bad)
            check_door(where, lambda: call(*args), (ValueError, TypeError, DataError),
                       callees=("get_optimizer", "SGD"))


def test_fit_accepts_the_keras_habit_verbose_0_and_names_a_bad_verbose():
    X, y = _xor()
    model = MLP([2, 4, 2], seed=0)
    assert model.fit(X, y, epochs=1, verbose=0) is model
    with pytest.raises(ValueError, match=r"MLP.fit: `verbose` deve ser True ou False"):
        model.fit(X, y, epochs=1, verbose="sim")
