"""Adam on Beale: 20,000 steps from (1, 1) at lr 0.01, autograd through the formula; per step."""

import torch

from common import median_seconds, report

STEPS = 20_000
LR = 0.01


def beale(p):
    x, y = p[0], p[1]
    return ((1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2
            + (2.625 - x + x * y ** 3) ** 2)


def run():
    p = torch.tensor([1.0, 1.0], requires_grad=True)
    optimizer = torch.optim.Adam([p], lr=LR)
    for _ in range(STEPS):
        optimizer.zero_grad()
        beale(p).backward()
        optimizer.step()
    return p


if __name__ == "__main__":
    report("beale-adam", median_seconds(run, repeats=3) / STEPS)
