"""Run pure-Python CPU work in parallel with an InterpreterPoolExecutor (3.14+).

Each worker thread runs its own interpreter with its own GIL, so plain Python
code runs on several cores inside one process. Interpreters share no mutable
objects: the function, its arguments and its results are pickled between them,
as with a process pool. A sequential run on a small sample is timed first, so
the summary line shows the speedup the pool gives.

Run it:  python3.14 this_file.py
Settings come from environment variables (see CONFIGURATION below).
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import os
import sys
import time
from collections.abc import Iterable, Iterator
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
# Worker interpreters; 0 means one per CPU.
WORKERS = int(os.environ.get("PYCONC_WORKERS", "0"))
{{#if cancel = yes}}
# Give up on the whole run after this many seconds.
TIMEOUT_S = float(os.environ.get("PYCONC_TIMEOUT", "60"))
{{/if}}
# How many items the sequential baseline processes (5% of the input).
SAMPLE = max(10, COUNT // 20)


# ---------------------------------------------------------------------------
# The work. The pool pickles the function by name, so it must be defined at
# module level (no lambdas or nested functions), and the start-up code must sit
# under the main guard, as with spawned processes.
# ---------------------------------------------------------------------------
def work(start: int) -> int:
    """Count the primes in [start, start + BLOCK) by trial division.

    Replace it with your own computation. It runs in a worker interpreter:
    globals changed here are that interpreter's copy, never the main one's.
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


def input_items() -> Iterator[int]:
    """Yield the start of each block of numbers, lazily."""
    for i in range(COUNT):
        yield 1_000_000 + i * BLOCK


{{> counted}}


def worker_count() -> int:
    if WORKERS > 0:
        return WORKERS
    # CPU-bound work: one interpreter per core. os.process_cpu_count() (3.13+)
    # counts only the CPUs this process may use.
    return os.process_cpu_count() or 1


def time_sequential(items: Iterable) -> tuple[int, float]:
    """Run the sample in the main interpreter and return (items done, seconds)."""
    done = 0
    start = time.perf_counter()
    for item in items:
        # This loop only measures; the pool run below reports the errors.
        with contextlib.suppress(Exception):
            work(item)
        done += 1
    return done, time.perf_counter() - start


def main() -> int:
    # InterpreterPoolExecutor is new in Python 3.14. Checking for it (rather
    # than the version number) keeps this file importable everywhere.
    if not hasattr(concurrent.futures, "InterpreterPoolExecutor"):
        version = sys.version.split()[0]
        print(
            f"This script needs Python 3.14 or newer for InterpreterPoolExecutor; "
            f"this is Python {version}.",
            file=sys.stderr,
        )
        return 2
{{#if subint = ready}}
    # Extension pitfall: every compiled module the tasks import must load in a
    # subinterpreter, and one that does not fails to import there. Yours do,
    # you said: test each one you add with a task that only imports it.
{{/if}}
{{#if task = tiny}}
    # Tiny-task pitfall: each call pickles its function, arguments and result
    # across interpreters. Give each task a bigger block if tasks are tiny.
{{/if}}
    workers = worker_count()
    sample_done, sample_s = time_sequential(islice(input_items(), SAMPLE))
    items = Counted(input_items())
    ok = 0
{{#if fail = all}}
    errors: list[str] = []
{{/if}}
{{#if fail = fast or cancel = yes}}
    fatal: str | None = None
{{/if}}
    start = time.perf_counter()
    # The with block waits for every worker and closes its interpreter.
    with concurrent.futures.InterpreterPoolExecutor(max_workers=workers) as executor:
        # map() yields results in input order and cancels the tasks not yet
        # started if reading a result raises.
        outcomes = executor.map(
            TASK,
            items,
{{#if cancel = yes}}
            # Reading a result raises TimeoutError once TIMEOUT_S have passed.
            # A task already running cannot be interrupted; the pool waits for it.
            timeout=TIMEOUT_S,
{{/if}}
{{#if input = stream}}
            # Stream pitfall: without buffersize, map() would read the whole
            # input first. With it, map() stays two tasks per worker ahead.
            buffersize=2 * workers,
{{/if}}
        )
{{#if fail = all and cancel = no}}
        for _value, error in outcomes:
            if error is None:
                ok += 1
            else:
                errors.append(error)
{{#else}}
        try:
{{#if fail = all}}
            for _value, error in outcomes:
                if error is None:
                    ok += 1
                else:
                    errors.append(error)
{{#else}}
            for _value in outcomes:
                ok += 1
{{/if}}
{{/if}}
{{#if cancel = yes}}
        except TimeoutError:
            fatal = f"timed out after {TIMEOUT_S:g} s"
{{/if}}
{{#if fail = fast}}
        except (OSError, ValueError, ArithmeticError) as exc:
            # Fail fast: map() has already cancelled the tasks not yet started.
            fatal = f"a task failed: {exc!r}"
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


# Main-guard pitfall: the start-up code must not run again when a worker
# interpreter looks up work() in this file.
if __name__ == "__main__":
    sys.exit(main())
