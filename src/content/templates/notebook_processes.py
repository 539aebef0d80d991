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
from concurrent.futures import ProcessPoolExecutor

# The module next to the notebook; reload it after editing the cell above.
sys.path.insert(0, os.getcwd())
import pyconc_work

importlib.reload(pyconc_work)

COUNT = int(os.environ.get("PYCONC_COUNT", "400"))
# One worker per CPU this kernel may use (process_cpu_count() from 3.13).
WORKERS = getattr(os, "process_cpu_count", os.cpu_count)() or 1

# %% [markdown]
# Create the pool once and reuse it across cells: starting worker processes
# costs time. `pool.shutdown()` at the end (or restarting the kernel) ends them.

# %%
{{#if shared = yes}}
pool = ProcessPoolExecutor(max_workers=WORKERS, initializer=pyconc_work.load_table)
{{#else}}
pool = ProcessPoolExecutor(max_workers=WORKERS)
{{/if}}

# %%
# map() blocks this cell until every result is in; chunksize sends the blocks
# in batches, one pickle round trip per batch.
started = time.perf_counter()
counts = list(pool.map(pyconc_work.count_primes, range(COUNT), chunksize=16))
print(f"{sum(counts)} primes in {COUNT} blocks, {time.perf_counter() - started:.2f}s")

# %% [markdown]
# The kernel already runs an event loop, so a cell can `await` directly (no
# `asyncio.run()`, which would fail inside a running loop). Awaiting the pool's
# futures keeps the kernel responsive while the workers compute.

# %%
loop = asyncio.get_running_loop()
started = time.perf_counter()
futures = [loop.run_in_executor(pool, pyconc_work.count_primes, block) for block in range(COUNT)]
results = await asyncio.gather(*futures)  # noqa: F704, PLE1142 - top-level await in a notebook cell
elapsed = time.perf_counter() - started
failed = sum(1 for a, b in zip(results, counts) if a != b)
print(f"summary: items={len(results)} failed={failed} elapsed={elapsed:.2f}s")

# %%
pool.shutdown()
