# Which Python concurrency model? — Tkinter window: work in a thread pool, results back on the UI thread
# Link: https://example.invalid/?v=2&work=ext&scale=one&where=gui&py=3.12&os=win&cores=2-4&task=short&data=small&shared=no&input=list&state=simple&blas=no&crash=no&cancel=yes&fail=all
# Your answers:
#   Workload: Computing in C libraries
#   Scale: One machine
#   Runs in: Desktop GUI
#   Python: 3.12
#   OS: Windows
#   Cores: 2 to 4
#   Task length: Milliseconds to seconds
#   Task data: Small values
#   Large shared object: No
#   Input: Fits in memory
#   Shared state: A little
#   Library threads: No
#   Crash risk: No
#   Cancellation: Yes
#   On failure: Finish the rest
# Content version: 2.0.0 (2026-11-30)

"""A Tkinter window that runs heavy work in a pool and stays responsive.

Tk runs everything (drawing, clicks, timers) on one thread, the UI thread: work
done there freezes the window. So the button hands the jobs to a
thread pool (work that releases the GIL, such as hashlib, zlib or NumPy, and
blocking calls),
and the results come back to the UI thread through a queue that an `after`
timer reads. Widgets are touched only from the UI thread: Tk (like Qt, GTK or
wx) is not thread-safe, and a widget changed from a worker thread can crash
the program or corrupt the window. The button is disabled while jobs run.

Run it:  python3 gui_tk.py
(Standard library only. PYCONC_SELFTEST=1 clicks the button, counts how often
the UI thread's timer ticks during the work, prints a summary and quits.)
"""

from __future__ import annotations

import os

# Native libraries (OpenBLAS, MKL, OpenMP) would start one thread per core in
# every worker and every call. Set before NumPy (or SciPy...) is imported.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import hashlib
import queue
import sys
import time
import tkinter as tk
from concurrent.futures import Future, ThreadPoolExecutor
from tkinter import ttk

# --- Configuration (environment variables) ------------------------------------
# How many jobs one click starts, and how long each one computes, in seconds.
JOBS = int(os.environ.get("PYCONC_COUNT", "8"))
JOB_SECONDS = float(os.environ.get("PYCONC_JOB_SECONDS", "0.5"))
# Workers in the pool; 0 means one per CPU this process may use.
WORKERS = int(os.environ.get("PYCONC_WORKERS", "0")) or getattr(os, "process_cpu_count", os.cpu_count)() or 1
# How often the UI thread looks for finished jobs, in milliseconds.
POLL_MS = 50
SELFTEST = os.environ.get("PYCONC_SELFTEST") == "1"
# -------------------------------------------------------------------------------


def job(seconds: float) -> str:
    """Hashing for about `seconds`; hashlib releases the GIL, so the UI thread
    keeps running while worker threads compute."""
    block = os.urandom(1 << 20)
    digest = hashlib.sha256()
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        digest.update(block)
    return digest.hexdigest()[:12]


class App:
    """The window. Every method runs on the UI thread, except _done()."""

    def __init__(self, root: tk.Tk, pool: ThreadPoolExecutor) -> None:
        self.root = root
        self.pool = pool
        # Finished futures, handed from the pool's threads to the UI thread.
        self.finished: queue.Queue[Future] = queue.Queue()
        self.running = 0
        self.done = self.failed = 0
        self.ticks = 0
        self.started = 0.0
        root.title("Pool jobs")
        self.button = ttk.Button(root, text=f"Run {JOBS} jobs", command=self.start)
        self.button.pack(padx=12, pady=8)
        self.progress = ttk.Progressbar(root, length=240, maximum=JOBS)
        self.progress.pack(padx=12, pady=4)
        self.status = ttk.Label(root, text="Ready")
        self.status.pack(padx=12, pady=8)
        # A heartbeat: it only runs if the UI thread is free.
        root.after(10, self.tick)

    def tick(self) -> None:
        self.ticks += 1
        self.root.after(10, self.tick)

    def start(self) -> None:
        """The button's command: submit the jobs, never wait for them here."""
        self.button.state(["disabled"])
        self.running, self.done, self.failed = JOBS, 0, 0
        self.progress["value"] = 0
        self.status["text"] = "Working..."
        self.ticks = 0
        self.started = time.perf_counter()
        for _ in range(JOBS):
            self.pool.submit(job, JOB_SECONDS).add_done_callback(self._done)
        self.root.after(POLL_MS, self.poll)

    def _done(self, future: Future) -> None:
        # Runs in a pool thread: touch no widget here, only the thread-safe queue.
        self.finished.put(future)

    def poll(self) -> None:
        """On the UI thread: take the finished jobs and update the widgets."""
        while True:
            try:
                future = self.finished.get_nowait()
            except queue.Empty:
                break
            self.running -= 1
            if future.exception() is None:
                self.done += 1
            else:
                self.failed += 1
                print(f"error: {future.exception()!r}", file=sys.stderr)
            self.progress["value"] = self.done + self.failed
        if self.running:
            self.root.after(POLL_MS, self.poll)
            return
        elapsed = time.perf_counter() - self.started
        self.status["text"] = f"{self.done} done, {self.failed} failed in {elapsed:.1f} s"
        self.button.state(["!disabled"])
        if SELFTEST:
            # The heartbeat fires every 10 ms when the UI thread is free.
            print(f"ui ticks: {self.ticks} in {elapsed:.2f}s")
            print(f"summary: items={JOBS} failed={self.failed} elapsed={elapsed:.2f}s")
            self.root.destroy()


def main() -> int:
    pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="work")
    root = tk.Tk()
    try:
        app = App(root, pool)
        if SELFTEST:
            root.after(200, app.button.invoke)
        root.mainloop()
    finally:
        # Closing the window mid-run: wait for the submitted jobs to end.
        pool.shutdown(wait=True)
    return 1 if app.failed else 0


# The guard matters: with forkserver and spawn, worker processes import this
# file, and must not open windows of their own.
if __name__ == "__main__":
    sys.exit(main())
