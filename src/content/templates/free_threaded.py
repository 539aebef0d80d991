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
{{#if input = stream}}
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
{{#else}}
from concurrent.futures import ThreadPoolExecutor
{{/if}}
from itertools import islice

# ---------------------------------------------------------------------------
# CONFIGURATION (environment variables, with defaults)
# ---------------------------------------------------------------------------
{{#if task = tiny}}
# How many tasks to run (tiny tasks: many of them).
COUNT = int(os.environ.get("PYCONC_COUNT", "20000"))
# Numbers per task: a small block, so one task takes some microseconds.
BLOCK = 50
{{#else}}
# How many tasks to run.
COUNT = int(os.environ.get("PYCONC_COUNT", "2000"))
# Numbers per task.
BLOCK = 500
{{/if}}
# Worker threads; 0 means one per CPU.
WORKERS = int(os.environ.get("PYCONC_WORKERS", "0"))
{{#if cancel = yes}}
# Give up on the whole run after this many seconds.
TIMEOUT_S = float(os.environ.get("PYCONC_TIMEOUT", "60"))
{{/if}}
# How many items the sequential baseline processes (5% of the input).
SAMPLE = max(10, COUNT // 20)
{{#if py = 3.14 and input = stream}}
# Python 3.14 feature, checked at run time so the file also runs on older versions.
MAP_HAS_BUFFERSIZE = sys.version_info >= (3, 14)
{{/if}}
{{#if cancel = yes}}

# Threads cannot be killed from outside. Each task checks this flag and stops
# early once it is set (cooperative cancellation).
STOP = threading.Event()


class Stopped(Exception):
    """Raised inside a task that saw the STOP flag."""
{{/if}}


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
        # A likely cause: a compiled dependency that is not ready yet. Look for
        # free-threading support in its release notes (cp313t or cp314t wheels).
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
{{#if cancel = yes}}
    if STOP.is_set():
        raise Stopped(str(start))
{{/if}}
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
{{#if fail = all}}


{{> work_checked}}


# The function the pool runs for each item.
TASK = work_checked
{{#else}}


# The function the pool runs for each item. Fail-fast policy: an exception in a
# task is re-raised here when its result is read.
TASK = work
{{/if}}


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
{{> thread_results}}


def main() -> int:
    warn_if_gil()
{{#if task = tiny}}
    # Tiny-task pitfall: handing a task to a thread costs some microseconds.
    # If a task is not much longer than that, give each task a bigger block.
{{/if}}
    workers = worker_count()
    sample_done, sample_s = time_sequential(islice(input_items(), SAMPLE))
    # The sample updated the shared totals too; start the real run from zero.
    TOTALS.reset()
    items = Counted(input_items())
    ok = 0
{{#if fail = all}}
    errors: list[str] = []
{{/if}}
{{#if fail = fast or cancel = yes}}
    fatal: str | None = None
{{/if}}
    start = time.perf_counter()
    # The with block waits for every thread, so none outlives the run.
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="work") as executor:
{{#if fail = all and cancel = no}}
        for outcome in results(executor, items, workers):
            _value, error = outcome
            if error is None:
                ok += 1
            else:
                errors.append(error)
{{#else}}
        try:
{{#if fail = all}}
            for outcome in results(executor, items, workers):
                _value, error = outcome
                if error is None:
                    ok += 1
                else:
                    errors.append(error)
{{#else}}
            for _outcome in results(executor, items, workers):
                ok += 1
{{/if}}
{{/if}}
{{#if cancel = yes}}
        except TimeoutError:
{{/if}}
{{#if cancel = yes}}
            fatal = f"timed out after {TIMEOUT_S:g} s"
            # Tasks not yet past their start see the flag and stop.
            STOP.set()
{{/if}}
{{#if fail = fast}}
        except (OSError, ValueError, ArithmeticError) as exc:
            # Fail fast: the tasks not yet started were cancelled on the way out.
            fatal = f"a task failed: {exc!r}"
{{#if cancel = yes}}
            STOP.set()
{{/if}}
{{/if}}
    elapsed = time.perf_counter() - start

{{#if fail = all}}
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
{{/if}}
{{#if fail = fast or cancel = yes}}
    if fatal:
        print(f"stopped: {fatal}", file=sys.stderr)
{{/if}}
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
