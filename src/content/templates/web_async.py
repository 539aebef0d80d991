"""A FastAPI app that keeps heavy work off its event loop.

The event loop answers every request of this server process: if a handler
computes for two seconds on it, every other request waits two seconds.
{{#if model = processes}}
Pure-Python CPU work goes to a process pool (one GIL per process), created
once when the app starts (lifespan) and shut down when it stops; the handler
awaits loop.run_in_executor(pool, fn, ...), so the loop stays free. The pool's
workers are started in lifespan too, so the first request does not wait for
them (starting worker processes from the loop's thread would stall it).
{{#elif model = threads and work = io}}
Blocking calls (a sync SDK, a driver, requests) go to a thread pool created once
when the app starts (lifespan), sized for the calls in flight, not the cores:
keep it at or below the connection limit of the service you call, and give
every call a timeout of its own. The handler awaits
loop.run_in_executor(pool, fn, ...), so the loop stays free.
A plain `def` endpoint also works: FastAPI runs it in AnyIO's thread pool (40
threads by default, shared by every `def` endpoint and dependency).
{{#elif model = threads}}
Work that releases the GIL (hashlib, zlib, NumPy) goes to a thread pool created
once when the app starts (lifespan); the handler awaits
loop.run_in_executor(pool, fn, ...), so the loop stays free.
A plain `def` endpoint also works: FastAPI runs it in AnyIO's thread pool (40
threads by default, shared by every `def` endpoint and dependency).
{{#else}}
Pure-Python CPU work goes to a process pool, and blocking calls or work that
releases the GIL (hashlib, zlib, NumPy) to a thread pool; both are created once
when the app starts (lifespan), the process pool's workers are started there
too, and handlers await loop.run_in_executor().
{{/if}}
{{#if task = long}}

Jobs that take minutes do not run inside a request (a proxy, a client timeout
or a retry would cut them off or start them twice). POST /jobs?seconds=N
answers 202 at once with the job's id and its status URL; the client polls
GET /jobs/<id> (state, progress, result) and may cancel it with
DELETE /jobs/<id>. A job is an asyncio task that runs its work in steps of
STEP_SECONDS: a cancel stops it at once (the step already in a worker finishes
there, and its result is dropped), and a poll sees progress.
The job table lives in this server process's memory: a restart loses it, and
with several server processes (uvicorn --workers 4) a poll can reach one that
does not know the job. When jobs must survive restarts, be retried, or be
shared by several processes or machines, use a durable queue (RQ or Celery
with Redis). FastAPI's BackgroundTasks are no substitute: they run after the
response in the same process, with no id, no status and no cancel.
{{/if}}
{{#if model != threads}}

A worker process that dies (a segfault in native code, an out-of-memory kill)
breaks the whole process pool, and every job in it fails. Here the job that
finds the pool broken is reported as failed with its id, the pool is replaced
(under a lock, once), later jobs run on the new one, and /health answers 503
until the new pool has run a task, so a load balancer or orchestrator sees it.
{{/if}}

Install and run:
    pip install fastapi uvicorn
    uvicorn web_async:app --port 8000          (save this file as web_async.py)
{{#if task = long}}
    curl -X POST 'http://127.0.0.1:8000/jobs?seconds=60'
    curl http://127.0.0.1:8000/jobs/1
{{#else}}
    curl 'http://127.0.0.1:8000/work?seconds=2'
{{/if}}
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
{{#if model != processes and not (model = threads and work = io)}}
import hashlib
{{/if}}
import itertools
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
{{#if model != threads}}
from concurrent.futures.process import BrokenProcessPool
{{/if}}
from contextlib import asynccontextmanager
{{#if task = long}}
from dataclasses import dataclass
{{/if}}

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse

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
# Workers per pool in this server process; 0 means one per CPU it may use.
WORKERS = int(os.environ.get("PYCONC_WORKERS", "0")) or getattr(os, "process_cpu_count", os.cpu_count)() or 1
{{/if}}
{{#if task = long}}
# The longest job one may submit, in seconds, and the length of one step.
MAX_SECONDS = 3600.0
STEP_SECONDS = 1.0
# Jobs kept in the table (finished ones are dropped first), how long a finished
# job stays readable, and the most jobs waiting to run.
MAX_JOBS = 1000
KEEP_SECONDS = 3600.0
MAX_QUEUED = 100
{{#else}}
# The longest job a request may ask for, in seconds.
MAX_SECONDS = 30.0
{{/if}}
{{#if model != threads}}
# How worker processes start. A web server runs threads (its own, AnyIO's for
# `def` endpoints), and fork would copy a process that runs threads: that can
# deadlock (3.12+ warns about it under -W default or -X dev). forkserver (the
# Linux default from 3.14) starts workers from a clean helper process; macOS
# and Windows use spawn.
START_METHOD = "forkserver" if sys.platform == "linux" else None
{{#if crash = yes and py >= 3.11}}
# Replace each worker process after this many tasks, so a leak in native code
# cannot grow without end (3.11+).
# CpuPool.slots bounds the jobs in flight, which matters: a pool given more
# than workers x max_tasks_per_child tasks at once can stop starting workers and
# hang (CPython gh-115634, in 3.11 to 3.13 releases before mid-2026).
MAX_TASKS_PER_CHILD = 200
{{/if}}
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
{{#if model = threads and work = io}}
def blocking_call(seconds: float) -> str:
    """A stand-in for one blocking call (a sync SDK, a driver, requests.get):
    it waits `seconds` without using the CPU. Pass CALL_TIMEOUT to your client,
    so a stuck call frees its thread."""
    time.sleep(min(seconds, CALL_TIMEOUT))
    return f"waited {seconds:g}s"


{{#elif model != processes}}
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
{{#if model != threads}}
class WorkerDied(Exception):
    """A job's worker process died (segfault, os._exit, out-of-memory kill)."""


def started_pool() -> ProcessPoolExecutor:
    """A new process pool whose workers have started and run a task. Blocking:
    call it from a thread, not from the loop (see lifespan)."""
    pool = ProcessPoolExecutor(
        max_workers=WORKERS,
        mp_context=multiprocessing.get_context(START_METHOD),
{{#if shared = yes}}
        initializer=load_shared,
{{/if}}
{{#if crash = yes and py >= 3.11}}
        max_tasks_per_child=MAX_TASKS_PER_CHILD,
{{/if}}
    )
    # One tiny task per worker starts them now, not on the first request.
    for future in [pool.submit(int) for _ in range(WORKERS)]:
        future.result()
    return pool


class CpuPool:
    """The process pool of this server process, replaced when a worker dies.

    Made in lifespan (so its lock belongs to the server's loop). `healthy` is
    False from the moment a job finds the pool broken until a new pool runs.
    """

    def __init__(self, pool: ProcessPoolExecutor) -> None:
        self.pool = pool
        self.lock = asyncio.Lock()
        self.healthy = True
        # At most two jobs per worker in the pool at once; the others wait
        # here, on the loop, where a client that gives up leaves no work behind.
        self.slots = asyncio.Semaphore(2 * WORKERS)

    async def run(self, job: str, seconds: float) -> int:
        loop = asyncio.get_running_loop()
        async with self.slots:
            pool = self.pool
            try:
                # run_in_executor() submits at once: a pool that broke while
                # idle (a worker died between jobs) raises here, before this
                # job ran, and the job goes to the new pool.
                future = loop.run_in_executor(pool, cpu_work, seconds)
            except BrokenProcessPool:
                await self.replace(pool)
                pool = self.pool
                future = loop.run_in_executor(pool, cpu_work, seconds)
            try:
                return await future
            except BrokenProcessPool:
                pass
        # Out of the slot: the replacement may wait for the lock.
        await self.replace(pool)
        raise WorkerDied(f"{job}: a worker process died while it ran (segfault, out-of-memory kill); the pool was replaced")

    async def replace(self, broken: ProcessPoolExecutor) -> None:
        """Every job in flight sees the break; the first one replaces the pool
        (off the loop: starting processes blocks), the others find it done."""
        async with self.lock:
            if self.pool is not broken:
                return
            self.healthy = False
            loop = asyncio.get_running_loop()
            # A broken pool's workers are gone: shutdown() returns at once.
            await loop.run_in_executor(None, broken.shutdown)
            try:
                self.pool = await loop.run_in_executor(None, started_pool)
            except BrokenProcessPool:
                # Even a new pool fails (its initializer crashes?): /health
                # keeps answering 503, and the next job tries again.
                return
            self.healthy = True


{{/if}}
{{#if task = long}}
@dataclass
class Job:
    """One submitted job. Only coroutines on the loop touch it: no lock."""

    id: int
    seconds: float
    steps: int
    state: str = "queued"  # queued, running, done, failed, cancelled
    done: int = 0
    result: object = None
    error: str | None = None
    finished_at: float = 0.0
    task: asyncio.Task | None = None

    def view(self) -> dict:
        return {
            "id": self.id,
            "state": self.state,
            "progress": f"{self.done}/{self.steps}",
            "result": self.result,
            "error": self.error,
        }


{{/if}}
@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Create the pools once per server process, and shut them down at exit.

    A pool per request would start and stop workers every time; a pool made at
    import time would be made in every process that imports the module.
    """
    loop = asyncio.get_running_loop()
{{#if model != threads}}
    # Started in a thread: the server waits for its workers before it accepts
    # requests, and the loop never blocks on starting processes.
    app.state.cpu = CpuPool(await loop.run_in_executor(None, started_pool))
{{/if}}
{{#if model = threads and work = io}}
    app.state.io_pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="call")
{{#elif model = threads}}
    app.state.io_pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="work")
{{#elif model = hybrid}}
    app.state.io_pool = ThreadPoolExecutor(max_workers=WORKERS * 2, thread_name_prefix="work")
{{/if}}
{{#if task = long}}
    app.state.jobs = {}
    app.state.job_ids = itertools.count(1)
    # At most WORKERS jobs run at once; the others wait as "queued".
    app.state.running = asyncio.Semaphore(WORKERS)
{{#else}}
    app.state.job_ids = itertools.count(1)
{{/if}}
    try:
        yield
    finally:
{{#if task = long}}
        # Cancel the jobs still queued or running: a server that stops does
        # not wait for whole jobs, only for the steps already in a worker.
        tasks = [job.task for job in app.state.jobs.values() if job.task is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
{{/if}}
        # Join the workers, so none outlives the server process (off the loop).
{{#if model != threads}}
        await loop.run_in_executor(None, app.state.cpu.pool.shutdown)
{{/if}}
{{#if model != processes}}
        await loop.run_in_executor(None, app.state.io_pool.shutdown)
{{/if}}


app = FastAPI(lifespan=lifespan)


@app.get("/health")
async def health(request: Request) -> JSONResponse:
    """Answers at once while jobs run: nothing here waits for a pool."""
{{#if model != threads}}
    if not request.app.state.cpu.healthy:
        return JSONResponse({"status": "pool broken, being replaced"}, status_code=503)
{{/if}}
    return JSONResponse({"status": "ok"})


def checked(seconds: float) -> float:
    if not 0 <= seconds <= MAX_SECONDS:
        raise HTTPException(status_code=422, detail=f"seconds must be between 0 and {MAX_SECONDS}")
    return seconds
{{#if task = long}}


async def run_job(app: FastAPI, job: Job) -> None:
    """A job's task: wait for a free slot, then run the steps one by one."""
{{#if model = threads}}
    loop = asyncio.get_running_loop()
{{/if}}
    try:
        async with app.state.running:
            job.state = "running"
            for step in range(job.steps):
                part = min(STEP_SECONDS, job.seconds - step * STEP_SECONDS)
{{#if model = threads}}
                job.result = await loop.run_in_executor(app.state.io_pool, digest_work, part)
{{#else}}
                job.result = await app.state.cpu.run(f"job {job.id} (step {step + 1} of {job.steps})", part)
{{/if}}
                job.done = step + 1
        job.state = "done"
    except asyncio.CancelledError:
        job.state = "cancelled"
        raise
    except Exception as exc:  # noqa: BLE001 - a job's failure is reported with it, not lost in a task
        job.error, job.state = str(exc) or repr(exc), "failed"
    finally:
        job.finished_at = time.monotonic()


def forget_old_jobs(jobs: dict[int, Job]) -> None:
    """Drop finished jobs older than KEEP_SECONDS, and the oldest finished ones
    while the table is full."""
    now = time.monotonic()
    for job_id, job in list(jobs.items()):
        if job.finished_at and (now - job.finished_at > KEEP_SECONDS or len(jobs) >= MAX_JOBS):
            del jobs[job_id]


@app.post("/jobs", status_code=202)
async def submit(request: Request, seconds: float = 60.0) -> JSONResponse:
    """Queue a job and answer 202 at once with its id and status URL."""
    jobs: dict[int, Job] = request.app.state.jobs
    forget_old_jobs(jobs)
    queued = sum(1 for job in jobs.values() if job.state == "queued")
    if len(jobs) >= MAX_JOBS or queued >= MAX_QUEUED:
        raise HTTPException(status_code=503, detail="too many jobs; try again later")
    seconds = checked(seconds)
    job = Job(next(request.app.state.job_ids), seconds, steps=max(1, -int(-seconds // STEP_SECONDS)))
    jobs[job.id] = job
    # The table keeps a reference to the task: an unreferenced task can be
    # garbage-collected mid-run.
    job.task = asyncio.create_task(run_job(request.app, job))
    url = f"/jobs/{job.id}"
    return JSONResponse({"id": job.id, "status_url": url}, status_code=202, headers={"Location": url})


def find(request: Request, job_id: int) -> Job:
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(status_code=404, detail=f"no job {job_id} in this server process")
    return job


@app.get("/jobs/{job_id}")
async def status(request: Request, job_id: int) -> dict:
    return find(request, job_id).view()


@app.delete("/jobs/{job_id}")
async def cancel(request: Request, job_id: int) -> dict:
    """Cancel a job: its task stops at once; a step already in a worker runs to
    its end there (a running thread or process cannot be interrupted)."""
    job = find(request, job_id)
    if job.task is not None and not job.task.done():
        job.task.cancel()
        # Let it see the cancellation, so the answer shows its final state.
        await asyncio.gather(job.task, return_exceptions=True)
    return job.view()
{{#else}}


@app.get("/work")
async def work(request: Request, seconds: float = 1.0) -> JSONResponse:
    """Run a job in the pool and await it; the loop serves other requests meanwhile."""
    job = next(request.app.state.job_ids)
    started = time.perf_counter()
{{#if model = threads and work = io}}
    loop = asyncio.get_running_loop()
    call = loop.run_in_executor(request.app.state.io_pool, blocking_call, checked(seconds))
    try:
        # Waiting longer than the call's own timeout only holds the request.
        result: object = await asyncio.wait_for(call, CALL_TIMEOUT + 1)
    except asyncio.TimeoutError:
        return JSONResponse({"job": job, "error": f"job {job}: no answer within {CALL_TIMEOUT:g}s"}, status_code=504)
{{#elif model = threads}}
    loop = asyncio.get_running_loop()
    result: object = await loop.run_in_executor(request.app.state.io_pool, digest_work, checked(seconds))
{{#else}}
    try:
        result: object = await request.app.state.cpu.run(f"job {job} (seconds={seconds:g})", checked(seconds))
    except WorkerDied as exc:
        return JSONResponse({"job": job, "error": str(exc)}, status_code=500)
{{/if}}
    return JSONResponse({"job": job, "result": result, "elapsed": round(time.perf_counter() - started, 3)})
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
{{#if work = io}}
    return {"result": blocking_call(checked(seconds))}
{{#else}}
    return {"result": digest_work(checked(seconds))}
{{/if}}
{{/if}}
{{/if}}


# The guard matters: with forkserver and spawn, worker processes import this
# module, and must not start a server of their own.
if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="127.0.0.1", port=int(os.environ.get("PORT", "8000")))
