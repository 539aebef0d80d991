"""Durable background jobs with retries, using Celery and Redis.

Tasks go through a broker (Redis here), so they survive a restart of the code
that submitted them, and a worker process runs them. A task that hits a
temporary error is retried with a growing delay. Running this file starts a
worker in a subprocess for the demo, submits the jobs, waits for the results
with a deadline, stops the worker and prints a summary. In production, run the
worker on its own: `celery -A <this module> worker --statedb=<a file>` (the
file keeps its list of revoked jobs across restarts; see revoke_rest()).

Save it under a name other than celery.py: a file of that name would hide the
celery package from its own imports.

Needs a Redis server (for example `redis-server` on 127.0.0.1:6379).
Run it:  python3 this_file.py
Settings come from environment variables (see CONFIGURATION below).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from celery import Celery, Task
from celery.exceptions import TimeoutError as ResultTimeout
from celery.result import AsyncResult
from kombu.exceptions import OperationalError

# ---------------------------------------------------------------------------
# CONFIGURATION (environment variables, with defaults)
# ---------------------------------------------------------------------------
# Where tasks are queued.
BROKER_URL = os.environ.get("PYCONC_BROKER", "redis://127.0.0.1:6379/0")
# Where results are stored; the same Redis server by default.
BACKEND_URL = os.environ.get("PYCONC_BACKEND", BROKER_URL)
# How many jobs to submit.
COUNT = int(os.environ.get("PYCONC_COUNT", "200"))
# Processes (threads on Windows) of the demo worker; 0 means one per CPU.
WORKERS = int(os.environ.get("PYCONC_WORKERS", "0"))
# Stop waiting for results after this many seconds.
TIMEOUT_S = float(os.environ.get("PYCONC_TIMEOUT", "60"))
# Redis visibility timeout: a job taken by a worker and not acknowledged within
# this many seconds is given to another worker. With late acks a job is
# acknowledged when it ends, so a job that runs longer than this runs twice (or
# more). Set it above your longest job (and longest countdown/ETA).
VISIBILITY_TIMEOUT_S = int(os.environ.get("PYCONC_VISIBILITY_TIMEOUT", "3600"))
# A job whose worker process dies is queued again (see task_reject_on_worker_lost
# below). A job that kills its worker every time would then be redelivered
# forever: after this many deliveries it fails instead.
MAX_DELIVERIES = 3
# Self-test hook, used by this template's test suite and harmless otherwise:
# PYCONC_FAULT=crash:N makes job N kill its worker process, as a segfault in
# native code would; bug:N makes it raise TypeError.
FAULT = os.environ.get("PYCONC_FAULT", "")

# The worker imports this file by its module name (`celery -A name`).
MODULE_NAME = Path(__file__).stem
app = Celery(MODULE_NAME, broker=BROKER_URL, backend=BACKEND_URL)
app.conf.update(
    # acks_late: the broker forgets a job only after it finished, so a worker
    # that crashes mid-job does not lose it; the job must be safe to run twice.
    task_acks_late=True,
    # With late acks, a job whose worker process died is queued again. Pitfall:
    # a job that kills its worker (a segfault, the OOM killer) comes back again
    # and again; process_item() counts deliveries and gives up after
    # MAX_DELIVERIES.
    task_reject_on_worker_lost=True,
    # Redis gives an unacknowledged job to another worker after this timeout:
    # keep it above the longest job, or long jobs run twice.
    broker_transport_options={"visibility_timeout": VISIBILITY_TIMEOUT_S},
    # Each worker process reserves one job at a time, so long jobs do not
    # wait behind a busy process.
    worker_prefetch_multiplier=1,
    # Keep results in Redis for an hour, not the default day.
    result_expires=3600,
    # Retry the broker connection when the worker starts (Celery 6 default).
    broker_connection_retry_on_startup=True,
)


class TemporaryError(Exception):
    """A failure worth retrying: a timeout, a busy service, a lost connection."""


class PoisonJob(Exception):
    """A job that killed its worker process on every one of MAX_DELIVERIES tries."""


def deliveries(task: Task) -> int:
    """Count this delivery of the job (in the result backend's Redis) and
    return how many there have been, retries included."""
    key = f"pyconc:deliveries:{task.request.id}"
    client = task.app.backend.client
    count = client.incr(key)
    client.expire(key, 24 * 3600)
    return int(count)


def inject_fault(item: int) -> None:
    """The self-test hook (see FAULT). Delete it in your own code."""
    kind, _, which = FAULT.partition(":")
    if which != str(item):
        return
    if kind == "crash":
        os._exit(70)  # ends the worker process at once, as a segfault would
    if kind == "bug":
        raise TypeError(f"item {item}: a bug")


@app.task(
    bind=True,
    # Retry these errors automatically, with an exponential delay (1 s, 2 s,
    # 4 s... with random jitter) so that retries do not arrive in bursts.
    autoretry_for=(TemporaryError, ConnectionError),
    retry_backoff=True,
    retry_backoff_max=60,
    max_retries=5,
    acks_late=True,
)
def process_item(self: Task, item: int) -> dict:
    """One job. Replace the body with yours; keep arguments JSON-friendly."""
    count = deliveries(self)
    if count > MAX_DELIVERIES + self.request.retries:
        # Every earlier delivery ended with the worker process dead.
        raise PoisonJob(f"item {item}: its worker process died on each of {count - 1} tries")
    inject_fault(item)
    if item % 40 == 7 and self.request.retries == 0:
        # Simulate a temporary failure on the first attempt of a few jobs.
        raise TemporaryError(f"item {item}: service busy")
    value = sum(i * i for i in range(item * 10))
    return {"item": item, "value": value, "retries": self.request.retries}


# ---------------------------------------------------------------------------
# The demo: start a worker, submit, wait, report
# ---------------------------------------------------------------------------
def worker_command() -> list[str]:
    concurrency = WORKERS or os.cpu_count() or 1
    # Celery's default prefork pool does not run on Windows; use threads there.
    pool = "threads" if sys.platform == "win32" else "prefork"
    # The worker remembers the jobs it was told to revoke only in memory; with
    # --statedb it also writes them to this file and reads them back when it
    # starts again, so a revoked job left in the queue is skipped next time.
    state = Path(tempfile.gettempdir()) / f"{MODULE_NAME}-worker.state"
    return [
        sys.executable, "-m", "celery", "--quiet", "-A", MODULE_NAME, "worker",
        f"--concurrency={concurrency}", f"--pool={pool}", "--loglevel=WARNING",
        f"--statedb={state}",
    ]


def stop_worker(worker: subprocess.Popen) -> None:
    """Ask the worker for a warm shutdown; kill it if it does not stop."""
    # On Linux and macOS this sends SIGTERM: the worker finishes its running
    # jobs, then exits. On Windows it ends the worker at once.
    worker.terminate()
    try:
        worker.wait(timeout=30)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()


def collect(results: list[AsyncResult]) -> tuple[int, int, bool]:
    """Wait for every result until the deadline.

    Returns (failed jobs, jobs that needed a retry, whether the run stopped early).
    """
    deadline = time.monotonic() + TIMEOUT_S
    failed = retried = 0
    for position, result in enumerate(results):
        remaining = max(0.1, deadline - time.monotonic())
        try:
{{#if fail = fast}}
            # Fail fast: get() re-raises the job's exception here.
            value = result.get(timeout=remaining)
        except ResultTimeout:
            print(f"stopped: no result within {TIMEOUT_S:g} s", file=sys.stderr)
            return revoke_rest(results[position:]), retried, True
        except Exception as exc:  # noqa: BLE001 - fail fast on any job error
            print(f"stopped: job {result.id} failed: {exc!r}", file=sys.stderr)
            return revoke_rest(results[position:]), retried, True
{{#else}}
            # Collect all: propagate=False returns a failed job's exception
            # instead of raising it, so every job gets reported.
            value = result.get(timeout=remaining, propagate=False)
        except ResultTimeout:
            print(f"stopped: no result within {TIMEOUT_S:g} s", file=sys.stderr)
            return failed + revoke_rest(results[position:]), retried, True
        if not result.successful():
            # A failed job returns its exception; an expired one, TaskRevokedError.
            print(f"error: job {result.id}: {value!r}", file=sys.stderr)
            failed += 1
            continue
{{/if}}
        retried += value["retries"] > 0
    return failed, retried, False


def revoke_rest(results: list[AsyncResult]) -> int:
    """Revoke the jobs not finished yet.

    A revocation does not delete the queued message: it tells the workers
    running now, which keep it in memory (and in their --statedb file). A
    worker that never heard of it, started later or elsewhere without that
    file, would run the job; the expiry each job carries (see main()) stops
    that one too. Returns how many jobs are left without a collected result.
    """
    for result in results:
        if not result.ready():
            result.revoke()
            # Stop listening for its result, and drop it from the backend.
            result.forget()
    return len(results)


def main() -> int:
    start = time.perf_counter()
    # Fail early with a clear message when the broker is not reachable.
    try:
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=3)
    except OperationalError as exc:
        print(f"stopped: cannot reach the broker {BROKER_URL}: {exc}", file=sys.stderr)
        print(f"summary: items={COUNT} failed={COUNT} elapsed=0.00s")
        return 1
    # The with block waits for the worker process, so it cannot outlive us.
    # The worker writes to stderr, keeping this script's output readable.
    with subprocess.Popen(
        worker_command(), cwd=Path(__file__).parent, stdout=sys.stderr
    ) as worker:
        try:
            # delay() only queues the job and returns at once. Keep the
            # AsyncResult handles: they are the only way to the results.
            # expires: no one waits for a result after TIMEOUT_S, so a job
            # still queued then is dropped, not run, by whichever worker takes
            # it, now or later: unlike a revocation, the expiry travels in the
            # message itself.
            results = [
                process_item.apply_async((item,), expires=TIMEOUT_S)
                for item in range(COUNT)
            ]
            failed, retried, stopped = collect(results)
        finally:
            stop_worker(worker)
    # Close the broker and result-backend connections of this process.
    app.close()
    elapsed = time.perf_counter() - start
    print(f"{retried} jobs succeeded after a retry")
    print(f"summary: items={COUNT} failed={failed} elapsed={elapsed:.2f}s")
    # The exit status tells the truth: 1 when any job failed or the run stopped.
    return 1 if failed or stopped else 0


if __name__ == "__main__":
    sys.exit(main())
