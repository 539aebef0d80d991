"""Process a large collection in partitions with Dask on a local cluster.

Dask splits the data into partitions and runs one task per partition on a
cluster of worker processes. Here the cluster is local, so the script runs on
one machine; point the Client at a real scheduler address to use many.
The collection is a dask.bag of records computed by plain Python code; the
same cluster runs dask.array and dask.dataframe work (those need NumPy and
pandas: install dask[array] or dask[dataframe]).

Save it under a name other than dask.py: a file of that name would hide the
dask package from its own imports.

Run it:  python3 this_file.py
Settings come from environment variables (see CONFIGURATION below).
"""

from __future__ import annotations

{{#if cancel = yes and py < 3.11}}
import asyncio
{{/if}}
import os
import sys
import time

import dask.bag as db
{{#if cancel = yes}}
from dask.distributed import Client, LocalCluster, wait
{{#else}}
from dask.distributed import Client, LocalCluster
{{/if}}

# ---------------------------------------------------------------------------
# CONFIGURATION (environment variables, with defaults)
# ---------------------------------------------------------------------------
# How many records the bag holds.
COUNT = int(os.environ.get("PYCONC_COUNT", "200000"))
# Worker processes; 0 means one per CPU.
WORKERS = int(os.environ.get("PYCONC_WORKERS", "0"))
# Records per partition: each partition is one task, so a partition should
# take well over the ~1 ms of scheduling overhead a task costs.
PARTITION_SIZE = 10_000
# The dashboard listens on this address; port 0 picks a free port. It stays on
# 127.0.0.1 so it is not reachable from other machines.
DASHBOARD_ADDRESS = "127.0.0.1:0"
{{#if cancel = yes}}
# Give up on the computation after this many seconds.
TIMEOUT_S = float(os.environ.get("PYCONC_TIMEOUT", "120"))
{{/if}}


def collatz_steps(n: int) -> int:
    """Count the Collatz steps from n + 1 down to 1 (a stand-in for your code).

    It runs inside the worker processes. Defined in the script you run (or in
    a notebook cell, or as a lambda), Dask sends it by value with cloudpickle;
    imported from a module, by reference, and the workers import that module.
    """
    n += 1
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def print_summary(failed: int, start: float) -> None:
    elapsed = time.perf_counter() - start
    print(f"summary: items={COUNT} failed={failed} elapsed={elapsed:.2f}s")


def main() -> int:
    workers = WORKERS or os.cpu_count() or 1
    partitions = max(1, COUNT // PARTITION_SIZE)
    start = time.perf_counter()
    # Both context managers shut down the client, the workers and the
    # scheduler on exit, even after an error (leak pitfall).
    with LocalCluster(
        n_workers=workers,
        # One thread per worker process: the work is pure Python, so more
        # threads in a process would only take turns on its GIL.
        threads_per_worker=1,
        dashboard_address=DASHBOARD_ADDRESS,
    ) as cluster, Client(cluster) as client:
        # The dashboard shows tasks, workers and memory while the job runs
        # (it needs the bokeh package).
        print(f"dashboard: {client.dashboard_link}")
        # db.range() creates each partition inside a worker, so the client
        # never holds the whole collection.
        steps = db.range(COUNT, npartitions=partitions).map(collatz_steps)
        # Nothing has run yet: these are lazy task graphs. client.compute()
        # starts both on the cluster and returns futures.
        futures = client.compute([steps.sum(), steps.max()])
{{#if cancel = yes}}
        try:
            wait(futures, timeout=TIMEOUT_S)
{{#if py < 3.11}}
        # Before 3.11, asyncio (which Dask uses) had its own TimeoutError.
        except (TimeoutError, asyncio.TimeoutError):
{{#else}}
        except TimeoutError:
{{/if}}
            # cancel() drops the tasks not started yet and forgets the
            # results. A task already running is not interrupted: it keeps its
            # worker thread busy until it returns. Here the with block then
            # shuts the cluster down, which ends the worker processes too.
            client.cancel(futures)
            print(f"stopped: timed out after {TIMEOUT_S:g} s", file=sys.stderr)
            print_summary(COUNT, start)
            return 1
{{/if}}
        try:
            total_steps, longest_run = client.gather(futures)
        except Exception as exc:  # noqa: BLE001 - any task error fails the result
            # One result depends on every partition, so one failed task fails
            # it. For independent items, use client.map() and as_completed()
            # to collect every error instead.
            print(f"stopped: {exc!r}", file=sys.stderr)
            print_summary(COUNT, start)
            return 1
    print(f"{COUNT} records in {partitions} partitions on {workers} workers")
    print(f"mean steps {total_steps / COUNT:.1f}, longest {longest_run}")
    print_summary(0, start)
    return 0


# Main-guard pitfall: the local workers are started with spawn and import this
# file; without the guard each would try to start a cluster of its own.
if __name__ == "__main__":
    sys.exit(main())
