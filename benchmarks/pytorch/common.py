"""Shared set-up for the PyTorch side of docs/performance.md.

Every script runs in double precision on the CPU, with torch.set_num_threads(THREADS), where
THREADS is $TORCH_THREADS or else every core the machine has (PyTorch gets its best shot). Each
prints one machine-readable line per workload:

    RESULT <workload> <seconds per operation> threads=<n> torch=<version>

which benchmarks/run.sh reads. Timings are the median of several repeats after a warm-up.
"""

import os
import statistics
import time

import torch

THREADS = int(os.environ.get("TORCH_THREADS", os.cpu_count() or 1))
torch.set_num_threads(THREADS)
torch.set_default_dtype(torch.float64)


def median_seconds(operation, repeats, warmup=1):
    """The median wall time of `operation()` over `repeats` calls, after `warmup` untimed calls."""
    for _ in range(warmup):
        operation()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        operation()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(workload, seconds_per_op):
    print(f"RESULT {workload} {seconds_per_op:.9g} threads={THREADS} torch={torch.__version__}",
          flush=True)
