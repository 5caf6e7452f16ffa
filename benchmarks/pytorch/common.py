"""Shared set-up for the PyTorch side of docs/performance.md.

Every script runs in double precision on the CPU, with torch.set_num_threads(THREADS), where
THREADS is $TORCH_THREADS or else every core the machine has (PyTorch gets its best shot). Each
prints one machine-readable line per workload:

    RESULT <workload> <seconds per operation> threads=<n> torch=<version>

which benchmarks/run.sh reads. Timings are the median of several repeats after a warm-up. The
run-level workloads (`<workload>-run`, one whole `gradus run` of a suite in benchmarks/suite/)
add `first=<seconds>`: the first repeat apart, the figure the median of the later ones.
$RUN_REPEATS sets their number of repeats (default 4, the first included).
"""

import os
import statistics
import time

import torch

RUN_REPEATS = max(2, int(os.environ.get("RUN_REPEATS", 4)))
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


def first_and_median(operation, repeats=None):
    """(the first call's wall time, the median of the later calls') over `repeats` calls of
    `operation()`, RUN_REPEATS by default: the first includes whatever warms up lazily."""
    times = []
    for _ in range(repeats or RUN_REPEATS):
        start = time.perf_counter()
        operation()
        times.append(time.perf_counter() - start)
    return times[0], statistics.median(times[1:])


def report(workload, seconds_per_op, first=None):
    extra = "" if first is None else f" first={first:.9g}"
    print(f"RESULT {workload} {seconds_per_op:.9g}{extra} threads={THREADS}"
          f" torch={torch.__version__}", flush=True)
