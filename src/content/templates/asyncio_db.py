"""Run many database queries concurrently with asyncio through a connection pool.

Each item runs one small, self-contained query (it needs no tables), so the file
works against any empty database. Replace `query()` with your own.
{{#if input = stream}}
Items come from a generator (a stand-in for a stream) through a bounded queue, so memory
stays flat however long the stream is.
{{/if}}

Install and run:
{{#if db = aiomysql}}
    pip install aiomysql
    PYCONC_DSN=mysql://user:pass@127.0.0.1:3306/db python asyncio_db.py
{{#else}}
    pip install asyncpg
    PYCONC_DSN=postgresql://user:pass@127.0.0.1:5432/db python asyncio_db.py
{{/if}}
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
{{#if input = stream and fail = all}}
from collections.abc import Awaitable, Iterator
{{#elif input = stream}}
from collections.abc import Iterator
{{#elif fail = all}}
from collections.abc import Awaitable
{{/if}}
{{#if db = aiomysql}}
from typing import Any
from urllib.parse import unquote, urlsplit
{{/if}}

{{#if db = aiomysql}}
import aiomysql
{{#else}}
import asyncpg
{{/if}}

# --- Configuration (environment variables) ------------------------------------
{{#if db = aiomysql}}
DSN = os.environ.get("PYCONC_DSN", "mysql://user:pass@127.0.0.1:3306/db")
{{#else}}
DSN = os.environ.get("PYCONC_DSN", "postgresql://user:pass@127.0.0.1:5432/db")
{{/if}}
COUNT = int(os.environ.get("PYCONC_COUNT", "200"))
# Connections in the pool, which is also the most queries in flight at once.
# Keep it small: the server caps its connections, and every connection costs
# server memory. More connections rarely mean more throughput.
POOL_SIZE = int(os.environ.get("PYCONC_WORKERS") or "10")
{{#if cancel = yes}}
# Seconds one query may run before it is cancelled and counted as failed.
QUERY_TIMEOUT = 10.0
{{/if}}
{{#if input = stream}}
# Items waiting between the producer and the workers. When the queue is full the
# producer pauses, so a fast source cannot outrun the database.
QUEUE_SIZE = POOL_SIZE * 2
{{/if}}
# -------------------------------------------------------------------------------

{{#if db = aiomysql}}
Pool = aiomysql.Pool
{{#else}}
Pool = asyncpg.Pool
{{/if}}
# The errors that count as "this item failed" (OSError: the connection under
# the driver). Anything else is a bug and should surface as a traceback, so no
# bare `except Exception` below.
{{#if py >= 3.11}}
{{#if db = aiomysql}}
QUERY_ERRORS = (aiomysql.MySQLError, OSError, TimeoutError)
{{#else}}
QUERY_ERRORS = (asyncpg.PostgresError, asyncpg.InterfaceError, OSError, TimeoutError)
{{/if}}
{{#else}}
{{#if db = aiomysql}}
QUERY_ERRORS = (aiomysql.MySQLError, OSError, asyncio.TimeoutError)
{{#else}}
QUERY_ERRORS = (asyncpg.PostgresError, asyncpg.InterfaceError, OSError, asyncio.TimeoutError)
{{/if}}
{{/if}}


# Self-test hook, used by this template's test suite and harmless otherwise:
# PYCONC_FAULT=fail:N makes item N fail as a lost connection would, bug:N raise
# TypeError as a bug would.
FAULT = os.environ.get("PYCONC_FAULT", "")


def inject_fault(item: object) -> None:
    """The self-test hook (see FAULT). Delete it in your own code."""
    kind, _, which = FAULT.partition(":")
    if not which or which not in (str(item), getattr(item, "stem", None)):
        return
    if kind == "fail":
        raise ConnectionResetError(f"item {item}: connection reset")
    if kind == "bug":
        raise TypeError(f"item {item}: a bug")


class Stats:
    """Counters shared by all tasks.

    No lock is needed: every task runs on the event loop's single thread, and a
    counter update never spans an await.
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
    except QUERY_ERRORS as exc:
        stats.errors.append(exc)
{{/if}}


{{#if db = aiomysql}}
def connect_params(dsn: str) -> dict[str, Any]:
    """Turn mysql://user:pass@host:port/db into aiomysql's keyword arguments."""
    url = urlsplit(dsn)
    return {
        "host": url.hostname or "127.0.0.1",
        "port": url.port or 3306,
        "user": unquote(url.username or ""),
        "password": unquote(url.password or ""),
        "db": url.path.lstrip("/"),
    }


async def run_query(conn: aiomysql.Connection, item: int) -> int:
    async with conn.cursor() as cursor:
        await cursor.execute("SELECT %s * 2", (item,))
        (value,) = await cursor.fetchone()
    return int(value)


{{/if}}
async def query(pool: Pool, item: int) -> int:
    """Run one query on a connection borrowed from the pool."""
    # One connection per task, for the duration of its query. A connection runs
    # one query at a time: tasks sharing one fail
{{#if db = aiomysql}}
    # (RuntimeError "readexactly() called while another coroutine is already
    # waiting"). The pool also bounds concurrency: acquire() waits while all
    # connections are busy.
{{#else}}
    # (InterfaceError "another operation is in progress"). The pool also bounds
    # concurrency: acquire() waits while all connections are busy.
{{/if}}
    async with pool.acquire() as conn:
{{#if db = aiomysql}}
{{#if cancel = yes}}
        # The deadline starts once a connection is ours, so time spent waiting
        # for the pool does not count against the query. A query cut off by the
        # timeout makes aiomysql close that connection; the pool then drops it.
{{#if py >= 3.11}}
        async with asyncio.timeout(QUERY_TIMEOUT):
            return await run_query(conn, item)
{{#else}}
        return await asyncio.wait_for(run_query(conn, item), QUERY_TIMEOUT)
{{/if}}
{{#else}}
        return await run_query(conn, item)
{{/if}}
{{#else}}
{{#if cancel = yes}}
{{#if py >= 3.11}}
        # The deadline starts once a connection is ours, so time spent waiting
        # for the pool does not count against the query. On timeout asyncpg
        # asks the server to cancel the query.
        async with asyncio.timeout(QUERY_TIMEOUT):
            return await conn.fetchval("SELECT $1::int * 2", item)
{{#else}}
        # The deadline starts once a connection is ours, so time spent waiting
        # for the pool does not count against the query. On timeout asyncpg
        # asks the server to cancel the query.
        return await asyncio.wait_for(conn.fetchval("SELECT $1::int * 2", item), QUERY_TIMEOUT)
{{/if}}
{{#else}}
        return await conn.fetchval("SELECT $1::int * 2", item)
{{/if}}
{{/if}}


async def handle(pool: Pool, item: int, stats: Stats) -> None:
    """Process one item and count it."""
    inject_fault(item)
    await query(pool, item)
    stats.ok += 1


{{#if input = stream}}
def item_ids() -> Iterator[int]:
    """Stand-in for an endless source: a log tail, a message queue, a huge file."""
    yield from range(COUNT)


async def produce(queue: asyncio.Queue[int | None]) -> None:
    """Feed the workers from the source, then tell each of them to stop."""
    for item in item_ids():
        # put() waits while the queue is full: this is the backpressure.
        await queue.put(item)
    for _ in range(POOL_SIZE):
        await queue.put(None)


async def consume(queue: asyncio.Queue[int | None], pool: Pool, stats: Stats) -> None:
    """One of POOL_SIZE workers, so each can always get a connection."""
    while True:
        item = await queue.get()
        if item is None:
            return
{{#if fail = all}}
        try:
            await handle(pool, item, stats)
        except QUERY_ERRORS as exc:
            # Collect-all: note the error and carry on with the next item.
            stats.errors.append(exc)
{{#else}}
        # Fail-fast: an error ends this worker and, through the caller, all the others.
        await handle(pool, item, stats)
{{/if}}


async def run(pool: Pool, stats: Stats) -> None:
    queue: asyncio.Queue[int | None] = asyncio.Queue(maxsize=QUEUE_SIZE)
{{#if fail = fast}}
{{#if py >= 3.11}}
    # TaskGroup keeps a reference to every task (an unreferenced task can be
    # garbage-collected mid-run) and cancels the rest as soon as one fails.
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(produce(queue))
            for _ in range(POOL_SIZE):
                group.create_task(consume(queue, pool, stats))
    except* QUERY_ERRORS as failure:
        stats.errors.extend(failure.exceptions)
{{#else}}
    # The list keeps a reference to every task: an unreferenced task can be
    # garbage-collected mid-run.
    tasks = [asyncio.create_task(produce(queue))]
    tasks += [asyncio.create_task(consume(queue, pool, stats)) for _ in range(POOL_SIZE)]
    try:
        await run_fail_fast(tasks)
    except QUERY_ERRORS:
        stats.errors.extend(failures(tasks))
{{/if}}
{{#else}}
    # gather() wraps each coroutine in a task and keeps a reference to it until it
    # ends (an unreferenced task can be garbage-collected mid-run).
    await asyncio.gather(
        produce(queue),
        *(consume(queue, pool, stats) for _ in range(POOL_SIZE)),
    )
{{/if}}
{{#else}}
async def run(pool: Pool, stats: Stats) -> None:
{{#if fail = fast}}
{{#if py >= 3.11}}
    # TaskGroup keeps a reference to every task (an unreferenced task can be
    # garbage-collected mid-run) and cancels the rest as soon as one fails.
    try:
        async with asyncio.TaskGroup() as group:
            for item in range(COUNT):
                group.create_task(handle(pool, item, stats))
    except* QUERY_ERRORS as failure:
        stats.errors.extend(failure.exceptions)
{{#else}}
    # The list keeps a reference to every task: an unreferenced task can be
    # garbage-collected mid-run.
    tasks = [asyncio.create_task(handle(pool, item, stats)) for item in range(COUNT)]
    try:
        await run_fail_fast(tasks)
    except QUERY_ERRORS:
        stats.errors.extend(failures(tasks))
{{/if}}
{{#elif py >= 3.11}}
    # TaskGroup keeps a reference to every task. collect() notes the expected
    # failures; the first bug cancels the other tasks and stops the run.
    async with asyncio.TaskGroup() as group:
        for item in range(COUNT):
            group.create_task(collect(stats, handle(pool, item, stats)))
{{#else}}
    # The list keeps a reference to every task. collect() notes the expected
    # failures; the first bug cancels the other tasks and stops the run.
    tasks = [asyncio.create_task(collect(stats, handle(pool, item, stats))) for item in range(COUNT)]
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
        # pool. A cancellation can get lost (before 3.12, wait_for() drops one
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


async def main() -> int:
    started = time.perf_counter()
    stats = Stats()
    # One pool for the whole run. `async with` closes every connection at the
    # end, even after an error; a pool left open leaks connections.
{{#if db = aiomysql}}
    # autocommit: these reads need no transaction, and a connection returned
    # while a transaction is open would be discarded by the pool.
    async with aiomysql.create_pool(
        minsize=1, maxsize=POOL_SIZE, autocommit=True, **connect_params(DSN)
    ) as pool:
        await run(pool, stats)
{{#else}}
    async with asyncpg.create_pool(DSN, min_size=1, max_size=POOL_SIZE) as pool:
        await run(pool, stats)
{{/if}}
    report(stats, time.perf_counter() - started)
    # The exit status tells the truth: 1 when any item failed.
    return 1 if stats.errors else 0


{{#if where in [notebook, aweb]}}
# A notebook or an async web framework already runs an event loop, and asyncio.run()
# raises RuntimeError inside a running loop. There, await the coroutine instead:
#
#     exit_code = await main()              # in a Jupyter cell
#
# In a web app, create the pool once at start-up (FastAPI's lifespan, aiohttp's
# cleanup_ctx) and share it between requests rather than opening one per request.
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
    sys.exit(asyncio.run(main()))
