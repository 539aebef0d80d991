"""Run pure-Python CPU work on every core with a ProcessPoolExecutor.

{{#if data = large}}
Each task reads one input file and runs a pure-Python checksum over its bytes.
Only the file path travels to the worker, and only a small number comes back.
{{#else}}
Each task counts the primes in one block of numbers with plain Python loops.
{{/if}}
Threads would take turns on the GIL for this kind of work; processes do not.
A sequential run on a small sample is timed first, so the summary line can
show the speedup the pool gives.

Run it:  python3 this_file.py
Settings come from environment variables (see CONFIGURATION below).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
{{#if data = large}}
import tempfile
{{/if}}
import time
from collections.abc import Iterable, Iterator
{{#if input = stream}}
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
{{#else}}
from concurrent.futures import ProcessPoolExecutor
{{/if}}
{{#if cancel = yes and py < 3.11}}
from concurrent.futures import TimeoutError as FuturesTimeoutError
{{/if}}
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
{{#if data = large}}
from pathlib import Path
{{/if}}

# ---------------------------------------------------------------------------
# CONFIGURATION (environment variables, with defaults)
# ---------------------------------------------------------------------------
{{#if data = large}}
# How many files to process (sample files are generated when PYCONC_DIR is unset).
COUNT = int(os.environ.get("PYCONC_COUNT", "200"))
# A folder of input files; when unset, sample files go to a temporary folder.
INPUT_DIR = os.environ.get("PYCONC_DIR")
# Size of each generated sample file, in bytes.
SAMPLE_FILE_SIZE = 32 * 1024
{{#elif task = tiny}}
# How many tasks to run (tiny tasks: many of them).
COUNT = int(os.environ.get("PYCONC_COUNT", "50000"))
{{#else}}
# How many tasks to run.
COUNT = int(os.environ.get("PYCONC_COUNT", "2000"))
{{/if}}
# Worker processes; 0 means one per CPU.
WORKERS = int(os.environ.get("PYCONC_WORKERS", "0"))
{{#if cancel = yes}}
# Give up on the whole run after this many seconds.
TIMEOUT_S = float(os.environ.get("PYCONC_TIMEOUT", "60"))
{{/if}}
{{#if task = tiny}}
# Tiny tasks are sent in chunks: one pickle round trip per chunk, not per item.
CHUNKSIZE = 256
{{/if}}
{{#if task = tiny and data != large}}
# Numbers per task: a small block, so one task takes some microseconds.
BLOCK = 20
{{#elif data != large}}
# Numbers per task.
BLOCK = 500
{{/if}}
{{#if crash = yes and py >= 3.11}}
# Replace each worker process after this many tasks, so leaks cannot pile up.
MAX_TASKS_PER_CHILD = 200
{{/if}}
# How many items the sequential baseline processes (5% of the input).
SAMPLE = max(10, COUNT // 20)
{{#if py = 3.14 and (input = stream or cancel = yes)}}
# Python 3.14 features, checked at run time so the file also runs on older versions.
{{/if}}
{{#if py = 3.14 and input = stream}}
MAP_HAS_BUFFERSIZE = sys.version_info >= (3, 14)
{{/if}}
{{#if py = 3.14 and cancel = yes}}
POOL_CAN_TERMINATE = sys.version_info >= (3, 14)
{{/if}}

{{#if os in [win, mac]}}
# spawn starts each worker as a fresh interpreter that imports this file.
# It is the only method on Windows and the default on macOS, where fork is unsafe.
START_METHOD = "spawn"
{{#else}}
# forkserver is the Linux default from Python 3.14; naming it keeps older versions
# consistent. Unlike fork, it never copies a parent that already runs threads
# (fork can deadlock then, and warns from 3.12 on).
START_METHOD = "forkserver"
{{/if}}
{{#if blas in [yes, unsure]}}

# Native libraries that start their own thread pools (OpenBLAS, MKL, OpenMP).
NATIVE_THREAD_VARS = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
)
{{/if}}


# ---------------------------------------------------------------------------
# The work. Process pools pickle the function by name, so it must be defined at
# module level: a lambda or a nested function cannot be sent to a worker.
# ---------------------------------------------------------------------------
# In Jupyter, keep these functions in a .py module and import them: workers
# started with spawn or forkserver cannot see functions defined in a cell.
{{#if data = large}}
def work(path: Path) -> int:
    """Read one file and compute an Adler-32-style checksum in plain Python.

    Replace the loop with your own parsing or analysis.
    """
    a, b = 1, 0
    for byte in path.read_bytes():
        a = (a + byte) % 65521
        b = (b + a) % 65521
    return (b << 16) | a
{{#else}}
def work(start: int) -> int:
    """Count the primes in [start, start + BLOCK) by trial division.

    Replace this with your own pure-Python computation.
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
{{/if}}
{{#if fail = all}}


{{#if data = large}}
def work_checked(item: Path) -> tuple[int | None, str | None]:
{{#else}}
def work_checked(item: int) -> tuple[int | None, str | None]:
{{/if}}
    """Run work() and return (result, None), or (None, error text) if it raised.

    Collect-all policy: catching inside the worker keeps one bad item from
    ending the whole map() iteration in the parent.
    """
    try:
        return work(item), None
    except Exception as exc:  # noqa: BLE001 - collect-all reports any task error
        return None, f"{item}: {exc!r}"


# The function the pool runs for each item.
TASK = work_checked
{{#else}}


# The function the pool runs for each item. Fail-fast policy: an exception in a
# worker is re-raised in the parent when its result is read.
TASK = work
{{/if}}
{{#if input = stream and task = tiny}}


{{#if data = large}}
def work_batch(batch: tuple[Path, ...]) -> list:
{{#else}}
def work_batch(batch: tuple[int, ...]) -> list:
{{/if}}
    """Run TASK on a batch of tiny items: one pickle round trip per batch."""
    return [TASK(item) for item in batch]
{{/if}}


# ---------------------------------------------------------------------------
# Input
# ---------------------------------------------------------------------------
{{#if data = large}}
def make_sample_files(folder: Path, count: int) -> None:
    """Write `count` files of random bytes, standing in for large inputs."""
    for i in range(count):
        (folder / f"input-{i:05d}.bin").write_bytes(os.urandom(SAMPLE_FILE_SIZE))


def input_files(folder: Path) -> Iterator[Path]:
    """Yield the paths of the files to process.

    Large data pitfall: arguments and results are pickled both ways. Sending a
    path costs a few bytes; sending the contents would copy them twice. For
    data already in memory, see multiprocessing.shared_memory.
    """
{{#if input = stream}}
    # os.scandir() reads the folder lazily, so a huge folder is never listed
    # in memory at once.
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_file():
                yield Path(entry.path)
{{#else}}
    yield from sorted(p for p in folder.iterdir() if p.is_file())
{{/if}}
{{#else}}
def input_items() -> Iterator[int]:
    """Yield the start of each block of numbers, lazily."""
    for i in range(COUNT):
        yield 1_000_000 + i * BLOCK
{{/if}}


class Counted:
    """Wrap an iterable and count how many items the pool has taken from it."""

    def __init__(self, items: Iterable) -> None:
        self._items = items
        self.taken = 0

    def __iter__(self) -> Iterator:
        for item in self._items:
            self.taken += 1
            yield item
{{#if input = stream and task = tiny}}


def batched(items: Iterable, size: int) -> Iterator[tuple]:
    """Group items into tuples of `size`, like itertools.batched (3.12+)."""
    iterator = iter(items)
    while batch := tuple(islice(iterator, size)):
        yield batch
{{/if}}


# ---------------------------------------------------------------------------
# The pool
# ---------------------------------------------------------------------------
def worker_count() -> int:
{{#if py >= 3.13}}
    # os.process_cpu_count() (3.13+) counts only the CPUs this process may use;
    # the getattr() fallback keeps the file runnable on older Pythons.
    count = WORKERS or getattr(os, "process_cpu_count", os.cpu_count)() or 1
{{#else}}
    count = WORKERS or os.cpu_count() or 1
{{/if}}
{{#if os = win}}
    # Windows pitfall: ProcessPoolExecutor refuses more than 61 workers.
    return min(count, 61)
{{#else}}
    return count
{{/if}}
{{#if blas in [yes, unsure]}}


def limit_native_threads() -> None:
    """Give each worker one BLAS/OpenMP thread.

    Oversubscription pitfall: N processes each starting N BLAS threads fight for
    the same cores. Workers inherit these variables; they must be set before
    NumPy (or SciPy, PyTorch...) is first imported in the worker.
    """
    for name in NATIVE_THREAD_VARS:
        os.environ.setdefault(name, "1")
{{/if}}


def make_pool(workers: int) -> ProcessPoolExecutor:
    # Start method pitfall: choose it explicitly instead of relying on a
    # platform default that changed in 3.14.
    context = multiprocessing.get_context(START_METHOD)
{{#if crash = yes and py >= 3.11}}
    # max_tasks_per_child (3.11+) recycles workers: a leaking task cannot grow
    # one process forever. It refuses the fork start method (with no context
    # given, it picks spawn), so it combines with spawn or forkserver only.
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        max_tasks_per_child=MAX_TASKS_PER_CHILD,
    )
{{#else}}
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)
{{/if}}
{{#if input = stream}}


def bounded_map(
    executor: ProcessPoolExecutor, items: Iterable, limit: int
) -> Iterator:
    """Yield results while keeping at most `limit` tasks submitted.

    Stream pitfall: Executor.map() reads the whole input before it yields
    anything, so an endless or huge input would fill memory.
{{#if cancel = yes}}
    Raises TimeoutError when the run exceeds TIMEOUT_S.
{{/if}}
    """
{{#if py = 3.14}}
    if MAP_HAS_BUFFERSIZE:
        # 3.14 added buffersize: map() then stays at most `limit` tasks ahead
        # of the results read so far. The loop below does the same before 3.14.
{{#if task = tiny}}
        # With chunksize, `limit` counts chunks, not items.
{{/if}}
        yield from executor.map(
            TASK,
            items,
{{#if task = tiny}}
            chunksize=CHUNKSIZE,
{{/if}}
{{#if cancel = yes}}
            timeout=TIMEOUT_S,
{{/if}}
            buffersize=limit,
        )
        return
{{/if}}
{{#if cancel = yes}}
    deadline = time.monotonic() + TIMEOUT_S
{{/if}}
    pending: set[Future] = set()
{{#if task = tiny}}
    # Tiny tasks travel in batches, like map(chunksize=...) would send them.
    source = iter(batched(items, CHUNKSIZE))
{{#else}}
    source = iter(items)
{{/if}}
    try:
        while True:
            for item in source:
{{#if task = tiny}}
                pending.add(executor.submit(work_batch, item))
{{#else}}
                pending.add(executor.submit(TASK, item))
{{/if}}
                if len(pending) >= limit:
                    break
            if not pending:
                return
{{#if cancel = yes}}
            remaining = deadline - time.monotonic()
            done, pending = wait(pending, remaining, FIRST_COMPLETED)
            if not done:
                raise TimeoutError(f"no result within {TIMEOUT_S:g} s")
{{#else}}
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
{{/if}}
            for future in done:
{{#if task = tiny}}
                yield from future.result()
{{#else}}
                yield future.result()
{{/if}}
    finally:
        # On an error or timeout, drop the tasks that have not started yet.
        for future in pending:
            future.cancel()
{{/if}}


def results(executor: ProcessPoolExecutor, items: Iterable, workers: int) -> Iterator:
{{#if input = stream}}
    # Two tasks per worker keep every process busy without reading far ahead.
    return bounded_map(executor, items, limit=2 * workers)
{{#else}}
    # map() returns results in input order and cancels the tasks not yet
    # started if reading a result raises.
    return executor.map(
        TASK,
        items,
{{#if task = tiny}}
        # Chunks cut the per-task pickling and queueing cost for tiny tasks.
        chunksize=CHUNKSIZE,
{{/if}}
{{#if cancel = yes}}
        # Reading a result raises TimeoutError once TIMEOUT_S have passed.
        timeout=TIMEOUT_S,
{{/if}}
    )
{{/if}}


# ---------------------------------------------------------------------------
# Measure and run
# ---------------------------------------------------------------------------
def time_sequential(items: Iterable) -> tuple[int, float]:
    """Run the sample in this process and return (items done, seconds)."""
    done = 0
    start = time.perf_counter()
    for item in items:
        # This loop only measures; the pool run below reports the errors.
        with contextlib.suppress(Exception):
            work(item)
        done += 1
    return done, time.perf_counter() - start


{{#if data = large}}
def run(folder: Path) -> int:
{{#else}}
def run() -> int:
{{/if}}
    workers = worker_count()
{{#if data = large}}
    sample_done, sample_s = time_sequential(islice(input_files(folder), SAMPLE))
    items = Counted(input_files(folder))
{{#else}}
    sample_done, sample_s = time_sequential(islice(input_items(), SAMPLE))
    items = Counted(input_items())
{{/if}}
    # Processes share no memory: counters live here in the parent and change
    # only as results arrive, so they need no lock.
    ok = 0
{{#if fail = all}}
    errors: list[str] = []
{{/if}}
    fatal: str | None = None
    start = time.perf_counter()
    # The with block shuts the pool down and waits for its workers, so no
    # process outlives the run (leak pitfall).
    with make_pool(workers) as executor:
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
        except BrokenProcessPool:
            # Crash pitfall: a worker died (segfault, out-of-memory kill, os._exit)
            # and the pool fails every pending task. Start a new pool to go on,
            # and run risky native code in as small a task as you can.
            fatal = "a worker process died; the pool is broken"
{{#if cancel = yes and py >= 3.11}}
        except TimeoutError:
{{#elif cancel = yes}}
        # Before 3.11, concurrent.futures raised its own TimeoutError class.
        except (TimeoutError, FuturesTimeoutError):
{{/if}}
{{#if cancel = yes}}
            fatal = f"timed out after {TIMEOUT_S:g} s"
{{#if py = 3.14}}
            if POOL_CAN_TERMINATE:
                # 3.14+: stop the tasks that are still running.
                executor.terminate_workers()
{{#else}}
            # A task already running in a worker cannot be interrupted before
            # 3.14 (terminate_workers()): the pool waits for it on exit.
{{/if}}
{{/if}}
{{#if fail = fast}}
        except Exception as exc:  # noqa: BLE001 - fail fast on any task error
            # Fail fast: the tasks not yet started were cancelled on the way out.
            fatal = f"a task failed: {exc!r}"
{{/if}}
    elapsed = time.perf_counter() - start

{{#if fail = all}}
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
{{/if}}
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
{{#if fail = fast}}
    return 1 if failed else 0
{{#else}}
    # Collect-all: the errors were reported above; a broken pool or a timeout
    # still makes the run fail.
    return 1 if fatal else 0
{{/if}}


def main() -> int:
{{#if blas in [yes, unsure]}}
    limit_native_threads()
{{/if}}
{{#if data = large}}
    if INPUT_DIR:
        return run(Path(INPUT_DIR))
    # Sample files live in a temporary folder that is removed afterwards.
    with tempfile.TemporaryDirectory(prefix="pyconc-") as tmp:
        make_sample_files(Path(tmp), COUNT)
        return run(Path(tmp))
{{#else}}
    return run()
{{/if}}


# Main-guard pitfall: spawn and forkserver workers import this file. Without
# the guard, each of them would start a pool of its own.
if __name__ == "__main__":
    sys.exit(main())
