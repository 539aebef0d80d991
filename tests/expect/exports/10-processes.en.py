# Which Python concurrency model? — A process pool for pure-Python CPU work
# Link: https://example.invalid/?v=2&work=ext&scale=one&where=script&py=3.12&total=slow&os=linux&cores=5-16&task=short&data=small&shared=no&input=list&state=none&blas=no&crash=yes&cancel=no&fail=all
# Your answers:
#   Workload: Computing in C libraries
#   Scale: One machine
#   Runs in: Script or CLI
#   Python: 3.12
#   Whole job: Longer than that
#   OS: Linux
#   Cores: 5 to 16
#   Task length: Milliseconds to seconds
#   Task data: Small values
#   Large shared object: No
#   Input: Fits in memory
#   Shared state: None
#   Library threads: No
#   Crash risk: Yes, it might
#   Cancellation: No
#   On failure: Finish the rest
# Content version: 2.0.0 (2026-11-30)

"""Run pure-Python CPU work on every core with a ProcessPoolExecutor.

Each task counts the primes in one block of numbers with plain Python loops.
Threads would take turns on the GIL for this kind of work; processes do not.
A sequential run on a small sample is timed first, so the summary line can
show the speedup the pool gives.
A worker that dies (a segfault in native code, an out-of-memory kill) breaks the
pool: this script starts a new pool, runs again what did not finish, and names
the item that crashed.

Run it:  python3 this_file.py
Settings come from environment variables (see CONFIGURATION below).
"""

from __future__ import annotations

import os

# Native libraries (OpenBLAS, MKL, OpenMP: NumPy, SciPy, PyTorch...) start one
# thread per core in every process that loads them, so N workers would run
# N x N threads. The pool already uses every core: one native thread each.
# These variables are read once, when a library loads, so they are set here,
# before anything can import one. Workers inherit them.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import ctypes
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

# ---------------------------------------------------------------------------
# CONFIGURATION (environment variables, with defaults)
# ---------------------------------------------------------------------------
# How many tasks to run.
COUNT = int(os.environ.get("PYCONC_COUNT", "2000"))
# Worker processes; 0 means one per CPU.
WORKERS = int(os.environ.get("PYCONC_WORKERS", "0"))
# Numbers per task.
BLOCK = 500
# The first number of block 0.
FIRST = 1_000_000
# Replace each worker process after this many tasks, so leaks in native code
# cannot pile up.
MAX_TASKS_PER_CHILD = 200
# How many items the sequential baseline processes (5% of the input).
SAMPLE = max(10, COUNT // 20)

# The errors that mean "this item is bad" (unreadable, malformed).
# They are reported and the run goes on; the exit status is 1 if any occurred.
# Any other exception (TypeError, KeyError...) is a bug: it stops the run with
# its traceback.
ITEM_ERRORS = (OSError, ValueError)
# Self-test hook, used by this template's test suite and harmless otherwise:
# PYCONC_FAULT=fail:N makes item N raise ValueError (a bad item), bug:N raise
# TypeError (a bug), crash:N kill its worker process with a segfault.
FAULT = os.environ.get("PYCONC_FAULT", "")


# ---------------------------------------------------------------------------
# The work. Process pools pickle the function by name, so it must be defined at
# module level: a lambda or a nested function cannot be sent to a worker.
# ---------------------------------------------------------------------------


def inject_fault(item: object) -> None:
    """The self-test hook (see FAULT). Delete it in your own code."""
    kind, _, which = FAULT.partition(":")
    if not which or which != str(item):
        return
    if kind == "fail":
        raise ValueError(f"item {item}: bad input")
    if kind == "bug":
        raise TypeError(f"item {item}: a bug")
    if kind == "crash":
        ctypes.string_at(0)  # reads address 0: a segfault, as a broken C extension would


def work(block: int) -> int:
    """Count the primes of block `block` by trial division.

    Replace this with your own pure-Python computation.
    """
    inject_fault(block)
    start = FIRST + block * BLOCK
    count = 0
    for n in range(start, start + BLOCK):
        if n % 2 == 0:
            continue
        divisor = 3
        while divisor * divisor <= n:
            if n % divisor == 0:
                break
            divisor += 2
        else:
            count += 1
    return count


# ---------------------------------------------------------------------------
# Input
# ---------------------------------------------------------------------------
def input_items() -> Iterator[int]:
    """Yield the number of each block, lazily."""
    yield from range(COUNT)


class Counted:
    """Wrap an iterable and count how many items the pool has taken from it."""

    def __init__(self, items: Iterable) -> None:
        self._items = items
        self.taken = 0

    def __iter__(self) -> Iterator:
        for item in self._items:
            self.taken += 1
            yield item


# ---------------------------------------------------------------------------
# The pool
# ---------------------------------------------------------------------------
def worker_count() -> int:
    # os.process_cpu_count() (3.13+) counts only the CPUs this process may use;
    # older versions fall back to os.cpu_count().
    count = WORKERS or getattr(os, "process_cpu_count", os.cpu_count)() or 1
    if sys.platform == "win32":
        # Windows pitfall: ProcessPoolExecutor refuses more than 61 workers.
        count = min(count, 61)
    return count


def make_pool(workers: int) -> ProcessPoolExecutor:
    # The platform's default start method: fork on Linux up to 3.13,
    # forkserver on Linux from 3.14, spawn on macOS and Windows. With spawn
    # and forkserver every worker imports this file: keep the main guard at
    # the bottom and the work functions at module level.
    # max_tasks_per_child (3.11+) recycles workers: a leaking task cannot grow
    # one process forever. It refuses fork, so on Linux up to 3.13 the pool
    # starts its workers with spawn instead (each imports this file).
    return ProcessPoolExecutor(
        max_workers=workers,
        max_tasks_per_child=MAX_TASKS_PER_CHILD,
    )


# ---------------------------------------------------------------------------
# Crash isolation: a worker that dies takes the pool down with it
# ---------------------------------------------------------------------------
class Outcome:
    """What the run has done so far. Only the main thread updates it."""

    def __init__(self) -> None:
        self.ok = 0
        self.errors: list[str] = []
        self.crashed: list[str] = []




def run_pool(pool: ProcessPoolExecutor, units: Iterator, limit: int, outcome: Outcome) -> list:
    """Run `units` with at most `limit` in flight.

    Returns the units that were in flight when a worker died (an empty list if
    none did); the units not taken from `units` yet stay there for the next pool.
    """
    pending: dict[Future, object] = {}
    try:
        while True:
            for unit in units:
                pending[pool.submit(work, unit)] = unit
                if len(pending) >= limit:
                    break
            if not pending:
                return []
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                unit = pending.pop(future)
                try:
                    future.result()
                except BrokenProcessPool:
                    # Every unit in flight fails with the pool; which one killed
                    # the worker is not known yet.
                    return [unit, *pending.values()]
                except ITEM_ERRORS as exc:
                    outcome.errors.append(f"item {unit}: {exc!r}")
                else:
                    # Fail fast: an ITEM_ERRORS exception of result() ends the run.
                    outcome.ok += 1
    finally:
        # On an error or a timeout, drop the tasks that have not started yet.
        for future in pending:
            future.cancel()


def find_crasher(suspects: list, outcome: Outcome) -> None:
    """Run the units that were in flight one at a time, each in a fresh pool.

    One worker runs them in order, so when it dies, the unit it was running is
    the first one not done: that item is named and left out, the others run on.
    """
    queue = list(suspects)
    while queue:
        with make_pool(1) as pool:
            futures = [(item, pool.submit(work, item)) for item in queue]
            queue = []
            for position, (item, future) in enumerate(futures):
                try:
                    future.result()
                except BrokenProcessPool:
                    outcome.crashed.append(f"item {item}: its worker process died (segfault, os._exit, out-of-memory kill)")
                    queue = [later for later, _ in futures[position + 1 :]]
                    break
                except ITEM_ERRORS as exc:
                    outcome.errors.append(f"item {item}: {exc!r}")
                else:
                    outcome.ok += 1


def run_isolated(items: Iterable, workers: int, outcome: Outcome) -> None:
    """Run every item; after a worker dies, start a new pool and go on."""
    units = iter(items)
    while True:
        # The with block shuts the pool down and waits for its workers, so no
        # process outlives it (leak pitfall).
        with make_pool(workers) as pool:
            # Two tasks per worker keep every process busy; a crash then leaves
            # few units to run again.
            suspects = run_pool(pool, units, 2 * workers, outcome)
        if not suspects:
            return
        find_crasher(suspects, outcome)


# ---------------------------------------------------------------------------
# Measure and run
# ---------------------------------------------------------------------------
def time_sequential(items: Iterable) -> tuple[int, float]:
    """Run the sample one item at a time and return (items done, seconds).

    Crash-prone work never runs in this process, not even to measure it: the
    sample runs in a single worker process, one item after the other.
    """
    done = 0
    with make_pool(1) as pool:
        # Start the worker before the clock does.
        pool.submit(int, 0).result()
        start = time.perf_counter()
        for item in items:
            try:
                pool.submit(work, item).result()
            except BrokenProcessPool:
                # The pool run below finds and names the item.
                break
            except Exception:  # noqa: BLE001, S110 - this loop only measures
                pass
            done += 1
        return done, time.perf_counter() - start


def run() -> int:
    workers = worker_count()
    sample_done, sample_s = time_sequential(islice(input_items(), SAMPLE))
    items = Counted(input_items())
    outcome = Outcome()
    fatal: str | None = None
    start = time.perf_counter()
    run_isolated(items, workers, outcome)
    elapsed = time.perf_counter() - start
    ok = outcome.ok
    errors = outcome.errors + outcome.crashed

    # Every error is reported, not only the first ones (like `make -k`).
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    if fatal:
        print(f"stopped: {fatal}", file=sys.stderr)
    failed = items.taken - ok
    # Estimated sequential time for the items done, from the timed sample.
    sequential_s = sample_s / max(sample_done, 1) * ok
    speedup = sequential_s / elapsed if elapsed > 0 else 0.0
    print(
        f"summary: items={items.taken} failed={failed} "
        f"elapsed={elapsed:.2f}s speedup={speedup:.1f}x"
    )
    # The exit status tells the truth: 1 when any item failed or the run stopped.
    return 1 if failed or fatal else 0


def main() -> int:
    return run()


# Main-guard pitfall: spawn and forkserver workers import this file. Without
# the guard, each of them would start a pool of its own.
if __name__ == "__main__":
    sys.exit(main())
