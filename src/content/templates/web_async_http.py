"""A FastAPI app that calls another HTTP service with one shared async client.

Every request of this server process runs on its event loop, so a handler that
awaits the network lets the loop serve other requests meanwhile. The client
(with its connection pool) is made once per server process, in lifespan, and
closed when the server stops: a client per request would open new connections
(and TLS handshakes) every time, and leak sockets if one is not closed.
A semaphore bounds the calls this process makes at once to that service,
however many requests come in, and every call has a timeout.

Install and run:
{{#if http = aiohttp}}
    pip install fastapi uvicorn aiohttp
{{#else}}
    pip install fastapi uvicorn httpx
{{/if}}
    PYCONC_URL=http://127.0.0.1:9000 uvicorn web_async_http:app --port 8000
    curl 'http://127.0.0.1:8000/items?count=20'
    curl http://127.0.0.1:8000/health
(save this file as web_async_http.py; PYCONC_URL is the service it calls,
which answers GET /items/<n>)
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

{{#if http = aiohttp}}
import aiohttp
{{#else}}
import httpx
{{/if}}
from fastapi import FastAPI, HTTPException, Request

# --- Configuration (environment variables) ------------------------------------
BASE_URL = os.environ.get("PYCONC_URL", "http://127.0.0.1:9000").rstrip("/")
# The most calls this server process makes at once to that service. Keep it at
# or below what the service allows one client (and the server processes times
# this below its total limit).
{{#if conc = few}}
OUTBOUND = 20
{{#elif conc = thousands}}
OUTBOUND = 500
{{#else}}
OUTBOUND = 100
{{/if}}
# Seconds one call may take, connecting included.
CALL_TIMEOUT = 10.0
# The most items one request may ask for.
MAX_COUNT = 100
# -------------------------------------------------------------------------------

{{#if http = aiohttp}}
# A failed call: a connection error, an error status, or the timeout.
CALL_ERRORS = (aiohttp.ClientError, asyncio.TimeoutError)
{{#else}}
# A failed call: a connection error, an error status, or the timeout.
CALL_ERRORS = (httpx.HTTPError,)
{{/if}}


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """One client per server process, made before the first request and
    closed at exit."""
{{#if http = aiohttp}}
    app.state.client = aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=OUTBOUND),
        timeout=aiohttp.ClientTimeout(total=CALL_TIMEOUT),
    )
{{#else}}
    # Making a client reads the CA bundle from disk: once, here, not per request.
    app.state.client = httpx.AsyncClient(limits=httpx.Limits(max_connections=OUTBOUND), timeout=CALL_TIMEOUT)
{{/if}}
    # Made here, inside the server's loop (before 3.10 an asyncio primitive
    # made outside it could belong to another loop).
    app.state.outbound = asyncio.Semaphore(OUTBOUND)
    try:
        yield
    finally:
{{#if http = aiohttp}}
        await app.state.client.close()
{{#else}}
        await app.state.client.aclose()
{{/if}}


app = FastAPI(lifespan=lifespan)


@app.get("/health")
async def health() -> dict:
    """Answers at once: nothing here waits for the called service."""
    return {"status": "ok"}


async def fetch(request: Request, item: int) -> int:
    """One call through the shared client; returns the size of the body."""
{{#if http = aiohttp}}
    url = f"{BASE_URL}/items/{item}"
    async with request.app.state.outbound, request.app.state.client.get(url) as response:
        response.raise_for_status()
        return len(await response.read())
{{#else}}
    async with request.app.state.outbound:
        response = await request.app.state.client.get(f"{BASE_URL}/items/{item}")
        response.raise_for_status()
        return len(response.content)
{{/if}}


@app.get("/items")
async def items(request: Request, count: int = 10) -> dict:
    """Fetch `count` items at once and return their sizes. The first failed
    call cancels the others and answers 502 with the item named."""
    if not 1 <= count <= MAX_COUNT:
        raise HTTPException(status_code=422, detail=f"count must be between 1 and {MAX_COUNT}")
    started = time.perf_counter()
    # A reference to every task: an unreferenced task can be garbage-collected.
    tasks = {item: asyncio.ensure_future(fetch(request, item)) for item in range(count)}
    try:
        sizes = await asyncio.gather(*tasks.values())
    except CALL_ERRORS as exc:
        # gather() leaves the other calls running: cancel them and wait until
        # they have all finished (asyncio.wait raises nothing of theirs).
        for task in tasks.values():
            task.cancel()
        await asyncio.wait(list(tasks.values()))
        failed = [i for i, t in tasks.items() if not t.cancelled() and t.exception() is not None]
        raise HTTPException(status_code=502, detail=f"item {failed[0]}: {exc!r}") from None
    return {"sizes": dict(zip(tasks, sizes)), "elapsed": round(time.perf_counter() - started, 3)}


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="127.0.0.1", port=int(os.environ.get("PORT", "8000")))
