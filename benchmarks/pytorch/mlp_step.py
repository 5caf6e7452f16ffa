"""One minibatch training step of a 64-32-10 tanh network on the digits (batch 64, float64):
forward, cross-entropy, backward and torch.optim.Adam (lr 1e-3), the workload of
MlpStepBenchmark.step. A second figure, mlp-step-with-loss, adds what a Gradus suite run computes
at every step besides: the full training loss over all 1,797 rows, without gradient
(MlpStepBenchmark.suiteStep).

The digits are read as Gradus ships them (pixel counts / 16); batches are consecutive slices of one
fixed shuffle, so that no DataLoader overhead is timed.
"""

import csv
import os
import time

import torch

from common import report

HERE = os.path.dirname(os.path.abspath(__file__))
DIGITS = os.path.join(HERE, "../../functions/src/main/resources/dev/gradus/functions/datasets/digits.csv")
BATCH = 64
STEPS = 1_000  # per timed repeat
REPEATS = 7


def load():
    rows = [r for r in csv.reader(open(DIGITS)) if r and not r[0].startswith("#")][1:]
    x = torch.tensor([[int(v) / 16 for v in r[:-1]] for r in rows])
    y = torch.tensor([int(r[-1]) for r in rows])
    return x, y


x, y = load()
torch.manual_seed(1)
model = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.Tanh(), torch.nn.Linear(32, 10))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
order = torch.randperm(x.shape[0])
batches = [(x[order[i : i + BATCH]], y[order[i : i + BATCH]]) for i in range(0, x.shape[0], BATCH)]


def step(xb, yb):
    optimizer.zero_grad()
    loss = torch.nn.functional.cross_entropy(model(xb), yb)
    loss.backward()
    optimizer.step()


def step_with_loss(xb, yb):
    with torch.no_grad():
        torch.nn.functional.cross_entropy(model(x), y)
    step(xb, yb)


def seconds_per_step(operation, steps):
    """The median over REPEATS of the mean time per step over `steps` steps, after a warm-up."""
    for i in range(steps // 2):
        operation(*batches[i % len(batches)])
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        for i in range(steps):
            operation(*batches[i % len(batches)])
        times.append((time.perf_counter() - start) / steps)
    return sorted(times)[len(times) // 2]


if __name__ == "__main__":
    report("mlp-step", seconds_per_step(step, STEPS))
    report("mlp-step-with-loss", seconds_per_step(step_with_loss, STEPS // 4))
