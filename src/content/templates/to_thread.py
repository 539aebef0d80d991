{{#if io = db}}
"""An asyncio program that also has to call a blocking library, without stalling the loop.

Every item i is read from the database with an async driver, then written to a
local cache with sqlite3, a blocking library with no async API (a stand-in for
any synchronous SDK). A blocking call inside a coroutine would freeze every other
task, so that call runs in a worker thread and the coroutine awaits it.
{{#elif io = files}}
"""An asyncio program that also has to read files, without stalling the loop.

File reads never suspend an event loop: a read that waits for the disk blocks
every task. So each file is read and hashed in a worker thread (in chunks, so a
large file never sits in memory whole), and the coroutine awaits the result.
{{#elif io = other}}
"""An asyncio program that runs subprocesses and also has a blocking call to make.

Every item i runs an external command with asyncio's own subprocess support (the
loop reads its output, no pool thread), then hands its output to a blocking call (a stand-in for a
synchronous SDK without an async API). A blocking call inside a coroutine would
freeze every other task, so that call runs in a worker thread.
{{#else}}
"""An asyncio program that also has to call a blocking SDK, without stalling the loop.

Every item i is fetched from f"{PYCONC_URL}/items/{i}" with an async HTTP client,
then passed to a blocking, requests-style SDK call (here a small stand-in built
on urllib). A blocking call inside a coroutine would freeze every other task,
so the SDK call runs in a worker thread and the coroutine awaits it.
{{/if}}
{{#if input = stream}}
Items come from a generator (a stand-in for a stream) through a bounded queue, so memory
stays flat however long the stream is.
{{/if}}

Install and run:
{{#if io = db and db = aiomysql}}
    pip install aiomysql
    PYCONC_DSN=mysql://user:pass@127.0.0.1:3306/db python to_thread.py
{{#elif io = db}}
    pip install asyncpg
    PYCONC_DSN=postgresql://user:pass@127.0.0.1:5432/db python to_thread.py
{{#elif io in [files, other]}}
    python to_thread.py              (standard library only)
{{#elif http = httpx}}
    pip install httpx
    PYCONC_URL=http://127.0.0.1:8000 python to_thread.py
{{#else}}
    pip install aiohttp
    PYCONC_URL=http://127.0.0.1:8000 python to_thread.py
{{/if}}
"""

from __future__ import annotations

import asyncio
{{#if io = files}}
import hashlib
{{/if}}
{{#if not io in [db, files, other]}}
import http.client
{{/if}}
import os
{{#if io = db}}
import sqlite3
{{/if}}
import sys
{{#if io in [db, files]}}
import tempfile
{{/if}}
import threading
import time
{{#if not io in [db, files, other]}}
import urllib.error
import urllib.request
{{/if}}
{{#if input = stream and fail = all}}
from collections.abc import Awaitable, Iterator
{{#elif input = stream}}
from collections.abc import Iterator
{{#elif fail = all}}
from collections.abc import Awaitable
{{/if}}
from concurrent.futures import ThreadPoolExecutor
{{#if io in [db, files]}}
from pathlib import Path
{{/if}}
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
{{#elif not io in [db, files, other]}}
BASE_URL = os.environ.get("PYCONC_URL", "http://127.0.0.1:8000").rstrip("/")
{{/if}}
COUNT = int(os.environ.get("PYCONC_COUNT", "200"))
# The most items in flight at once: protects the other side and bounds open
# connections (and subprocesses, and file reads).
{{#if io in [files, other]}}
CONCURRENCY = int(os.environ.get("PYCONC_WORKERS") or "8")
{{#else}}
CONCURRENCY = int(os.environ.get("PYCONC_WORKERS") or "50")
{{/if}}
# Threads for the blocking calls. Calls beyond this wait in the pool's queue, so
# the blocking library never sees more than this many calls at once.
SDK_THREADS = min(CONCURRENCY, 10)
{{#if py >= 3.9 and where != script}}
# This program's own pool for the blocking calls. The loop here is not yours (a
# notebook's, a web server's), so its default executor stays as its owner set
# it. The pool starts its threads only when the first call comes, and
# concurrent.futures joins them when the interpreter exits.
SDK_POOL = ThreadPoolExecutor(max_workers=SDK_THREADS, thread_name_prefix="sdk")
{{/if}}
{{#if not io in [db, files, other]}}
# Socket timeout of one SDK attempt, and how many attempts it makes.
SDK_TIMEOUT = 10.0
SDK_ATTEMPTS = 3
{{#elif io = files}}
# Files are read and hashed in chunks of this size: a large file never sits
# in memory whole.
CHUNK = 1024 * 1024
{{/if}}
{{#if cancel = yes}}
# Seconds one item may take before it counts as failed.
ITEM_TIMEOUT = 30.0
{{/if}}
{{#if input = stream}}
# Items waiting between the producer and the workers. When the queue is full the
# producer pauses, so a fast source cannot outrun the rest.
QUEUE_SIZE = CONCURRENCY * 2
{{/if}}
# -------------------------------------------------------------------------------


class StopRequested(Exception):
    """The caller gave up on this blocking call (timeout, cancellation, shutdown)."""


{{#if io = db}}
class Cache:
    """Stand-in for a blocking library: a local SQLite cache (sqlite3 has no async API).

    A connection belongs to the thread that made it, so each worker thread opens
    its own, on first use, and keeps it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.local = threading.local()
        self.connections: list[sqlite3.Connection] = []
        self.lock = threading.Lock()
        with sqlite3.connect(path) as setup:
            setup.execute("CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, body TEXT)")
        setup.close()

    def connection(self) -> sqlite3.Connection:
        conn = getattr(self.local, "conn", None)
        if conn is None:
            # timeout: how long a writer waits for another thread's write lock.
            # check_same_thread=False only so close() can run in the main thread
            # at the end: each connection is used by its own thread alone.
            conn = self.local.conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            with self.lock:
                self.connections.append(conn)
        return conn

    def close(self) -> None:
        with self.lock:
            for conn in self.connections:
                conn.close()


CACHE: Cache | None = None


def blocking_call(item: int, body: str, stop: threading.Event) -> None:
    """The blocking step, in a worker thread: store the row in the cache."""
    if stop.is_set():
        raise StopRequested(str(item))
    assert CACHE is not None
    conn = CACHE.connection()
    with conn:
        conn.execute("INSERT OR REPLACE INTO items VALUES (?, ?)", (item, body))
{{#elif io = files}}
def blocking_call(path: Path, stop: threading.Event) -> str:
    """The blocking step, in a worker thread: read one file in chunks and hash it.

    It checks `stop` between chunks. That flag is the only way to end it early:
    cancelling the coroutine that awaits this call does not stop the thread.
    """
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            if stop.is_set():
                raise StopRequested(str(path))
            # hashlib releases the GIL on large buffers, so threads hash in parallel.
            digest.update(chunk)
    return digest.hexdigest()


def write_samples(folder: Path) -> None:
    for i in range(COUNT):
        (folder / f"{i}.bin").write_bytes(os.urandom(64 * 1024))
{{#elif io = other}}
# The external command, a stand-in for a tool this program drives: here, Python
# printing a line.
COMMAND = (sys.executable, "-c", "import sys; print('item', sys.argv[1])")


def blocking_call(item: int, output: bytes, stop: threading.Event) -> int:
    """Stand-in for a blocking SDK call with no async API (a message-queue client,
    a vendor library): here it only checks the output, after a short wait.

    It checks `stop` before working. That flag is the only way to end it early:
    cancelling the coroutine that awaits this call does not stop the thread.
    """
    if stop.wait(0.005):
        raise StopRequested(str(item))
    if not output.startswith(b"item"):
        raise ValueError(f"item {item}: unexpected output {output[:40]!r}")
    return len(output)
{{#else}}
def blocking_call(item: int, stop: threading.Event) -> bytes:
    """Stand-in for a blocking SDK call: a vendor client with no async API.

    It retries like real SDKs do, and checks `stop` between steps. That flag is
    the only way to end it early: cancelling the coroutine that awaits this
    call does not stop the thread running it.
    """
    url = f"{BASE_URL}/items/{item}"
    for attempt in range(1, SDK_ATTEMPTS + 1):
        if stop.is_set():
            raise StopRequested(url)
        try:
            with urllib.request.urlopen(url, timeout=SDK_TIMEOUT) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            # An HTTPError holds the open response: close it, or its socket
            # leaks. A 4xx means the request itself is wrong: do not retry.
            exc.close()
            if exc.code < 500 or attempt == SDK_ATTEMPTS:
                raise
        except OSError:
            if attempt == SDK_ATTEMPTS:
                raise
        # Back off before the next attempt. Event.wait() sleeps like
        # time.sleep() but wakes up at once when the flag is set.
        stop.wait(0.1 * 2**attempt)
    raise StopRequested(url)
{{/if}}


{{#if io = db and db = aiomysql}}
Client = aiomysql.Pool
{{#elif io = db}}
Client = asyncpg.Pool
{{#elif io = files}}
# The folder of input files.
Client = Path
{{#elif io = other}}
# Nothing is shared between items: each runs its own subprocess.
Client = type(None)
{{#elif http = httpx}}
Client = httpx.AsyncClient
{{#else}}
Client = aiohttp.ClientSession
{{/if}}
# The errors that count as "this item failed". Anything
# else (TypeError, KeyError...) is a bug: it stops the run with its traceback.
{{#if py >= 3.11}}
DEADLINE = TimeoutError
{{#else}}
DEADLINE = asyncio.TimeoutError
{{/if}}
{{#if io = db and db = aiomysql}}
ITEM_ERRORS = (aiomysql.MySQLError, sqlite3.Error, OSError, StopRequested, DEADLINE)
{{#elif io = db}}
ITEM_ERRORS = (asyncpg.PostgresError, asyncpg.InterfaceError, sqlite3.Error, OSError, StopRequested, DEADLINE)
{{#elif io = files}}
ITEM_ERRORS = (OSError, StopRequested, DEADLINE)
{{#elif io = other}}
ITEM_ERRORS = (OSError, ValueError, StopRequested, DEADLINE)
{{#elif http = httpx}}
# urllib raises OSError subclasses (URLError, HTTPError, timeouts), and
# http.client a few of its own.
ITEM_ERRORS = (httpx.HTTPError, OSError, http.client.HTTPException, DEADLINE)
{{#else}}
# urllib raises OSError subclasses (URLError, HTTPError, timeouts), and
# http.client a few of its own.
ITEM_ERRORS = (aiohttp.ClientError, OSError, http.client.HTTPException, DEADLINE)
{{/if}}


{{#if not io in [db, files, other]}}
# Self-test hook, used by this template's test suite and harmless otherwise:
# PYCONC_FAULT=bug:N makes item N raise TypeError, as a bug in your code would.
{{#else}}
# Self-test hook, used by this template's test suite and harmless otherwise:
# PYCONC_FAULT=fail:N makes item N fail as a lost connection would, bug:N raise
# TypeError as a bug would.
{{/if}}
FAULT = os.environ.get("PYCONC_FAULT", "")


def inject_fault(item: int) -> None:
    """The self-test hook (see FAULT). Delete it in your own code."""
    kind, _, which = FAULT.partition(":")
    if which != str(item):
        return
{{#if io in [db, files, other]}}
    if kind == "fail":
        raise ConnectionResetError(f"item {item}: connection reset")
{{/if}}
    if kind == "bug":
        raise TypeError(f"item {item}: a bug")


class Stats:
    """Counters shared by all tasks.

    No lock is needed: only coroutines on the event loop's thread touch them,
    never the SDK threads.
    """

    def __init__(self) -> None:
        self.ok = 0
        self.errors: list[BaseException] = []
{{#if fail = all}}


async def collect(stats: Stats, work: Awaitable[None]) -> None:
    """Collect-all: await one item and note its failure instead of raising it.

    Only the expected errors are caught: a bug (TypeError, KeyError...) is not
    an item failure, and it stops the run with its traceback.
    """
    try:
        await work
    except ITEM_ERRORS as exc:
        stats.errors.append(exc)
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


async def fetch(pool: Client, item: int) -> str:
    """The async step: one query on a pooled connection (needs no table)."""
    async with pool.acquire() as conn, conn.cursor() as cursor:
        await cursor.execute("SELECT MD5(%s)", (str(item),))
        (text,) = await cursor.fetchone()
    return text
{{#elif io = db}}
async def fetch(pool: Client, item: int) -> str:
    """The async step: one query on a pooled connection (needs no table)."""
    async with pool.acquire() as conn:
        return await conn.fetchval("SELECT md5($1::text)", str(item))
{{#elif io = other}}
async def fetch(_: Client, item: int) -> bytes:
    """The async step: run the command and read its output on the loop.

    create_subprocess_exec() passes the arguments without a shell, and
    communicate() reads both pipes to the end while waiting (reading one pipe at
    a time can deadlock once the other fills up).
    """
    proc = await asyncio.create_subprocess_exec(
        *COMMAND, str(item), stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
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
{{#elif io = files}}
{{#elif http = httpx}}
def make_client() -> httpx.AsyncClient:
    # As many pooled connections as items in flight, so no request waits for a socket.
    return httpx.AsyncClient(limits=httpx.Limits(max_connections=CONCURRENCY))


async def fetch(client: Client, item: int) -> int:
    """GET one item and return the size of its body in bytes."""
    response = await client.get(f"{BASE_URL}/items/{item}")
    response.raise_for_status()
    return len(response.content)
{{#else}}
async def fetch(session: Client, item: int) -> int:
    """GET one item and return the size of its body in bytes."""
    # The response context manager hands the connection back to the pool.
    async with session.get(f"{BASE_URL}/items/{item}") as response:
        response.raise_for_status()
        body = await response.read()
    return len(body)
{{/if}}


{{#if py >= 3.9}}
async def call_sdk(*args: object) -> object:
{{#else}}
async def call_sdk(pool: ThreadPoolExecutor, *args: object) -> object:
{{/if}}
    """Run the blocking call in a worker thread and await its result."""
    stop = threading.Event()
    try:
{{#if py >= 3.9 and where = script}}
        # to_thread() runs the call in the loop's default executor, which
        # main() replaced with a pool of SDK_THREADS threads.
        return await asyncio.to_thread(blocking_call, *args, stop)
{{#elif py >= 3.9}}
        # run_in_executor() with this program's own pool (SDK_POOL), not the
        # default executor of a loop that is not yours: at most SDK_THREADS
        # calls reach the blocking library at once.
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(SDK_POOL, blocking_call, *args, stop)
{{#else}}
        # run_in_executor() with an explicit pool: passing None would use a
        # default pool whose size and shutdown you do not control.
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(pool, blocking_call, *args, stop)
{{/if}}
    except asyncio.CancelledError:
        # This await was cancelled (timeout, a failing sibling, Ctrl+C), but the
        # thread runs on: ask it to stop at its next check. Then re-raise, or
        # the cancellation would be lost.
        stop.set()
        raise


{{#if py >= 3.9}}
async def process(client: Client, item: int) -> None:
{{#else}}
async def process(client: Client, item: int, pool: ThreadPoolExecutor) -> None:
{{/if}}
{{#if io = files}}
    args: tuple[object, ...] = (client / f"{item}.bin",)
{{#elif io in [db, other]}}
    args: tuple[object, ...] = (item, await fetch(client, item))
{{#else}}
    await fetch(client, item)
    args: tuple[object, ...] = (item,)
{{/if}}
{{#if py >= 3.9}}
    await call_sdk(*args)
{{#else}}
    await call_sdk(pool, *args)
{{/if}}


{{#if py >= 3.9}}
async def handle(client: Client, item: int, stats: Stats) -> None:
{{#else}}
async def handle(client: Client, item: int, stats: Stats, pool: ThreadPoolExecutor) -> None:
{{/if}}
    """Process one item and count it."""
    inject_fault(item)
{{#if cancel = yes}}
{{#if py >= 3.11}}
    # One deadline for the whole item. When it expires, the SDK call gets its
    # stop flag set (see call_sdk).
    async with asyncio.timeout(ITEM_TIMEOUT):
        await process(client, item)
{{#elif py >= 3.9}}
    # One deadline for the whole item. When it expires, the SDK call gets its
    # stop flag set (see call_sdk).
    await asyncio.wait_for(process(client, item), ITEM_TIMEOUT)
{{#else}}
    # One deadline for the whole item. When it expires, the SDK call gets its
    # stop flag set (see call_sdk).
    await asyncio.wait_for(process(client, item, pool), ITEM_TIMEOUT)
{{/if}}
{{#elif py >= 3.9}}
    await process(client, item)
{{#else}}
    await process(client, item, pool)
{{/if}}
    stats.ok += 1


{{#if input = stream}}
def item_ids() -> Iterator[int]:
    """Stand-in for an endless source: a log tail, a message queue, a huge file."""
    yield from range(COUNT)


{{> produce_ids}}


{{#if py >= 3.9}}
async def consume(queue: asyncio.Queue[int | None], client: Client, stats: Stats) -> None:
{{#else}}
async def consume(
    queue: asyncio.Queue[int | None], client: Client, stats: Stats, pool: ThreadPoolExecutor
) -> None:
{{/if}}
    """One of CONCURRENCY workers: the worker count bounds the items in flight."""
    while True:
        item = await queue.get()
        if item is None:
            return
{{#if fail = all}}
        try:
{{#if py >= 3.9}}
            await handle(client, item, stats)
{{#else}}
            await handle(client, item, stats, pool)
{{/if}}
        except ITEM_ERRORS as exc:
            # Collect-all: note the error and carry on with the next item.
            stats.errors.append(exc)
{{#else}}
        # Fail-fast: an error ends this worker and, through the caller, all the others.
{{#if py >= 3.9}}
        await handle(client, item, stats)
{{#else}}
        await handle(client, item, stats, pool)
{{/if}}
{{/if}}


{{#if py >= 3.9}}
async def run(client: Client, stats: Stats) -> None:
{{#else}}
async def run(client: Client, stats: Stats, pool: ThreadPoolExecutor) -> None:
{{/if}}
    queue: asyncio.Queue[int | None] = asyncio.Queue(maxsize=QUEUE_SIZE)
{{#if fail = fast}}
{{#if py >= 3.11}}
    # TaskGroup keeps a reference to every task (an unreferenced task can be
    # garbage-collected mid-run) and cancels the rest as soon as one fails.
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(produce(queue))
            for _ in range(CONCURRENCY):
                group.create_task(consume(queue, client, stats))
    except* ITEM_ERRORS as failure:
        stats.errors.extend(failure.exceptions)
{{#else}}
    # The list keeps a reference to every task: an unreferenced task can be
    # garbage-collected mid-run.
    tasks = [asyncio.create_task(produce(queue))]
{{#if py >= 3.9}}
    tasks += [asyncio.create_task(consume(queue, client, stats)) for _ in range(CONCURRENCY)]
{{#else}}
    tasks += [
        asyncio.create_task(consume(queue, client, stats, pool)) for _ in range(CONCURRENCY)
    ]
{{/if}}
    try:
        await run_fail_fast(tasks)
    except ITEM_ERRORS:
        stats.errors.extend(failures(tasks))
{{/if}}
{{#else}}
    # gather() wraps each coroutine in a task and keeps a reference to it until it
    # ends (an unreferenced task can be garbage-collected mid-run).
    await asyncio.gather(
        produce(queue),
{{#if py >= 3.9}}
        *(consume(queue, client, stats) for _ in range(CONCURRENCY)),
{{#else}}
        *(consume(queue, client, stats, pool) for _ in range(CONCURRENCY)),
{{/if}}
    )
{{/if}}
{{#else}}
{{#if py >= 3.9}}
async def handle_bounded(limit: asyncio.Semaphore, client: Client, item: int, stats: Stats) -> None:
{{#else}}
async def handle_bounded(
    limit: asyncio.Semaphore, client: Client, item: int, stats: Stats, pool: ThreadPoolExecutor
) -> None:
{{/if}}
    # Every item gets a task, but only CONCURRENCY of them get past the semaphore
    # at once; the others wait here without holding a socket or a thread.
    async with limit:
{{#if py >= 3.9}}
        await handle(client, item, stats)
{{#else}}
        await handle(client, item, stats, pool)
{{/if}}


{{#if py >= 3.9}}
async def run(client: Client, stats: Stats) -> None:
{{#else}}
async def run(client: Client, stats: Stats, pool: ThreadPoolExecutor) -> None:
{{/if}}
    limit = asyncio.Semaphore(CONCURRENCY)
{{#if fail = fast}}
{{#if py >= 3.11}}
    # TaskGroup keeps a reference to every task (an unreferenced task can be
    # garbage-collected mid-run) and cancels the rest as soon as one fails.
    try:
        async with asyncio.TaskGroup() as group:
            for item in range(COUNT):
                group.create_task(handle_bounded(limit, client, item, stats))
    except* ITEM_ERRORS as failure:
        stats.errors.extend(failure.exceptions)
{{#else}}
    # The list keeps a reference to every task: an unreferenced task can be
    # garbage-collected mid-run.
    tasks = [
{{#if py >= 3.9}}
        asyncio.create_task(handle_bounded(limit, client, item, stats)) for item in range(COUNT)
{{#else}}
        asyncio.create_task(handle_bounded(limit, client, item, stats, pool))
        for item in range(COUNT)
{{/if}}
    ]
    try:
        await run_fail_fast(tasks)
    except ITEM_ERRORS:
        stats.errors.extend(failures(tasks))
{{/if}}
{{#elif py >= 3.11}}
    # TaskGroup keeps a reference to every task. collect() notes the expected
    # failures; the first bug cancels the other tasks and stops the run.
    async with asyncio.TaskGroup() as group:
        for item in range(COUNT):
            group.create_task(collect(stats, handle_bounded(limit, client, item, stats)))
{{#else}}
    # The list keeps a reference to every task. collect() notes the expected
    # failures; the first bug cancels the other tasks and stops the run.
{{#if py >= 3.9}}
    tasks = [asyncio.create_task(collect(stats, handle_bounded(limit, client, item, stats))) for item in range(COUNT)]
{{#else}}
    tasks = [asyncio.create_task(collect(stats, handle_bounded(limit, client, item, stats, pool))) for item in range(COUNT)]
{{/if}}
    await run_fail_fast(tasks)
{{/if}}
{{/if}}


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


{{#if fail = fast}}
def failures(tasks: list[asyncio.Task[None]]) -> list[BaseException]:
    errors = []
    for task in tasks:
        if not task.cancelled() and task.exception() is not None:
            errors.append(task.exception())
    return errors


{{/if}}
{{/if}}
def report(stats: Stats, elapsed: float) -> None:
    # Every error is reported, not only the first ones (like `make -k`).
    for error in stats.errors:
        print(f"error: {error!r}", file=sys.stderr)
    items = stats.ok + len(stats.errors)
    print(f"summary: items={items} failed={len(stats.errors)} elapsed={elapsed:.2f}s")


{{#if py >= 3.9}}
async def main() -> int:
    started = time.perf_counter()
{{#if where = script}}
    # asyncio.to_thread() uses the loop's default executor. This script owns its
    # loop, so it replaces that executor with a pool of a known size;
    # asyncio.run() shuts it down when the loop ends. Never do this on a loop
    # you did not start (a library's caller's, a notebook's, a web server's).
    loop = asyncio.get_running_loop()
    loop.set_default_executor(ThreadPoolExecutor(max_workers=SDK_THREADS, thread_name_prefix="sdk"))
{{/if}}
{{#else}}
async def crawl(pool: ThreadPoolExecutor) -> int:
    started = time.perf_counter()
{{/if}}
    stats = Stats()
{{#if io = db and db = aiomysql}}
    # One connection pool for the whole run; it also caps the queries in flight.
    # autocommit: these reads need no transaction, and a connection returned
    # while a transaction is open would be closed by the pool, not reused.
    client = await aiomysql.create_pool(
        minsize=1, maxsize=CONCURRENCY, autocommit=True, **connect_params(DSN)
    )
    try:
        with tempfile.TemporaryDirectory(prefix="pyconc-") as tmp:
            global CACHE
            CACHE = Cache(Path(tmp) / "cache.db")
            try:
{{#if py >= 3.9}}
                await run(client, stats)
{{#else}}
                await run(client, stats, pool)
{{/if}}
            finally:
                CACHE.close()
    finally:
        # close() then wait_closed(): an unclosed pool leaks its connections.
        client.close()
        await client.wait_closed()
{{#elif io = db}}
    # One connection pool for the whole run; it also caps the queries in flight.
    # `async with` closes every connection at the end.
    async with asyncpg.create_pool(DSN, min_size=1, max_size=CONCURRENCY) as client:
        with tempfile.TemporaryDirectory(prefix="pyconc-") as tmp:
            global CACHE
            CACHE = Cache(Path(tmp) / "cache.db")
            try:
{{#if py >= 3.9}}
                await run(client, stats)
{{#else}}
                await run(client, stats, pool)
{{/if}}
            finally:
                CACHE.close()
{{#elif io = files}}
    with tempfile.TemporaryDirectory(prefix="pyconc-") as tmp:
        # Sample files stand in for yours; writing them blocks, so a thread does it.
{{#if py >= 3.9}}
        await asyncio.to_thread(write_samples, Path(tmp))
{{#else}}
        await asyncio.get_running_loop().run_in_executor(pool, write_samples, Path(tmp))
{{/if}}
        client = Path(tmp)
{{#if py >= 3.9}}
        await run(client, stats)
{{#else}}
        await run(client, stats, pool)
{{/if}}
{{#elif io = other}}
    client = None
{{#if py >= 3.9}}
    await run(client, stats)
{{#else}}
    await run(client, stats, pool)
{{/if}}
{{#elif http = httpx}}
{{#if py >= 3.9}}
    # Creating an httpx client reads the CA certificate bundle from disk: blocking
    # work that can take a tenth of a second. A worker thread keeps the loop free.
    client = await asyncio.to_thread(make_client)
{{#else}}
    # Creating an httpx client reads the CA certificate bundle from disk: blocking
    # work that can take a tenth of a second. A worker thread keeps the loop free.
    client = await asyncio.get_running_loop().run_in_executor(pool, make_client)
{{/if}}
    # One client for the whole run: it pools connections. Leaving a client open
    # leaks sockets (ResourceWarning under -X dev); `async with` closes it.
    async with client:
{{#if py >= 3.9}}
        await run(client, stats)
{{#else}}
        await run(client, stats, pool)
{{/if}}
{{#else}}
    # One session for the whole run: it pools connections. Leaving a session open
    # leaks sockets (ResourceWarning under -X dev); `async with` closes it.
    connector = aiohttp.TCPConnector(limit=CONCURRENCY)
    async with aiohttp.ClientSession(connector=connector) as client:
{{#if py >= 3.9}}
        await run(client, stats)
{{#else}}
        await run(client, stats, pool)
{{/if}}
{{/if}}
    report(stats, time.perf_counter() - started)
    # The exit status tells the truth: 1 when any item failed.
    return 1 if stats.errors else 0


{{#if py < 3.9}}
def main() -> int:
    # The SDK threads live in a pool of their own. `with` shuts it down once the
    # loop is done; calls that were cancelled see their stop flag and end early.
    with ThreadPoolExecutor(max_workers=SDK_THREADS, thread_name_prefix="sdk") as pool:
        return asyncio.run(crawl(pool))


{{/if}}
{{#if where in [notebook, aweb]}}
# A notebook or an async web framework already runs an event loop, and asyncio.run()
# raises RuntimeError inside a running loop. There, await the coroutine instead:
#
{{#if py >= 3.9}}
#     exit_code = await main()              # in a Jupyter cell
#
# That loop is not yours, so main() leaves its default executor alone there.
{{#else}}
#     with ThreadPoolExecutor(max_workers=SDK_THREADS) as pool:
#         exit_code = await crawl(pool)     # in a Jupyter cell
{{/if}}
#
# As a script, the file still starts its own loop:
{{/if}}
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
{{#if py >= 3.9}}
    sys.exit(asyncio.run(main()))
{{#else}}
    sys.exit(main())
{{/if}}
