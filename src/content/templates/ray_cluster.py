"""Run tasks and a stateful actor with Ray.

Ray schedules remote functions (tasks) and remote classes (actors) over the
CPUs of a cluster. For the demo, ray.init() starts a local Ray instance on
this machine; set PYCONC_RAY_ADDRESS to join a running cluster instead, and
the same code spreads over its machines. Each task runs a small simulation
in plain Python and reports to one actor, which keeps the running totals.

Save it under a name other than ray.py: a file of that name would hide the
ray package from its own imports.

Run it:  python3 this_file.py
Settings come from environment variables (see CONFIGURATION below).
"""

from __future__ import annotations

import logging
import os
import random
import sys
import time

import ray
from ray.exceptions import RayError, RayTaskError

# ---------------------------------------------------------------------------
# CONFIGURATION (environment variables, with defaults)
# ---------------------------------------------------------------------------
# How many tasks to run.
COUNT = int(os.environ.get("PYCONC_COUNT", "200"))
# CPUs the local Ray instance may use; 0 lets Ray count them.
WORKERS = int(os.environ.get("PYCONC_WORKERS", "0"))
# Address of an existing Ray cluster ("auto", or ray://host:10001); when
# unset, a local instance is started and stopped by this script.
RAY_ADDRESS = os.environ.get("PYCONC_RAY_ADDRESS") or None
# Stop waiting after this many seconds.
TIMEOUT_S = float(os.environ.get("PYCONC_TIMEOUT", "120"))
# Random-walk steps per task: a few milliseconds of Python.
STEPS = 10_000


@ray.remote
class Totals:
    """An actor: one process that owns some state.

    Ray runs the calls of one actor one at a time, so its state needs no lock,
    and every task in the cluster can reach it through its handle.
    """

    def __init__(self) -> None:
        self.tasks = 0
        self.distance = 0.0

    def record(self, distance: float) -> None:
        self.tasks += 1
        self.distance += distance

    def snapshot(self) -> tuple[int, float]:
        return self.tasks, self.distance


@ray.remote
def random_walk(seed: int, totals: ray.actor.ActorHandle) -> float:
    """A task: walk randomly in 2-D and return the final distance from 0.

    Replace the body with your own work. Ray sends it to the workers with
    cloudpickle: by value when it is defined in the script you run or in a
    notebook cell, by reference (the workers import it) from a module.
    """
    rng = random.Random(seed)
    x = y = 0.0
    for _ in range(STEPS):
        x += rng.uniform(-1.0, 1.0)
        y += rng.uniform(-1.0, 1.0)
    distance = (x * x + y * y) ** 0.5
    # Wait until the actor has the value, so the totals are complete once
    # every task has returned.
    ray.get(totals.record.remote(distance), timeout=TIMEOUT_S)
    return distance


def run(totals: ray.actor.ActorHandle) -> tuple[int, int, bool]:
    """Submit the tasks and collect their results.

    Returns (tasks submitted, tasks failed, whether the run stopped early).
    """
{{#if input = stream}}
    # Stream pitfall: submitting everything at once would queue the whole
    # input. Keep at most `limit` tasks in flight and submit the next one
    # when a result arrives (backpressure).
    limit = 2 * int(ray.available_resources().get("CPU", 1))
    source = iter(range(COUNT))
    pending = []
    for seed in source:
        pending.append(random_walk.remote(seed, totals))
        if len(pending) >= limit:
            break
{{#else}}
    # .remote() returns an ObjectRef at once; the task runs in the cluster.
    pending = [random_walk.remote(seed, totals) for seed in range(COUNT)]
{{/if}}
    taken = len(pending)
    failed = 0
    deadline = time.monotonic() + TIMEOUT_S
    while pending:
        remaining = max(0.0, deadline - time.monotonic())
        # ray.wait() returns as soon as one result is ready, in any order.
        done, pending = ray.wait(pending, num_returns=1, timeout=remaining)
        if not done:
            print(f"stopped: no result within {TIMEOUT_S:g} s", file=sys.stderr)
            cancel(pending)
            return taken, failed + len(pending), True
        try:
            ray.get(done[0], timeout=TIMEOUT_S)
        except RayError as exc:
            failed += 1
{{#if fail = fast}}
            # Fail fast: cancel every task still queued or running.
            print(f"stopped: a task failed: {describe(exc)}", file=sys.stderr)
            cancel(pending)
            return taken, failed + len(pending), True
{{#else}}
            # Collect all: report the error and go on with the others.
            print(f"error: {describe(exc)}", file=sys.stderr)
{{/if}}
{{#if input = stream}}
        seed = next(source, None)
        if seed is not None:
            pending.append(random_walk.remote(seed, totals))
            taken += 1
{{/if}}
    return taken, failed, False


def describe(exc: RayError) -> str:
    """One line for an error: the task's own exception, without Ray's traceback."""
    if isinstance(exc, RayTaskError):
        return repr(exc.cause)
    return repr(exc)


def cancel(refs: list) -> None:
    """Cancel tasks: queued ones never start, running ones are interrupted."""
    for ref in refs:
        ray.cancel(ref)


def main() -> int:
    start = time.perf_counter()
    if RAY_ADDRESS:
        ray.init(address=RAY_ADDRESS, logging_level=logging.WARNING)
    else:
        # The dashboard is left out of the demo: it needs extra packages and a
        # port. Drop include_dashboard=False to get it.
        ray.init(
            num_cpus=WORKERS or None,
            include_dashboard=False,
            logging_level=logging.WARNING,
        )
    # ray.shutdown() disconnects and stops a local instance with its worker
    # processes, even after an error (leak pitfall).
    try:
        totals = Totals.remote()
        taken, failed, stopped = run(totals)
        tasks, distance = ray.get(totals.snapshot.remote(), timeout=TIMEOUT_S)
    finally:
        ray.shutdown()
    elapsed = time.perf_counter() - start
    mean = distance / tasks if tasks else 0.0
    print(f"{tasks} walks recorded by the actor, mean distance {mean:.1f}")
    print(f"summary: items={taken} failed={failed} elapsed={elapsed:.2f}s")
    # The exit status tells the truth: 1 when any task failed or the run stopped.
    return 1 if failed or stopped else 0


if __name__ == "__main__":
    sys.exit(main())
