"""Rosenbrock at n = 1,000,000: value and gradient by autograd, from (-1.2, 1, -1.2, 1, ...)."""

import torch

from common import median_seconds, report

N = 1_000_000

x = torch.ones(N)
x[0::2] = -1.2
x.requires_grad_(True)


def value_and_gradient():
    x.grad = None
    head, tail = x[:-1], x[1:]
    f = (100 * (tail - head ** 2) ** 2 + (1 - head) ** 2).sum()
    f.backward()
    return f


if __name__ == "__main__":
    report("rosenbrock-1e6", median_seconds(value_and_gradient, repeats=20, warmup=3))
