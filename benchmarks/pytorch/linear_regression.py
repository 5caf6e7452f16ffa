"""Linear regression by full-batch gradient descent (torch.optim.SGD, lr 0.1): 1,000,000 points of
y = 2x + 1 + 0.5·N(0, 1) with x uniform in [-1, 1), 100 epochs from (m, b) = (0, 0), then the loss
and its gradient at the final point (as a Gradus run evaluates it). Prints the fit alone
(linear-regression, against LinearRegressionBenchmark) and, from the same repeats, the whole run
of benchmarks/suite/linear-regression-gd.yaml, generating the data included
(linear-regression-run), since a Gradus run makes its objective and its data."""

import statistics
import time

import torch

from common import RUN_REPEATS, report

POINTS = 1_000_000
EPOCHS = 100


def data():
    generator = torch.Generator().manual_seed(7)
    features = 2 * torch.rand(POINTS, generator=generator) - 1
    targets = 2 * features + 1 + 0.5 * torch.randn(POINTS, generator=generator)
    return features, targets


def loss_of(m, b, features, targets):
    return ((m * features + b - targets) ** 2).mean()


def fit(features, targets):
    m = torch.zeros((), requires_grad=True)
    b = torch.zeros((), requires_grad=True)
    optimizer = torch.optim.SGD([m, b], lr=0.1)
    for _ in range(EPOCHS):
        optimizer.zero_grad()
        loss_of(m, b, features, targets).backward()
        optimizer.step()
    optimizer.zero_grad()
    loss_of(m, b, features, targets).backward()
    return m, b


if __name__ == "__main__":
    runs, fits = [], []
    for _ in range(RUN_REPEATS):
        start = time.perf_counter()
        generated = data()
        fitting = time.perf_counter()
        fit(*generated)
        end = time.perf_counter()
        runs.append(end - start)
        fits.append(end - fitting)
    report("linear-regression", statistics.median(fits[1:]))
    # a run's wall_ms starts once the problem (here the generated data) is built: the fit alone
    report("linear-regression-run", statistics.median(fits[1:]), fits[0])
