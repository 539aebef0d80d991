"""A Flask app that runs heavy work in one shared pool per server process.

{{#if model = processes}}
Pure-Python CPU work holds the GIL: run in the request thread, it would slow
every other request this process serves. It goes to a process pool instead
(one GIL per worker process), and the request thread waits for its result.
{{#else}}
Work that releases the GIL (hashlib, zlib, NumPy) or blocking calls go to a
thread pool, so one request can use several cores, or wait on several calls at
once, while the server's other threads keep answering.
{{/if}}
The pool is made once per server process, on first use, and shut down when the
process exits: a pool per request would start and stop workers every time.
Each server process (gunicorn -w N, waitress, mod_wsgi) has its own pool, so
size it for the machine divided by the number of server processes.

Install and run:
    pip install flask waitress
    waitress-serve --listen=127.0.0.1:8000 web_sync:app   (save this file as web_sync.py)
    curl 'http://127.0.0.1:8000/work?seconds=2'
"""

from __future__ import annotations

import os

# Native libraries (OpenBLAS, MKL, OpenMP) would start one thread per core in
# every process and every call. Set before NumPy (or SciPy...) is imported.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import atexit
{{#if model = threads}}
import hashlib
{{#else}}
import multiprocessing
import sys
{{/if}}
import threading
import time
{{#if model = threads}}
from concurrent.futures import ThreadPoolExecutor
{{#else}}
from concurrent.futures import ProcessPoolExecutor
{{/if}}

from flask import Flask, abort, request

# --- Configuration (environment variables) ------------------------------------
# Workers in this server process's pool; 0 means one per CPU it may use.
WORKERS = int(os.environ.get("PYCONC_WORKERS", "0")) or getattr(os, "process_cpu_count", os.cpu_count)() or 1
# The longest job a request may ask for, and how long a request waits for it.
MAX_SECONDS = 30.0
{{#if model != threads}}
# How worker processes start. The WSGI server runs request threads, and fork
# would copy a process that runs threads: that can deadlock, and 3.12+ warns
# about it. forkserver (the Linux default from 3.14) starts workers from a
# clean helper process; macOS and Windows use spawn.
START_METHOD = "forkserver" if sys.platform == "linux" else None
{{/if}}
# -------------------------------------------------------------------------------


{{#if model = threads}}
def work_job(seconds: float) -> str:
    """Hashing for about `seconds`: hashlib releases the GIL on large buffers
    (a stand-in for zlib, NumPy, Pillow, or a blocking SDK call)."""
    block = os.urandom(1 << 20)
    digest = hashlib.sha256()
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        digest.update(block)
    return digest.hexdigest()
{{#else}}
{{#if shared = yes}}
# The large read-only object every job reads (a model, an index). Each worker
# process loads it once, in the pool's initializer: passed with each job, it
# would be pickled and copied on every request.
_table: list[int] = []


def load_table() -> None:
    """Pool initializer: runs once in each worker process, before its first job."""
    global _table
    _table = [(n * 2_654_435_761) % 1_000_003 for n in range(1_000_000)]


{{/if}}
def work_job(seconds: float) -> int:
    """Pure-Python CPU work for about `seconds`, in a worker process.

    Module level, because the pool sends it to workers by name: a lambda or a
    function defined inside a view cannot be pickled.
    """
    deadline = time.perf_counter() + seconds
    value = 0
    while time.perf_counter() < deadline:
        for n in range(10_000):
{{#if shared = yes}}
            value = (value * 31 + _table[n]) % 1_000_000_007
{{#else}}
            value = (value * 31 + n) % 1_000_000_007
{{/if}}
    return value
{{/if}}


{{#if model = threads}}
_pool: ThreadPoolExecutor | None = None
{{#else}}
_pool: ProcessPoolExecutor | None = None
{{/if}}
_pool_lock = threading.Lock()


{{#if model = threads}}
def pool() -> ThreadPoolExecutor:
{{#else}}
def pool() -> ProcessPoolExecutor:
{{/if}}
    """This server process's pool, made on first use (request threads race to
    it, hence the lock) and shut down when the process exits."""
    global _pool
    with _pool_lock:
        if _pool is None:
{{#if model = threads}}
            _pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="work")
{{#else}}
            _pool = ProcessPoolExecutor(
                max_workers=WORKERS,
                mp_context=multiprocessing.get_context(START_METHOD),
{{#if shared = yes}}
                initializer=load_table,
{{/if}}
            )
{{/if}}
            atexit.register(_pool.shutdown)
        return _pool


app = Flask(__name__)


@app.get("/health")
def health() -> dict:
    return {"status": "ok"}


@app.get("/work")
def work() -> dict:
    """Run a job in the pool; this request thread waits, the others go on."""
    seconds = request.args.get("seconds", 1.0, type=float)
    if not 0 <= seconds <= MAX_SECONDS:
        abort(422, f"seconds must be between 0 and {MAX_SECONDS}")
    started = time.perf_counter()
    # result(timeout=...) bounds the wait; the job itself cannot be stopped.
    result = pool().submit(work_job, seconds).result(timeout=MAX_SECONDS * 2)
    return {"result": result, "elapsed": round(time.perf_counter() - started, 3)}


# The guard matters: with forkserver and spawn, worker processes import this
# module, and must not start a server of their own.
if __name__ == "__main__":
    from waitress import serve

    serve(app, host="127.0.0.1", port=int(os.environ.get("PORT", "8000")), threads=8)
