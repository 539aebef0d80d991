"""An async library API that works under asyncio and under Trio, built on AnyIO.

A library does not own the event loop: its caller may run asyncio or Trio, may
be inside a web framework or a notebook. So this module never calls
asyncio.run(), never creates or replaces a loop, never changes the loop's
default executor, and starts nothing at import. It exposes coroutines; AnyIO's
task groups, capacity limiters and thread offloading run on whichever loop
awaits them.
{{#if model = to_thread}}
Each item goes through a blocking call (a sync SDK; here urllib), offloaded with
anyio.to_thread.run_sync() under a CapacityLimiter that bounds the threads this
library uses (AnyIO's default limiter, shared with everyone, allows 40).
{{#else}}
Each item is an HTTP GET through httpx.AsyncClient, which also runs on both
loops; a fixed number of tasks bounds the requests in flight.
{{/if}}

Install and try:
{{#if model = to_thread}}
    pip install anyio trio
{{#else}}
    pip install anyio httpx trio
{{/if}}
    PYCONC_URL=http://127.0.0.1:8000 python3 lib_async.py     (runs the API under both)
"""

from __future__ import annotations

import os
import sys
import time
{{#if model = to_thread}}
import urllib.error
import urllib.request
{{/if}}
from collections.abc import Iterable

import anyio
{{#if model != to_thread}}
import httpx
{{/if}}

__all__ = ["fetch_all"]

DEFAULT_LIMIT = 10
{{#if model = to_thread}}
# Socket timeout of one blocking call: a thread cannot be cancelled from outside.
CALL_TIMEOUT = 10.0


def _blocking_get(url: str) -> bytes:
    """The blocking call (a stand-in for a sync SDK). Runs in a worker thread."""
    try:
        with urllib.request.urlopen(url, timeout=CALL_TIMEOUT) as response:
            return response.read()
    except urllib.error.HTTPError as exc:
        # An HTTPError holds the open response: close it, or its socket leaks.
        exc.close()
        raise
{{/if}}


async def fetch_all(base_url: str, items: Iterable[int], *, limit: int = DEFAULT_LIMIT) -> dict[int, int]:
    """Fetch f"{base_url}/items/{i}" for each item; return {item: body size}.

    `limit` tasks take the items one after another from the iterable, so at
    most `limit` are in flight and the items are read only as fast as they are
    fetched: a long generator is never turned into one task per item. The
    result holds one entry per item. The first error cancels the others and is
    raised (in an ExceptionGroup from AnyIO 4): structured concurrency, so no
    task outlives this call, whatever loop runs it.
{{#if model = to_thread}}
    Cancelling the caller (a timeout, a Trio cancel scope) starts no further
    call, but a blocking call already running in a thread cannot be
    interrupted: the cancellation waits for it to return, at most CALL_TIMEOUT
    (its socket timeout) later.
{{#else}}
    Cancelling the caller (a timeout, a Trio cancel scope) cancels every
    request in flight.
{{/if}}
    """
    sizes: dict[int, int] = {}
    # One iterator shared by the tasks: each next() returns a new item, and no
    # two tasks can call it at once (they run on one thread, switching only at
    # an await).
    pending = iter(items)
{{#if model = to_thread}}
    # The limiter bounds this library's threads; AnyIO's own default limiter
    # would share 40 threads with every other user of to_thread.
    limiter = anyio.CapacityLimiter(limit)

    async def worker() -> None:
        for item in pending:
            body = await anyio.to_thread.run_sync(_blocking_get, f"{base_url}/items/{item}", limiter=limiter)
            sizes[item] = len(body)

    async with anyio.create_task_group() as group:
        for _ in range(limit):
            group.start_soon(worker)
{{#else}}

    async def worker(client: httpx.AsyncClient) -> None:
        for item in pending:
            response = await client.get(f"{base_url}/items/{item}")
            response.raise_for_status()
            sizes[item] = len(response.content)

    # One client for the call: it pools connections and is closed on the way out.
    client = httpx.AsyncClient(limits=httpx.Limits(max_connections=limit))
    async with client, anyio.create_task_group() as group:
        for _ in range(limit):
            group.start_soon(worker, client)
{{/if}}
    return sizes


# ---------------------------------------------------------------------------
# An example caller. The caller picks the loop; the library works on both.
# ---------------------------------------------------------------------------
async def _example(base_url: str, count: int) -> int:
    sizes = await fetch_all(base_url, range(count))
    return len(sizes)


def main() -> int:
    base_url = os.environ.get("PYCONC_URL", "http://127.0.0.1:8000").rstrip("/")
    count = int(os.environ.get("PYCONC_COUNT", "200"))
    started = time.perf_counter()
    done = 0
    for backend in ("asyncio", "trio"):
        got = anyio.run(_example, base_url, count, backend=backend)
        print(f"{backend}: {got} items")
        done += got
    elapsed = time.perf_counter() - started
    print(f"summary: items={done} failed={2 * count - done} elapsed={elapsed:.2f}s")
    return 0 if done == 2 * count else 1


if __name__ == "__main__":
    sys.exit(main())
