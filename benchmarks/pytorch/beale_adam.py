"""Adam on Beale: 20,000 steps from (1, 1) at lr 0.01, autograd through the formula, then the
value and gradient at the final point (as a Gradus run evaluates it). Prints the whole run
(beale-adam-run, the workload of benchmarks/suite/beale-adam.yaml) and, from the same repeats,
the time per step (beale-adam, against BealeAdamBenchmark)."""

import torch

from common import first_and_median, report

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
    optimizer.zero_grad()
    beale(p).backward()
    return p


if __name__ == "__main__":
    first, median = first_and_median(run)
    report("beale-adam-run", median, first)
    report("beale-adam", median / STEPS)
