"""Fetch many HTTP resources concurrently with asyncio, with a bounded number in flight.

Every item i is read from f"{PYCONC_URL}/items/{i}" through one shared client.
{{#if input = stream}}
Items come from a generator (a stand-in for a stream) through a bounded queue, so memory
stays flat however long the stream is.
{{/if}}

Install and run:
{{#if http = httpx}}
{{#if lat = yes and os != win}}
    pip install httpx uvloop
{{#else}}
    pip install httpx
{{/if}}
{{#else}}
{{#if lat = yes and os != win}}
    pip install aiohttp uvloop
{{#else}}
    pip install aiohttp
{{/if}}
{{/if}}
    PYCONC_URL=http://127.0.0.1:8000 python asyncio_http.py
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

{{#if http = httpx}}
import httpx
{{#else}}
import aiohttp
{{/if}}
{{#if lat = yes and os != win}}
import uvloop
{{/if}}

# --- Configuration (environment variables) ------------------------------------
BASE_URL = os.environ.get("PYCONC_URL", "http://127.0.0.1:8000").rstrip("/")
COUNT = int(os.environ.get("PYCONC_COUNT", "200"))
# The most requests in flight at once. This bound protects the server (and your
# rate limit) and keeps the number of open sockets predictable. Raise it for
# thousands of slow requests to a server that takes them; lower it for a small
# API with a rate limit.
CONCURRENCY = int(os.environ.get("PYCONC_WORKERS") or "50")
{{#if cancel = yes}}
# Seconds one request may take before it is cancelled and counted as failed.
REQUEST_TIMEOUT = 10.0
{{/if}}
{{#if input = stream}}
# Items waiting between the producer and the workers. When the queue is full the
# producer pauses, so a fast source cannot outrun the network.
QUEUE_SIZE = CONCURRENCY * 2
{{/if}}
# -------------------------------------------------------------------------------

{{#if http = httpx}}
Client = httpx.AsyncClient
{{#else}}
Client = aiohttp.ClientSession
{{/if}}
# The errors that count as "this item failed". Anything else is a bug and should
# surface as a traceback, so no bare `except Exception` below.
{{#if py >= 3.11}}
{{#if http = httpx}}
FETCH_ERRORS = (httpx.HTTPError, TimeoutError)
{{#else}}
FETCH_ERRORS = (aiohttp.ClientError, TimeoutError)
{{/if}}
{{#else}}
{{#if http = httpx}}
FETCH_ERRORS = (httpx.HTTPError, asyncio.TimeoutError)
{{#else}}
FETCH_ERRORS = (aiohttp.ClientError, asyncio.TimeoutError)
{{/if}}
{{/if}}


# Self-test hook, used by this template's test suite and harmless otherwise:
# PYCONC_FAULT=bug:N makes item N raise TypeError, as a bug in your code would.
FAULT = os.environ.get("PYCONC_FAULT", "")


def inject_fault(item: int) -> None:
    """The self-test hook (see FAULT). Delete it in your own code."""
    kind, _, which = FAULT.partition(":")
    if which == str(item) and kind == "bug":
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
    except FETCH_ERRORS as exc:
        stats.errors.append(exc)
{{/if}}


{{#if http = httpx}}
def make_client() -> httpx.AsyncClient:
    # As many pooled connections as requests in flight, so no request waits for a socket.
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


async def handle(client: Client, item: int, stats: Stats) -> None:
    """Process one item and count it."""
    inject_fault(item)
{{#if cancel = yes}}
{{#if py >= 3.11}}
    # A slow server must not hold a slot forever: cancel the request after a deadline.
    async with asyncio.timeout(REQUEST_TIMEOUT):
        await fetch(client, item)
{{#else}}
    # A slow server must not hold a slot forever: cancel the request after a deadline.
    # (asyncio.timeout() arrives in 3.11; wait_for() does the same job before it.)
    await asyncio.wait_for(fetch(client, item), REQUEST_TIMEOUT)
{{/if}}
{{#else}}
    await fetch(client, item)
{{/if}}
    stats.ok += 1


{{#if input = stream}}
def item_ids() -> Iterator[int]:
    """Stand-in for an endless source: a log tail, a message queue, a huge file."""
    yield from range(COUNT)


{{> produce_ids}}


async def consume(queue: asyncio.Queue[int | None], client: Client, stats: Stats) -> None:
    """One of CONCURRENCY workers: the worker count bounds the requests in flight."""
    while True:
        item = await queue.get()
        if item is None:
            return
{{#if fail = all}}
        try:
            await handle(client, item, stats)
        except FETCH_ERRORS as exc:
            # Collect-all: note the error and carry on with the next item.
            stats.errors.append(exc)
{{#else}}
        # Fail-fast: an error ends this worker and, through the caller, all the others.
        await handle(client, item, stats)
{{/if}}


async def run(client: Client, stats: Stats) -> None:
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
    except* FETCH_ERRORS as failure:
        stats.errors.extend(failure.exceptions)
{{#else}}
    # The list keeps a reference to every task: an unreferenced task can be
    # garbage-collected mid-run.
    tasks = [asyncio.create_task(produce(queue))]
    tasks += [asyncio.create_task(consume(queue, client, stats)) for _ in range(CONCURRENCY)]
    try:
        await run_fail_fast(tasks)
    except FETCH_ERRORS:
        stats.errors.extend(failures(tasks))
{{/if}}
{{#else}}
    # gather() wraps each coroutine in a task and keeps a reference to it until it
    # ends (an unreferenced task can be garbage-collected mid-run).
    await asyncio.gather(
        produce(queue),
        *(consume(queue, client, stats) for _ in range(CONCURRENCY)),
    )
{{/if}}
{{#else}}
async def handle_bounded(limit: asyncio.Semaphore, client: Client, item: int, stats: Stats) -> None:
    # Every item gets a task, but only CONCURRENCY of them get past the semaphore
    # at once; the others wait here without holding a socket.
    async with limit:
        await handle(client, item, stats)


async def run(client: Client, stats: Stats) -> None:
    limit = asyncio.Semaphore(CONCURRENCY)
{{#if fail = fast}}
{{#if py >= 3.11}}
    # TaskGroup keeps a reference to every task (an unreferenced task can be
    # garbage-collected mid-run) and cancels the rest as soon as one fails.
    try:
        async with asyncio.TaskGroup() as group:
            for item in range(COUNT):
                group.create_task(handle_bounded(limit, client, item, stats))
    except* FETCH_ERRORS as failure:
        stats.errors.extend(failure.exceptions)
{{#else}}
    # The list keeps a reference to every task: an unreferenced task can be
    # garbage-collected mid-run.
    tasks = [
        asyncio.create_task(handle_bounded(limit, client, item, stats)) for item in range(COUNT)
    ]
    try:
        await run_fail_fast(tasks)
    except FETCH_ERRORS:
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
    tasks = [asyncio.create_task(collect(stats, handle_bounded(limit, client, item, stats))) for item in range(COUNT)]
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
    return [t.exception() for t in tasks if not t.cancelled() and t.exception() is not None]


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
{{#if http = httpx}}
{{#if py >= 3.9}}
    # Creating an httpx client reads the CA certificate bundle from disk: blocking
    # work that can take a tenth of a second. A worker thread keeps the loop free.
    client = await asyncio.to_thread(make_client)
{{#else}}
    # Creating an httpx client reads the CA certificate bundle from disk: blocking
    # work that can take a tenth of a second. Nothing else runs yet, so it is harmless here.
    client = make_client()
{{/if}}
    # One client for the whole run: it pools connections. Leaving a client open
    # leaks sockets (ResourceWarning under -X dev); `async with` closes it.
    async with client:
        await run(client, stats)
{{#else}}
    # One session for the whole run: it pools connections. Leaving a session open
    # leaks sockets (ResourceWarning under -X dev); `async with` closes it.
    connector = aiohttp.TCPConnector(limit=CONCURRENCY)
    async with aiohttp.ClientSession(connector=connector) as session:
        await run(session, stats)
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
#     @app.get("/fetch")                    # in a FastAPI (or Starlette) endpoint
#     async def fetch_all() -> dict[str, int]:
#         return {"exit_code": await main()}
#
{{#if lat = yes and os != win}}
# The host owns that loop, so the uvloop.run() call below does not apply there.
{{/if}}
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
{{#if lat = yes and os != win}}
    # uvloop.run() is asyncio.run() on uvloop's faster event loop.
    # uvloop.install() and event-loop policies are deprecated: do not use them.
    sys.exit(uvloop.run(main()))
{{#else}}
    sys.exit(asyncio.run(main()))
{{/if}}
