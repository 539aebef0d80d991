# Which Python concurrency model? — asyncio: many HTTP requests with a bounded number in flight
# Link: https://example.invalid/?v=2&work=io&scale=one&where=script&py=3.12&total=slow&io=http&conc=thousands&libs=all&http=aiohttp&lat=no&input=stream&state=none&cancel=yes&fail=all
# Your answers:
#   Workload: Waiting on I/O
#   Scale: One machine
#   Runs in: Script or CLI
#   Python: 3.12
#   Whole job: Longer than that
#   Waits on: HTTP APIs
#   Concurrency: Thousands, or long-lived connections
#   Async clients: All of them
#   HTTP client: aiohttp
#   Latency: No
#   Input: Huge or endless
#   Shared state: None
#   Cancellation: Yes
#   On failure: Finish the rest
# Content version: 2.0.0 (2026-11-30)

"""Fetch many HTTP resources concurrently with asyncio, with a bounded number in flight.

Every item i is read from f"{PYCONC_URL}/items/{i}" through one shared client.
Items come from a generator (a stand-in for a stream) through a bounded queue, so memory
stays flat however long the stream is.

Install and run:
    pip install aiohttp
    PYCONC_URL=http://127.0.0.1:8000 python asyncio_http.py
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import Awaitable, Iterator

import aiohttp

# --- Configuration (environment variables) ------------------------------------
BASE_URL = os.environ.get("PYCONC_URL", "http://127.0.0.1:8000").rstrip("/")
COUNT = int(os.environ.get("PYCONC_COUNT", "200"))
# The most requests in flight at once. This bound protects the server (and your
# rate limit) and keeps the number of open sockets predictable. Raise it for
# thousands of slow requests to a server that takes them; lower it for a small
# API with a rate limit.
CONCURRENCY = int(os.environ.get("PYCONC_WORKERS") or "50")
# Seconds one request may take before it is cancelled and counted as failed.
REQUEST_TIMEOUT = 10.0
# Items waiting between the producer and the workers. When the queue is full the
# producer pauses, so a fast source cannot outrun the network.
QUEUE_SIZE = CONCURRENCY * 2
# -------------------------------------------------------------------------------

Client = aiohttp.ClientSession
# The errors that count as "this item failed". Anything else is a bug and should
# surface as a traceback, so no bare `except Exception` below.
FETCH_ERRORS = (aiohttp.ClientError, TimeoutError)


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


async def collect(stats: Stats, work: Awaitable[None]) -> None:
    """Collect-all: await one item and note its failure instead of raising it.

    Only the expected errors are caught: a bug (TypeError, KeyError...) is not
    an item failure, and it stops the run with its traceback.
    """
    try:
        await work
    except FETCH_ERRORS as exc:
        stats.errors.append(exc)


async def fetch(session: Client, item: int) -> int:
    """GET one item and return the size of its body in bytes."""
    # The response context manager hands the connection back to the pool.
    async with session.get(f"{BASE_URL}/items/{item}") as response:
        response.raise_for_status()
        body = await response.read()
    return len(body)


async def handle(client: Client, item: int, stats: Stats) -> None:
    """Process one item and count it."""
    inject_fault(item)
    # A slow server must not hold a slot forever: cancel the request after a deadline.
    async with asyncio.timeout(REQUEST_TIMEOUT):
        await fetch(client, item)
    stats.ok += 1


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


async def consume(queue: asyncio.Queue[int | None], client: Client, stats: Stats) -> None:
    """One of CONCURRENCY workers: the worker count bounds the requests in flight."""
    while True:
        item = await queue.get()
        if item is None:
            return
        try:
            await handle(client, item, stats)
        except FETCH_ERRORS as exc:
            # Collect-all: note the error and carry on with the next item.
            stats.errors.append(exc)


async def run(client: Client, stats: Stats) -> None:
    queue: asyncio.Queue[int | None] = asyncio.Queue(maxsize=QUEUE_SIZE)
    # gather() wraps each coroutine in a task and keeps a reference to it until it
    # ends (an unreferenced task can be garbage-collected mid-run).
    await asyncio.gather(
        produce(queue),
        *(consume(queue, client, stats) for _ in range(CONCURRENCY)),
    )


def report(stats: Stats, elapsed: float) -> None:
    # Every error is reported, not only the first ones (like `make -k`).
    for error in stats.errors:
        print(f"error: {error!r}", file=sys.stderr)
    items = stats.ok + len(stats.errors)
    print(f"summary: items={items} failed={len(stats.errors)} elapsed={elapsed:.2f}s")


async def main() -> int:
    started = time.perf_counter()
    stats = Stats()
    # One session for the whole run: it pools connections. Leaving a session open
    # leaks sockets (ResourceWarning under -X dev); `async with` closes it.
    connector = aiohttp.TCPConnector(limit=CONCURRENCY)
    async with aiohttp.ClientSession(connector=connector) as session:
        await run(session, stats)
    report(stats, time.perf_counter() - started)
    # The exit status tells the truth: 1 when any item failed.
    return 1 if stats.errors else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
