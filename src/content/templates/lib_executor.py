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

Run the example:  python3 lib_executor.py
"""

from __future__ import annotations

{{#if model = threads}}
import hashlib
{{/if}}
import os
import sys
import time
from collections.abc import Iterable, Iterator
{{#if model = processes}}
from concurrent.futures import Executor, Future, ProcessPoolExecutor
{{#else}}
from concurrent.futures import Executor, Future, ThreadPoolExecutor
{{/if}}
from itertools import islice

{{#if model = processes and shared = yes}}
__all__ = ["checksum", "checksum_all", "load_table"]
{{#else}}
__all__ = ["checksum", "checksum_all"]
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
    source = iter(blobs)
    pending: list[Future] = [executor.submit(checksum, b) for b in islice(source, limit)]
    try:
        while pending:
            future = pending.pop(0)
            result = future.result()
            for blob in islice(source, 1):
                pending.append(executor.submit(checksum, blob))
            yield result
    finally:
        # The caller stopped early or an error was raised: cancel what has not
        # started. The executor is the caller's: never shut it down here.
        for future in pending:
            future.cancel()


# ---------------------------------------------------------------------------
# An example caller: a program that owns its pool and passes it in.
# ---------------------------------------------------------------------------
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


# The guard matters: a process pool's workers (spawn, forkserver) import this file.
if __name__ == "__main__":
    sys.exit(main())
