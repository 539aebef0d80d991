"""asyncio orchestrating a thread pool and a process pool: network, CPU and blocking calls.

For every item i the pipeline:
  1. fetches f"{PYCONC_URL}/items/{i}" with an async HTTP client (event loop),
  2. computes a checksum of the body in pure Python (process pool: real parallelism),
  3. saves the result with a blocking call (dedicated thread pool).
Each kind of work goes where it runs best, and the loop only coordinates.
{{#if input = stream}}
Items come from a generator (a stand-in for a stream) through a bounded queue, so memory
stays flat however long the stream is.
{{/if}}

Install and run:
{{#if http = httpx}}
    pip install httpx
{{#else}}
    pip install aiohttp
{{/if}}
    PYCONC_URL=http://127.0.0.1:8000 python hybrid.py
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import sys
import tempfile
import time
{{#if input = stream}}
from collections.abc import Iterator
{{/if}}
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

{{#if http = httpx}}
import httpx
{{#else}}
import aiohttp
{{/if}}

# --- Configuration (environment variables) ------------------------------------
BASE_URL = os.environ.get("PYCONC_URL", "http://127.0.0.1:8000").rstrip("/")
COUNT = int(os.environ.get("PYCONC_COUNT", "200"))
# Processes for the CPU step: one per core the program may use.
{{#if py >= 3.13}}
# process_cpu_count() (3.13+) honours CPU affinity, unlike cpu_count().
CPU_WORKERS = int(os.environ.get("PYCONC_WORKERS") or os.process_cpu_count() or 1)
{{#else}}
CPU_WORKERS = int(os.environ.get("PYCONC_WORKERS") or os.cpu_count() or 1)
{{/if}}
{{#if os = win}}
# On Windows a ProcessPoolExecutor accepts at most 61 workers.
CPU_WORKERS = min(CPU_WORKERS, 61)
{{/if}}
# On a single core the process pool adds no parallelism; it still keeps the CPU
# step off the event loop, so the network side stays responsive.
# Threads for the blocking step, sized for it alone.
IO_THREADS = 8
# The most items in flight at once: bounds open sockets and queued CPU work.
# Raise it for thousands of slow requests; the CPU pool still caps the computing.
CONCURRENCY = int(os.environ.get("PYCONC_CONCURRENCY") or "50")
# Work per item for the CPU step (raise it to see the process pool pay off).
ROUNDS = 100
{{#if cancel = yes}}
# Seconds one item (fetch, compute, save) may take before it counts as failed.
ITEM_TIMEOUT = 30.0
{{/if}}
{{#if crash = yes}}
{{#if py >= 3.11}}
# Replace each worker process after this many tasks, so a leak in native code
# cannot grow forever.
MAX_TASKS_PER_CHILD = 100
{{/if}}
{{/if}}
{{#if input = stream}}
# Items waiting between the producer and the workers. When the queue is full the
# producer pauses, so a fast source cannot outrun the pipeline.
QUEUE_SIZE = CONCURRENCY * 2
{{/if}}
# How worker processes start. fork would copy a process that already runs
# threads (the thread pool, the loop's helpers): that can deadlock, and 3.12+
# warns about it. spawn and forkserver start clean processes instead.
{{#if os in [win, mac]}}
START_METHOD = "spawn"
{{#elif os = linux}}
START_METHOD = "forkserver"
{{#else}}
START_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
{{/if}}
# -------------------------------------------------------------------------------


def checksum(data: bytes, rounds: int) -> int:
    """The CPU step: pure-Python work that holds the GIL (a stand-in for parsing,
    scoring, transforming). It runs in a worker process.

    It lives at module level because the pool pickles it by name: a lambda or a
    nested function cannot be sent to a process pool.
    """
    value = 0
    for _ in range(rounds):
        for byte in data:
            value = (value * 31 + byte) % 1_000_000_007
    return value


def save_result(folder: Path, item: int, value: int) -> None:
    """The blocking step (a stand-in for a sync SDK or driver). It runs in a thread."""
    (folder / f"{item}.txt").write_text(f"{value}\n")


{{#if http = httpx}}
Client = httpx.AsyncClient
{{#else}}
Client = aiohttp.ClientSession
{{/if}}
# The errors that count as "this item failed". BrokenProcessPool means a worker
# process died (a crash, the OOM killer); every pending task of that pool fails
# with it, and the pool must be recreated. Anything else is a bug and should
# surface as a traceback.
{{#if py >= 3.11}}
{{#if http = httpx}}
ITEM_ERRORS = (httpx.HTTPError, OSError, BrokenProcessPool, TimeoutError)
{{#else}}
ITEM_ERRORS = (aiohttp.ClientError, OSError, BrokenProcessPool, TimeoutError)
{{/if}}
{{#else}}
{{#if http = httpx}}
ITEM_ERRORS = (httpx.HTTPError, OSError, BrokenProcessPool, asyncio.TimeoutError)
{{#else}}
ITEM_ERRORS = (aiohttp.ClientError, OSError, BrokenProcessPool, asyncio.TimeoutError)
{{/if}}
{{/if}}


{{#if http = httpx}}
def make_client() -> httpx.AsyncClient:
    # As many pooled connections as items in flight, so no request waits for a socket.
    return httpx.AsyncClient(limits=httpx.Limits(max_connections=CONCURRENCY))


async def fetch(client: Client, item: int) -> bytes:
    response = await client.get(f"{BASE_URL}/items/{item}")
    response.raise_for_status()
    return response.content
{{#else}}
async def fetch(session: Client, item: int) -> bytes:
    # The response context manager hands the connection back to the pool.
    async with session.get(f"{BASE_URL}/items/{item}") as response:
        response.raise_for_status()
        return await response.read()
{{/if}}


class Pipeline:
    """What every task shares: the client, both pools, the output folder, the counters.

    The counters need no lock: only coroutines on the loop's thread touch them.
    """

    def __init__(
        self,
        client: Client,
        io_pool: ThreadPoolExecutor,
        cpu_pool: ProcessPoolExecutor,
        out: Path,
    ) -> None:
        self.client = client
        self.io_pool = io_pool
        self.cpu_pool = cpu_pool
        self.out = out
        self.ok = 0
        self.errors: list[BaseException] = []

    async def process(self, item: int) -> None:
        loop = asyncio.get_running_loop()
        body = await fetch(self.client, item)
        # Explicit executors: run_in_executor(None, ...) would use the loop's
        # default thread pool, whose size and shutdown you do not control, and
        # CPU work there would still hold the GIL.
        # Each call pays for pickling its arguments and a trip to a worker. If
        # one call takes well under a millisecond, send a batch of items per
        # call instead (what chunksize does for Executor.map).
        value = await loop.run_in_executor(self.cpu_pool, checksum, body, ROUNDS)
        await loop.run_in_executor(self.io_pool, save_result, self.out, item, value)

    async def handle(self, item: int) -> None:
        """Process one item and count it."""
{{#if cancel = yes}}
        # One deadline for the whole item. Cancelling an executor call only
        # withdraws it if it has not started; a running thread or process
        # finishes its call anyway.
{{#if py >= 3.11}}
        async with asyncio.timeout(ITEM_TIMEOUT):
            await self.process(item)
{{#else}}
        await asyncio.wait_for(self.process(item), ITEM_TIMEOUT)
{{/if}}
{{#else}}
        await self.process(item)
{{/if}}
        self.ok += 1


{{#if input = stream}}
def item_ids() -> Iterator[int]:
    """Stand-in for an endless source: a log tail, a message queue, a huge file."""
    yield from range(COUNT)


async def produce(queue: asyncio.Queue[int | None]) -> None:
    """Feed the workers from the source, then tell each of them to stop."""
    for item in item_ids():
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
{{#if fail = all}}
        try:
            await pipeline.handle(item)
        except ITEM_ERRORS as exc:
            # Collect-all: note the error and carry on with the next item.
            pipeline.errors.append(exc)
{{#else}}
        # Fail-fast: an error ends this worker and, through the caller, all the others.
        await pipeline.handle(item)
{{/if}}


async def run(pipeline: Pipeline) -> None:
    queue: asyncio.Queue[int | None] = asyncio.Queue(maxsize=QUEUE_SIZE)
{{#if fail = fast}}
{{#if py >= 3.11}}
    # TaskGroup keeps a reference to every task (an unreferenced task can be
    # garbage-collected mid-run) and cancels the rest as soon as one fails.
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(produce(queue))
            for _ in range(CONCURRENCY):
                group.create_task(consume(queue, pipeline))
    except* ITEM_ERRORS as failure:
        pipeline.errors.extend(failure.exceptions)
{{#else}}
    # The list keeps a reference to every task: an unreferenced task can be
    # garbage-collected mid-run.
    tasks = [asyncio.create_task(produce(queue))]
    tasks += [asyncio.create_task(consume(queue, pipeline)) for _ in range(CONCURRENCY)]
    try:
        await run_fail_fast(tasks)
    except ITEM_ERRORS:
        pipeline.errors.extend(failures(tasks))
{{/if}}
{{#else}}
    # gather() wraps each coroutine in a task and keeps a reference to it until it
    # ends (an unreferenced task can be garbage-collected mid-run).
    await asyncio.gather(
        produce(queue),
        *(consume(queue, pipeline) for _ in range(CONCURRENCY)),
    )
{{/if}}
{{#else}}
async def handle_bounded(limit: asyncio.Semaphore, pipeline: Pipeline, item: int) -> None:
    # Every item gets a task, but only CONCURRENCY of them get past the semaphore
    # at once; the others wait here without holding a socket.
    async with limit:
        await pipeline.handle(item)


async def run(pipeline: Pipeline) -> None:
    limit = asyncio.Semaphore(CONCURRENCY)
{{#if fail = fast}}
{{#if py >= 3.11}}
    # TaskGroup keeps a reference to every task (an unreferenced task can be
    # garbage-collected mid-run) and cancels the rest as soon as one fails.
    try:
        async with asyncio.TaskGroup() as group:
            for item in range(COUNT):
                group.create_task(handle_bounded(limit, pipeline, item))
    except* ITEM_ERRORS as failure:
        pipeline.errors.extend(failure.exceptions)
{{#else}}
    # The list keeps a reference to every task: an unreferenced task can be
    # garbage-collected mid-run.
    tasks = [asyncio.create_task(handle_bounded(limit, pipeline, item)) for item in range(COUNT)]
    try:
        await run_fail_fast(tasks)
    except ITEM_ERRORS:
        pipeline.errors.extend(failures(tasks))
{{/if}}
{{#else}}
    # gather() wraps each coroutine in a task and keeps a reference to it until it
    # ends. return_exceptions=True: one failure neither stops nor hides the others.
    results = await asyncio.gather(
        *(handle_bounded(limit, pipeline, item) for item in range(COUNT)),
        return_exceptions=True,
    )
    pipeline.errors.extend(r for r in results if isinstance(r, BaseException))
{{/if}}
{{/if}}


{{#if fail = fast}}
{{#if py < 3.11}}
async def run_fail_fast(tasks: list[asyncio.Task[None]]) -> None:
    """Wait for all tasks; at the first error, cancel the others and re-raise it."""
    try:
        await asyncio.gather(*tasks)
    finally:
        # gather() raises the first error but leaves the other tasks running.
        # Cancel them and wait until they have stopped, so none outlives the
        # client. A cancellation can get lost (before 3.12, wait_for() drops one
        # that lands just as its operation finishes), so repeat it until every
        # task is done. TaskGroup (3.11+) does all of this for you.
        pending = set(tasks)
        while pending:
            for task in pending:
                task.cancel()
            _, pending = await asyncio.wait(pending, timeout=1.0)


def failures(tasks: list[asyncio.Task[None]]) -> list[BaseException]:
    errors = []
    for task in tasks:
        if not task.cancelled() and task.exception() is not None:
            errors.append(task.exception())
    return errors


{{/if}}
{{/if}}
async def crawl(
    io_pool: ThreadPoolExecutor, cpu_pool: ProcessPoolExecutor, out: Path
) -> Pipeline:
{{#if http = httpx}}
    # Creating an httpx client reads the CA certificate bundle from disk: blocking
    # work, so it runs in the thread pool instead of on the loop.
    client = await asyncio.get_running_loop().run_in_executor(io_pool, make_client)
    # One client for the whole run: it pools connections. `async with` closes it
    # (an unclosed client leaks sockets: ResourceWarning under -X dev).
    async with client:
        pipeline = Pipeline(client, io_pool, cpu_pool, out)
        await run(pipeline)
{{#else}}
    # One session for the whole run: it pools connections. `async with` closes it
    # (an unclosed session leaks sockets: ResourceWarning under -X dev).
    connector = aiohttp.TCPConnector(limit=CONCURRENCY)
    async with aiohttp.ClientSession(connector=connector) as session:
        pipeline = Pipeline(session, io_pool, cpu_pool, out)
        await run(pipeline)
{{/if}}
    return pipeline


def report(pipeline: Pipeline, elapsed: float) -> None:
    for error in pipeline.errors[:5]:
        print(f"error: {error!r}", file=sys.stderr)
    items = pipeline.ok + len(pipeline.errors)
    print(f"summary: items={items} failed={len(pipeline.errors)} elapsed={elapsed:.2f}s")


def make_cpu_pool() -> ProcessPoolExecutor:
    # An explicit start method, the same on every machine (see START_METHOD).
    context = multiprocessing.get_context(START_METHOD)
{{#if crash = yes and py >= 3.11}}
    return ProcessPoolExecutor(
        max_workers=CPU_WORKERS,
        mp_context=context,
        max_tasks_per_child=MAX_TASKS_PER_CHILD,
    )
{{#else}}
    return ProcessPoolExecutor(max_workers=CPU_WORKERS, mp_context=context)
{{/if}}


def main() -> int:
    started = time.perf_counter()
    io_pool = ThreadPoolExecutor(max_workers=IO_THREADS, thread_name_prefix="blocking")
    # Both pools exist before the loop starts and are shut down after it ends:
    # `with` joins their threads and processes, so none outlives the program.
    with tempfile.TemporaryDirectory(prefix="pyconc-") as tmp, io_pool, make_cpu_pool() as cpu_pool:
        pipeline = asyncio.run(crawl(io_pool, cpu_pool, Path(tmp)))
    report(pipeline, time.perf_counter() - started)
{{#if fail = fast}}
    return 1 if pipeline.errors else 0
{{#else}}
    # Collect-all: failures are reported in the summary, the run itself succeeded.
    return 0
{{/if}}


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
