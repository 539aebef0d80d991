"""asyncio orchestrating a thread pool and a process pool: I/O, CPU and blocking calls.

For every item the pipeline:
{{#if io = db}}
  1. reads a row from the database with an async driver (event loop),
{{#elif io = files}}
  1. hands the path of one input file to the process pool,
{{#elif io = other}}
  1. runs an external command as a subprocess and reads its output (event loop),
{{#else}}
  1. fetches f"{PYCONC_URL}/items/{i}" with an async HTTP client (event loop),
{{/if}}
{{#if io = files}}
  2. reads the file and computes a checksum in pure Python in a worker process
     (real parallelism; only the path and a number are pickled),
{{#else}}
  2. computes a checksum of the bytes in pure Python (process pool: real parallelism),
{{/if}}
  3. saves the result with a blocking call (dedicated thread pool).
Each kind of work goes where it runs best, and the loop only coordinates. Items
come from an iterator through a bounded queue, so memory stays flat however long
the input is.
{{#if crash = yes}}
A worker process that dies (a segfault in native code, an out-of-memory kill)
breaks the pool: it is replaced, the items that were in flight run again one at a
time, and the one that crashed is named.
{{/if}}

Install and run:
{{#if io = db and db = aiomysql}}
    pip install aiomysql
    PYCONC_DSN=mysql://user:pass@127.0.0.1:3306/db python hybrid.py
{{#elif io = db}}
    pip install asyncpg
    PYCONC_DSN=postgresql://user:pass@127.0.0.1:5432/db python hybrid.py
{{#elif io in [files, other]}}
    python hybrid.py                 (standard library only)
{{#elif http = httpx}}
    pip install httpx
    PYCONC_URL=http://127.0.0.1:8000 python hybrid.py
{{#else}}
    pip install aiohttp
    PYCONC_URL=http://127.0.0.1:8000 python hybrid.py
{{/if}}
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
{{#if io = db and db = aiomysql}}
from urllib.parse import unquote, urlsplit
{{/if}}
{{#if io = db and db = aiomysql}}

import aiomysql
{{#elif io = db}}

import asyncpg
{{#elif io in [files, other]}}
{{#elif http = httpx}}

import httpx
{{#else}}

import aiohttp
{{/if}}

# --- Configuration (environment variables) ------------------------------------
{{#if io = db and db = aiomysql}}
DSN = os.environ.get("PYCONC_DSN", "mysql://user:pass@127.0.0.1:3306/db")
{{#elif io = db}}
DSN = os.environ.get("PYCONC_DSN", "postgresql://user:pass@127.0.0.1:5432/db")
{{#elif io = files}}
# A folder of input files; when unset, sample files go to a temporary folder.
INPUT_DIR = os.environ.get("PYCONC_DIR")
{{#elif not io in [db, files, other]}}
BASE_URL = os.environ.get("PYCONC_URL", "http://127.0.0.1:8000").rstrip("/")
{{/if}}
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
{{#if io = db}}
# Also the size of the database connection pool.
CONCURRENCY = int(os.environ.get("PYCONC_CONCURRENCY") or "10")
{{#elif io = other}}
# Also the most subprocesses running at once.
CONCURRENCY = int(os.environ.get("PYCONC_CONCURRENCY") or "8")
{{#else}}
CONCURRENCY = int(os.environ.get("PYCONC_CONCURRENCY") or "50")
{{/if}}
# Work per item for the CPU step (raise it to see the process pool pay off).
ROUNDS = 100
{{#if cancel = yes}}
# Seconds one item (I/O, compute, save) may take before it counts as failed.
ITEM_TIMEOUT = 30.0
{{/if}}
{{#if crash = yes and py >= 3.11}}
# Replace each worker process after this many tasks, so a leak in native code
# cannot grow forever.
MAX_TASKS_PER_CHILD = 100
{{/if}}
# Items waiting between the producer and the workers. When the queue is full the
# producer pauses, so a fast source cannot outrun the pipeline.
QUEUE_SIZE = CONCURRENCY * 2
# How worker processes start. This program runs threads (the thread pool, the
# loop's helpers) when workers start, and fork would copy a process that runs
# threads: that can deadlock (3.12+ warns under -W default or -X dev). forkserver (the Linux
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
{{#if data = unpick or shared = yes}}


# Built once in each worker process by init_worker() (the pool's initializer).
{{#if data = unpick}}
# An object that cannot be pickled (a connection, a handle into a C library)
# cannot travel with a task: each worker makes its own.
{{/if}}
{{#if shared = yes}}
# A large read-only object every task reads (a model, a lookup table) is loaded
# once per worker, not once per task: size CPU_WORKERS to the memory it takes.
{{/if}}
WORKER_STATE: dict[str, object] = {}


def init_worker() -> None:
    """Runs once in each worker process, before its first task."""
    WORKER_STATE["table"] = [(n * 2654435761) % 1_000_003 for n in range(65_536)]
{{/if}}


{{#if io = files}}
def checksum(path: Path, item: int, rounds: int) -> int:
    """The CPU step, in a worker process: read one file and checksum it in pure
    Python (a stand-in for parsing, scoring, transforming).

    The worker reads the file itself, so only the path is pickled, not the data.
    It lives at module level because the pool pickles it by name: a lambda or a
    nested function cannot be sent to a process pool.
    """
    inject_fault(item)
    data = path.read_bytes()
{{#else}}
def checksum(data: bytes, item: int, rounds: int) -> int:
    """The CPU step, in a worker process: pure-Python work that holds the GIL (a
    stand-in for parsing, scoring, transforming).

    It lives at module level because the pool pickles it by name: a lambda or a
    nested function cannot be sent to a process pool.
    """
    inject_fault(item)
{{/if}}
{{#if data = unpick or shared = yes}}
    table = WORKER_STATE["table"]
{{/if}}
    value = 0
    for _ in range(rounds):
        for byte in data:
{{#if data = unpick or shared = yes}}
            value = (value * 31 + table[byte]) % 1_000_000_007
{{#else}}
            value = (value * 31 + byte) % 1_000_000_007
{{/if}}
    return value


def save_result(folder: Path, item: int, value: int) -> None:
    """The blocking step (a stand-in for a sync SDK or driver). It runs in a thread."""
    (folder / f"{item}.txt").write_text(f"{value}\n")


{{#if crash = yes}}
class WorkerCrashed(Exception):
    """The item's worker process died (segfault, os._exit, out-of-memory kill)."""


{{/if}}
# The errors that count as "this item failed" (ValueError: bad input). Anything
# else (TypeError, KeyError...) is a bug: it stops the run with its traceback.
{{#if py >= 3.11}}
DEADLINE = TimeoutError
{{#else}}
DEADLINE = asyncio.TimeoutError
{{/if}}
{{#if crash = yes}}
RUN_ERRORS: tuple[type[BaseException], ...] = (OSError, ValueError, WorkerCrashed, DEADLINE)
{{#else}}
# BrokenProcessPool: a worker died, and every task of that pool fails with it.
RUN_ERRORS: tuple[type[BaseException], ...] = (OSError, ValueError, BrokenProcessPool, DEADLINE)
{{/if}}
{{#if io = db and db = aiomysql}}
ITEM_ERRORS = (*RUN_ERRORS, aiomysql.MySQLError)
{{#elif io = db}}
ITEM_ERRORS = (*RUN_ERRORS, asyncpg.PostgresError, asyncpg.InterfaceError)
{{#elif io in [files, other]}}
ITEM_ERRORS = RUN_ERRORS
{{#elif http = httpx}}
ITEM_ERRORS = (*RUN_ERRORS, httpx.HTTPError)
{{#else}}
ITEM_ERRORS = (*RUN_ERRORS, aiohttp.ClientError)
{{/if}}


def make_cpu_pool(workers: int) -> ProcessPoolExecutor:
    context = multiprocessing.get_context(START_METHOD)
{{#if crash = yes and py >= 3.11}}
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
{{#if data = unpick or shared = yes}}
        initializer=init_worker,
{{/if}}
        max_tasks_per_child=MAX_TASKS_PER_CHILD,
    )
{{#elif data = unpick or shared = yes}}
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=init_worker)
{{#else}}
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)
{{/if}}


{{#if crash = yes}}
class CpuPool:
    """The process pool, replaced when one of its workers dies.

    When a worker dies, every task of its pool fails with BrokenProcessPool, and
    which one killed it is not known. Each of those items then runs again alone,
    one at a time, in a one-worker pool: the one that crashes again is named, and
    the others succeed.
    """

    def __init__(self, io_pool: ThreadPoolExecutor) -> None:
        self.pool = make_cpu_pool(CPU_WORKERS)
        self.alone: ProcessPoolExecutor | None = None
        # Made on first use, inside the running loop: before 3.10 an asyncio.Lock
        # binds to the loop current when it is created, and one made before
        # asyncio.run() fails the first time two tasks wait for it.
        self.lock: asyncio.Lock | None = None
        self.io_pool = io_pool

    async def run(self, item: int, *args: object) -> int:
        loop = asyncio.get_running_loop()
        pool = self.pool
        try:
            return await loop.run_in_executor(pool, checksum, *args)
        except BrokenProcessPool:
            if self.pool is pool:
                # The first task to see the break replaces the pool for all.
                self.pool = make_cpu_pool(CPU_WORKERS)
                await loop.run_in_executor(self.io_pool, pool.shutdown)
        if self.lock is None:
            self.lock = asyncio.Lock()
        async with self.lock:
            if self.alone is None:
                self.alone = make_cpu_pool(1)
            try:
                return await loop.run_in_executor(self.alone, checksum, *args)
            except BrokenProcessPool:
                broken, self.alone = self.alone, None
                await loop.run_in_executor(self.io_pool, broken.shutdown)
                raise WorkerCrashed(
                    f"item {item}: its worker process died (segfault, os._exit, out-of-memory kill)"
                ) from None

    def close(self) -> None:
        """Shut both pools down and wait for their workers (call it off the loop)."""
        self.pool.shutdown()
        if self.alone is not None:
            self.alone.shutdown()


{{/if}}
{{#if io = db and db = aiomysql}}
def connect_params(dsn: str) -> dict[str, object]:
    """Turn mysql://user:pass@host:port/db into aiomysql's keyword arguments."""
    url = urlsplit(dsn)
    return {
        "host": url.hostname or "127.0.0.1",
        "port": url.port or 3306,
        "user": unquote(url.username or ""),
        "password": unquote(url.password or ""),
        "db": url.path.lstrip("/"),
    }


Source = aiomysql.Pool


async def read_input(source: Source, item: int) -> bytes:
    """The I/O step: one query on a connection borrowed from the pool. Replace
    the query with yours; it needs no table, so it runs against any database."""
    async with source.acquire() as conn, conn.cursor() as cursor:
        await cursor.execute("SELECT REPEAT(MD5(%s), 16)", (str(item),))
        (text,) = await cursor.fetchone()
    return text.encode()
{{#elif io = db}}
Source = asyncpg.Pool


async def read_input(source: Source, item: int) -> bytes:
    """The I/O step: one query on a connection borrowed from the pool. Replace
    the query with yours; it needs no table, so it runs against any database."""
    async with source.acquire() as conn:
        text = await conn.fetchval("SELECT repeat(md5($1::text), 16)", str(item))
    return text.encode()
{{#elif io = files}}
Source = Path


def make_samples(folder: Path) -> None:
    folder.mkdir()
    for i in range(COUNT):
        (folder / f"{i}.bin").write_bytes(os.urandom(2048))


def input_paths(folder: Path) -> Iterator[Path]:
    """The files to process, read lazily from the folder (os.scandir)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_file():
                yield Path(entry.path)
{{#elif io = other}}
Source = str
# The external command, a stand-in for a tool this program drives (a converter,
# a compiler, a CLI of another system): here, Python printing 2 KB.
COMMAND = (sys.executable, "-c", "import sys; sys.stdout.write(sys.argv[1] * 512)")


async def read_input(source: Source, item: int) -> bytes:
    """The I/O step: run the command and read its output on the loop.

    create_subprocess_exec() passes the arguments without a shell, so nothing in
    them can be interpreted as shell syntax.
    """
    proc = await asyncio.create_subprocess_exec(
        *COMMAND, f"{item:04d}", stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    # communicate() reads both pipes to the end while waiting: reading one pipe
    # at a time can deadlock once the other fills up.
    try:
        out, err = await proc.communicate()
    except BaseException:
        # Cancelled (a timeout, a failing sibling): kill the child and reap it,
        # so no process outlives the run.
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
        raise
    if proc.returncode != 0:
        raise OSError(f"item {item}: the command exited with {proc.returncode}: {err[-200:]!r}")
    return out
{{#elif http = httpx}}
Source = httpx.AsyncClient


def make_client() -> httpx.AsyncClient:
    # As many pooled connections as items in flight, so no request waits for a socket.
    return httpx.AsyncClient(limits=httpx.Limits(max_connections=CONCURRENCY))


async def read_input(source: Source, item: int) -> bytes:
    """The I/O step: GET one item."""
    response = await source.get(f"{BASE_URL}/items/{item}")
    response.raise_for_status()
    return response.content
{{#else}}
Source = aiohttp.ClientSession


async def read_input(source: Source, item: int) -> bytes:
    """The I/O step: GET one item."""
    # The response context manager hands the connection back to the pool.
    async with source.get(f"{BASE_URL}/items/{item}") as response:
        response.raise_for_status()
        return await response.read()
{{/if}}


class Pipeline:
    """What every task shares: the I/O source, both pools, the output folder, the
    counters. The counters need no lock: only coroutines on the loop's thread
    touch them, and no update spans an await.
    """

    def __init__(
        self,
        source: Source,
        io_pool: ThreadPoolExecutor,
{{#if crash = yes}}
        cpu_pool: CpuPool,
{{#else}}
        cpu_pool: ProcessPoolExecutor,
{{/if}}
        out: Path,
    ) -> None:
        self.source = source
        self.io_pool = io_pool
        self.cpu_pool = cpu_pool
        self.out = out
        self.ok = 0
        self.errors: list[BaseException] = []

{{#if io = files}}
    async def process(self, item: int, path: Path) -> None:
        loop = asyncio.get_running_loop()
{{#else}}
    async def process(self, item: int) -> None:
        loop = asyncio.get_running_loop()
        data = await read_input(self.source, item)
{{/if}}
        # Explicit executors: run_in_executor(None, ...) would use the loop's
        # default thread pool, whose size and shutdown you do not control, and
        # CPU work there would still hold the GIL.
        # Each call pays for pickling its arguments and a trip to a worker. If
        # one call takes well under a millisecond, send a batch of items per
        # call instead (what chunksize does for Executor.map).
{{#if io = files and crash = yes}}
        value = await self.cpu_pool.run(item, path, item, ROUNDS)
{{#elif io = files}}
        value = await loop.run_in_executor(self.cpu_pool, checksum, path, item, ROUNDS)
{{#elif crash = yes}}
        value = await self.cpu_pool.run(item, data, item, ROUNDS)
{{#else}}
        value = await loop.run_in_executor(self.cpu_pool, checksum, data, item, ROUNDS)
{{/if}}
        await loop.run_in_executor(self.io_pool, save_result, self.out, item, value)

{{#if io = files}}
    async def handle(self, item: int, path: Path) -> None:
{{#else}}
    async def handle(self, item: int) -> None:
{{/if}}
        """Process one item and count it."""
{{#if io = files}}
        work = self.process(item, path)
{{#else}}
        work = self.process(item)
{{/if}}
{{#if cancel = yes}}
        # One deadline for the whole item. Cancelling an executor call only
        # withdraws it if it has not started; a running thread or process
        # finishes its call anyway.
{{#if py >= 3.11}}
        async with asyncio.timeout(ITEM_TIMEOUT):
            await work
{{#else}}
        await asyncio.wait_for(work, ITEM_TIMEOUT)
{{/if}}
{{#else}}
        await work
{{/if}}
        self.ok += 1


{{#if io = files}}
async def produce(queue: asyncio.Queue[tuple[int, Path] | None], items: Iterator[tuple[int, Path]]) -> None:
{{#else}}
async def produce(queue: asyncio.Queue[int | None], items: Iterator[int]) -> None:
{{/if}}
    """Feed the workers from the source, then tell each of them to stop."""
    for item in items:
        # put() waits while the queue is full: this is the backpressure.
        await queue.put(item)
    for _ in range(CONCURRENCY):
        await queue.put(None)


{{#if io = files}}
async def consume(queue: asyncio.Queue[tuple[int, Path] | None], pipeline: Pipeline) -> None:
{{#else}}
async def consume(queue: asyncio.Queue[int | None], pipeline: Pipeline) -> None:
{{/if}}
    """One of CONCURRENCY workers: the worker count bounds the items in flight."""
    while True:
        item = await queue.get()
        if item is None:
            return
{{#if fail = all}}
        try:
{{#if io = files}}
            await pipeline.handle(*item)
{{#else}}
            await pipeline.handle(item)
{{/if}}
        except ITEM_ERRORS as exc:
            # Collect-all: note the failure and carry on with the next item. A
            # bug is not caught here: it ends the run with its traceback.
            pipeline.errors.append(exc)
{{#else}}
        try:
{{#if io = files}}
            await pipeline.handle(*item)
{{#else}}
            await pipeline.handle(item)
{{/if}}
        except ITEM_ERRORS as exc:
            # Fail fast: note the failure, then end this worker and, through the
            # caller, all the others.
            pipeline.errors.append(exc)
            raise
{{/if}}


{{#if io = files}}
async def run(pipeline: Pipeline, items: Iterator[tuple[int, Path]]) -> None:
    queue: asyncio.Queue[tuple[int, Path] | None] = asyncio.Queue(maxsize=QUEUE_SIZE)
{{#else}}
async def run(pipeline: Pipeline, items: Iterator[int]) -> None:
    queue: asyncio.Queue[int | None] = asyncio.Queue(maxsize=QUEUE_SIZE)
{{/if}}
{{#if py >= 3.11}}
    # TaskGroup keeps a reference to every task (an unreferenced task can be
    # garbage-collected mid-run) and cancels the rest as soon as one fails.
{{#if fail = fast}}
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(produce(queue, items))
            for _ in range(CONCURRENCY):
                group.create_task(consume(queue, pipeline))
    except* ITEM_ERRORS:
        # Already noted in pipeline.errors; any other error propagates.
        pass
{{#else}}
    async with asyncio.TaskGroup() as group:
        group.create_task(produce(queue, items))
        for _ in range(CONCURRENCY):
            group.create_task(consume(queue, pipeline))
{{/if}}
{{#else}}
    # The list keeps a reference to every task: an unreferenced task can be
    # garbage-collected mid-run.
    tasks = [asyncio.create_task(produce(queue, items))]
    tasks += [asyncio.create_task(consume(queue, pipeline)) for _ in range(CONCURRENCY)]
{{#if fail = fast}}
    try:
        await run_all_or_stop(tasks)
    except ITEM_ERRORS:
        # Already noted in pipeline.errors; any other error propagates.
        pass
{{#else}}
    await run_all_or_stop(tasks)
{{/if}}


async def run_all_or_stop(tasks: list[asyncio.Task[None]]) -> None:
    """Wait for all tasks; at the first error, cancel the others and re-raise it."""
    try:
        await asyncio.gather(*tasks)
    finally:
        # gather() raises the first error but leaves the other tasks running.
        # Cancel them and wait until they have stopped, so none outlives the
        # pools. A cancellation can get lost (before 3.12, wait_for() drops one
        # that lands just as its operation finishes), so repeat it until every
        # task is done. TaskGroup (3.11+) does all of this for you.
        pending = set(tasks)
        while pending:
            for task in pending:
                task.cancel()
            _, pending = await asyncio.wait(pending, timeout=1.0)
{{/if}}


{{#if crash = yes}}
async def crawl(io_pool: ThreadPoolExecutor, cpu_pool: CpuPool, out: Path) -> Pipeline:
{{#else}}
async def crawl(io_pool: ThreadPoolExecutor, cpu_pool: ProcessPoolExecutor, out: Path) -> Pipeline:
{{/if}}
{{#if io = db and db = aiomysql}}
    # One connection pool for the whole run; it also caps the queries in flight.
    # autocommit: these reads need no transaction, and a connection returned
    # while a transaction is open would be closed by the pool, not reused.
    source = await aiomysql.create_pool(
        minsize=1, maxsize=CONCURRENCY, autocommit=True, **connect_params(DSN)
    )
    try:
        pipeline = Pipeline(source, io_pool, cpu_pool, out)
        await run(pipeline, iter(range(COUNT)))
    finally:
        # close() then wait_closed(): an unclosed pool leaks its connections.
        source.close()
        await source.wait_closed()
{{#elif io = db}}
    # One connection pool for the whole run; it also caps the queries in flight.
    # `async with` closes every connection at the end.
    async with asyncpg.create_pool(DSN, min_size=1, max_size=CONCURRENCY) as source:
        pipeline = Pipeline(source, io_pool, cpu_pool, out)
        await run(pipeline, iter(range(COUNT)))
{{#elif io = files}}
    inputs = Path(INPUT_DIR) if INPUT_DIR else out / "inputs"
    pipeline = Pipeline(inputs, io_pool, cpu_pool, out)
    if not INPUT_DIR:
        # Sample files: written by a thread, not on the loop (file I/O blocks).
        await asyncio.get_running_loop().run_in_executor(io_pool, make_samples, inputs)
    paths = input_paths(inputs)
    # Listing a folder blocks too, but os.scandir() yields entry by entry; for a
    # slow network folder, list it in the thread pool instead.
    await run(pipeline, enumerate(paths))
{{#elif io = other}}
    pipeline = Pipeline("", io_pool, cpu_pool, out)
    await run(pipeline, iter(range(COUNT)))
{{#elif http = httpx}}
    # Creating an httpx client reads the CA certificate bundle from disk: blocking
    # work, so it runs in the thread pool instead of on the loop.
    client = await asyncio.get_running_loop().run_in_executor(io_pool, make_client)
    # One client for the whole run: it pools connections. `async with` closes it
    # (an unclosed client leaks sockets: ResourceWarning under -X dev).
    async with client:
        pipeline = Pipeline(client, io_pool, cpu_pool, out)
        await run(pipeline, iter(range(COUNT)))
{{#else}}
    # One session for the whole run: it pools connections. `async with` closes it
    # (an unclosed session leaks sockets: ResourceWarning under -X dev).
    connector = aiohttp.TCPConnector(limit=CONCURRENCY)
    async with aiohttp.ClientSession(connector=connector) as session:
        pipeline = Pipeline(session, io_pool, cpu_pool, out)
        await run(pipeline, iter(range(COUNT)))
{{/if}}
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
{{#if crash = yes}}
    # Both pools exist before the loop starts and are shut down after it ends,
    # so no thread or process outlives the program.
    with tempfile.TemporaryDirectory(prefix="pyconc-") as tmp, io_pool:
        cpu_pool = CpuPool(io_pool)
        try:
            pipeline = asyncio.run(crawl(io_pool, cpu_pool, Path(tmp)))
        finally:
            cpu_pool.close()
{{#else}}
    # Both pools exist before the loop starts and are shut down after it ends:
    # `with` joins their threads and processes, so none outlives the program.
    with tempfile.TemporaryDirectory(prefix="pyconc-") as tmp, io_pool, make_cpu_pool(CPU_WORKERS) as cpu_pool:
        pipeline = asyncio.run(crawl(io_pool, cpu_pool, Path(tmp)))
{{/if}}
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
{{#if where in [notebook, aweb]}}
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        pass  # No loop runs in this thread: a plain script starts its own below.
    else:
        # Pasted into a Jupyter cell, this runs inside the kernel's event loop,
        # where asyncio.run() raises RuntimeError. Await the coroutine instead.
        raise SystemExit("An event loop is already running here: await the work in a cell instead.")
{{/if}}
    sys.exit(main())
