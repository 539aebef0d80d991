# Which Python concurrency model? — asyncio with a few blocking calls moved to threads
# Link: https://example.invalid/?v=2&work=io&scale=one&where=aweb&py=3.12&io=http&conc=hundreds&libs=some&http=httpx&input=list&state=none&cancel=yes&fail=fast
# Your answers:
#   Workload: Waiting on I/O
#   Scale: One machine
#   Runs in: Async web app
#   Python: 3.12
#   Waits on: HTTP APIs
#   Concurrency: Hundreds
#   Async clients: Most, not all
#   HTTP client: httpx
#   Input: Fits in memory
#   Shared state: None
#   Cancellation: Yes
#   On failure: Stop at the first error
# Content version: 2.0.0 (2026-11-30)

"""An asyncio program that also has to call a blocking SDK, without stalling the loop.

Every item i is fetched from f"{PYCONC_URL}/items/{i}" with an async HTTP client,
then passed to a blocking, requests-style SDK call (here a small stand-in built
on urllib). A blocking call inside a coroutine would freeze every other task,
so the SDK call runs in a worker thread and the coroutine awaits it.

Install and run:
    pip install httpx
    PYCONC_URL=http://127.0.0.1:8000 python to_thread.py
"""

from __future__ import annotations

import asyncio
import http.client
import os
import sys
import threading
import time
import urllib.error
import urllib.request

import httpx

# --- Configuration (environment variables) ------------------------------------
BASE_URL = os.environ.get("PYCONC_URL", "http://127.0.0.1:8000").rstrip("/")
COUNT = int(os.environ.get("PYCONC_COUNT", "200"))
# The most items in flight at once: protects the other side and bounds open
# connections (and subprocesses, and file reads).
CONCURRENCY = int(os.environ.get("PYCONC_WORKERS") or "50")
# Threads for the blocking calls. Calls beyond this wait in the pool's queue, so
# the blocking library never sees more than this many calls at once.
SDK_THREADS = min(CONCURRENCY, 10)
# Socket timeout of one SDK attempt, and how many attempts it makes.
SDK_TIMEOUT = 10.0
SDK_ATTEMPTS = 3
# Seconds one item may take before it counts as failed.
ITEM_TIMEOUT = 30.0
# -------------------------------------------------------------------------------


class StopRequested(Exception):
    """The caller gave up on this blocking call (timeout, cancellation, shutdown)."""


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


Client = httpx.AsyncClient
# The errors that count as "this item failed". Anything
# else (TypeError, KeyError...) is a bug: it stops the run with its traceback.
DEADLINE = TimeoutError
# urllib raises OSError subclasses (URLError, HTTPError, timeouts), and
# http.client a few of its own.
ITEM_ERRORS = (httpx.HTTPError, OSError, http.client.HTTPException, DEADLINE)


# Self-test hook, used by this template's test suite and harmless otherwise:
# PYCONC_FAULT=bug:N makes item N raise TypeError, as a bug in your code would.
FAULT = os.environ.get("PYCONC_FAULT", "")


def inject_fault(item: int) -> None:
    """The self-test hook (see FAULT). Delete it in your own code."""
    kind, _, which = FAULT.partition(":")
    if which != str(item):
        return
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


def make_client() -> httpx.AsyncClient:
    # As many pooled connections as items in flight, so no request waits for a socket.
    return httpx.AsyncClient(limits=httpx.Limits(max_connections=CONCURRENCY))


async def fetch(client: Client, item: int) -> int:
    """GET one item and return the size of its body in bytes."""
    response = await client.get(f"{BASE_URL}/items/{item}")
    response.raise_for_status()
    return len(response.content)


async def call_sdk(*args: object) -> object:
    """Run the blocking call in a worker thread and await its result."""
    stop = threading.Event()
    try:
        # to_thread() runs the call in the loop's default executor. That loop is
        # not yours (a notebook's, a framework's): leave its executor alone; the
        # CONCURRENCY bound keeps this program's share of it small.
        return await asyncio.to_thread(blocking_call, *args, stop)
    except asyncio.CancelledError:
        # This await was cancelled (timeout, a failing sibling, Ctrl+C), but the
        # thread runs on: ask it to stop at its next check. Then re-raise, or
        # the cancellation would be lost.
        stop.set()
        raise


async def process(client: Client, item: int) -> None:
    await fetch(client, item)
    args: tuple[object, ...] = (item,)
    await call_sdk(*args)


async def handle(client: Client, item: int, stats: Stats) -> None:
    """Process one item and count it."""
    inject_fault(item)
    # One deadline for the whole item. When it expires, the SDK call gets its
    # stop flag set (see call_sdk).
    async with asyncio.timeout(ITEM_TIMEOUT):
        await process(client, item)
    stats.ok += 1


async def handle_bounded(limit: asyncio.Semaphore, client: Client, item: int, stats: Stats) -> None:
    # Every item gets a task, but only CONCURRENCY of them get past the semaphore
    # at once; the others wait here without holding a socket or a thread.
    async with limit:
        await handle(client, item, stats)


async def run(client: Client, stats: Stats) -> None:
    limit = asyncio.Semaphore(CONCURRENCY)
    # TaskGroup keeps a reference to every task (an unreferenced task can be
    # garbage-collected mid-run) and cancels the rest as soon as one fails.
    try:
        async with asyncio.TaskGroup() as group:
            for item in range(COUNT):
                group.create_task(handle_bounded(limit, client, item, stats))
    except* ITEM_ERRORS as failure:
        stats.errors.extend(failure.exceptions)


def report(stats: Stats, elapsed: float) -> None:
    # Every error is reported, not only the first ones (like `make -k`).
    for error in stats.errors:
        print(f"error: {error!r}", file=sys.stderr)
    items = stats.ok + len(stats.errors)
    print(f"summary: items={items} failed={len(stats.errors)} elapsed={elapsed:.2f}s")


async def main() -> int:
    started = time.perf_counter()
    stats = Stats()
    # Creating an httpx client reads the CA certificate bundle from disk: blocking
    # work that can take a tenth of a second. A worker thread keeps the loop free.
    client = await asyncio.to_thread(make_client)
    # One client for the whole run: it pools connections. Leaving a client open
    # leaks sockets (ResourceWarning under -X dev); `async with` closes it.
    async with client:
        await run(client, stats)
    report(stats, time.perf_counter() - started)
    # The exit status tells the truth: 1 when any item failed.
    return 1 if stats.errors else 0


# A notebook or an async web framework already runs an event loop, and asyncio.run()
# raises RuntimeError inside a running loop. There, await the coroutine instead:
#
#     exit_code = await main()              # in a Jupyter cell
#
# That loop is not yours, so main() leaves its default executor alone there.
#
# As a script, the file still starts its own loop:
if __name__ == "__main__":
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        pass  # No loop runs in this thread: a plain script starts its own below.
    else:
        # Pasted into a Jupyter cell, this runs inside the kernel's event loop,
        # where asyncio.run() raises RuntimeError. Await the coroutine instead.
        raise SystemExit("An event loop is already running here: await the work in a cell instead.")
    sys.exit(asyncio.run(main()))
