# %% [markdown]
# # Pure-Python CPU work on every core, from a Jupyter notebook
#
# A process pool runs the work in other processes, one GIL each. Those workers
# must find the work function by name. Under fork (Linux up to Python 3.13) they
# inherit it from the kernel; under spawn or forkserver (macOS, Windows, Linux
# from 3.14) they import it, and a function defined in a cell cannot be
# imported. So the first cell writes the worker functions to a small module
# next to this notebook, `pyconc_work.py`, and the pool uses it from there: the
# same code works on every platform. (In a project, keep that module in your
# package instead.)
#
# This file is in the jupytext "percent" format: open it with Jupyter's
# jupytext extension, or paste the cells into a notebook.

# %%
from pathlib import Path

Path("pyconc_work.py").write_text('''
"""Worker functions for the notebook's process pool (importable by name)."""
{{#if crash = yes}}

import ctypes
import os
{{/if}}


{{#if shared = yes}}
# The large read-only object every task reads (a stand-in for a loaded model
# or index; here, a table of the primes up to 1,100): each worker loads it
# once, in the pool's initializer, instead of receiving it with every task.
PRIMES = []


def load_table() -> None:
    """Pool initializer: runs once in each worker process, before its first task."""
    global PRIMES
    PRIMES = [p for p in range(3, 1_100, 2) if all(p % d for d in range(3, int(p**0.5) + 1, 2))]


{{/if}}
def count_primes(block: int, size: int = 500) -> int:
    """Count the primes of one block of numbers, in plain Python."""
{{#if crash = yes}}
    if os.environ.get("PYCONC_FAULT") == f"crash:{block}":
        # Self-test hook (delete it in your own code): a segfault, as a broken
        # C extension would cause.
        ctypes.string_at(0)
{{/if}}
    start = 1_000_000 + block * size
    count = 0
    for n in range(start, start + size):
{{#if shared = yes}}
        if n % 2 and all(n % p for p in PRIMES if p * p <= n):
{{#else}}
        if n % 2 and all(n % d for d in range(3, int(n**0.5) + 1, 2)):
{{/if}}
            count += 1
    return count
''')

# %%
{{#if blas in [yes, unsure]}}
import os

# Native libraries (OpenBLAS, MKL, OpenMP) start one thread per core in every
# worker process: with a full pool that is cores x cores threads. Allow one per
# worker. This must run before NumPy (or SciPy...) is first imported in this
# kernel; the workers inherit the setting. If NumPy is already imported,
# restart the kernel and run this cell first.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import asyncio
import importlib
import sys
{{#else}}
import asyncio
import importlib
import os
import sys
{{/if}}
import time
{{#if crash = yes}}
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
{{#else}}
from concurrent.futures import ProcessPoolExecutor
{{/if}}

# The module next to the notebook; reload it after editing the cell above.
sys.path.insert(0, os.getcwd())
import pyconc_work

importlib.reload(pyconc_work)

COUNT = int(os.environ.get("PYCONC_COUNT", "400"))
# One worker per CPU this kernel may use (process_cpu_count() from 3.13).
WORKERS = getattr(os, "process_cpu_count", os.cpu_count)() or 1
{{#if crash = yes and py >= 3.11}}
# No max_tasks_per_child (3.11+) here: run_blocks() submits every block at once,
# and a pool given more than workers x max_tasks_per_child tasks at once can
# stop starting new workers and hang (CPython gh-115634, in 3.11 to 3.13
# releases before mid-2026). Against leaks, restart the kernel.
{{/if}}

# %% [markdown]
# Create the pool once and reuse it across cells: starting worker processes
# costs time. `pool.shutdown()` at the end (or restarting the kernel) ends them.
{{#if crash = yes}}
# A worker that dies (a segfault in native code, an out-of-memory kill) breaks
# the pool for good: `run_blocks()` then replaces it, and runs the blocks that
# failed with it again one at a time, alone, to name the one that crashed.
{{#else}}
# A worker that dies (a segfault, an out-of-memory kill) breaks the pool for
# good: every later submit raises BrokenProcessPool. Run this cell again.
{{/if}}

# %%
def make_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers,
{{#if shared = yes}}
        initializer=pyconc_work.load_table,
{{/if}}
    )


pool = make_pool(WORKERS)
{{#if crash = yes}}


def run_blocks(blocks):
    """Count the primes of every block in the pool: {block: count}. A block
    whose worker died is reported and left out."""
    global pool
    futures = {pool.submit(pyconc_work.count_primes, block): block for block in blocks}
    counts, suspects = {}, []
    for future in as_completed(futures):
        try:
            counts[futures[future]] = future.result()
        except BrokenProcessPool:
            suspects.append(futures[future])
    if suspects:
        # Every block in flight failed with the pool; which one killed it is
        # not known. Replace the pool, then run each again alone.
        print(f"a worker process died: pool replaced, {len(suspects)} blocks run again one at a time")
        pool.shutdown()  # its workers are gone: returns at once
        pool = make_pool(WORKERS)
        alone = make_pool(1)
        for block in sorted(suspects):
            try:
                counts[block] = alone.submit(pyconc_work.count_primes, block).result()
            except BrokenProcessPool:
                print(f"error: block {block}: its worker process died (segfault, out-of-memory kill)")
                alone.shutdown()
                alone = make_pool(1)
        alone.shutdown()
    return counts
{{/if}}

# %%
{{#if crash = yes}}
# This cell waits until every block is done (or named as crashed).
started = time.perf_counter()
counts = run_blocks(range(COUNT))
elapsed = time.perf_counter() - started
print(f"{sum(counts.values())} primes in {len(counts)} blocks, {elapsed:.2f}s")
print(f"summary: items={COUNT} failed={COUNT - len(counts)} elapsed={elapsed:.2f}s")
{{#else}}
# map() blocks this cell until every result is in; chunksize sends the blocks
# in batches, one pickle round trip per batch.
started = time.perf_counter()
counts = dict(enumerate(pool.map(pyconc_work.count_primes, range(COUNT), chunksize=16)))
print(f"{sum(counts.values())} primes in {COUNT} blocks, {time.perf_counter() - started:.2f}s")
{{/if}}

# %% [markdown]
# The kernel already runs an event loop, so a cell can `await` directly (no
# `asyncio.run()`, which would fail inside a running loop). Awaiting the pool's
# futures keeps the kernel responsive while the workers compute.

# %%
# The blocks counted above, again, each checked against the first count.
loop = asyncio.get_running_loop()
started = time.perf_counter()
blocks = sorted(counts)
futures = [loop.run_in_executor(pool, pyconc_work.count_primes, block) for block in blocks]
results = await asyncio.gather(*futures)  # noqa: F704, PLE1142 - top-level await in a notebook cell
elapsed = time.perf_counter() - started
failed = sum(1 for block, result in zip(blocks, results) if result != counts[block])
print(f"summary: items={len(results)} failed={failed} elapsed={elapsed:.2f}s")

# %%
pool.shutdown()
