# Which Python concurrency model? — Measure first, then vectorize or stay sequential
# Link: https://example.invalid/?v=2&work=unsure&scale=one&where=script&py=3.12&os=linux&cores=unsure&task=short&data=small&input=list&state=none&cancel=no&fail=all
# Your answers:
#   Workload: I'm not sure
#   Scale: One machine
#   Runs in: Script or CLI
#   Python: 3.12
#   OS: Linux
#   Cores: I'm not sure
#   Task length: Milliseconds to seconds
#   Task data: Small values
#   Input: Fits in memory
#   Shared state: None
#   Cancellation: No
#   On failure: Finish the rest
# Content version: 2.0.0 (2026-11-30)

"""Measure where the time goes, then vectorize or stay sequential.

Concurrency only helps when there is enough independent work to overlap or
spread over cores. Before adding threads or processes, this script shows how
to measure a run:

1. wall-clock time (time.perf_counter) against CPU time (time.process_time):
   CPU close to wall means the code computes; CPU far below wall means it waits;
2. cProfile on a sample, to find the functions that take the time;

Staying sequential is the right call when the whole job takes seconds, when
only one core is available, when each step needs the result of the previous
one, or when the time goes to a single call that cannot be split.

Run it:  python3 this_file.py
Settings come from environment variables (see CONFIGURATION below).
"""

from __future__ import annotations

import cProfile
import os
import pstats
import sys
import time
from collections.abc import Callable

# ---------------------------------------------------------------------------
# CONFIGURATION (environment variables, with defaults)
# ---------------------------------------------------------------------------
# How many items to process.
COUNT = int(os.environ.get("PYCONC_COUNT", "200"))
# cProfile watches a sample of the items.
PROFILE_SAMPLE = max(10, COUNT // 10)
# Simulated waiting per item (stands in for a network or disk call), seconds.
WAIT_S = 0.002
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
# The work: a stand-in that computes a little and waits a little per item
# ---------------------------------------------------------------------------
def process(item: int) -> int:
    """Replace with your own step. The sleep stands in for a blocking call."""
    total = sum(i * i for i in range(item % 50 * 100))
    time.sleep(WAIT_S)
    return total


def run_all(count: int) -> int:
    """Process the items one after the other: simple, ordered, easy to debug."""
    return sum(process(item) for item in range(count))


def main() -> int:
    start = time.perf_counter()
    print("== 1. wall-clock against CPU time")
    measure("all items", lambda: run_all(COUNT))

    print(f"\n== 2. cProfile on {PROFILE_SAMPLE} items")
    profile(lambda: run_all(PROFILE_SAMPLE))

    elapsed = time.perf_counter() - start
    print(f"summary: items={COUNT} failed=0 elapsed={elapsed:.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
