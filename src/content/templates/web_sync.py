"""A Flask app that runs heavy work in one shared pool per server process.

{{#if model = processes}}
Pure-Python CPU work holds the GIL: run in the request thread, it would slow
every other request this process serves. It goes to a process pool instead
(one GIL per worker process).
{{#elif work = io}}
Blocking calls (a sync SDK, a driver, requests) go to a thread pool, so one
request can wait on several calls at once (GET /work?parts=N fans out N calls
and gathers them with as_completed() under one deadline) while the server's
other threads keep answering. The pool is sized for the calls in flight, not
for the cores: a thread waiting on the network costs no CPU. Keep it at or
below the connection limit of the service you call, and give every call a
timeout of its own.
{{#if conc = thousands}}
Thousands of calls in flight do not belong in threads of a WSGI process. Two
ways that work at that scale: gunicorn's gevent workers (`gunicorn -k gevent`,
which patch blocking sockets so each call is a cheap greenlet; check that your
clients are pure Python or gevent-aware), or an async client in an ASGI app
(FastAPI, Starlette). This file stays with threads and caps them at
CALL_THREADS: calls beyond that wait in the pool's queue.
{{/if}}
{{#else}}
Work that releases the GIL (hashlib, zlib, NumPy) goes to a thread pool, so one
request can use several cores: GET /work?parts=N splits the job into N parts
that run at once and are gathered with as_completed() under one deadline, while
the server's other threads keep answering.
{{/if}}
{{#if task = long}}

Jobs that take minutes do not run inside a request (a proxy, gunicorn's 30 s
worker timeout or an impatient client would cut them off, and a retry would
start them twice). POST /jobs?seconds=N answers 202 at once with the job's id
and its status URL; the client polls GET /jobs/<id> (state, progress, result)
and may cancel it with DELETE /jobs/<id>. A job runs in steps of STEP_SECONDS,
so a cancel takes effect at the next step and a poll sees progress.
The job table lives in this server process's memory: a restart loses it, and
with several server processes (gunicorn -w 4) a poll can reach one that does
not know the job. When jobs must survive restarts, be retried, or be shared by
several processes or machines, use a durable queue (RQ or Celery with Redis).
{{/if}}
{{#if model = processes}}

A worker process that dies (a segfault in native code, an out-of-memory kill)
breaks the whole pool, and every job in it fails. Here the job that finds the
pool broken is reported as failed with its id, the pool is replaced (under a
lock, once), later jobs run on the new one, and /health answers 503 until the
new pool has run a job, so a load balancer or orchestrator sees it.
{{/if}}

The pool is made once per server process, on first use, and shut down when the
process exits: a pool per request would start and stop workers every time.
Each server process (gunicorn -w N, waitress, mod_wsgi) has its own pool, so
size it for the machine divided by the number of server processes.

Install and run:
    pip install flask waitress
    waitress-serve --listen=127.0.0.1:8000 web_sync:app   (save this file as web_sync.py)
{{#if task = long}}
    curl -X POST 'http://127.0.0.1:8000/jobs?seconds=60'
    curl http://127.0.0.1:8000/jobs/1
{{#else}}
    curl 'http://127.0.0.1:8000/work?seconds=2'
{{/if}}
    curl http://127.0.0.1:8000/health
"""

from __future__ import annotations

import os

# Native libraries (OpenBLAS, MKL, OpenMP) would start one thread per core in
# every process and every call. Set before NumPy (or SciPy...) is imported.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

{{#if not (model = threads and task = long)}}
import atexit
{{/if}}
{{#if model = threads and work != io}}
import hashlib
{{/if}}
import itertools
{{#if model = processes}}
import multiprocessing
import sys
{{/if}}
import threading
import time
{{#if model = processes}}
from concurrent.futures import ProcessPoolExecutor
{{#elif task != long}}
from concurrent.futures import ThreadPoolExecutor, as_completed
{{/if}}
{{#if not (model = threads and task = long)}}
from concurrent.futures import TimeoutError as FuturesTimeout
{{/if}}
{{#if model = processes}}
from concurrent.futures.process import BrokenProcessPool
{{/if}}
{{#if task = long}}
from dataclasses import dataclass, field
{{/if}}

from flask import Flask, abort, request

# --- Configuration (environment variables) ------------------------------------
{{#if model = threads and work = io}}
# Threads for blocking calls in this server process: the calls in flight, not
# the cores. Keep it at or below the called service's connection limit.
{{#if conc = few}}
WORKERS = int(os.environ.get("PYCONC_WORKERS", "0")) or 32
{{#else}}
WORKERS = int(os.environ.get("PYCONC_WORKERS", "0")) or 100
{{/if}}
# Seconds one blocking call may take; give the real client the same timeout.
CALL_TIMEOUT = 10.0
{{#else}}
# Workers in this server process's pool; 0 means one per CPU it may use.
WORKERS = int(os.environ.get("PYCONC_WORKERS", "0")) or getattr(os, "process_cpu_count", os.cpu_count)() or 1
{{/if}}
{{#if task = long}}
# The longest job one may submit, in seconds, and the length of one step.
MAX_SECONDS = 3600.0
STEP_SECONDS = 1.0
# Jobs kept in the table (finished ones are dropped first) and how long a
# finished job's result stays readable.
MAX_JOBS = 1000
KEEP_SECONDS = 3600.0
{{#if model = processes}}
# How long a runner waits for one step's result.
WAIT_SECONDS = 10 * STEP_SECONDS
{{/if}}
{{#else}}
# The longest job a request may ask for, in seconds; the request waits at most
# twice that for its result.
MAX_SECONDS = 30.0
{{#if model = processes}}
WAIT_SECONDS = 2 * MAX_SECONDS
{{/if}}
{{/if}}
{{#if model = threads and task != long}}
# The most parts (or calls) one request may fan out to.
MAX_PARTS = 16
{{/if}}
{{#if model = processes}}
# How worker processes start. The WSGI server runs request threads, and fork
# would copy a process that runs threads: that can deadlock (3.12+ warns about
# it under -W default or -X dev). forkserver (the Linux default from 3.14)
# starts workers from a clean helper process; macOS and Windows use spawn.
START_METHOD = "forkserver" if sys.platform == "linux" else None
{{#if crash = yes and py >= 3.11}}
# Replace each worker process after this many tasks, so a leak in native code
# cannot grow without end (3.11+).
# The request threads bound the jobs in flight, which matters: a pool given more
# than workers x max_tasks_per_child tasks at once can stop starting workers and
# hang (CPython gh-115634, in 3.11 to 3.13 releases before mid-2026).
MAX_TASKS_PER_CHILD = 200
{{/if}}
{{/if}}
# -------------------------------------------------------------------------------


{{#if model = threads and work = io}}
def blocking_call(seconds: float) -> str:
    """A stand-in for one blocking call (a sync SDK, a driver, requests.get):
    it waits `seconds` without using the CPU. Pass CALL_TIMEOUT to your client,
    so a stuck call frees its thread."""
    time.sleep(min(seconds, CALL_TIMEOUT))
    return f"waited {seconds:g}s"
{{#elif model = threads}}
def digest(seconds: float) -> str:
    """Hashing for about `seconds`: hashlib releases the GIL on large buffers
    (a stand-in for zlib, NumPy, Pillow)."""
    block = os.urandom(1 << 20)
    hasher = hashlib.sha256()
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        hasher.update(block)
    return hasher.hexdigest()
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


{{#if model = threads and task = long}}
{{#elif model = threads}}
_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def pool() -> ThreadPoolExecutor:
    """This server process's pool, made on first use (request threads race to
    it, hence the lock) and shut down when the process exits."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="work")
            atexit.register(_pool.shutdown)
        return _pool
{{#else}}
class WorkerDied(Exception):
    """A job's worker process died (segfault, os._exit, out-of-memory kill)."""


_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()
# False from the moment a job finds the pool broken until a new pool has run a
# task: /health reports it.
_pool_healthy = True


def make_pool() -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=WORKERS,
        mp_context=multiprocessing.get_context(START_METHOD),
{{#if shared = yes}}
        initializer=load_table,
{{/if}}
{{#if crash = yes and py >= 3.11}}
        max_tasks_per_child=MAX_TASKS_PER_CHILD,
{{/if}}
    )


def pool() -> ProcessPoolExecutor:
    """This server process's pool, made on first use (request threads race to
    it, hence the lock)."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = make_pool()
        return _pool


def replace_pool(broken: ProcessPoolExecutor) -> None:
    """Swap a broken pool for a new one. Every job in flight sees the break;
    the first one here replaces the pool, the others find it done."""
    global _pool, _pool_healthy
    with _pool_lock:
        if _pool is not broken:
            return
        _pool_healthy = False
        _pool = fresh = make_pool()
    # A broken pool's workers are gone: shutdown() returns at once.
    broken.shutdown()
    # The new pool starts its workers and runs one task: if even that fails,
    # /health keeps answering 503. (FuturesTimeout is the built-in TimeoutError
    # from 3.11, a class of its own before.)
    try:
        fresh.submit(int).result(timeout=60)
    except (BrokenProcessPool, FuturesTimeout):
        return
    with _pool_lock:
        if _pool is fresh:
            _pool_healthy = True


def run_in_pool(job: str, seconds: float) -> int:
    """Run one job (or one step of a job) in the pool and return its result. A
    dead worker fails it with its name, and the pool is replaced."""
    current = pool()
    try:
        future = current.submit(work_job, seconds)
    except BrokenProcessPool:
        # The pool broke before this job reached it (a worker died while it
        # was idle): the job never ran, so it goes to the new pool.
        replace_pool(current)
        current = pool()
        future = current.submit(work_job, seconds)
    try:
        return future.result(timeout=WAIT_SECONDS)
    except BrokenProcessPool:
        replace_pool(current)
        raise WorkerDied(
            f"{job}: a worker process died while it ran (segfault, out-of-memory kill); the pool was replaced"
        ) from None


@atexit.register
def shutdown_pool() -> None:
    if _pool is not None:
        _pool.shutdown()
{{/if}}
{{#if task = long}}


@dataclass
class Job:
    """One submitted job. Its state changes under _jobs_lock."""

    id: int
    seconds: float
    steps: int
    state: str = "queued"  # queued, running, done, failed, cancelled
    done: int = 0
    result: object = None
    error: str | None = None
    finished_at: float = 0.0
    cancel: threading.Event = field(default_factory=threading.Event)

    def view(self) -> dict:
        return {
            "id": self.id,
            "state": self.state,
            "progress": f"{self.done}/{self.steps}",
            "result": self.result,
            "error": self.error,
        }


_jobs: dict[int, Job] = {}
_jobs_lock = threading.Lock()
_job_ids = itertools.count(1)
# At most WORKERS jobs run at once; the others wait as "queued", at most
# MAX_QUEUED of them (then POST /jobs answers 503).
_running = threading.BoundedSemaphore(WORKERS)
MAX_QUEUED = 100


def finish(job: Job, state: str) -> None:
    with _jobs_lock:
        job.state, job.finished_at = state, time.monotonic()


def run_job(job: Job) -> None:
    """A job's runner thread: it waits for a free slot, then runs the steps one
    by one, checking for a cancel between them. A daemon thread, so a server
    stopping does not wait for whole jobs, only for the step in a worker."""
    with _running:
        with _jobs_lock:
            if job.cancel.is_set():
                return
            job.state = "running"
        try:
            for step in range(job.steps):
                if job.cancel.is_set():
                    finish(job, "cancelled")
                    return
                part = min(STEP_SECONDS, job.seconds - step * STEP_SECONDS)
{{#if model = processes}}
                job.result = run_in_pool(f"job {job.id} (step {step + 1} of {job.steps})", part)
{{#else}}
                job.result = digest(part)
{{/if}}
                job.done = step + 1
        except Exception as exc:  # noqa: BLE001 - a job's failure is reported with it, not lost in a thread
            job.error = str(exc) or repr(exc)
            finish(job, "failed")
            return
        finish(job, "done")


def forget_old_jobs() -> None:
    """Drop finished jobs older than KEEP_SECONDS, and the oldest finished ones
    while the table is full (call it holding _jobs_lock)."""
    now = time.monotonic()
    for job_id, job in list(_jobs.items()):
        if job.finished_at and (now - job.finished_at > KEEP_SECONDS or len(_jobs) >= MAX_JOBS):
            del _jobs[job_id]
{{#else}}


_job_ids = itertools.count(1)
{{/if}}


app = Flask(__name__)


@app.get("/health")
def health() -> tuple[dict, int]:
    """Answers at once, whatever the pool is doing: it never waits for a job."""
{{#if model = processes}}
    if not _pool_healthy:
        return {"status": "pool broken, being replaced"}, 503
{{/if}}
    return {"status": "ok"}, 200
{{#if task = long}}


@app.post("/jobs")
def submit() -> tuple[dict, int, dict]:
    """Queue a job and answer 202 at once with its id and status URL."""
    seconds = request.args.get("seconds", 60.0, type=float)
    if not 0 <= seconds <= MAX_SECONDS:
        abort(422, f"seconds must be between 0 and {MAX_SECONDS}")
    with _jobs_lock:
        forget_old_jobs()
        queued = sum(1 for j in _jobs.values() if j.state == "queued")
        if len(_jobs) >= MAX_JOBS or queued >= MAX_QUEUED:
            abort(503, "too many jobs; try again later")
        job = Job(next(_job_ids), seconds, steps=max(1, -int(-seconds // STEP_SECONDS)))
        _jobs[job.id] = job
    threading.Thread(target=run_job, args=(job,), name=f"job-{job.id}", daemon=True).start()
    url = f"/jobs/{job.id}"
    return {"id": job.id, "status_url": url}, 202, {"Location": url}


def find(job_id: int) -> Job:
    with _jobs_lock:
        job = _jobs.get(job_id)
    if job is None:
        abort(404, f"no job {job_id} in this server process")
    return job


@app.get("/jobs/<int:job_id>")
def status(job_id: int) -> dict:
    return find(job_id).view()


@app.delete("/jobs/<int:job_id>")
def cancel(job_id: int) -> dict:
    """Cancel a job: a queued one never starts; a running one stops at the end
    of its current step (a step already in a worker cannot be interrupted)."""
    job = find(job_id)
    job.cancel.set()
    with _jobs_lock:
        if job.state == "queued":
            job.state, job.finished_at = "cancelled", time.monotonic()
    return job.view()
{{#else}}


@app.get("/work")
def work() -> dict | tuple[dict, int]:
{{#if model = processes}}
    """Run a job in the pool; this request thread waits, the others go on."""
{{#else}}
    """Fan one request out to `parts` calls in the pool and gather them."""
{{/if}}
    seconds = request.args.get("seconds", 1.0, type=float)
    if not 0 <= seconds <= MAX_SECONDS:
        abort(422, f"seconds must be between 0 and {MAX_SECONDS}")
    job = next(_job_ids)
    started = time.perf_counter()
{{#if model = processes}}
    try:
        # The wait is bounded; the job itself cannot be stopped once it runs.
        result = run_in_pool(f"job {job} (seconds={seconds:g})", seconds)
    except WorkerDied as exc:
        return {"job": job, "error": str(exc)}, 500
    return {"job": job, "result": result, "elapsed": round(time.perf_counter() - started, 3)}
{{#else}}
    parts = request.args.get("parts", 1, type=int)
    if not 1 <= parts <= MAX_PARTS:
        abort(422, f"parts must be between 1 and {MAX_PARTS}")
{{#if work = io}}
    futures = {pool().submit(blocking_call, seconds): part for part in range(parts)}
    # Each call ends within CALL_TIMEOUT; a call may first wait for a thread.
    deadline = 2 * CALL_TIMEOUT
{{#else}}
    futures = {pool().submit(digest, seconds): part for part in range(parts)}
    deadline = MAX_SECONDS * 2
{{/if}}
    results: list[object] = [None] * parts
    try:
        # Results as they finish; FuturesTimeout (the built-in TimeoutError
        # from 3.11, a class of its own before) if the slowest is late.
        for future in as_completed(futures, timeout=deadline):
            results[futures[future]] = future.result()
    except FuturesTimeout:
        for future in futures:
            future.cancel()  # the parts not started yet; running ones finish
        return {"job": job, "error": f"job {job}: not all {parts} parts within {deadline:g}s"}, 504
    return {"job": job, "result": results, "elapsed": round(time.perf_counter() - started, 3)}
{{/if}}
{{/if}}


# The guard matters: with forkserver and spawn, worker processes import this
# module, and must not start a server of their own.
if __name__ == "__main__":
    from waitress import serve

    serve(app, host="127.0.0.1", port=int(os.environ.get("PORT", "8000")), threads=8)
