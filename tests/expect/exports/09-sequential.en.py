# Which Python concurrency model? — Measure first, then vectorize or stay sequential
# Link: https://example.invalid/?v=2&work=cpu&scale=one&where=script&py=3.12&total=quick&input=list&state=none&cancel=no&fail=fast
# Your answers:
#   Workload: Computing in Python
#   Scale: One machine
#   Runs in: Script or CLI
#   Python: 3.12
#   Whole job: A few seconds at most
#   Input: Fits in memory
#   Shared state: None
#   Cancellation: No
#   On failure: Stop at the first error
# Content version: 2.0.0 (2026-11-30)

"""Measure where the time goes, then vectorize or stay sequential.

Concurrency only helps when there is enough independent work to overlap or
spread over cores. Before adding threads or processes, this script shows how
to measure a run:

1. wall-clock time (time.perf_counter) against CPU time (time.process_time):
   CPU close to wall means the code computes; CPU far below wall means it waits;
2. cProfile on a sample, to find the functions that take the time;
3. the same loop written with NumPy, which runs it in C, and the gain;
4. a call into a multithreaded library: CPU time above wall time means it
   already uses several cores, and more processes would only compete for them.

Staying sequential is the right call when the whole job takes seconds, when
only one core is available, when each step needs the result of the previous
one, or when the time goes to a single call that cannot be split.

Run it:  python3 this_file.py
Settings come from environment variables (see CONFIGURATION below).
"""

from __future__ import annotations

import cProfile
import math
import os
import pstats
import sys
import time
from collections.abc import Callable

import numpy as np

# ---------------------------------------------------------------------------
# CONFIGURATION (environment variables, with defaults)
# ---------------------------------------------------------------------------
# How many points the loop processes.
COUNT = int(os.environ.get("PYCONC_COUNT", "1000000"))
# cProfile slows every Python call down, so it only watches a sample.
PROFILE_SAMPLE = max(1_000, COUNT // 10)
# Side of the square matrix multiplied in step 4.
MATRIX_SIZE = 1500
# How many profile entries to print.
PROFILE_LINES = 8


# ---------------------------------------------------------------------------
# Measuring tools
# ---------------------------------------------------------------------------
def measure(label: str, fn: Callable[[], object]) -> tuple[object, float]:
    """Run fn once, print its wall-clock and CPU time, return (result, wall)."""
    wall_start = time.perf_counter()
    cpu_start = time.process_time()
    result = fn()
    wall = time.perf_counter() - wall_start
    cpu = time.process_time() - cpu_start
    share = cpu / wall if wall > 0 else 0.0
    print(f"{label}: wall {wall:.3f}s, cpu {cpu:.3f}s ({share:.0%} of wall)")
    if share > 1.2:
        # process_time() adds up every thread of this process: above 100%, a
        # library (BLAS, OpenMP, a Rust or C++ extension) already runs on
        # several cores. More processes would oversubscribe them.
        print("  -> already on several cores (a multithreaded library): do not add processes;")
        print("     set its thread count (OMP_NUM_THREADS, threadpoolctl) if you split the work.")
    elif share > 0.8:
        print("  -> computing on one core: vectorize, or spread it over processes.")
    elif share < 0.3:
        print("  -> mostly waiting: threads or asyncio can overlap the waits.")
    else:
        # On a busy machine, wall time also counts the wait for a free core.
        print("  -> computing and waiting (or a busy machine): profile it.")
    return result, wall


def profile(fn: Callable[[], object]) -> None:
    """Run fn under cProfile and print the most expensive calls."""
    with cProfile.Profile() as profiler:
        fn()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats(pstats.SortKey.CUMULATIVE).print_stats(PROFILE_LINES)


# ---------------------------------------------------------------------------
# The work: count the random points that fall inside the unit circle
# ---------------------------------------------------------------------------
def distance(x: float, y: float) -> float:
    return math.sqrt(x * x + y * y)


def inside_loop(xs: list[float], ys: list[float]) -> int:
    """The plain Python loop: one interpreted step and one call per point."""
    count = 0
    for x, y in zip(xs, ys):
        if distance(x, y) <= 1.0:
            count += 1
    return count


def inside_numpy(xs: np.ndarray, ys: np.ndarray) -> int:
    """The same computation on whole arrays: the loop runs in C."""
    return int(np.count_nonzero(np.sqrt(xs * xs + ys * ys) <= 1.0))


def main() -> int:
    start = time.perf_counter()
    rng = np.random.default_rng(seed=42)
    xs_array = rng.random(COUNT)
    ys_array = rng.random(COUNT)
    xs, ys = xs_array.tolist(), ys_array.tolist()

    print("== 1. wall-clock against CPU time")
    expected, loop_s = measure("plain loop", lambda: inside_loop(xs, ys))

    print(f"\n== 2. cProfile on {PROFILE_SAMPLE} points")
    sample_x, sample_y = xs[:PROFILE_SAMPLE], ys[:PROFILE_SAMPLE]
    profile(lambda: inside_loop(sample_x, sample_y))

    print("== 3. the vectorized version")
    got, numpy_s = measure("NumPy", lambda: inside_numpy(xs_array, ys_array))

    print("== 4. a call into a multithreaded library")
    # A matrix product runs in BLAS, which may use every core by itself: its CPU
    # time can exceed the wall time.
    matrix = rng.random((MATRIX_SIZE, MATRIX_SIZE))
    measure("matrix product (BLAS)", lambda: matrix @ matrix)
    # Check that both versions agree before trusting the faster one.
    failed = 0 if expected == got else 1
    if failed:
        print(f"error: the versions disagree ({expected} != {got})", file=sys.stderr)
    print(f"pi is about {4 * got / COUNT:.4f}")
    speedup = loop_s / numpy_s if numpy_s > 0 else 0.0
    elapsed = time.perf_counter() - start
    print(
        f"summary: items={COUNT} failed={failed} "
        f"elapsed={elapsed:.2f}s speedup={speedup:.1f}x"
    )
    return failed


if __name__ == "__main__":
    sys.exit(main())
