# Which Python concurrency model? — Threads running Python code in parallel on free-threaded CPython
# Link: https://example.invalid/?v=2&work=cpu&scale=one&where=script&py=3.14&total=slow&gil=ft&ext=ready&os=linux&cores=5-16&task=short&data=small&shared=yes&input=list&state=none&crash=no&cancel=no&fail=fast
# Your answers:
#   Workload: Computing in Python
#   Scale: One machine
#   Runs in: Script or CLI
#   Python: 3.14 or newer
#   Whole job: Longer than that
#   Build: Free-threaded
#   Free-threading support: All ready
#   OS: Linux
#   Cores: 5 to 16
#   Task length: Milliseconds to seconds
#   Task data: Small values
#   Large shared object: Yes, a large read-only object
#   Input: Fits in memory
#   Shared state: None
#   Crash risk: No
#   Cancellation: No
#   On failure: Stop at the first error
# Content version: 2.0.0 (2026-11-30)

"""Run pure-Python CPU work in parallel threads on free-threaded CPython.

On a free-threaded build (python3.13t, python3.14t) the GIL is off, so threads
running plain Python code use several cores at once, sharing memory with no
pickling. With the GIL on (a normal build, or an extension that turned it back
on) the script warns and still runs, just without the parallel speedup.
A sequential run on a small sample is timed first, so the summary line shows
the speedup the threads give.

Run it:  python3.14t this_file.py
Settings come from environment variables (see CONFIGURATION below).
"""

from __future__ import annotations

import contextlib
import os
import sys
import sysconfig
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from itertools import islice

# ---------------------------------------------------------------------------
# CONFIGURATION (environment variables, with defaults)
# ---------------------------------------------------------------------------
# How many tasks to run.
COUNT = int(os.environ.get("PYCONC_COUNT", "2000"))
# Numbers per task.
BLOCK = 500
# Worker threads; 0 means one per CPU.
WORKERS = int(os.environ.get("PYCONC_WORKERS", "0"))
# How many items the sequential baseline processes (5% of the input).
SAMPLE = max(10, COUNT // 20)


class Totals:
    """A counter shared by all worker threads.

    Free-threading pitfall: `self.primes += n` is a read, an add and a write.
    Without the GIL, two threads can interleave them and lose an update, so
    every compound update takes the lock.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.primes = 0
        self.tasks = 0

    def add(self, primes: int) -> None:
        with self._lock:
            self.primes += primes
            self.tasks += 1

    def reset(self) -> None:
        with self._lock:
            self.primes = self.tasks = 0


TOTALS = Totals()


# ---------------------------------------------------------------------------
# Start-up check
# ---------------------------------------------------------------------------
def gil_enabled() -> bool:
    """Tell whether the GIL is on in this process right now."""
    # sys._is_gil_enabled() exists from 3.13 on; older versions always have a GIL.
    check = getattr(sys, "_is_gil_enabled", None)
    return True if check is None else bool(check())


def warn_if_gil() -> None:
    """Say why the threads will not run in parallel, and carry on.

    Call it after all imports: importing an extension that does not declare
    free-threading support turns the GIL back on for the whole process.
    """
    if not gil_enabled():
        return
    if sysconfig.get_config_var("Py_GIL_DISABLED"):
        reason = (
            "this is a free-threaded build, but the GIL is on: an imported "
            "extension is not marked free-threading safe, or PYTHON_GIL=1 is set"
        )
    else:
        reason = (
            f"Python {sys.version.split()[0]} is a build with the GIL; "
            "install python3.13t or python3.14t"
        )
    print(f"warning: {reason}. The threads will take turns.", file=sys.stderr)


# ---------------------------------------------------------------------------
# The work
# ---------------------------------------------------------------------------
def work(start: int) -> int:
    """Count the primes in [start, start + BLOCK) by trial division.

    Plain Python code: with the GIL off, each thread runs it on its own core.
    Replace it with your own computation.
    """
    count = 0
    for n in range(max(start, 2), start + BLOCK):
        if n % 2 == 0:
            count += n == 2
            continue
        divisor = 3
        while divisor * divisor <= n:
            if n % divisor == 0:
                break
            divisor += 2
        else:
            count += 1
    TOTALS.add(count)
    return count


# The function the pool runs for each item. Fail-fast policy: an exception in a
# task is re-raised here when its result is read.
TASK = work


# ---------------------------------------------------------------------------
# Input
# ---------------------------------------------------------------------------
def input_items() -> Iterator[int]:
    """Yield the start of each block of numbers, lazily."""
    for i in range(COUNT):
        yield 1_000_000 + i * BLOCK


class Counted:
    """Wrap an iterable and count how many items the pool has taken from it.

    Only the main thread iterates it. Iterator pitfall: never let several
    threads call next() on one shared iterator or generator without a lock;
    hand each task its own item instead, as the pool does here.
    """

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
    if WORKERS > 0:
        return WORKERS
    # CPU-bound threads: one per core; more would only queue.
    # os.process_cpu_count() (3.13+) counts only the CPUs this process may use;
    # older versions fall back to os.cpu_count().
    return getattr(os, "process_cpu_count", os.cpu_count)() or 1


def results(executor: ThreadPoolExecutor, items: Iterable, workers: int) -> Iterator:
    # map() yields results in input order and cancels the tasks not yet
    # started if reading a result raises.
    return executor.map(TASK, items)


# ---------------------------------------------------------------------------
# Measure and run
# ---------------------------------------------------------------------------
def time_sequential(items: Iterable) -> tuple[int, float]:
    """Run the sample in this thread and return (items done, seconds)."""
    done = 0
    start = time.perf_counter()
    for item in items:
        # This loop only measures; the pool run below reports the errors.
        with contextlib.suppress(Exception):
            work(item)
        done += 1
    return done, time.perf_counter() - start


def main() -> int:
    warn_if_gil()
    workers = worker_count()
    sample_done, sample_s = time_sequential(islice(input_items(), SAMPLE))
    # The sample updated the shared totals too; start the real run from zero.
    TOTALS.reset()
    items = Counted(input_items())
    ok = 0
    fatal: str | None = None
    start = time.perf_counter()
    # The with block waits for every thread, so none outlives the run.
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="work") as executor:
        try:
            for _outcome in results(executor, items, workers):
                ok += 1
        except (OSError, ValueError, ArithmeticError) as exc:
            # Fail fast: the tasks not yet started were cancelled on the way out.
            fatal = f"a task failed: {exc!r}"
    elapsed = time.perf_counter() - start

    if fatal:
        print(f"stopped: {fatal}", file=sys.stderr)
    print(f"found {TOTALS.primes} primes in {TOTALS.tasks} blocks")
    failed = items.taken - ok
    # Estimated sequential time for the items done, from the timed sample.
    sequential_s = sample_s / max(sample_done, 1) * ok
    speedup = sequential_s / elapsed if elapsed > 0 else 0.0
    print(
        f"summary: items={items.taken} failed={failed} "
        f"elapsed={elapsed:.2f}s speedup={speedup:.1f}x"
    )
    # The exit status tells the truth: 1 when any item failed or the run stopped.
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
