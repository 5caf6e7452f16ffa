"""One torch.optim.Adam step (lr 1e-3) over 10,000,000 parameters with a fixed gradient."""

import torch

from common import median_seconds, report

N = 10_000_000

generator = torch.Generator().manual_seed(1)
p = torch.nn.Parameter(2 * torch.rand(N, generator=generator) - 1)
p.grad = 2 * torch.rand(N, generator=generator) - 1
optimizer = torch.optim.Adam([p], lr=1e-3)

if __name__ == "__main__":
    report("adam-1e7", median_seconds(optimizer.step, repeats=10, warmup=2))
