"""A FastAPI app that keeps heavy work off its event loop.

The event loop answers every request of this server process: if a handler
computes for two seconds on it, every other request waits two seconds.
{{#if model = processes}}
Pure-Python CPU work goes to a process pool (one GIL per process), created
once when the app starts (lifespan) and shut down when it stops; the handler
awaits loop.run_in_executor(pool, fn, ...), so the loop stays free.
{{#elif model = threads}}
Work that releases the GIL (hashlib, zlib, NumPy) and blocking calls (a sync
SDK, a driver) go to a thread pool created once when the app starts (lifespan);
the handler awaits loop.run_in_executor(pool, fn, ...), so the loop stays free.
A plain `def` endpoint also works: FastAPI runs it in AnyIO's thread pool (40
threads by default, shared by every `def` endpoint and dependency).
{{#else}}
Pure-Python CPU work goes to a process pool, and blocking calls or work that
releases the GIL (hashlib, zlib, NumPy) to a thread pool; both are created once
when the app starts (lifespan), and handlers await loop.run_in_executor().
{{/if}}

Install and run:
    pip install fastapi uvicorn
    uvicorn web_async:app --port 8000          (save this file as web_async.py)
    curl 'http://127.0.0.1:8000/work?seconds=2'
    curl http://127.0.0.1:8000/health

Each server worker process (uvicorn --workers N, gunicorn -w N) gets its own
pools: size them for the machine divided by the number of server processes.
"""

from __future__ import annotations

import os

# Native libraries (OpenBLAS, MKL, OpenMP) would start one thread per core in
# every process and every call. Set before NumPy (or SciPy...) is imported.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import asyncio
{{#if model != processes}}
import hashlib
{{/if}}
{{#if model != threads}}
import multiprocessing
import sys
{{/if}}
import time
from collections.abc import AsyncIterator
{{#if model = processes}}
from concurrent.futures import ProcessPoolExecutor
{{#elif model = threads}}
from concurrent.futures import ThreadPoolExecutor
{{#else}}
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
{{/if}}
from contextlib import asynccontextmanager

from fastapi import FastAPI, HTTPException, Request

# --- Configuration (environment variables) ------------------------------------
# Workers per pool in this server process; 0 means one per CPU it may use.
WORKERS = int(os.environ.get("PYCONC_WORKERS", "0")) or getattr(os, "process_cpu_count", os.cpu_count)() or 1
# The longest job a request may ask for, in seconds.
MAX_SECONDS = 30.0
{{#if model != threads}}
# How worker processes start. A web server runs threads (its own, AnyIO's for
# `def` endpoints), and fork would copy a process that runs threads: that can
# deadlock, and 3.12+ warns about it. forkserver (the Linux default from 3.14)
# starts workers from a clean helper process; macOS and Windows use spawn.
START_METHOD = "forkserver" if sys.platform == "linux" else None
{{/if}}
# -------------------------------------------------------------------------------


{{#if model != threads and shared = yes}}
# One large read-only object that every job reads (a model, a lookup table):
# each worker process loads it once, in the pool's initializer, instead of
# receiving it with every job. Memory grows with the number of workers, so size
# the pool to the RAM as well as to the cores.
SHARED: dict = {}


def load_shared() -> None:
    """Runs once in each worker process when it starts."""
    SHARED.update((f"key{i}", i) for i in range(100_000))  # stand-in for loading a model


{{/if}}
{{#if model != threads}}
def cpu_work(seconds: float) -> int:
    """Pure-Python CPU work that holds the GIL, for about `seconds` (a stand-in
    for parsing, scoring, rendering). It runs in a worker process.

    Module level, because the pool sends it to workers by name: a lambda or a
    function defined inside a handler cannot be pickled.
    """
    deadline = time.perf_counter() + seconds
    value = 0
    while time.perf_counter() < deadline:
        for n in range(10_000):
            value = (value * 31 + n) % 1_000_000_007
    return value


{{/if}}
{{#if model != processes}}
def digest_work(seconds: float) -> str:
    """Hashing for about `seconds`: hashlib releases the GIL on large buffers, so
    a thread pool runs it on several cores (a stand-in for zlib, NumPy, Pillow,
    or a blocking SDK call)."""
    block = os.urandom(1 << 20)
    digest = hashlib.sha256()
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        digest.update(block)
    return digest.hexdigest()


{{/if}}
@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Create the pools once per server process, and shut them down at exit.

    A pool per request would start and stop workers every time; a pool made at
    import time would be made in every process that imports the module.
    """
{{#if model != threads}}
{{#if shared = yes}}
    app.state.cpu_pool = ProcessPoolExecutor(
        max_workers=WORKERS,
        mp_context=multiprocessing.get_context(START_METHOD),
        initializer=load_shared,
    )
{{#else}}
    app.state.cpu_pool = ProcessPoolExecutor(
        max_workers=WORKERS, mp_context=multiprocessing.get_context(START_METHOD)
    )
{{/if}}
{{/if}}
{{#if model != processes}}
    app.state.io_pool = ThreadPoolExecutor(max_workers=WORKERS * 2, thread_name_prefix="work")
{{/if}}
    try:
        yield
    finally:
        # Join the workers, so none outlives the server process.
{{#if model != threads}}
        app.state.cpu_pool.shutdown()
{{/if}}
{{#if model != processes}}
        app.state.io_pool.shutdown()
{{/if}}


app = FastAPI(lifespan=lifespan)


@app.get("/health")
async def health() -> dict:
    """Answers at once while jobs run: nothing here waits for a pool."""
    return {"status": "ok"}


def checked(seconds: float) -> float:
    if not 0 <= seconds <= MAX_SECONDS:
        raise HTTPException(status_code=422, detail=f"seconds must be between 0 and {MAX_SECONDS}")
    return seconds


@app.get("/work")
async def work(request: Request, seconds: float = 1.0) -> dict:
    """Run a job in the pool and await it; the loop serves other requests meanwhile."""
    loop = asyncio.get_running_loop()
    started = time.perf_counter()
{{#if model = threads}}
    result: object = await loop.run_in_executor(request.app.state.io_pool, digest_work, checked(seconds))
{{#else}}
    result: object = await loop.run_in_executor(request.app.state.cpu_pool, cpu_work, checked(seconds))
{{/if}}
    return {"result": result, "elapsed": round(time.perf_counter() - started, 3)}
{{#if model = hybrid}}


@app.get("/digest")
async def digest(request: Request, seconds: float = 1.0) -> dict:
    """GIL-releasing work (or a blocking call) in the thread pool."""
    loop = asyncio.get_running_loop()
    result = await loop.run_in_executor(request.app.state.io_pool, digest_work, checked(seconds))
    return {"result": result}
{{/if}}
{{#if model = threads}}


@app.get("/work-def")
def work_def(seconds: float = 1.0) -> dict:
    """A plain `def` endpoint: FastAPI runs it in AnyIO's thread pool (40 threads
    by default, shared by every `def` endpoint), never on the loop. Fine for a
    blocking call; for many long jobs, prefer the pool of your own above."""
    return {"result": digest_work(checked(seconds))}
{{/if}}


# The guard matters: with forkserver and spawn, worker processes import this
# module, and must not start a server of their own.
if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="127.0.0.1", port=int(os.environ.get("PORT", "8000")))
