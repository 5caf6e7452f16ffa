"""Rosenbrock at n = 1,000,000 from (-1.2, 1, -1.2, 1, ...), by autograd: one value and gradient
(rosenbrock-1e6, against RosenbrockBenchmark), and a whole run of benchmarks/suite/
rosenbrock-adam.yaml (rosenbrock-adam-run): 20 torch.optim.Adam steps at lr 1e-3, each after a
value and gradient, and one more value and gradient at the final point, from a fresh start."""

import torch

from common import first_and_median, median_seconds, report

N = 1_000_000
STEPS = 20
LR = 1e-3


def start():
    x = torch.ones(N)
    x[0::2] = -1.2
    return x.requires_grad_(True)


def rosenbrock(p):
    head, tail = p[:-1], p[1:]
    return (100 * (tail - head ** 2) ** 2 + (1 - head) ** 2).sum()


x = start()


def value_and_gradient():
    x.grad = None
    f = rosenbrock(x)
    f.backward()
    return f


def adam_run():
    p = start()
    optimizer = torch.optim.Adam([p], lr=LR)
    for _ in range(STEPS):
        optimizer.zero_grad()
        rosenbrock(p).backward()
        optimizer.step()
    optimizer.zero_grad()
    rosenbrock(p).backward()
    return p


if __name__ == "__main__":
    report("rosenbrock-1e6", median_seconds(value_and_gradient, repeats=10, warmup=2))
    first, median = first_and_median(adam_run)
    report("rosenbrock-adam-run", median, first)
