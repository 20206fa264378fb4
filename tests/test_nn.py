"""A rede do zero: camadas contra gradientes numéricos, o MLP contra o scikit-learn,
tipos, sementes, dropout e mensagens em português."""

import numpy as np
import pytest
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier
from threadpoolctl import threadpool_limits

from nn_helpers import activations
from nn_helpers.datasets import load_digits
from nn_helpers.preprocessing import one_hot, standardize, train_test_split
from nn_helpers.gradcheck import numerical_gradient, relative_error
from nn_helpers.losses import binary_cross_entropy, cross_entropy, cross_entropy_and_grad
from nn_helpers.nn import MLP, Dense, Dropout
from nn_helpers.optimizers import Adam

HIDDEN = list(activations.ACTIVATIONS)           # sigmoid, tanh, relu, leaky_relu, elu, linear


@pytest.fixture(scope="module", autouse=True)
def one_blas_thread():
    """Matrizes pequenas: um fio do BLAS basta, e dois fios disputando 2 núcleos com o
    pytest-xdist chegam a deixar tudo 100× mais lento."""
    with threadpool_limits(1):
        yield


@pytest.fixture(scope="module")
def digits():
    """Dígitos 8×8 padronizados, 80 % treino / 20 % teste, estratificados."""
    data = load_digits()
    X_train, X_test, y_train, y_test = train_test_split(data.X, data.y, test_size=0.2, seed=0)
    X_train, X_test = standardize(X_train, X_test)
    return X_train, X_test, y_train, y_test


# ---------- peças: as camadas (com as ativações do curso) e os custos ----------

@pytest.mark.parametrize("name", HIDDEN)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_a_dense_layer_applies_the_activation_the_course_teaches(name, dtype):
    f, _ = activations.ACTIVATIONS[name]
    layer = Dense(3, 4, activation=name, seed=0, dtype=dtype)
    X = np.random.default_rng(0).normal(size=(5, 3)).astype(dtype) * 10
    A = layer.forward(X)
    assert A.dtype == dtype and np.array_equal(A, f(X @ layer.W + layer.b))


def _layer_check(layer, X):
    """Gradientes de uma camada contra diferenças finitas do custo L = Σ A ⊙ R."""
    R = np.random.default_rng(5).normal(size=layer.forward(X).shape)

    def loss(_):
        return float((layer.forward(X) * R).sum())
    layer.forward(X)
    dX = layer.backward(R)
    return [relative_error(dX, numerical_gradient(loss, X)),
            relative_error(layer.dW, numerical_gradient(loss, layer.W)),
            relative_error(layer.db, numerical_gradient(loss, layer.b))]


@pytest.mark.parametrize("name", HIDDEN + ["softmax"])
def test_dense_backward_matches_numerical_gradients(name):
    X = np.random.default_rng(0).normal(size=(5, 4))
    layer = Dense(4, 3, activation=name, seed=1, dtype=np.float64)
    layer.b[:] = [0.1, -0.2, 0.3]
    assert max(_layer_check(layer, X)) < 1e-7


def test_dense_forward_is_the_affine_map_then_the_activation():
    layer = Dense(3, 2, activation="tanh", seed=0, dtype=np.float64)
    X = np.array([[1.0, 2.0, 3.0], [-1.0, 0.5, 0.0]])
    assert np.allclose(layer.forward(X), np.tanh(X @ layer.W + layer.b))
    assert layer.W.shape == (3, 2) and layer.b.shape == (2,) and not layer.b.any()


def test_he_and_xavier_initialisations_have_the_textbook_spread():
    he = Dense(1000, 500, "relu", seed=0, dtype=np.float64).W
    xavier = Dense(1000, 500, "tanh", seed=0, dtype=np.float64).W
    assert he.std() == pytest.approx(np.sqrt(2 / 1000), rel=0.01)
    assert xavier.std() == pytest.approx(np.sqrt(2 / 1500), rel=0.01)
    assert Dense(10, 10, init="normal", seed=0).W.std() == pytest.approx(0.01, rel=0.2)


def test_cross_entropy_with_softmax_matches_the_loss_and_its_gradient():
    rng = np.random.default_rng(2)
    Z, Y = rng.normal(size=(6, 4)) * 3, one_hot([0, 1, 2, 3, 1, 2])
    loss, dZ = cross_entropy_and_grad(activations.softmax(Z), Y)
    assert loss == pytest.approx(cross_entropy(Y, activations.softmax(Z)), rel=1e-12)
    # ∂L/∂z pela regra da cadeia inteira (softmax e depois o custo), numericamente
    numeric = numerical_gradient(lambda z: cross_entropy(Y, activations.softmax(z)), Z.copy())
    assert relative_error(dZ, numeric) < 1e-8


def test_binary_cross_entropy_with_sigmoid_matches_the_loss_and_its_gradient():
    rng = np.random.default_rng(3)
    Z, Y = rng.normal(size=(8, 1)) * 3, rng.integers(0, 2, (8, 1)).astype(float)
    loss, dZ = cross_entropy_and_grad(activations.sigmoid(Z), Y)
    assert loss == pytest.approx(binary_cross_entropy(Y[:, 0], activations.sigmoid(Z[:, 0])),
                                 rel=1e-12)
    numeric = numerical_gradient(
        lambda z: binary_cross_entropy(Y[:, 0], activations.sigmoid(z[:, 0])), Z.copy())
    assert relative_error(dZ, numeric) < 1e-8


def test_a_confident_wrong_answer_costs_a_lot_but_stays_finite():
    with np.errstate(all="raise"):
        loss, _ = cross_entropy_and_grad(np.array([[1.0, 0.0]]), np.array([[0.0, 1.0]]))
        bce, _ = cross_entropy_and_grad(np.array([[1.0]]), np.array([[0.0]]))
    assert loss == bce == pytest.approx(-np.log(1e-12))


# ---------- tipos e sementes ----------

@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_the_dtype_is_kept_in_parameters_activations_and_gradients(dtype, digits):
    X_train, _, y_train, _ = digits
    model = MLP([64, 16, 10], dropout=0.2, dtype=dtype, seed=0)
    model.fit(X_train[:64], y_train[:64], epochs=2, optimizer="adam", verbose=False)
    assert all(p.dtype == dtype for p in model.params)
    _, grads = model.loss_and_gradients(X_train[:10], y_train[:10], training=True)
    assert all(g.dtype == dtype for g in grads)
    assert model.predict_proba(X_train[:5]).dtype == dtype


def test_float32_and_float64_models_start_equal_and_train_alike(digits):
    X_train, X_test, y_train, y_test = digits
    m32, m64 = MLP([64, 32, 10], dtype=np.float32), MLP([64, 32, 10], dtype=np.float64)
    assert all(np.array_equal(a, b.astype(np.float32)) for a, b in zip(m32.params, m64.params))
    for m in (m32, m64):
        m.fit(X_train, y_train, epochs=3, lr=0.1, verbose=False)
    assert np.mean(m32.predict(X_test) == m64.predict(X_test)) > 0.98


def test_the_same_seed_gives_identical_weights_and_history(digits):
    X_train, _, y_train, _ = digits

    def train(seed):
        model = MLP([64, 20, 10], dropout=0.1, seed=seed)
        return model, model.fit(X_train, y_train, epochs=2, optimizer="momentum",
                                verbose=False).history_
    (a, ha), (b, hb), (c, hc) = train(7), train(7), train(8)
    assert ha == hb and all(np.array_equal(p, q) for p, q in zip(a.params, b.params))
    assert ha != hc and not np.array_equal(a.params[0], c.params[0])


# ---------- treino: dígitos, o scikit-learn como oráculo, duas classes ----------

def test_a_small_mlp_learns_the_digits(digits):
    X_train, X_test, y_train, y_test = digits
    model = MLP([64, 64, 10], seed=0)
    assert model.fit(X_train, y_train, epochs=20, optimizer="adam",
                     validation_data=(X_test, y_test), verbose=False) is model   # como no sklearn
    history = model.history_
    loss, accuracy = model.evaluate(X_test, y_test)
    assert accuracy >= 0.95 and accuracy == history["val_accuracy"][-1]
    assert history["loss"][-1] < history["loss"][0] / 5
    assert set(history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert all(len(v) == 20 for v in history.values())
    assert np.array_equal(model.predict(X_test), model.predict_proba(X_test).argmax(axis=1))
    assert np.allclose(model.predict_proba(X_test).sum(axis=1), 1, atol=1e-5)


def test_without_hidden_layers_it_is_logistic_regression(digits):
    X_train, X_test, y_train, y_test = digits
    ours = MLP([64, 10], dtype=np.float64, seed=0)
    ours.fit(X_train, y_train, epochs=30, batch_size=64, lr=0.01, optimizer="adam", verbose=False)
    theirs = LogisticRegression().fit(X_train, y_train)
    acc_ours = np.mean(ours.predict(X_test) == y_test)
    acc_theirs = theirs.score(X_test, y_test)
    assert abs(acc_ours - acc_theirs) <= 0.01 + 1e-9
    assert np.mean(ours.predict(X_test) == theirs.predict(X_test)) >= 0.95


@pytest.mark.parametrize("ours, theirs", [("relu", "relu"), ("tanh", "tanh"),
                                          ("sigmoid", "logistic"), ("linear", "identity")])
@pytest.mark.parametrize("n_out", [1, 3])
def test_forward_pass_agrees_with_scikit_learn_given_the_same_weights(ours, theirs, n_out):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(30, 4))
    y = np.arange(30) % max(n_out, 2)
    output = "sigmoid" if n_out == 1 else "softmax"
    model = MLP([4, 6, 5, n_out], activation=ours, output=output, dtype=np.float64, seed=1)
    for b in model.params[1::2]:
        b[:] = rng.normal(size=b.shape)
    sk = MLPClassifier(hidden_layer_sizes=(6, 5), activation=theirs, max_iter=1)
    with pytest.warns(Warning):                               # ConvergenceWarning: 1 iteração
        sk.fit(X, y)
    sk.coefs_, sk.intercepts_ = model.params[0::2], model.params[1::2]
    expected = sk.predict_proba(X)[:, 1:] if n_out == 1 else sk.predict_proba(X)
    assert np.allclose(model.predict_proba(X), expected, rtol=1e-12)
    assert np.array_equal(model.predict(X), sk.predict(X))


def test_binary_classification_with_a_sigmoid_output():
    data = load_breast_cancer()
    X_train, X_test, y_train, y_test = train_test_split(data.data, data.target, seed=0)
    X_train, X_test = standardize(X_train, X_test)
    model = MLP([30, 16, 1], output="sigmoid", seed=0)
    model.fit(X_train, y_train, epochs=15, optimizer="adam", verbose=False)
    loss, accuracy = model.evaluate(X_test, y_test)
    assert accuracy >= 0.95
    assert model.predict_proba(X_test).shape == (len(X_test), 1)
    assert loss == pytest.approx(binary_cross_entropy(y_test, model.predict_proba(X_test)[:, 0]),
                                 rel=1e-4)


def test_integer_labels_and_one_hot_train_the_same_model(digits):
    X_train, _, y_train, _ = digits
    a, b = MLP([64, 10, 10]), MLP([64, 10, 10])
    a.fit(X_train, y_train, epochs=2, verbose=False)
    b.fit(X_train, one_hot(y_train), epochs=2, verbose=False)
    assert a.history_ == b.history_


def test_an_optimizer_object_can_be_passed(digits):
    X_train, _, y_train, _ = digits
    opt = Adam(lr=0.01)
    MLP([64, 10]).fit(X_train, y_train, epochs=1, optimizer=opt, verbose=False)
    assert opt.t == int(np.ceil(len(X_train) / 32))
    with pytest.raises(ValueError, match="não passe `lr` junto"):
        MLP([64, 10]).fit(X_train, y_train, epochs=1, optimizer=opt, lr=0.1, verbose=False)


def test_divergence_stops_training_with_a_warning(digits):
    X_train, _, y_train, _ = digits
    model = MLP([64, 32, 10], activation="linear", init="he")
    with pytest.warns(RuntimeWarning, match="divergiu.*taxa de aprendizado menor"):
        model.fit(X_train * 1e3, y_train, epochs=10, lr=10.0, verbose=False)
    assert len(model.history_["loss"]) < 10


def test_verbose_prints_one_line_per_epoch_outside_jupyter(digits, capsys):
    X_train, _, y_train, _ = digits
    MLP([64, 10]).fit(X_train[:100], y_train[:100], epochs=3)
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 3 and lines[-1].startswith("época 3/3 — custo ")


def test_in_jupyter_the_progress_is_one_line_updated_in_place(digits, monkeypatch, capsys):
    import IPython
    import IPython.display

    class ZMQInteractiveShell:                     # o nome da classe do kernel do Jupyter
        pass
    shown = []

    class Handle:
        def update(self, bundle, raw):
            shown.append(bundle)
    monkeypatch.setattr(IPython, "get_ipython", ZMQInteractiveShell)
    monkeypatch.setattr(IPython.display, "display",
                        lambda bundle, raw, display_id: shown.append(bundle) or Handle())
    X_train, _, y_train, _ = digits
    MLP([64, 10]).fit(X_train[:100], y_train[:100], epochs=3)
    assert len(shown) == 4 and capsys.readouterr().out == ""
    assert shown[-1]["text/plain"].startswith("época 3/3 — custo ")
    assert "<progress value='3' max='3'>" in shown[-1]["text/html"]


# ---------- dropout ----------

def test_dropout_zeroes_a_fraction_and_keeps_the_mean_only_in_training():
    X = np.ones((200, 50), dtype=np.float32)
    layer = Dropout(0.3, seed=0)
    out = layer.forward(X, training=True)
    assert out.dtype == np.float32
    assert np.mean(out == 0) == pytest.approx(0.3, abs=0.02)
    assert out.mean() == pytest.approx(1.0, abs=0.03)
    assert np.array_equal(layer.backward(X), out)         # gradiente só pelas unidades mantidas
    assert layer.forward(X) is X                          # inferência: identidade


def test_dropout_changes_training_outputs_but_not_predictions(digits):
    X_train, X_test, _, _ = digits
    model = MLP([64, 32, 10], dropout=0.5, seed=0)
    a, b = model.forward(X_test[:20], training=True), model.forward(X_test[:20], training=True)
    assert not np.allclose(a, b)
    plain = MLP([64, 32, 10], seed=0)
    for p, q in zip(plain.params, model.params):
        p[:] = q
    assert np.array_equal(model.predict_proba(X_test), plain.predict_proba(X_test))
    assert np.array_equal(model.predict_proba(X_test), model.predict_proba(X_test))


# ---------- mensagens em português na fronteira ----------

@pytest.mark.parametrize("X, y, message", [
    (np.zeros((4, 3)), [0, 1, 0, 1], r"`X` deve ter forma \(n, 2\).*forma \(4, 3\)"),
    ([[0, 1], [np.nan, 0]], [0, 1], r"`X` contém NaN \(na posição \(1, 0\)\)"),
    (np.zeros((4, 2)), [0, 1, 2, 3], r"inteiros de 0 a 2, mas y\[3\] = 3"),
    (np.zeros((4, 2)), [0, 1, 0.5, 1], r"inteiros de 0 a 2, mas y\[2\] = 0.5"),
    (np.zeros((4, 2)), [0, 1, 1], r"mesmo número de amostras.*`X` tem 4 e `y` tem 3"),
    (np.zeros((2, 2)), [[1, 1, 0], [0, 1, 0]], r"deveria ser one-hot \(n, 3\)"),
    (np.zeros((2, 2)), [[1, 0], [0, 1]], r"deveria ser one-hot \(n, 3\)"),
])
def test_bad_inputs_are_named_in_portuguese(X, y, message):
    with pytest.raises(ValueError, match=message):
        MLP([2, 4, 3]).fit(X, y, verbose=False)


@pytest.mark.parametrize("kwargs, message", [
    (dict(layer_sizes=[4]), "lista de inteiros positivos"),
    (dict(layer_sizes=[4, 3], activation="relux"), "`activation` deve ser um de .* não 'relux'"),
    (dict(layer_sizes=[4, 3], output="sigmoid"), "última camada deve ter 1 unidade"),
    (dict(layer_sizes=[4, 1]), "2 ou mais unidades"),
    (dict(layer_sizes=[4, 3, 2], dropout=1.0), r"`dropout` deve ser um número em \[0, 1\)"),
])
def test_bad_architectures_are_named_in_portuguese(kwargs, message):
    with pytest.raises(ValueError, match=message):
        MLP(**kwargs)


def test_bad_training_settings_are_named_in_portuguese():
    with pytest.raises(ValueError, match="`epochs` deve ser um inteiro ≥ 1"):
        MLP([2, 3]).fit(np.zeros((3, 2)), [0, 1, 2], epochs=0)
    with pytest.raises(ValueError, match="otimizador desconhecido 'adan'"):
        MLP([2, 3]).fit(np.zeros((3, 2)), [0, 1, 2], optimizer="adan")
    with pytest.raises(ValueError, match=r"forma \(n,\) ou \(n, 1\) com rótulos 0 ou 1"):
        MLP([2, 1], output="sigmoid").fit(np.zeros((3, 2)), np.eye(3)[:, :2])


def test_dropout_does_not_change_the_minibatch_order_or_the_initial_weights():
    X = np.random.default_rng(0).normal(size=(64, 5)).astype(np.float32)
    y = (X[:, 0] > 0).astype(int)
    plain, dropped = MLP([5, 8, 2], seed=3), MLP([5, 8, 2], dropout=0.5, seed=3)
    assert all(np.array_equal(a, b) for a, b in zip(plain.params, dropped.params))
    orders = []
    for model in (plain, dropped):
        seen = []
        original = model.train_epoch
        def spy(X_, Y_, labels, batch_size, opt, rng, original=original, seen=seen):
            seen.append(rng.bit_generator.state["state"]["state"])
            return original(X_, Y_, labels, batch_size, opt, rng)
        model.train_epoch = spy
        model.fit(X, y, epochs=3, verbose=False)
        orders.append(seen)
    assert orders[0] == orders[1]
