"""Read and hash many files from asyncio code, with the reads done in worker threads.

File I/O never truly suspends an event loop: the operating system reports a
regular file as always ready, so a read simply blocks the thread that makes it.
asyncio has no `asyncio.open()`. The honest fix is to hand each read to a
worker thread and await the result, which is what this file does. The aiofiles
package wraps the same idea (a thread pool) in an `async with aiofiles.open()` API.
{{#if input = stream}}
Paths come from a lazy directory walk through a bounded queue, so memory stays
flat however many files there are.
{{/if}}

Run (standard library only):
    python asyncio_files.py                       # hashes sample files in a temp folder
    PYCONC_DIR=/path/to/folder python asyncio_files.py
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import sys
import tempfile
import time
{{#if fail = all}}
from collections.abc import Awaitable, Iterator
{{#else}}
from collections.abc import Iterator
{{/if}}
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

# --- Configuration (environment variables) ------------------------------------
# A folder of input files, read recursively. When unset, sample files are
# written to a temporary folder that is deleted at the end.
INPUT_DIR = os.environ.get("PYCONC_DIR", "")
# How many sample files to create when PYCONC_DIR is unset.
COUNT = int(os.environ.get("PYCONC_COUNT", "200"))
SAMPLE_SIZE = 64 * 1024
{{#if py < 3.11}}
# Files are read and hashed in chunks of this size.
CHUNK = 1024 * 1024
{{/if}}
# Threads doing the reads, which is also the most reads in flight. A disk gains
# little from more; a network file system may gain from a few more.
WORKERS = int(os.environ.get("PYCONC_WORKERS") or "8")
{{#if cancel = yes}}
# Seconds one file may take to read and hash (a hung network mount, say)
# before it counts as failed.
READ_TIMEOUT = 10.0
{{/if}}
{{#if input = stream}}
# Paths waiting between the directory walk and the workers.
QUEUE_SIZE = WORKERS * 2
{{/if}}
# -------------------------------------------------------------------------------

# The errors that count as "this file failed" (missing, unreadable, too slow).
# Anything else is a bug and should surface as a traceback.
{{#if py >= 3.11}}
FILE_ERRORS = (OSError, TimeoutError)
{{#else}}
FILE_ERRORS = (OSError, asyncio.TimeoutError)
{{/if}}


# Self-test hook, used by this template's test suite and harmless otherwise:
# PYCONC_FAULT=fail:N makes item N fail as a lost connection would, bug:N raise
# TypeError as a bug would.
FAULT = os.environ.get("PYCONC_FAULT", "")


def inject_fault(item: object) -> None:
    """The self-test hook (see FAULT). Delete it in your own code."""
    kind, _, which = FAULT.partition(":")
    if not which or which not in (str(item), getattr(item, "stem", None)):
        return
    if kind == "fail":
        raise ConnectionResetError(f"item {item}: connection reset")
    if kind == "bug":
        raise TypeError(f"item {item}: a bug")


class Stats:
    """Counters shared by all tasks.

    No lock is needed: they are only touched by coroutines on the event loop's
    thread, never by the worker threads.
    """

    def __init__(self) -> None:
        self.ok = 0
        self.errors: list[BaseException] = []
{{#if fail = all}}


async def collect(stats: Stats, work: Awaitable[None]) -> None:
    """Collect-all: await one item and note its failure instead of raising it.

    Only the expected errors are caught: a bug (TypeError, KeyError...) is not
    an item failure, and it stops the run with its traceback.
    """
    try:
        await work
    except FILE_ERRORS as exc:
        stats.errors.append(exc)
{{/if}}


{{#if py >= 3.11}}
def digest(path: Path) -> str:
    """The blocking step, in a worker thread: hash one file.

    file_digest() reads the file a chunk at a time, so a large file never sits
    in memory whole, and hashlib releases the GIL while it hashes.
    """
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()
{{#else}}
def digest(path: Path) -> str:
    """The blocking step, in a worker thread: hash one file, CHUNK at a time.

    Reading in chunks keeps a large file from sitting in memory whole (from
    3.11, hashlib.file_digest() does this), and hashlib releases the GIL while
    it hashes.
    """
    hasher = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            hasher.update(chunk)
    return hasher.hexdigest()
{{/if}}


{{#if py >= 3.9}}
async def hash_file(path: Path) -> str:
    # to_thread() runs the read and the hash in the loop's default executor,
    # which main() replaced with a sized pool of its own. Hashing in the thread
    # too keeps a big file from stalling the loop.
    return await asyncio.to_thread(digest, path)
{{#else}}
async def hash_file(path: Path, pool: ThreadPoolExecutor) -> str:
    # run_in_executor() with an explicit pool: passing None would use a default
    # pool whose size and shutdown you do not control. Hashing in the thread
    # too keeps a big file from stalling the loop.
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(pool, digest, path)
{{/if}}


{{#if py >= 3.9}}
async def handle(path: Path, stats: Stats) -> None:
{{#else}}
async def handle(path: Path, stats: Stats, pool: ThreadPoolExecutor) -> None:
{{/if}}
    """Hash one file in a worker thread."""
    inject_fault(path)
{{#if cancel = yes}}
    # On timeout the await is cancelled, but the thread cannot be: a stuck read
    # keeps its worker busy until the operating system gives up.
{{#if py >= 3.11}}
    async with asyncio.timeout(READ_TIMEOUT):
        await hash_file(path)
{{#elif py >= 3.9}}
    await asyncio.wait_for(hash_file(path), READ_TIMEOUT)
{{#else}}
    await asyncio.wait_for(hash_file(path, pool), READ_TIMEOUT)
{{/if}}
{{#elif py >= 3.9}}
    await hash_file(path)
{{#else}}
    await hash_file(path, pool)
{{/if}}
    stats.ok += 1


def walk(folder: Path) -> Iterator[Path]:
    """Yield the files under folder, lazily."""
    for path in folder.rglob("*"):
        if path.is_file():
            yield path


{{#if py >= 3.9}}
{{#if input = stream}}
async def produce(queue: asyncio.Queue[Path | None], folder: Path) -> None:
    """Feed the workers from the walk, then tell each of them to stop."""
    # Each step of the walk blocks the loop, but only briefly (one directory
    # entry at a time).
    for path in walk(folder):
        # put() waits while the queue is full: this is the backpressure.
        await queue.put(path)
    for _ in range(WORKERS):
        await queue.put(None)


async def consume(queue: asyncio.Queue[Path | None], stats: Stats) -> None:
    """One of WORKERS workers: the worker count bounds the reads in flight."""
    while True:
        path = await queue.get()
        if path is None:
            return
{{#if fail = all}}
        try:
            await handle(path, stats)
        except FILE_ERRORS as exc:
            # Collect-all: note the error and carry on with the next file.
            stats.errors.append(exc)
{{#else}}
        # Fail-fast: an error ends this worker and, through the caller, all the others.
        await handle(path, stats)
{{/if}}
{{#else}}
async def handle_bounded(limit: asyncio.Semaphore, path: Path, stats: Stats) -> None:
    # Only WORKERS files are being read at once; the other tasks wait here, not
    # in the pool's queue, so a timeout starts counting when the read starts.
    async with limit:
        await handle(path, stats)
{{/if}}
{{#else}}
{{#if input = stream}}
async def produce(queue: asyncio.Queue[Path | None], folder: Path) -> None:
    """Feed the workers from the walk, then tell each of them to stop."""
    # Each step of the walk blocks the loop, but only briefly (one directory
    # entry at a time).
    for path in walk(folder):
        # put() waits while the queue is full: this is the backpressure.
        await queue.put(path)
    for _ in range(WORKERS):
        await queue.put(None)


async def consume(
    queue: asyncio.Queue[Path | None], stats: Stats, pool: ThreadPoolExecutor
) -> None:
    """One of WORKERS workers: the worker count bounds the reads in flight."""
    while True:
        path = await queue.get()
        if path is None:
            return
{{#if fail = all}}
        try:
            await handle(path, stats, pool)
        except FILE_ERRORS as exc:
            # Collect-all: note the error and carry on with the next file.
            stats.errors.append(exc)
{{#else}}
        # Fail-fast: an error ends this worker and, through the caller, all the others.
        await handle(path, stats, pool)
{{/if}}
{{#else}}
async def handle_bounded(
    limit: asyncio.Semaphore, path: Path, stats: Stats, pool: ThreadPoolExecutor
) -> None:
    # Only WORKERS files are being read at once; the other tasks wait here, not
    # in the pool's queue, so a timeout starts counting when the read starts.
    async with limit:
        await handle(path, stats, pool)
{{/if}}
{{/if}}


{{#if py >= 3.9}}
async def run(folder: Path, stats: Stats) -> None:
{{#else}}
async def run(folder: Path, stats: Stats, pool: ThreadPoolExecutor) -> None:
{{/if}}
{{#if input = stream}}
    queue: asyncio.Queue[Path | None] = asyncio.Queue(maxsize=QUEUE_SIZE)
{{#if fail = fast}}
{{#if py >= 3.11}}
    # TaskGroup keeps a reference to every task (an unreferenced task can be
    # garbage-collected mid-run) and cancels the rest as soon as one fails.
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(produce(queue, folder))
            for _ in range(WORKERS):
                group.create_task(consume(queue, stats))
    except* FILE_ERRORS as failure:
        stats.errors.extend(failure.exceptions)
{{#else}}
    # The list keeps a reference to every task: an unreferenced task can be
    # garbage-collected mid-run.
    tasks = [asyncio.create_task(produce(queue, folder))]
{{#if py >= 3.9}}
    tasks += [asyncio.create_task(consume(queue, stats)) for _ in range(WORKERS)]
{{#else}}
    tasks += [asyncio.create_task(consume(queue, stats, pool)) for _ in range(WORKERS)]
{{/if}}
    try:
        await run_fail_fast(tasks)
    except FILE_ERRORS:
        stats.errors.extend(failures(tasks))
{{/if}}
{{#else}}
    # gather() wraps each coroutine in a task and keeps a reference to it until it
    # ends (an unreferenced task can be garbage-collected mid-run).
    await asyncio.gather(
        produce(queue, folder),
{{#if py >= 3.9}}
        *(consume(queue, stats) for _ in range(WORKERS)),
{{#else}}
        *(consume(queue, stats, pool) for _ in range(WORKERS)),
{{/if}}
    )
{{/if}}
{{#else}}
    # Walking a big tree blocks too, so the listing also runs in a worker thread.
{{#if py >= 3.9}}
    paths = await asyncio.to_thread(sorted, walk(folder))
{{#else}}
    paths = await asyncio.get_running_loop().run_in_executor(pool, sorted, walk(folder))
{{/if}}
    limit = asyncio.Semaphore(WORKERS)
{{#if fail = fast}}
{{#if py >= 3.11}}
    # TaskGroup keeps a reference to every task (an unreferenced task can be
    # garbage-collected mid-run) and cancels the rest as soon as one fails.
    try:
        async with asyncio.TaskGroup() as group:
            for path in paths:
                group.create_task(handle_bounded(limit, path, stats))
    except* FILE_ERRORS as failure:
        stats.errors.extend(failure.exceptions)
{{#else}}
    # The list keeps a reference to every task: an unreferenced task can be
    # garbage-collected mid-run.
{{#if py >= 3.9}}
    tasks = [asyncio.create_task(handle_bounded(limit, path, stats)) for path in paths]
{{#else}}
    tasks = [asyncio.create_task(handle_bounded(limit, path, stats, pool)) for path in paths]
{{/if}}
    try:
        await run_fail_fast(tasks)
    except FILE_ERRORS:
        stats.errors.extend(failures(tasks))
{{/if}}
{{#elif py >= 3.11}}
    # TaskGroup keeps a reference to every task. collect() notes the expected
    # failures; the first bug cancels the other tasks and stops the run.
    async with asyncio.TaskGroup() as group:
        for path in paths:
            group.create_task(collect(stats, handle_bounded(limit, path, stats)))
{{#else}}
    # The list keeps a reference to every task. collect() notes the expected
    # failures; the first bug cancels the other tasks and stops the run.
{{#if py >= 3.9}}
    tasks = [asyncio.create_task(collect(stats, handle_bounded(limit, path, stats))) for path in paths]
{{#else}}
    tasks = [asyncio.create_task(collect(stats, handle_bounded(limit, path, stats, pool))) for path in paths]
{{/if}}
    await run_fail_fast(tasks)
{{/if}}
{{/if}}


{{#if py < 3.11}}
async def run_fail_fast(tasks: list[asyncio.Task[None]]) -> None:
    """Wait for all tasks; at the first error, cancel the others and re-raise it."""
    try:
        await asyncio.gather(*tasks)
    finally:
        # gather() raises the first error but leaves the other tasks running.
        # Cancel them and wait until they have stopped. A cancellation can get
        # lost (before 3.12, wait_for() drops one that lands just as its
        # operation finishes), so repeat it until every task is done.
        # TaskGroup (3.11+) does all of this for you.
        pending = set(tasks)
        while pending:
            for task in pending:
                task.cancel()
            _, pending = await asyncio.wait(pending, timeout=1.0)


{{#if fail = fast}}
def failures(tasks: list[asyncio.Task[None]]) -> list[BaseException]:
    errors = []
    for task in tasks:
        if not task.cancelled() and task.exception() is not None:
            errors.append(task.exception())
    return errors


{{/if}}
{{/if}}
{{#if py >= 3.9 and where in [notebook, aweb]}}
async def hash_all(folder: Path) -> Stats:
    # Awaited where a loop already runs (a notebook's, a web server's): that
    # loop is not yours, so its default executor, which asyncio.to_thread()
    # uses, stays as its owner set it. run() still keeps at most WORKERS reads
    # in flight.
    stats = Stats()
    await run(folder, stats)
    return stats


async def hash_all_own_loop(folder: Path) -> Stats:
    # Run by asyncio.run() in main(): this loop is the script's own, so its
    # default executor becomes a pool of a known size; asyncio.run() shuts it
    # down when the loop ends.
    loop = asyncio.get_running_loop()
    loop.set_default_executor(ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="file-io"))
    return await hash_all(folder)
{{#elif py >= 3.9}}
async def hash_all(folder: Path) -> Stats:
    # asyncio.to_thread() uses the loop's default executor. Replace it with a
    # pool of a known size; asyncio.run() shuts it down when the loop ends.
    loop = asyncio.get_running_loop()
    loop.set_default_executor(ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="file-io"))
    stats = Stats()
    await run(folder, stats)
    return stats
{{#else}}
async def hash_all(folder: Path, pool: ThreadPoolExecutor) -> Stats:
    stats = Stats()
    await run(folder, stats, pool)
    return stats
{{/if}}


def write_samples(folder: Path, count: int) -> None:
    for i in range(count):
        (folder / f"{i}.bin").write_bytes(os.urandom(SAMPLE_SIZE))


{{> input_folder}}


def report(stats: Stats, elapsed: float) -> None:
    # Every error is reported, not only the first ones (like `make -k`).
    for error in stats.errors:
        print(f"error: {error!r}", file=sys.stderr)
    items = stats.ok + len(stats.errors)
    print(f"summary: items={items} failed={len(stats.errors)} elapsed={elapsed:.2f}s")


def main() -> int:
    with input_folder() as folder:
        started = time.perf_counter()
{{#if py >= 3.9 and where in [notebook, aweb]}}
        stats = asyncio.run(hash_all_own_loop(folder))
{{#elif py >= 3.9}}
        stats = asyncio.run(hash_all(folder))
{{#else}}
        # `with` shuts the pool down (and joins its threads) once the loop is done.
        with ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="file-io") as pool:
            stats = asyncio.run(hash_all(folder, pool))
{{/if}}
        elapsed = time.perf_counter() - started
    report(stats, elapsed)
    # The exit status tells the truth: 1 when any item failed.
    return 1 if stats.errors else 0


{{#if where in [notebook, aweb]}}
# A notebook or an async web framework already runs an event loop, and asyncio.run()
# raises RuntimeError inside a running loop. There, await the coroutine instead:
#
{{#if py >= 3.9}}
#     stats = await hash_all(Path("data"))    # in a Jupyter cell
#
# That loop is not yours, so hash_all() leaves its default executor alone;
# only main(), on the loop it starts itself, sizes it to WORKERS.
{{#else}}
#     with ThreadPoolExecutor(max_workers=WORKERS) as pool:
#         stats = await hash_all(Path("data"), pool)    # in a Jupyter cell
{{/if}}
#
# As a script, the file still starts its own loop:
{{/if}}
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
    sys.exit(main())
