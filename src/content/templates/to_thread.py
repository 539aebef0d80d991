"""An asyncio program that also has to call a blocking SDK, without stalling the loop.

Every item i is fetched from f"{PYCONC_URL}/items/{i}" with an async HTTP client,
then passed to a blocking, requests-style SDK call (here a small stand-in built
on urllib). A blocking call inside a coroutine would freeze every other task,
so the SDK call runs in a worker thread and the coroutine awaits it.
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
{{#if input = stream}}
from collections.abc import Iterator
{{/if}}
from concurrent.futures import ThreadPoolExecutor

{{#if http = httpx}}
import httpx
{{#else}}
import aiohttp
{{/if}}

# --- Configuration (environment variables) ------------------------------------
BASE_URL = os.environ.get("PYCONC_URL", "http://127.0.0.1:8000").rstrip("/")
COUNT = int(os.environ.get("PYCONC_COUNT", "200"))
# The most items in flight at once: protects the server and bounds open sockets.
{{#if conc = few}}
CONCURRENCY = int(os.environ.get("PYCONC_WORKERS") or "10")
{{#elif conc = thousands}}
CONCURRENCY = int(os.environ.get("PYCONC_WORKERS") or "100")
{{#else}}
CONCURRENCY = int(os.environ.get("PYCONC_WORKERS") or "50")
{{/if}}
# Threads for the blocking SDK. Calls beyond this wait in the pool's queue, so
# the SDK never sees more than this many requests at once.
SDK_THREADS = min(CONCURRENCY, 10)
# Socket timeout of one SDK attempt, and how many attempts it makes.
SDK_TIMEOUT = 10.0
SDK_ATTEMPTS = 3
{{#if cancel = yes}}
# Seconds one item (HTTP fetch plus SDK call) may take before it counts as failed.
ITEM_TIMEOUT = 30.0
{{/if}}
{{#if input = stream}}
# Items waiting between the producer and the workers. When the queue is full the
# producer pauses, so a fast source cannot outrun the network.
QUEUE_SIZE = CONCURRENCY * 2
{{/if}}
# -------------------------------------------------------------------------------


class StopRequested(Exception):
    """The caller gave up on this SDK call (timeout, cancellation, shutdown)."""


def legacy_sdk_get(item: int, stop: threading.Event) -> bytes:
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


{{#if http = httpx}}
Client = httpx.AsyncClient
{{#else}}
Client = aiohttp.ClientSession
{{/if}}
# The errors that count as "this item failed". urllib raises OSError subclasses
# (URLError, HTTPError, timeouts), and http.client a few of its own. Anything
# else is a bug and should surface as a traceback.
{{#if py >= 3.11}}
{{#if http = httpx}}
ITEM_ERRORS = (httpx.HTTPError, OSError, http.client.HTTPException, TimeoutError)
{{#else}}
ITEM_ERRORS = (aiohttp.ClientError, OSError, http.client.HTTPException, TimeoutError)
{{/if}}
{{#else}}
{{#if http = httpx}}
ITEM_ERRORS = (httpx.HTTPError, OSError, http.client.HTTPException, asyncio.TimeoutError)
{{#else}}
ITEM_ERRORS = (aiohttp.ClientError, OSError, http.client.HTTPException, asyncio.TimeoutError)
{{/if}}
{{/if}}


class Stats:
    """Counters shared by all tasks.

    No lock is needed: only coroutines on the event loop's thread touch them,
    never the SDK threads.
    """

    def __init__(self) -> None:
        self.ok = 0
        self.errors: list[BaseException] = []


{{#if http = httpx}}
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
async def call_sdk(item: int) -> bytes:
{{#else}}
async def call_sdk(item: int, pool: ThreadPoolExecutor) -> bytes:
{{/if}}
    """Run the blocking SDK call in a worker thread and await its result."""
    stop = threading.Event()
    try:
{{#if py >= 3.9}}
        # to_thread() runs the call in the loop's default executor, which
        # main() replaced with a pool of SDK_THREADS threads.
        return await asyncio.to_thread(legacy_sdk_get, item, stop)
{{#else}}
        # run_in_executor() with an explicit pool: passing None would use a
        # default pool whose size and shutdown you do not control.
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(pool, legacy_sdk_get, item, stop)
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
    await fetch(client, item)
{{#if py >= 3.9}}
    await call_sdk(item)
{{#else}}
    await call_sdk(item, pool)
{{/if}}


{{#if py >= 3.9}}
async def handle(client: Client, item: int, stats: Stats) -> None:
{{#else}}
async def handle(client: Client, item: int, stats: Stats, pool: ThreadPoolExecutor) -> None:
{{/if}}
    """Process one item and count it."""
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


async def produce(queue: asyncio.Queue[int | None]) -> None:
    """Feed the workers from the source, then tell each of them to stop."""
    for item in item_ids():
        # put() waits while the queue is full: this is the backpressure.
        await queue.put(item)
    for _ in range(CONCURRENCY):
        await queue.put(None)


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
{{#else}}
    # gather() wraps each coroutine in a task and keeps a reference to it until it
    # ends. return_exceptions=True: one failure neither stops nor hides the others.
    results = await asyncio.gather(
{{#if py >= 3.9}}
        *(handle_bounded(limit, client, item, stats) for item in range(COUNT)),
{{#else}}
        *(handle_bounded(limit, client, item, stats, pool) for item in range(COUNT)),
{{/if}}
        return_exceptions=True,
    )
    stats.errors.extend(r for r in results if isinstance(r, BaseException))
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
def report(stats: Stats, elapsed: float) -> None:
    for error in stats.errors[:5]:
        print(f"error: {error!r}", file=sys.stderr)
    items = stats.ok + len(stats.errors)
    print(f"summary: items={items} failed={len(stats.errors)} elapsed={elapsed:.2f}s")


{{#if py >= 3.9}}
async def main() -> int:
    started = time.perf_counter()
    # asyncio.to_thread() uses the loop's default executor. Replace it with a
    # pool of a known size; asyncio.run() shuts it down when the loop ends.
    loop = asyncio.get_running_loop()
    loop.set_default_executor(ThreadPoolExecutor(max_workers=SDK_THREADS, thread_name_prefix="sdk"))
{{#else}}
async def crawl(pool: ThreadPoolExecutor) -> int:
    started = time.perf_counter()
{{/if}}
    stats = Stats()
{{#if http = httpx}}
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
    async with aiohttp.ClientSession(connector=connector) as session:
{{#if py >= 3.9}}
        await run(session, stats)
{{#else}}
        await run(session, stats, pool)
{{/if}}
{{/if}}
    report(stats, time.perf_counter() - started)
{{#if fail = fast}}
    return 1 if stats.errors else 0
{{#else}}
    # Collect-all: failures are reported in the summary, the run itself succeeded.
    return 0
{{/if}}


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
# That loop is not yours: rather than replacing its default executor as main()
# does, keep a ThreadPoolExecutor of your own for the SDK and pass it to
# loop.run_in_executor(pool, legacy_sdk_get, item, stop).
{{#else}}
#     with ThreadPoolExecutor(max_workers=SDK_THREADS) as pool:
#         exit_code = await crawl(pool)     # in a Jupyter cell
{{/if}}
#
# As a script, the file still starts its own loop:
{{/if}}
if __name__ == "__main__":
{{#if py >= 3.9}}
    sys.exit(asyncio.run(main()))
{{#else}}
    sys.exit(main())
{{/if}}
