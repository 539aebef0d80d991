# Which Python concurrency model? — asyncio orchestrating a thread pool and a process pool
# Link: https://example.invalid/?v=2&work=mix&comp=py&scale=one&where=script&py=3.12&total=slow&io=http&conc=hundreds&libs=all&http=aiohttp&os=linux&cores=5-16&task=short&data=small&shared=no&input=list&state=none&crash=no&cancel=yes&fail=all
# Your answers:
#   Workload: Both
#   Computing part: Python code
#   Scale: One machine
#   Runs in: Script or CLI
#   Python: 3.12
#   Whole job: Longer than that
#   Waits on: HTTP APIs
#   Concurrency: Hundreds
#   Async clients: All of them
#   HTTP client: aiohttp
#   OS: Linux
#   Cores: 5 to 16
#   Task length: Milliseconds to seconds
#   Task data: Small values
#   Large shared object: No
#   Input: Fits in memory
#   Shared state: None
#   Crash risk: No
#   Cancellation: Yes
#   On failure: Finish the rest
# Content version: 2.0.0 (2026-11-30)

"""asyncio orchestrating a thread pool and a process pool: I/O, CPU and blocking calls.

For every item the pipeline:
  1. fetches f"{PYCONC_URL}/items/{i}" with an async HTTP client (event loop),
  2. computes a checksum of the bytes in pure Python (process pool: real parallelism),
  3. saves the result with a blocking call (dedicated thread pool).
Each kind of work goes where it runs best, and the loop only coordinates. Items
come from an iterator through a bounded queue, so memory stays flat however long
the input is.

Install and run:
    pip install aiohttp
    PYCONC_URL=http://127.0.0.1:8000 python hybrid.py
"""

from __future__ import annotations

import os

# Native libraries (OpenBLAS, MKL, OpenMP) start one thread per core in every
# process that loads them. The process pool already uses every core, so each
# worker gets one. Set before anything imports NumPy; workers inherit them.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import asyncio
import ctypes
import multiprocessing
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import aiohttp

# --- Configuration (environment variables) ------------------------------------
BASE_URL = os.environ.get("PYCONC_URL", "http://127.0.0.1:8000").rstrip("/")
COUNT = int(os.environ.get("PYCONC_COUNT", "200"))
# Processes for the CPU step: one per core the program may use
# (os.process_cpu_count() from 3.13 honours CPU affinity; cpu_count() before).
CPU_WORKERS = int(os.environ.get("PYCONC_WORKERS") or getattr(os, "process_cpu_count", os.cpu_count)() or 1)
if sys.platform == "win32":
    # On Windows a ProcessPoolExecutor accepts at most 61 workers.
    CPU_WORKERS = min(CPU_WORKERS, 61)
# Threads for the blocking step, sized for it alone.
IO_THREADS = 8
# The most items in flight at once: bounds open connections and queued CPU work.
CONCURRENCY = int(os.environ.get("PYCONC_CONCURRENCY") or "50")
# Work per item for the CPU step (raise it to see the process pool pay off).
ROUNDS = 100
# Seconds one item (I/O, compute, save) may take before it counts as failed.
ITEM_TIMEOUT = 30.0
# Items waiting between the producer and the workers. When the queue is full the
# producer pauses, so a fast source cannot outrun the pipeline.
QUEUE_SIZE = CONCURRENCY * 2
# How worker processes start. This program runs threads (the thread pool, the
# loop's helpers) when workers start, and fork would copy a process that runs
# threads: that can deadlock, and 3.12+ warns about it. forkserver (the Linux
# default from 3.14) forks workers from a clean helper process instead; macOS
# and Windows use spawn, their default.
START_METHOD = "forkserver" if sys.platform == "linux" else None
# Self-test hook, used by this template's test suite and harmless otherwise:
# PYCONC_FAULT=fail:N makes item N raise ValueError (a bad item), bug:N raise
# TypeError (a bug), crash:N kill its worker process with a segfault.
FAULT = os.environ.get("PYCONC_FAULT", "")
# -------------------------------------------------------------------------------


def inject_fault(item: int) -> None:
    """The self-test hook (see FAULT). Delete it in your own code."""
    kind, _, which = FAULT.partition(":")
    if which != str(item):
        return
    if kind == "fail":
        raise ValueError(f"item {item}: bad input")
    if kind == "bug":
        raise TypeError(f"item {item}: a bug")
    if kind == "crash":
        ctypes.string_at(0)  # reads address 0: a segfault, as a broken C extension would


def checksum(data: bytes, item: int, rounds: int) -> int:
    """The CPU step, in a worker process: pure-Python work that holds the GIL (a
    stand-in for parsing, scoring, transforming).

    It lives at module level because the pool pickles it by name: a lambda or a
    nested function cannot be sent to a process pool.
    """
    inject_fault(item)
    value = 0
    for _ in range(rounds):
        for byte in data:
            value = (value * 31 + byte) % 1_000_000_007
    return value


def save_result(folder: Path, item: int, value: int) -> None:
    """The blocking step (a stand-in for a sync SDK or driver). It runs in a thread."""
    (folder / f"{item}.txt").write_text(f"{value}\n")


# The errors that count as "this item failed" (ValueError: bad input). Anything
# else (TypeError, KeyError...) is a bug: it stops the run with its traceback.
DEADLINE = TimeoutError
# BrokenProcessPool: a worker died, and every task of that pool fails with it.
RUN_ERRORS: tuple[type[BaseException], ...] = (OSError, ValueError, BrokenProcessPool, DEADLINE)
ITEM_ERRORS = (*RUN_ERRORS, aiohttp.ClientError)


def make_cpu_pool(workers: int) -> ProcessPoolExecutor:
    context = multiprocessing.get_context(START_METHOD)
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


Source = aiohttp.ClientSession


async def read_input(source: Source, item: int) -> bytes:
    """The I/O step: GET one item."""
    # The response context manager hands the connection back to the pool.
    async with source.get(f"{BASE_URL}/items/{item}") as response:
        response.raise_for_status()
        return await response.read()


class Pipeline:
    """What every task shares: the I/O source, both pools, the output folder, the
    counters. The counters need no lock: only coroutines on the loop's thread
    touch them, and no update spans an await.
    """

    def __init__(
        self,
        source: Source,
        io_pool: ThreadPoolExecutor,
        cpu_pool: ProcessPoolExecutor,
        out: Path,
    ) -> None:
        self.source = source
        self.io_pool = io_pool
        self.cpu_pool = cpu_pool
        self.out = out
        self.ok = 0
        self.errors: list[BaseException] = []

    async def process(self, item: int) -> None:
        loop = asyncio.get_running_loop()
        data = await read_input(self.source, item)
        # Explicit executors: run_in_executor(None, ...) would use the loop's
        # default thread pool, whose size and shutdown you do not control, and
        # CPU work there would still hold the GIL.
        # Each call pays for pickling its arguments and a trip to a worker. If
        # one call takes well under a millisecond, send a batch of items per
        # call instead (what chunksize does for Executor.map).
        value = await loop.run_in_executor(self.cpu_pool, checksum, data, item, ROUNDS)
        await loop.run_in_executor(self.io_pool, save_result, self.out, item, value)

    async def handle(self, item: int) -> None:
        """Process one item and count it."""
        work = self.process(item)
        # One deadline for the whole item. Cancelling an executor call only
        # withdraws it if it has not started; a running thread or process
        # finishes its call anyway.
        async with asyncio.timeout(ITEM_TIMEOUT):
            await work
        self.ok += 1


async def produce(queue: asyncio.Queue[int | None], items: Iterator[int]) -> None:
    """Feed the workers from the source, then tell each of them to stop."""
    for item in items:
        # put() waits while the queue is full: this is the backpressure.
        await queue.put(item)
    for _ in range(CONCURRENCY):
        await queue.put(None)


async def consume(queue: asyncio.Queue[int | None], pipeline: Pipeline) -> None:
    """One of CONCURRENCY workers: the worker count bounds the items in flight."""
    while True:
        item = await queue.get()
        if item is None:
            return
        try:
            await pipeline.handle(item)
        except ITEM_ERRORS as exc:
            # Collect-all: note the failure and carry on with the next item. A
            # bug is not caught here: it ends the run with its traceback.
            pipeline.errors.append(exc)


async def run(pipeline: Pipeline, items: Iterator[int]) -> None:
    queue: asyncio.Queue[int | None] = asyncio.Queue(maxsize=QUEUE_SIZE)
    # TaskGroup keeps a reference to every task (an unreferenced task can be
    # garbage-collected mid-run) and cancels the rest as soon as one fails.
    async with asyncio.TaskGroup() as group:
        group.create_task(produce(queue, items))
        for _ in range(CONCURRENCY):
            group.create_task(consume(queue, pipeline))


async def crawl(io_pool: ThreadPoolExecutor, cpu_pool: ProcessPoolExecutor, out: Path) -> Pipeline:
    # One session for the whole run: it pools connections. `async with` closes it
    # (an unclosed session leaks sockets: ResourceWarning under -X dev).
    connector = aiohttp.TCPConnector(limit=CONCURRENCY)
    async with aiohttp.ClientSession(connector=connector) as session:
        pipeline = Pipeline(session, io_pool, cpu_pool, out)
        await run(pipeline, iter(range(COUNT)))
    return pipeline


def report(pipeline: Pipeline, elapsed: float) -> None:
    # Every error is reported, not only the first ones (like `make -k`).
    for error in pipeline.errors:
        print(f"error: {error!r}", file=sys.stderr)
    items = pipeline.ok + len(pipeline.errors)
    print(f"summary: items={items} failed={len(pipeline.errors)} elapsed={elapsed:.2f}s")


def main() -> int:
    started = time.perf_counter()
    io_pool = ThreadPoolExecutor(max_workers=IO_THREADS, thread_name_prefix="blocking")
    # Both pools exist before the loop starts and are shut down after it ends:
    # `with` joins their threads and processes, so none outlives the program.
    with tempfile.TemporaryDirectory(prefix="pyconc-") as tmp, io_pool, make_cpu_pool(CPU_WORKERS) as cpu_pool:
        pipeline = asyncio.run(crawl(io_pool, cpu_pool, Path(tmp)))
    report(pipeline, time.perf_counter() - started)
    # The exit status tells the truth: 1 when any item failed.
    return 1 if pipeline.errors else 0


# In a notebook or an async web framework an event loop already runs, and
# asyncio.run() raises RuntimeError inside a running loop. There, create the pools
# once and await the coroutine instead:
#
#     pipeline = await crawl(io_pool, cpu_pool, Path("out"))
#
# With spawn or forkserver, worker processes import checksum() by name, and a
# function defined in a notebook cell cannot be found: put it in a .py module.
#
# The guard is required: with spawn and forkserver every worker process imports
# this file, and without it each one would start a pipeline of its own.
if __name__ == "__main__":
    sys.exit(main())
