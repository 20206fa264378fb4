"""Benchmark do MLP do nn_helpers contra o Keras (backend JAX), no mesmo processo.

    python bench/mlp_bench.py [--epochs 2] [--rounds 5] [--batch-size 128] [--optimizer sgd|adam]

Os dois treinam a mesma rede 784-128-10 (ReLU, softmax, entropia cruzada) nos
mesmos dados (60 000 × 784 em float32, **sintéticos**: pixels uniformes em
[0, 1) e rótulos de um "professor" linear aleatório — não é o MNIST), com o
mesmo tamanho de lote, o mesmo otimizador e o mesmo número de épocas.

Imprime segundos por época de cada um, a razão nn_helpers/Keras e a fração do
pico de multiplicação de matrizes float32 desta máquina (medido aqui, a cada
rodada, com um ``np.matmul`` grande; vale o melhor) que o nn_helpers atinge, contando por época
``3 × 2 × n × (784·128 + 128·10)`` operações (ida + volta).

Cada rodada treina os dois, alternados, por ``--epochs`` épocas (depois de uma
época de aquecimento, que para o Keras inclui a compilação); vale a melhor
rodada de cada um (a máquina é compartilhada: a mediana vai junto).
Mede, não testa: nenhum limite de tempo aqui falha a CI.

Máquina compartilhada: quando outro processo ocupa um dos núcleos, os fios do
OpenBLAS (o BLAS do numpy) esperam uns pelos outros e cada ``matmul`` pequeno
chega a ficar 10× mais lento; o JAX sofre bem menos. Para comparar os dois num
núcleo só, sem essa disputa: ``taskset -c 0 python bench/mlp_bench.py``.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ["KERAS_BACKEND"] = "jax"          # antes de qualquer import do keras

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from nn_helpers.nn import MLP  # noqa: E402

SIZES = (784, 128, 10)


def matmul_peak(n=3072, repeats=3):
    """Pico de float32 desta máquina (FLOP/s): o melhor de alguns ``np.matmul`` n × n."""
    rng = np.random.default_rng(0)
    a, b = rng.random((n, n), dtype=np.float32), rng.random((n, n), dtype=np.float32)
    np.matmul(a, b)
    best = min(_timed(lambda: np.matmul(a, b)) for _ in range(repeats))
    return 2 * n ** 3 / best


def _timed(run):
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def synthetic_data(n, seed=0):
    """X: (n, 784) float32 uniforme; y: (n,) o argmax de um professor linear aleatório."""
    rng = np.random.default_rng(seed)
    X = rng.random((n, SIZES[0]), dtype=np.float32)
    teacher = rng.standard_normal((SIZES[0], SIZES[-1])).astype(np.float32)
    y = np.argmax((X - 0.5) @ teacher, axis=1)
    return X, y


def keras_model(optimizer, lr):
    import keras

    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input((SIZES[0],)),
                              keras.layers.Dense(SIZES[1], activation="relu"),
                              keras.layers.Dense(SIZES[2], activation="softmax")])
    opt = (keras.optimizers.SGD(learning_rate=lr) if optimizer == "sgd"
           else keras.optimizers.Adam(learning_rate=lr))
    model.compile(optimizer=opt, loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=60000)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--optimizer", choices=("sgd", "adam"), default="sgd")
    args = parser.parse_args(argv)
    lr = 0.05 if args.optimizer == "sgd" else 0.001
    X, y = synthetic_data(args.n)
    flops = 3 * 2 * args.n * (SIZES[0] * SIZES[1] + SIZES[1] * SIZES[2])
    print(f"dados sintéticos {X.shape} float32; rede {'-'.join(map(str, SIZES))}; "
          f"lote {args.batch_size}; {args.optimizer} (lr={lr}); {args.epochs} épocas × "
          f"{args.rounds} rodadas")

    ours = MLP(SIZES, seed=0, dtype=np.float32)
    ours.fit(X, y, epochs=1, batch_size=args.batch_size, lr=lr, optimizer=args.optimizer,
             verbose=False)                                                  # aquecimento
    try:
        theirs = keras_model(args.optimizer, lr)
        theirs.fit(X, y, batch_size=args.batch_size, epochs=1, verbose=0)    # compila
    except ImportError:
        theirs = None
        print("Keras não está instalado: rode `.venv/bin/pip install -r requirements.txt` "
              "(keras e jax com versões exatas) para a comparação. Medindo só o nn_helpers.")

    times, peaks = {"nn_helpers": [], "keras": []}, []
    for _ in range(args.rounds):
        peaks.append(matmul_peak())
        times["nn_helpers"].append(_timed(lambda: ours.fit(
            X, y, epochs=args.epochs, batch_size=args.batch_size, lr=lr,
            optimizer=args.optimizer, verbose=False)) / args.epochs)
        if theirs is not None:
            times["keras"].append(_timed(lambda: theirs.fit(
                X, y, batch_size=args.batch_size, epochs=args.epochs, verbose=0)) / args.epochs)

    best = {name: min(t) for name, t in times.items() if t}
    peak = max(peaks)
    print(f"pico de np.matmul float32 (3072 × 3072) nesta máquina: {peak / 1e9:.1f} GFLOP/s "
          f"(o melhor de {len(peaks)} medidas)")
    for name, t in times.items():
        if t:
            print(f"{name:>10}: {best[name]:.3f} s/época (mediana {statistics.median(t):.3f}; "
                  f"rodadas {', '.join(f'{v:.3f}' for v in t)})")
    print(f"nn_helpers: {flops / best['nn_helpers'] / 1e9:.1f} GFLOP/s = "
          f"{flops / best['nn_helpers'] / peak:.0%} do pico")
    accuracy = {"nn_helpers": ours.evaluate(X, y)[1]}
    if theirs is not None:
        accuracy["keras"] = theirs.evaluate(X, y, verbose=0, batch_size=1024)[1]
        print(f"razão nn_helpers/Keras: {best['nn_helpers'] / best['keras']:.2f}× "
              "(menor que 1: o nn_helpers é mais rápido)")
    print("acurácia no treino ao fim: " + ", ".join(f"{k} {v:.3f}" for k, v in accuracy.items()))


if __name__ == "__main__":
    main()
