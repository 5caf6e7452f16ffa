"""Linear regression by full-batch gradient descent (torch.optim.SGD, lr 0.1): 1,000,000 points of
y = 2x + 1 + 0.5·N(0, 1) with x uniform in [-1, 1), 100 epochs from (m, b) = (0, 0)."""

import torch

from common import median_seconds, report

POINTS = 1_000_000
EPOCHS = 100

generator = torch.Generator().manual_seed(7)
features = 2 * torch.rand(POINTS, generator=generator) - 1
targets = 2 * features + 1 + 0.5 * torch.randn(POINTS, generator=generator)


def fit():
    m = torch.zeros((), requires_grad=True)
    b = torch.zeros((), requires_grad=True)
    optimizer = torch.optim.SGD([m, b], lr=0.1)
    for _ in range(EPOCHS):
        optimizer.zero_grad()
        loss = ((m * features + b - targets) ** 2).mean()
        loss.backward()
        optimizer.step()
    return m, b


if __name__ == "__main__":
    report("linear-regression", median_seconds(fit, repeats=3))
