"""Run pure-Python CPU work on every core with a ProcessPoolExecutor.

{{#if data = large}}
Each task reads one input file and runs a pure-Python checksum over its bytes.
Only the file path travels to the worker, and only a small number comes back.
{{#elif data = unpick}}
Each task counts the primes in one block of numbers and stores the count in a
database connection, an object that cannot be pickled: each worker process
opens its own in the pool's initializer, and only the block number travels.
{{#else}}
Each task counts the primes in one block of numbers with plain Python loops.
{{/if}}
{{#if shared = yes}}
{{#if os = linux and py <= 3.13}}
Every task also reads one large read-only lookup table, loaded once before the
pool starts and shared with the workers through fork's copy-on-write memory.
{{#else}}
Every task also reads one large read-only lookup table, loaded once per worker
process by the pool's initializer.
{{/if}}
{{/if}}
Threads would take turns on the GIL for this kind of work; processes do not.
A sequential run on a small sample is timed first, so the summary line can
show the speedup the pool gives.
{{#if crash = yes}}
A worker that dies (a segfault in native code, an out-of-memory kill) breaks the
pool: this script starts a new pool, runs again what did not finish, and names
the item that crashed.
{{/if}}

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

{{#if crash != yes}}
import contextlib
{{/if}}
import ctypes
{{#if shared = yes and os = linux and py <= 3.13}}
import gc
import multiprocessing
{{/if}}
{{#if data = unpick}}
import multiprocessing.util
import sqlite3
{{/if}}
import sys
{{#if data = large}}
import tempfile
{{/if}}
import time
from collections.abc import Iterable, Iterator
{{#if crash = yes or input = stream}}
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
{{#if data != large}}
{{#if task = tiny}}
# Numbers per task: a small block, so one task takes some microseconds.
BLOCK = 20
{{#else}}
# Numbers per task.
BLOCK = 500
{{/if}}
# The first number of block 0.
FIRST = 1_000_000
{{/if}}
{{#if shared = yes}}
# Entries in the shared lookup table (a stand-in for a loaded model or index).
TABLE_SIZE = int(os.environ.get("PYCONC_TABLE_SIZE", "200000"))
{{/if}}
{{#if crash = yes and py >= 3.11 and not (shared = yes and os = linux and py <= 3.13)}}
# Replace each worker process after this many tasks, so leaks in native code
# cannot pile up.
MAX_TASKS_PER_CHILD = 200
{{/if}}
# How many items the sequential baseline processes (5% of the input).
SAMPLE = max(10, COUNT // 20)
{{#if py = 3.14 and crash != yes and (input = stream or cancel = yes)}}
# Python 3.14 features, checked at run time so the file also runs on older versions.
{{/if}}
{{#if py = 3.14 and input = stream and crash != yes}}
MAP_HAS_BUFFERSIZE = sys.version_info >= (3, 14)
{{/if}}
{{#if py = 3.14 and cancel = yes and crash != yes}}
POOL_CAN_TERMINATE = sys.version_info >= (3, 14)
{{/if}}

# The errors that mean "this item is bad" (unreadable, malformed).
{{#if fail = all}}
# They are reported and the run goes on; the exit status is 1 if any occurred.
{{#else}}
# The first one is reported and stops the run.
{{/if}}
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
{{#if shared = yes}}
def load_table() -> dict[int, int]:
    """Build the large read-only object every task reads.

    A stand-in for loading a model, an index or a big lookup table from disk.
    """
    return {n: (n * 2654435761) % 1_000_003 for n in range(TABLE_SIZE)}


{{#if os = linux and py <= 3.13}}
# Filled by main() before the pool starts. Workers are forked copies of this
# process (fork, the Linux default up to 3.13), so they see the table without
# loading or unpickling it, and share its memory pages with the parent.
TABLE: dict[int, int] = {}
{{#else}}
# Filled once in each worker process by init_worker(): spawn and forkserver
# workers start fresh and do not inherit the parent's objects.
TABLE: dict[int, int] = {}
{{/if}}
{{/if}}
{{#if data = unpick}}
# This worker's database connection. A connection (like a socket, a lock or a
# handle into a C library) cannot be pickled, so it cannot be sent to a task:
# each worker process opens its own once, in the pool's initializer.
CONNECTION: sqlite3.Connection | None = None
{{/if}}
{{#if data = unpick or (shared = yes and not (os = linux and py <= 3.13))}}


def init_worker() -> None:
    """Runs once in each worker process, before its first task."""
{{#if data = unpick}}
    global CONNECTION
    CONNECTION = sqlite3.connect(":memory:")
    CONNECTION.execute("CREATE TABLE counts (block INTEGER PRIMARY KEY, primes INTEGER)")
    # Close it when the worker process exits normally (the pool shuts down).
    # Not atexit: fork and forkserver workers skip atexit handlers before
    # Python 3.13. multiprocessing runs this finalizer in every worker, under
    # every start method. A worker that dies runs nothing, which is why each
    # task commits its own writes (`with CONNECTION:` in work()).
    multiprocessing.util.Finalize(None, CONNECTION.close, exitpriority=0)
{{/if}}
{{#if shared = yes and not (os = linux and py <= 3.13)}}
    # Loaded once per worker, not once per task: size the pool to the memory
    # this costs (one copy per worker).
    TABLE.update(load_table())
{{/if}}
{{/if}}


def inject_fault(item: object) -> None:
    """The self-test hook (see FAULT). Delete it in your own code."""
    kind, _, which = FAULT.partition(":")
{{#if data = large}}
    if not which or which != Path(str(item)).stem:
{{#else}}
    if not which or which != str(item):
{{/if}}
        return
    if kind == "fail":
        raise ValueError(f"item {item}: bad input")
    if kind == "bug":
        raise TypeError(f"item {item}: a bug")
    if kind == "crash":
        ctypes.string_at(0)  # reads address 0: a segfault, as a broken C extension would


{{#if data = large}}
def work(path: Path) -> int:
    """Read one file and compute an Adler-32-style checksum in plain Python.

    Replace the loop with your own parsing or analysis.
    """
    inject_fault(path)
    a, b = 1, 0
    for byte in path.read_bytes():
{{#if shared = yes}}
        byte = TABLE[byte] & 0xFF
{{/if}}
        a = (a + byte) % 65521
        b = (b + a) % 65521
    return (b << 16) | a
{{#else}}
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
{{#if shared = yes}}
    # Read the shared table (a lookup into the loaded model, say).
    count += TABLE[block % TABLE_SIZE] % 2
{{/if}}
{{#if data = unpick}}
    # Use this worker's own connection; only the small count goes back.
    assert CONNECTION is not None, "init_worker() did not run"
    with CONNECTION:
        CONNECTION.execute("INSERT OR REPLACE INTO counts VALUES (?, ?)", (block, count))
{{/if}}
    return count
{{/if}}
{{#if fail = all and crash != yes}}


{{#if data = large}}
def work_checked(item: Path) -> tuple[int | None, str | None]:
{{#else}}
def work_checked(item: int) -> tuple[int | None, str | None]:
{{/if}}
    """Run work() and return (result, None), or (None, error text) for a bad item.

    Collect-all policy: catching the expected errors inside the worker keeps one
    bad item from ending the whole map() iteration. A bug is not caught.
    """
    try:
        return work(item), None
    except ITEM_ERRORS as exc:
        return None, f"item {item}: {exc!r}"


# The function the pool runs for each item.
TASK = work_checked
{{#elif crash != yes}}


# The function the pool runs for each item. Fail-fast policy: an exception in a
# worker is re-raised in the parent when its result is read.
TASK = work
{{/if}}
{{#if task = tiny and (input = stream or crash = yes)}}


{{#if crash = yes}}
def work_batch(batch: tuple[int, ...]) -> list[tuple[int, int | None, str | None]]:
    """Run a batch of tiny items: one pickle round trip per batch.

    Returns (item, result, None) or (item, None, error text) for each item. A bad
    item does not fail the batch; a bug does.
    """
    outcomes: list[tuple[int, int | None, str | None]] = []
    for item in batch:
        try:
            outcomes.append((item, work(item), None))
        except ITEM_ERRORS as exc:
            outcomes.append((item, None, f"item {item}: {exc!r}"))
    return outcomes
{{#else}}
def work_batch(batch: tuple[int, ...]) -> list:
    """Run TASK on a batch of tiny items: one pickle round trip per batch."""
    return [TASK(item) for item in batch]
{{/if}}
{{/if}}


# ---------------------------------------------------------------------------
# Input
# ---------------------------------------------------------------------------
{{#if data = large}}
def make_sample_files(folder: Path, count: int) -> None:
    """Write `count` files of random bytes, standing in for large inputs."""
    for i in range(count):
        (folder / f"{i}.bin").write_bytes(os.urandom(SAMPLE_FILE_SIZE))


def input_items(folder: Path) -> Iterator[Path]:
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
    """Yield the number of each block, lazily."""
    yield from range(COUNT)
{{/if}}


{{> counted}}
{{#if task = tiny and (input = stream or crash = yes)}}


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
    # os.process_cpu_count() (3.13+) counts only the CPUs this process may use;
    # older versions fall back to os.cpu_count().
    count = WORKERS or getattr(os, "process_cpu_count", os.cpu_count)() or 1
    if sys.platform == "win32":
        # Windows pitfall: ProcessPoolExecutor refuses more than 61 workers.
        count = min(count, 61)
    return count


def make_pool(workers: int) -> ProcessPoolExecutor:
{{#if shared = yes and os = linux and py <= 3.13}}
    # fork, named so the file keeps working on 3.14 (whose Linux default is
    # forkserver): workers start as copies of this process and inherit TABLE.
    # Fork only copies the calling thread, so start the pool before this
    # program starts any thread of its own.
    context = multiprocessing.get_context("fork")
{{#if data = unpick}}
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=init_worker)
{{#else}}
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)
{{/if}}
{{#else}}
    # The platform's default start method: fork on Linux up to 3.13,
    # forkserver on Linux from 3.14, spawn on macOS and Windows. With spawn
    # and forkserver every worker imports this file: keep the main guard at
    # the bottom and the work functions at module level.
{{#if crash = yes and py >= 3.11}}
    # max_tasks_per_child (3.11+) recycles workers: a leaking task cannot grow
    # one process forever. It refuses fork, so on Linux up to 3.13 the pool
    # starts its workers with spawn instead (each imports this file).
    return ProcessPoolExecutor(
        max_workers=workers,
{{#if data = unpick or shared = yes}}
        initializer=init_worker,
{{/if}}
        max_tasks_per_child=MAX_TASKS_PER_CHILD,
    )
{{#elif data = unpick or shared = yes}}
    return ProcessPoolExecutor(max_workers=workers, initializer=init_worker)
{{#else}}
    return ProcessPoolExecutor(max_workers=workers)
{{/if}}
{{/if}}
{{#if crash != yes and input = stream}}


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
{{#if crash != yes}}


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
{{#else}}


# ---------------------------------------------------------------------------
# Crash isolation: a worker that dies takes the pool down with it
# ---------------------------------------------------------------------------
class Outcome:
    """What the run has done so far. Only the main thread updates it."""

    def __init__(self) -> None:
        self.ok = 0
        self.errors: list[str] = []
        self.crashed: list[str] = []


{{#if task = tiny}}
def record(outcome: Outcome, results: list[tuple[int, int | None, str | None]]) -> None:
    for _item, _value, error in results:
        if error is None:
            outcome.ok += 1
        else:
            outcome.errors.append(error)
{{/if}}


{{#if cancel = yes}}
def run_pool(
    pool: ProcessPoolExecutor, units: Iterator, limit: int, outcome: Outcome, deadline: float
) -> list:
{{#else}}
def run_pool(pool: ProcessPoolExecutor, units: Iterator, limit: int, outcome: Outcome) -> list:
{{/if}}
    """Run `units` with at most `limit` in flight.

    Returns the units that failed with the pool when a worker died (an empty
    list if none did); the units not taken from `units` yet stay there for the
    next pool.
    """
    pending: dict[Future, object] = {}
    broken: list = []
    try:
        while True:
            # A broken pool takes no more units; the ones in flight end at once.
            if not broken:
                for unit in units:
{{#if task = tiny}}
                    pending[pool.submit(work_batch, unit)] = unit
{{#else}}
                    pending[pool.submit(work, unit)] = unit
{{/if}}
                    if len(pending) >= limit:
                        break
            if not pending:
                return broken
{{#if cancel = yes}}
            done, _ = wait(pending, deadline - time.monotonic(), FIRST_COMPLETED)
            if not done:
                raise TimeoutError(f"no result within {TIMEOUT_S:g} s")
{{#else}}
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
{{/if}}
            for future in done:
                unit = pending.pop(future)
                try:
{{#if task = tiny}}
                    record(outcome, future.result())
{{#else}}
                    future.result()
{{/if}}
                except BrokenProcessPool:
                    # Every unit still in flight fails with the pool; which one
                    # killed the worker is not known yet. A unit that finished
                    # before the pool broke is counted, not run again.
                    broken.append(unit)
{{#if task != tiny and fail = all}}
                except ITEM_ERRORS as exc:
                    outcome.errors.append(f"item {unit}: {exc!r}")
{{/if}}
{{#if task != tiny}}
                else:
                    # Fail fast: an ITEM_ERRORS exception of result() ends the run.
                    outcome.ok += 1
{{/if}}
    finally:
        # On an error or a timeout, drop the tasks that have not started yet.
        for future in pending:
            future.cancel()


def find_crasher(suspects: list, outcome: Outcome) -> None:
    """Run the units that were in flight one at a time, each in a fresh pool.

    One worker runs them in order, so when it dies, the unit it was running is
    the first one not done: that item is named and left out, the others run on.
{{#if fail = fast}}
    Fail fast: the run stops at that item, or at the first ITEM_ERRORS
    exception, which result() raises to the caller; the suspects after it are
    not started.
{{/if}}
    """
{{#if task = tiny}}
    queue = [item for batch in suspects for item in batch]
{{#else}}
    queue = list(suspects)
{{/if}}
    while queue:
        with make_pool(1) as pool:
            futures = [(item, pool.submit(work, item)) for item in queue]
            queue = []
{{#if fail = fast}}
            try:
                for item, future in futures:
                    try:
                        future.result()
                    except BrokenProcessPool:
                        outcome.crashed.append(f"item {item}: its worker process died (segfault, os._exit, out-of-memory kill)")
                        return
                    outcome.ok += 1
            finally:
                # Leaving early: the with block must not run the rest.
                for _, future in futures:
                    future.cancel()
{{#else}}
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
{{/if}}


def run_isolated(items: Iterable, workers: int, outcome: Outcome) -> None:
    """Run every item; after a worker dies, start a new pool and go on."""
{{#if task = tiny}}
    units = iter(batched(items, CHUNKSIZE))
{{#else}}
    units = iter(items)
{{/if}}
{{#if cancel = yes}}
    deadline = time.monotonic() + TIMEOUT_S
{{/if}}
    while True:
        # The with block shuts the pool down and waits for its workers, so no
        # process outlives it (leak pitfall).
        with make_pool(workers) as pool:
            # Two tasks per worker keep every process busy; a crash then leaves
            # few units to run again.
{{#if cancel = yes}}
            suspects = run_pool(pool, units, 2 * workers, outcome, deadline)
{{#else}}
            suspects = run_pool(pool, units, 2 * workers, outcome)
{{/if}}
        if not suspects:
            return
{{#if fail = all}}
        find_crasher(suspects, outcome)
{{#else}}
        # Fail fast: run only the items that were in flight again, one at a
        # time, to name the one that kills its worker; the rest are not started.
        find_crasher(suspects, outcome)
        return
{{/if}}
{{/if}}


# ---------------------------------------------------------------------------
# Measure and run
# ---------------------------------------------------------------------------
{{#if crash = yes}}
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
{{#else}}
def time_sequential(items: Iterable) -> tuple[int, float]:
    """Run the sample in this process and return (items done, seconds)."""
{{#if data = unpick}}
    # The sample needs what each worker gets from init_worker().
    init_worker()
{{#elif shared = yes and not (os = linux and py <= 3.13)}}
    # The sample needs what each worker gets from init_worker().
    init_worker()
{{/if}}
    done = 0
    start = time.perf_counter()
    for item in items:
        # This loop only measures; the pool run below reports the errors.
        with contextlib.suppress(Exception):
            work(item)
        done += 1
    elapsed = time.perf_counter() - start
{{#if data = unpick}}
    assert CONNECTION is not None
    CONNECTION.close()
{{/if}}
{{#if shared = yes and not (os = linux and py <= 3.13)}}
    # The workers load their own copies; this one is no longer needed.
    TABLE.clear()
{{/if}}
    return done, elapsed
{{/if}}


{{#if data = large}}
def run(folder: Path) -> int:
{{#else}}
def run() -> int:
{{/if}}
    workers = worker_count()
{{#if shared = yes and os = linux and py <= 3.13}}
    # Load the shared table once, here, before the pool forks its workers.
    TABLE.update(load_table())
    # gc.freeze() (3.7+) moves every object made so far out of the garbage
    # collector's reach. Without it, a collection in a worker writes to the
    # objects' headers and copies, page by page, the memory fork let it share.
    gc.freeze()
{{/if}}
{{#if data = large}}
    sample_done, sample_s = time_sequential(islice(input_items(folder), SAMPLE))
    items = Counted(input_items(folder))
{{#else}}
    sample_done, sample_s = time_sequential(islice(input_items(), SAMPLE))
    items = Counted(input_items())
{{/if}}
{{#if crash = yes}}
    outcome = Outcome()
    fatal: str | None = None
    start = time.perf_counter()
{{#if fail = all and cancel = no}}
    run_isolated(items, workers, outcome)
{{#else}}
    try:
        run_isolated(items, workers, outcome)
{{/if}}
{{#if fail = fast}}
    except ITEM_ERRORS as exc:
        # Fail fast: the tasks not yet started were cancelled on the way out.
        fatal = f"a task failed: {exc!r}"
{{/if}}
{{#if cancel = yes and py >= 3.11}}
    except TimeoutError:
        fatal = f"timed out after {TIMEOUT_S:g} s"
{{#elif cancel = yes}}
    except (TimeoutError, FuturesTimeoutError):
        fatal = f"timed out after {TIMEOUT_S:g} s"
{{/if}}
    elapsed = time.perf_counter() - start
    ok = outcome.ok
    errors = outcome.errors + outcome.crashed
{{#else}}
    # Processes share no memory: counters live here in the parent and change
    # only as results arrive, so they need no lock.
    ok = 0
    errors: list[str] = []
    fatal: str | None = None
    start = time.perf_counter()
    # The with block shuts the pool down and waits for its workers, so no
    # process outlives the run (leak pitfall).
    with make_pool(workers) as executor:
        try:
{{#if fail = all}}
            for _value, error in results(executor, items, workers):
                if error is None:
                    ok += 1
                else:
                    errors.append(error)
{{#else}}
            for _value in results(executor, items, workers):
                ok += 1
{{/if}}
        except BrokenProcessPool:
            # Crash pitfall: a worker died (segfault, out-of-memory kill, os._exit)
            # and the pool fails every pending task. If your work can crash,
            # answer "yes" to the crash question for a script that recovers.
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
        except ITEM_ERRORS as exc:
            # Fail fast: the tasks not yet started were cancelled on the way out.
            fatal = f"a task failed: {exc!r}"
{{/if}}
    elapsed = time.perf_counter() - start
{{/if}}

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
