"""A Tkinter window that runs heavy work in a pool and stays responsive.

Tk runs everything (drawing, clicks, timers) on one thread, the UI thread: work
done there freezes the window. So the button hands the jobs to a
{{#if model = processes}}
process pool (pure-Python CPU work: one GIL per worker process),
{{#else}}
thread pool (work that releases the GIL, such as hashlib, zlib or NumPy, and
blocking calls),
{{/if}}
and the results come back to the UI thread through a queue that an `after`
timer reads. Widgets are touched only from the UI thread: tkinter hands a call
made from another thread to the UI thread, or raises RuntimeError if it is not
in mainloop() (other toolkits, such as Qt or GTK, may crash instead). The
button is disabled while jobs run, and errors are shown in the window.

Closing the window cancels the jobs that have not started and asks the running
ones to stop (they check a stop flag), so the process exits at once instead of
running the queued work with no window.
{{#if model = processes}}

A worker process that dies (a segfault in native code, an out-of-memory kill)
breaks the pool, and every job in it fails. The window then shows it, replaces
the pool, and runs the jobs that failed with it again one at a time in a pool
of one worker: the one that crashes again is named as failed, the others finish.
{{/if}}

Run it:  python3 gui_tk.py          (standard library only)
Self-test: PYCONC_SELFTEST=1 clicks the button, counts how often the UI
thread's timer ticks during the work, prints a summary and quits;
PYCONC_SELFTEST=close closes the window mid-run.
{{#if model = processes}}
PYCONC_SELFTEST=crash:N makes job N crash its worker, then runs a second round.
{{/if}}
"""

from __future__ import annotations

import os

# Native libraries (OpenBLAS, MKL, OpenMP) would start one thread per core in
# every worker and every call. Set before NumPy (or SciPy...) is imported.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

{{#if model = threads}}
import hashlib
{{#else}}
import ctypes
import multiprocessing
{{/if}}
import queue
import sys
{{#if model = threads}}
import threading
{{/if}}
import time
import tkinter as tk
{{#if model = threads}}
from concurrent.futures import Future, ThreadPoolExecutor
{{#else}}
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
{{/if}}
from tkinter import ttk

# --- Configuration (environment variables) ------------------------------------
# How many jobs one click starts, and how long each one computes, in seconds.
JOBS = int(os.environ.get("PYCONC_COUNT", "8"))
JOB_SECONDS = float(os.environ.get("PYCONC_JOB_SECONDS", "0.5"))
# Workers in the pool; 0 means one per CPU this process may use.
WORKERS = int(os.environ.get("PYCONC_WORKERS", "0")) or getattr(os, "process_cpu_count", os.cpu_count)() or 1
# How often the UI thread looks for finished jobs, in milliseconds.
POLL_MS = 50
# The self-test ("1", "close" or "crash:N"), used by this template's test suite
# and harmless otherwise.
SELFTEST = os.environ.get("PYCONC_SELFTEST", "")
{{#if model = processes}}
# How worker processes start. Tk and the pool run threads, and fork would copy a
# process that runs threads: that can deadlock (3.12+ warns under -W default or
# -X dev). forkserver (the Linux default from 3.14) starts workers from a clean
# helper process; macOS and Windows use spawn.
START_METHOD = "forkserver" if sys.platform == "linux" else None
{{#if crash = yes and py >= 3.11}}
# No max_tasks_per_child (3.11+) here: a click submits all its jobs at once, and
# a pool given more than workers x max_tasks_per_child tasks at once can stop
# starting new workers and hang (CPython gh-115634, in 3.11 to 3.13 releases
# before mid-2026). Against leaks, restart the app, or submit in small batches.
{{/if}}
{{/if}}
# -------------------------------------------------------------------------------


{{#if model = threads}}
# Set when the window closes: running jobs check it and return early.
STOP = threading.Event()


def job(index: int, seconds: float) -> str | None:
    """Hashing for about `seconds`; hashlib releases the GIL, so the UI thread
    keeps running while worker threads compute."""
    block = os.urandom(1 << 20)
    digest = hashlib.sha256()
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        if STOP.is_set():
            return None
        digest.update(block)
    return digest.hexdigest()[:12]
{{#else}}
# Set in each worker by init_worker(): the window's stop flag, which running
# jobs check so that closing the window ends them.
STOP = None
{{#if shared = yes}}
# The large read-only object every job reads (a model, an index). Each worker
# process loads it once, in the pool's initializer: passed with each job, it
# would be pickled and copied every time.
_table: list[int] = []
{{/if}}


def init_worker(stop: object) -> None:
    """Pool initializer: runs once in each worker process, before its first job."""
    global STOP
    STOP = stop
{{#if shared = yes}}
    global _table
    _table = [(n * 2_654_435_761) % 1_000_003 for n in range(1_000_000)]
{{/if}}


def job(index: int, seconds: float) -> int | None:
    """Pure-Python CPU work for about `seconds`, in a worker process.

    Module level, because the pool sends it to workers by name.
    """
    if SELFTEST == f"crash:{index}":
        ctypes.string_at(0)  # reads address 0: a segfault, as a broken C extension would
    deadline = time.perf_counter() + seconds
    value = 0
    while time.perf_counter() < deadline:
        if STOP.is_set():
            return None
        for n in range(10_000):
{{#if shared = yes}}
            value = (value * 31 + _table[n]) % 1_000_000_007
{{#else}}
            value = (value * 31 + n) % 1_000_000_007
{{/if}}
    return value


def make_pool(workers: int, stop: object) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(START_METHOD),
        initializer=init_worker,
        initargs=(stop,),
    )
{{/if}}


class App:
    """The window. Every method runs on the UI thread, except _done()."""

    def __init__(self, root: tk.Tk) -> None:
        self.root = root
{{#if model = threads}}
        self.pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="work")
{{#else}}
        # The workers' stop flag, made by the pools' start method.
        self.stop = multiprocessing.get_context(START_METHOD).Event()
        self.pool = make_pool(WORKERS, self.stop)
        # A pool of one worker, where jobs that failed with a broken pool run
        # again one at a time, to find the one that crashed.
        self.alone: ProcessPoolExecutor | None = None
        self.suspects: list[int] = []
        self.retrying: int | None = None
{{/if}}
        # Finished futures with their job numbers, handed from the pool's
        # threads to the UI thread.
        self.finished: queue.Queue[tuple[int, Future]] = queue.Queue()
{{#if model = threads}}
        self.pending: dict[int, tuple[Future, ThreadPoolExecutor]] = {}
{{#else}}
        self.pending: dict[int, tuple[Future, ProcessPoolExecutor]] = {}
{{/if}}
        self.next_job = 1
        self.done = self.failed = 0
        self.rounds = 0
        self.ticks = 0
        self.started = 0.0
        root.title("Pool jobs")
        root.protocol("WM_DELETE_WINDOW", self.close)
        self.button = ttk.Button(root, text=f"Run {JOBS} jobs", command=self.start)
        self.button.pack(padx=12, pady=8)
        self.progress = ttk.Progressbar(root, length=240, maximum=JOBS)
        self.progress.pack(padx=12, pady=4)
        self.status = ttk.Label(root, text="Ready")
        self.status.pack(padx=12, pady=4)
{{#if model = processes}}
        self.pool_status = ttk.Label(root, text="Pool: ready")
        self.pool_status.pack(padx=12, pady=4)
{{/if}}
        # Errors are shown here, not only on stderr, which a GUI user never sees.
        self.errors = tk.Listbox(root, width=60, height=5)
        self.errors.pack(padx=12, pady=8)
        # A heartbeat: it only runs if the UI thread is free.
        root.after(10, self.tick)

    def tick(self) -> None:
        self.ticks += 1
        self.root.after(10, self.tick)

    def start(self) -> None:
        """The button's command: submit the jobs, never wait for them here."""
        self.button.state(["disabled"])
        self.done, self.failed = 0, 0
        self.rounds += 1
        self.progress["value"] = 0
        self.status["text"] = "Working..."
        self.ticks = 0
        self.started = time.perf_counter()
        for _ in range(JOBS):
            self.submit(self.next_job)
            self.next_job += 1
        self.root.after(POLL_MS, self.poll)

{{#if model = threads}}
    def submit(self, index: int, pool: ThreadPoolExecutor | None = None) -> None:
{{#else}}
    def submit(self, index: int, pool: ProcessPoolExecutor | None = None) -> None:
{{/if}}
        pool = pool or self.pool
{{#if model = processes}}
        try:
            future = pool.submit(job, index, JOB_SECONDS)
        except BrokenProcessPool:
            # A worker died while the pool was idle: the job never ran. Replace
            # the pool and submit it there.
            fresh = make_pool(1 if pool is self.alone else WORKERS, self.stop)
            if pool is self.alone:
                self.alone = fresh
            else:
                self.pool = fresh
            pool.shutdown()
            pool = fresh
            future = pool.submit(job, index, JOB_SECONDS)
{{#else}}
        future = pool.submit(job, index, JOB_SECONDS)
{{/if}}
        self.pending[index] = (future, pool)
        # The callback runs in a pool thread: it touches no widget, only the
        # thread-safe queue.
        future.add_done_callback(lambda f, i=index: self.finished.put((i, f)))

    def show_error(self, text: str) -> None:
        self.errors.insert(tk.END, text)
        self.errors.see(tk.END)
        print(f"error: {text}", file=sys.stderr)

    def poll(self) -> None:
        """On the UI thread: take the finished jobs and update the widgets."""
        while True:
            try:
                index, future = self.finished.get_nowait()
            except queue.Empty:
                break
            if future.cancelled():
                continue
            error = future.exception()
{{#if model = processes}}
            if isinstance(error, BrokenProcessPool):
                self.pool_broken(index)
                continue
{{/if}}
            del self.pending[index]
{{#if model = processes}}
            if index == self.retrying:
                self.retrying = None  # it ran alone without a crash
{{/if}}
            if error is None:
                self.done += 1
            else:
                self.failed += 1
                self.show_error(f"job {index}: {error!r}")
            self.progress["value"] = self.done + self.failed
{{#if model = processes}}
        self.retry_next()
{{/if}}
        if self.pending:
            self.root.after(POLL_MS, self.poll)
            return
        elapsed = time.perf_counter() - self.started
        self.status["text"] = f"{self.done} done, {self.failed} failed in {elapsed:.1f} s"
        self.button.state(["!disabled"])
        if SELFTEST and SELFTEST != "close":
            # The heartbeat fires every 10 ms when the UI thread is free.
            print(f"ui ticks: {self.ticks} in {elapsed:.2f}s")
{{#if model = processes}}
            print(f"pool status: {self.pool_status['text']}")
{{/if}}
            print(f"summary: items={self.done + self.failed} failed={self.failed} elapsed={elapsed:.2f}s")
            if SELFTEST.startswith("crash:") and self.rounds == 1:
                self.button.invoke()  # a second round, on the new pool
            else:
                self.root.destroy()
{{#if model = processes}}

    def pool_broken(self, index: int) -> None:
        """A job failed because a worker died, maybe its own, maybe another's."""
        _, pool = self.pending.pop(index)
        if pool is self.alone:
            # Alone in its pool, it broke it again: this is the job that crashes.
            self.alone, self.retrying = None, None
            pool.shutdown()  # its worker is gone: returns at once
            self.failed += 1
            self.show_error(f"job {index}: its worker process died (segfault, out-of-memory kill)")
            self.progress["value"] = self.done + self.failed
            return
        if pool is self.pool:
            # The first job to report the break replaces the pool for all.
            # (Quick on the UI thread: workers start at the first submit.)
            self.pool = make_pool(WORKERS, self.stop)
            pool.shutdown()
            self.pool_status["text"] = "Pool: a worker died; replaced, running its jobs again one at a time"
        # Which job killed the worker is not known: run each again, alone.
        self.suspects.append(index)

    def retry_next(self) -> None:
        """Run the next suspect alone, once the last one has finished."""
        if self.retrying is not None or not self.suspects:
            if self.retrying is None and not self.suspects and self.pool_status["text"].startswith("Pool: a worker"):
                self.pool_status["text"] = "Pool: ok (replaced after a worker died)"
            return
        if self.alone is None:
            self.alone = make_pool(1, self.stop)
        self.retrying = self.suspects.pop(0)
        self.submit(self.retrying, self.alone)
{{/if}}

    def close(self) -> None:
        """The window's close button: cancel what has not started, ask the
        running jobs to stop, and leave without waiting for them."""
        # What shutdown(cancel_futures=True) does from 3.9, by hand (3.8 too);
        # main() shuts the pool down once the window is gone (shutting a pool
        # down twice can break its manager thread on 3.8).
        cancelled = sum(future.cancel() for future, _ in self.pending.values())
{{#if model = threads}}
        STOP.set()
{{#else}}
        self.stop.set()
{{/if}}
        if SELFTEST == "close":
            print(f"closed: {cancelled} of {len(self.pending)} unfinished jobs cancelled before they started", flush=True)
        self.root.destroy()


def main() -> int:
    root = tk.Tk()
    app = App(root)
    if SELFTEST:
        root.after(200, app.button.invoke)
    if SELFTEST == "close":
        root.after(500, app.close)
    root.mainloop()
    # The window is gone. Wait for the pool's workers, which the stop flag has
    # ended (a job that never checks it would hold the exit until it returns).
    app.pool.shutdown()
{{#if model = processes}}
    if app.alone is not None:
        app.alone.shutdown()
{{/if}}
    return 1 if app.failed else 0


# The guard matters: with forkserver and spawn, worker processes import this
# file, and must not open windows of their own.
if __name__ == "__main__":
    sys.exit(main())
