"""Run many external commands concurrently with asyncio, a bounded number at once.

asyncio starts child processes itself (create_subprocess_exec) and the loop
reads every command's output as it comes: no worker thread per command. Only
waiting for a child to exit can take a small helper thread, one per running
command before 3.12 and on macOS (none on Linux from 3.12, which uses a pidfd). A
semaphore bounds how many run at once, so a long list cannot start thousands of
processes.
{{#if input = stream}}
Items come from a generator (a stand-in for a stream) through a bounded queue, so
memory stays flat however long the stream is.
{{/if}}

Run it:  python3 asyncio_subprocess.py      (standard library only)
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
{{#if input = stream}}
from collections.abc import Iterator
{{/if}}

# --- Configuration (environment variables) ------------------------------------
COUNT = int(os.environ.get("PYCONC_COUNT", "200"))
# The most commands running at once. Each is a process of its own: size this to
# what the machine (and the program you run) can take.
CONCURRENCY = int(os.environ.get("PYCONC_WORKERS") or "8")
# The command, a stand-in for the tool you drive: here, Python printing a line.
COMMAND = (sys.executable, "-c", "import sys; print('item', sys.argv[1])")
# Seconds one command may run before it is killed.
COMMAND_TIMEOUT = 30.0
# Self-test hook, used by this template's test suite and harmless otherwise:
# PYCONC_FAULT=fail:N makes command N exit with status 3, bug:N raise TypeError.
FAULT = os.environ.get("PYCONC_FAULT", "")
# -------------------------------------------------------------------------------


class CommandFailed(Exception):
    """A command exited with a non-zero status."""


{{#if py >= 3.11}}
# The errors that count as "this item failed". Anything else (TypeError,
# KeyError...) is a bug: it stops the run with its traceback.
ITEM_ERRORS = (OSError, CommandFailed, TimeoutError)
{{#else}}
# The errors that count as "this item failed". Anything else (TypeError,
# KeyError...) is a bug: it stops the run with its traceback.
ITEM_ERRORS = (OSError, CommandFailed, asyncio.TimeoutError)
{{/if}}


def arguments(item: int) -> list[str]:
    """The command line for one item (no shell: nothing in it is interpreted)."""
    kind, _, which = FAULT.partition(":")
    if which == str(item):
        if kind == "fail":
            return [sys.executable, "-c", "raise SystemExit(3)"]
        if kind == "bug":
            raise TypeError(f"item {item}: a bug")
    return [*COMMAND, str(item)]


async def run_command(item: int) -> bytes:
    """Run one command, read its output, and return it."""
    proc = await asyncio.create_subprocess_exec(
        *arguments(item), stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        # communicate() reads stdout and stderr to the end while it waits:
        # reading one pipe at a time can deadlock once the other fills up.
{{#if py >= 3.11}}
        async with asyncio.timeout(COMMAND_TIMEOUT):
            out, err = await proc.communicate()
{{#else}}
        out, err = await asyncio.wait_for(proc.communicate(), COMMAND_TIMEOUT)
{{/if}}
    except BaseException:
        # Timed out or cancelled: kill the child and reap it, so no process
        # outlives the program (and no zombie stays behind).
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
        raise
    if proc.returncode != 0:
        raise CommandFailed(f"item {item}: exit status {proc.returncode}: {err.decode(errors='replace')[-200:]}")
    return out


class Stats:
    """Counters. Only coroutines on the loop's thread touch them: no lock."""

    def __init__(self) -> None:
        self.ok = 0
        self.errors: list[BaseException] = []


async def handle(limit: asyncio.Semaphore, stats: Stats, item: int) -> None:
    async with limit:
        try:
            await run_command(item)
        except ITEM_ERRORS as exc:
{{#if fail = all}}
            # Collect-all: note the failure and go on.
            stats.errors.append(exc)
            return
{{#else}}
            # Fail fast: note the failure; raising it stops the others.
            stats.errors.append(exc)
            raise
{{/if}}
    stats.ok += 1
{{#if input = stream}}


def item_ids() -> Iterator[int]:
    """Stand-in for an endless source: a log tail, a message queue."""
    yield from range(COUNT)
{{/if}}


async def run(stats: Stats) -> None:
    limit = asyncio.Semaphore(CONCURRENCY)
{{#if input = stream}}
    # Workers take items from a bounded queue: memory stays flat.
    queue: asyncio.Queue[int | None] = asyncio.Queue(maxsize=CONCURRENCY * 2)

    async def produce() -> None:
        for item in item_ids():
            await queue.put(item)
        for _ in range(CONCURRENCY):
            await queue.put(None)

    async def consume() -> None:
        while (item := await queue.get()) is not None:
            await handle(limit, stats, item)

    coroutines = [produce(), *(consume() for _ in range(CONCURRENCY))]
{{#else}}
    coroutines = [handle(limit, stats, item) for item in range(COUNT)]
{{/if}}
{{#if py >= 3.11}}
    # TaskGroup keeps a reference to every task and cancels the rest at the
    # first error (a bug, or a failure under fail-fast).
    try:
        async with asyncio.TaskGroup() as group:
            for coroutine in coroutines:
                group.create_task(coroutine)
    except* ITEM_ERRORS:
        pass  # already in stats.errors; a bug propagates
{{#else}}
    tasks = [asyncio.create_task(c) for c in coroutines]
    try:
        await asyncio.gather(*tasks)
    except ITEM_ERRORS:
        pass  # already in stats.errors; a bug propagates
    finally:
        # gather() leaves the other tasks running after an error: cancel them
        # and wait, so no child process outlives the run. A cancellation can get
        # lost (before 3.12, wait_for() drops one that lands as its operation
        # finishes), so repeat it until every task is done.
        pending = set(tasks)
        while pending:
            for task in pending:
                task.cancel()
            _, pending = await asyncio.wait(pending, timeout=1.0)
{{/if}}


async def main() -> int:
    started = time.perf_counter()
    stats = Stats()
    await run(stats)
    # Every error is reported, not only the first ones (like `make -k`).
    for error in stats.errors:
        print(f"error: {error!r}", file=sys.stderr)
    items = stats.ok + len(stats.errors)
    print(f"summary: items={items} failed={len(stats.errors)} elapsed={time.perf_counter() - started:.2f}s")
    # The exit status tells the truth: 1 when any command failed.
    return 1 if stats.errors else 0


if __name__ == "__main__":
{{#if where in [notebook, aweb]}}
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        pass  # No loop runs in this thread: a plain script starts its own below.
    else:
        # Pasted into a Jupyter cell, this runs inside the kernel's event loop,
        # where asyncio.run() raises RuntimeError. Await the coroutine instead.
        raise SystemExit("An event loop is already running here: await the work in a cell instead.")
{{/if}}
    # On Windows, subprocesses need the Proactor event loop, the default there
    # since 3.8.
    sys.exit(asyncio.run(main()))
