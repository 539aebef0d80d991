"""A library function that runs its work on the caller's executor.

A library does not know the program it runs in: a web server with pools of its
own, a notebook, a GUI, a CLI. So it never creates a global pool, never picks a
start method, never sizes anything for the machine: it accepts an `executor`
argument (any concurrent.futures.Executor) and uses it. The caller decides
{{#if model = processes}}
threads or processes; this library's work is pure-Python CPU work, so the
example below passes a ProcessPoolExecutor. The function it submits is
module-level, so it pickles by name.
{{#else}}
threads or processes; this library's work releases the GIL (hashlib), so the
example below passes a ThreadPoolExecutor.
{{/if}}
Without an executor, it runs in the caller's thread: simple, and never worse
than a pool nobody asked for.
{{#if model = processes}}

A worker process that dies (a segfault in native code, an out-of-memory kill)
breaks the caller's pool for good. The library cannot replace a pool it does
not own: it raises WorkerDied, a clear error that names the blobs in flight,
and the caller decides what to do (the example below runs each of them again
alone, in a pool of one worker, to find the one that crashes).
{{/if}}

Run the example:  python3 lib_executor.py
"""

from __future__ import annotations

{{#if model = threads}}
import hashlib
{{/if}}
{{#if model = processes and crash = yes}}
import ctypes
{{/if}}
import os
import sys
import time
from collections.abc import Iterable, Iterator
{{#if model = processes}}
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
{{#else}}
from concurrent.futures import Executor, Future, ThreadPoolExecutor
{{/if}}
from itertools import islice

{{#if model = processes and shared = yes}}
__all__ = ["WorkerDied", "checksum", "checksum_all", "load_table"]
{{#elif model = processes}}
__all__ = ["WorkerDied", "checksum", "checksum_all"]
{{#else}}
__all__ = ["checksum", "checksum_all"]
{{/if}}
{{#if model = processes}}


class WorkerDied(RuntimeError):
    """A worker process of the caller's executor died (a segfault in native
    code, an out-of-memory kill). The executor is broken for good: every later
    submit fails, so make a new one. `blobs` are the positions (from 0, in input
    order) of the blobs that were in flight: one of them, or something else in
    that worker, killed it."""

    def __init__(self, blobs: list[int]) -> None:
        super().__init__(
            f"a worker process of the executor died with blobs {blobs[0]}-{blobs[-1]} in flight; "
            "the executor is broken: make a new one"
        )
        self.blobs = blobs
{{/if}}
{{#if model = processes and crash = yes}}


# Self-test hook, used by this template's test suite: a blob of these bytes
# makes checksum() crash its worker, as a broken C extension would. Delete it.
CRASH_BLOB = b"pyconc self-test: crash"
{{/if}}


{{#if model = processes}}
{{#if shared = yes}}
# The large read-only object every call reads (a stand-in for a model or an
# index). In a process pool each worker loads it once: the caller passes
# load_table as the pool's initializer (see main()), so it is never sent with
# each task. Without a pool, the first call loads it in the caller's process.
_table: list[int] = []


def load_table() -> None:
    """Load the table in this process; pass it to ProcessPoolExecutor(initializer=...)."""
    global _table
    if not _table:
        _table = [(n * 2_654_435_761) % 65521 for n in range(1 << 20)]


def checksum(data: bytes) -> int:
    """The library's unit of work: a pure-Python checksum (holds the GIL)."""
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError(f"checksum() needs bytes, not {type(data).__name__}")
{{#if crash = yes}}
    if data == CRASH_BLOB:
        ctypes.string_at(0)  # reads address 0: a segfault
{{/if}}
    load_table()
    a, b = 1, 0
    for byte in data:
        a = (a + _table[byte]) % 65521
        b = (b + a) % 65521
    return (b << 16) | a
{{#else}}
def checksum(data: bytes) -> int:
    """The library's unit of work: a pure-Python checksum (holds the GIL)."""
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError(f"checksum() needs bytes, not {type(data).__name__}")
{{#if crash = yes}}
    if data == CRASH_BLOB:
        ctypes.string_at(0)  # reads address 0: a segfault
{{/if}}
    a, b = 1, 0
    for byte in data:
        a = (a + byte) % 65521
        b = (b + a) % 65521
    return (b << 16) | a
{{/if}}
{{#else}}
def checksum(data: bytes) -> str:
    """The library's unit of work: SHA-256, which releases the GIL on large buffers."""
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError(f"checksum() needs bytes, not {type(data).__name__}")
    return hashlib.sha256(data).hexdigest()
{{/if}}


{{#if model = processes}}
def checksum_all(
    blobs: Iterable[bytes], *, executor: Executor | None = None, in_flight: int = 0
) -> Iterator[int]:
{{#else}}
def checksum_all(
    blobs: Iterable[bytes], *, executor: Executor | None = None, in_flight: int = 0
) -> Iterator[str]:
{{/if}}
    """Yield the checksum of each blob, in input order.

    executor: where to run the work; None runs it here, in the caller's thread.
    in_flight: the most blobs submitted and not yet yielded (0: 2 x 8). It keeps
        memory flat for a long or endless input, unlike Executor.map(), which
        submits everything first.

    The first exception of a blob is raised here, and the blobs not started yet
    are cancelled: the caller decides whether to go on.
    """
    if executor is None:
        yield from map(checksum, blobs)
        return
    limit = in_flight or 16
    source = enumerate(blobs)
    pending: list[tuple[int, Future]] = [(i, executor.submit(checksum, b)) for i, b in islice(source, limit)]
    try:
        while pending:
{{#if model = processes}}
            index, future = pending.pop(0)
            try:
                result = future.result()
            except BrokenProcessPool:
                raise WorkerDied([index, *(i for i, _ in pending)]) from None
{{#else}}
            _, future = pending.pop(0)
            result = future.result()
{{/if}}
            for i, blob in islice(source, 1):
                pending.append((i, executor.submit(checksum, blob)))
            yield result
    finally:
        # The caller stopped early or an error was raised: cancel what has not
        # started. The executor is the caller's: never shut it down here.
        for _, future in pending:
            future.cancel()


# ---------------------------------------------------------------------------
# An example caller: a program that owns its pool and passes it in.
# ---------------------------------------------------------------------------
{{#if model = processes and crash = yes}}
def make_pool(workers: int | None = None) -> ProcessPoolExecutor:
    """The caller's pool (the library never makes one)."""
    return ProcessPoolExecutor(
        max_workers=workers,
{{#if shared = yes}}
        initializer=load_table,
{{/if}}
{{#if py >= 3.11}}
        # Replace each worker process after this many tasks, so a leak in
        # native code cannot grow without end (3.11+; it starts workers with
        # spawn unless you pass mp_context).
        max_tasks_per_child=100,
{{/if}}
    )


def checksum_list(blobs: list[bytes]) -> tuple[dict[int, int], list[str]]:
    """The caller's side of a crash: when WorkerDied names the blobs in flight,
    run each again alone in a pool of one worker (the one that crashes again is
    named), then go on with a new pool after them."""
    results: dict[int, int] = {}
    errors: list[str] = []
    start = 0
    while start < len(blobs):
        with make_pool() as pool:
            try:
                for i, value in enumerate(checksum_all(blobs[start:], executor=pool), start):
                    results[i] = value
                break
            except WorkerDied as exc:
                suspects = [start + i for i in exc.blobs]
        alone = make_pool(1)
        try:
            for i in suspects:
                try:
                    results[i] = next(checksum_all([blobs[i]], executor=alone))
                except WorkerDied:
                    errors.append(f"item {i}: its worker process died (segfault, out-of-memory kill)")
                    alone.shutdown()  # broken: its worker is gone
                    alone = make_pool(1)
        finally:
            alone.shutdown()
        start = suspects[-1] + 1
    return results, errors


def main() -> int:
    count = int(os.environ.get("PYCONC_COUNT", "200"))
    blobs = [os.urandom(64 * 1024) for _ in range(count)]
    started = time.perf_counter()
    # Self-test hook: PYCONC_FAULT=bug:N makes blob N not bytes, a caller's bug,
    # which must surface as a TypeError, not be counted and skipped;
    # PYCONC_FAULT=crash:N makes blob N crash its worker process.
    kind, _, which = os.environ.get("PYCONC_FAULT", "").partition(":")
    if kind == "bug":
        blobs[int(which)] = str(blobs[int(which)])  # type: ignore[call-overload]
    if kind == "crash":
        blobs[int(which)] = CRASH_BLOB
    # The caller, not the library, limits native library threads (OpenBLAS,
    # MKL, OpenMP) to one per worker process, so N workers do not start N x N
    # threads. Workers started by spawn or forkserver read these at start-up.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.environ.setdefault("MKL_NUM_THREADS", "1")
    results, errors = checksum_list(blobs)
    # The same call without an executor runs in this thread.
    assert list(checksum_all([b"abc"])) == [checksum(b"abc")]
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    elapsed = time.perf_counter() - started
    print(f"summary: items={len(results) + len(errors)} failed={len(errors)} elapsed={elapsed:.2f}s")
    return 1 if errors else 0
{{#else}}
def main() -> int:
    count = int(os.environ.get("PYCONC_COUNT", "200"))
    blobs = (os.urandom(64 * 1024) for _ in range(count))
    started = time.perf_counter()
    # Self-test hook (PYCONC_FAULT=bug:N): blob N is not bytes, a caller's bug,
    # which must surface as a TypeError, not be counted and skipped.
    kind, _, which = os.environ.get("PYCONC_FAULT", "").partition(":")
    if kind == "bug":
        blobs = (b if i != int(which) else str(b) for i, b in enumerate(blobs))  # type: ignore[misc]
{{#if model = processes}}
    # The caller, not the library, limits native library threads (OpenBLAS,
    # MKL, OpenMP) to one per worker process, so N workers do not start N x N
    # threads. Workers started by spawn or forkserver read these at start-up.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.environ.setdefault("MKL_NUM_THREADS", "1")
{{#if shared = yes}}
    with ProcessPoolExecutor(initializer=load_table) as pool:
{{#else}}
    with ProcessPoolExecutor() as pool:
{{/if}}
{{#else}}
    with ThreadPoolExecutor() as pool:
{{/if}}
        results = list(checksum_all(blobs, executor=pool))
    # The same call without an executor runs in this thread.
    assert list(checksum_all([b"abc"])) == [checksum(b"abc")]
    print(f"summary: items={len(results)} failed=0 elapsed={time.perf_counter() - started:.2f}s")
    return 0
{{/if}}


# The guard matters: a process pool's workers (spawn, forkserver) import this file.
if __name__ == "__main__":
    sys.exit(main())
