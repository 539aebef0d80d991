"""Hash and compress many blobs of data with a ThreadPoolExecutor.

hashlib and zlib do their work in C and release the GIL while they run, so
threads of one process use several cores at once, with no pickling and no
copies. The same holds for many NumPy operations on large arrays. A
sequential run on a small sample is timed first, so the summary line can show
the speedup the pool gives.

Run it:  python3 this_file.py
Settings come from environment variables (see CONFIGURATION below).
"""

from __future__ import annotations

{{#if blas in [yes, unsure]}}
import os

# NumPy's BLAS (OpenBLAS, MKL) and OpenMP start a thread per core for each call.
# The pool already runs one call per core, so each call gets one thread, or the
# cores are oversubscribed. These variables are read once, when the library
# loads: they must be set here, before NumPy (or SciPy, PyTorch...) is imported.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

{{/if}}
import contextlib
import hashlib
{{#if not blas in [yes, unsure]}}
import os
{{/if}}
import sys
{{#if cancel = yes or state != none}}
import threading
{{/if}}
import time
import zlib
from collections.abc import Iterable, Iterator
{{#if input = stream}}
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
{{#else}}
from concurrent.futures import ThreadPoolExecutor
{{/if}}
{{#if cancel = yes and py < 3.11}}
from concurrent.futures import TimeoutError as FuturesTimeoutError
{{/if}}
from itertools import islice
from pathlib import Path
{{#if blas in [yes, unsure]}}

import numpy as np
from threadpoolctl import threadpool_info
{{/if}}

# ---------------------------------------------------------------------------
# CONFIGURATION (environment variables, with defaults)
# ---------------------------------------------------------------------------
# How many blobs to process (generated in memory when PYCONC_DIR is unset).
COUNT = int(os.environ.get("PYCONC_COUNT", "200"))
# A folder of input files to hash and compress instead of generated data.
INPUT_DIR = os.environ.get("PYCONC_DIR")
# Worker threads; 0 means one per CPU.
WORKERS = int(os.environ.get("PYCONC_WORKERS", "0"))
{{#if cancel = yes}}
# Give up on the whole run after this many seconds.
TIMEOUT_S = float(os.environ.get("PYCONC_TIMEOUT", "60"))
{{/if}}
# Size of each generated blob, in bytes.
BLOB_SIZE = 256 * 1024
# Data goes to hashlib and zlib in pieces of this size. hashlib releases the GIL
# only for inputs of 2048 bytes or more, so keep pieces well above that.
PIECE = 64 * 1024
# How many items the sequential baseline processes (5% of the input).
SAMPLE = max(5, COUNT // 20)
{{#if py = 3.14 and input = stream}}
# Python 3.14 feature, checked at run time so the file also runs on older versions.
MAP_HAS_BUFFERSIZE = sys.version_info >= (3, 14)
{{/if}}
# The errors that mean "this item is bad" (unreadable, malformed). Any other
# exception (TypeError, KeyError...) is a bug: it stops the run with its traceback.
ITEM_ERRORS = (OSError, ValueError)
# Self-test hook, used by this template's test suite and harmless otherwise:
# PYCONC_FAULT=fail:N makes item N raise ValueError (a bad item), bug:N raise
# TypeError (a bug).
FAULT = os.environ.get("PYCONC_FAULT", "")
{{#if cancel = yes}}

# Threads cannot be killed from outside. Each task checks this flag between
# pieces and stops early once it is set (cooperative cancellation).
STOP = threading.Event()


class Stopped(Exception):
    """Raised inside a task that saw the STOP flag."""
{{/if}}
{{#if state != none}}


class Stats:
    """Totals shared by all worker threads.

    Shared-state pitfall: `self.bytes_in += n` reads, adds and writes in
    separate steps, so two threads can lose an update. The lock makes each
    update one step.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.bytes_in = 0
        self.bytes_out = 0

    def add(self, bytes_in: int, bytes_out: int) -> None:
        with self._lock:
            self.bytes_in += bytes_in
            self.bytes_out += bytes_out

    def reset(self) -> None:
        with self._lock:
            self.bytes_in = self.bytes_out = 0


STATS = Stats()
{{/if}}


# ---------------------------------------------------------------------------
# The work
# ---------------------------------------------------------------------------
def make_blob(index: int) -> bytes:
    """Build a sample blob: half random bytes, half repeating text."""
    text = f"item {index} compresses well. ".encode()
    half = BLOB_SIZE // 2
    return os.urandom(half) + (text * (half // len(text) + 1))[:half]


def pieces(item: int | Path) -> Iterator[bytes]:
    """The bytes of one input, PIECE at a time: a file of PYCONC_DIR is read in
    pieces, so a large file never sits in memory whole; or a generated blob."""
    if isinstance(item, Path):
        with item.open("rb") as f:
            while piece := f.read(PIECE):
                yield piece
        return
    blob = memoryview(make_blob(item))
    for offset in range(0, len(blob), PIECE):
        yield blob[offset : offset + PIECE]


def inject_fault(item: int | Path) -> None:
    """The self-test hook (see FAULT). Delete it in your own code."""
    kind, _, which = FAULT.partition(":")
    if not which or which not in (str(item), getattr(item, "stem", None)):
        return
    if kind == "fail":
        raise ValueError(f"item {item}: bad input")
    if kind == "bug":
        raise TypeError(f"item {item}: a bug")


def work(item: int | Path) -> tuple[str, int]:
    """Return the SHA-256 digest and the zlib-compressed size of one input.

    The calls below run in C without the GIL, which is why threads help here.
    Replace them with your own GIL-releasing calls (NumPy, Pillow, ...).
    """
    inject_fault(item)
    digest = hashlib.sha256()
    compressor = zlib.compressobj(6)
    size = compressed = 0
    for piece in pieces(item):
{{#if cancel = yes}}
        if STOP.is_set():
            raise Stopped(str(item))
{{/if}}
        size += len(piece)
        digest.update(piece)
        compressed += len(compressor.compress(piece))
{{#if blas in [yes, unsure]}}
        if size == PIECE:
            # A NumPy step on the first piece: a matrix product runs in BLAS,
            # without the GIL.
            matrix = np.frombuffer(piece, dtype=np.uint8).astype(np.float64).reshape(256, -1)
            digest.update((matrix @ matrix.T).tobytes())
{{/if}}
    compressed += len(compressor.flush())
{{#if state != none}}
    STATS.add(size, compressed)
{{/if}}
    return digest.hexdigest(), compressed
{{#if fail = all}}


def work_checked(item: int | Path) -> tuple[tuple[str, int] | None, str | None]:
    """Run work() and return (result, None), or (None, error text) if it raised.

    Collect-all policy: catching inside the task keeps one bad item from ending
    the whole map() iteration. A bug is not caught.
    """
    try:
        return work(item), None
    except ITEM_ERRORS as exc:
        # Only a bad item is caught: a bug propagates and stops the run.
        return None, f"item {item}: {exc!r}"


# The function the pool runs for each item.
TASK = work_checked
{{#else}}


# The function the pool runs for each item. Fail-fast policy: an exception in a
# task is re-raised here when its result is read.
TASK = work
{{/if}}


# ---------------------------------------------------------------------------
# Input
# ---------------------------------------------------------------------------
def input_items() -> Iterator[int | Path]:
    """Yield the files of PYCONC_DIR, or the numbers of the blobs to generate."""
    if INPUT_DIR:
{{#if input = stream}}
        # os.scandir() reads the folder lazily, never listing it all at once.
        with os.scandir(INPUT_DIR) as entries:
            for entry in entries:
                if entry.is_file():
                    yield Path(entry.path)
{{#else}}
        yield from sorted(p for p in Path(INPUT_DIR).iterdir() if p.is_file())
{{/if}}
    else:
        yield from range(COUNT)


{{> counted}}


# ---------------------------------------------------------------------------
# The pool
# ---------------------------------------------------------------------------
def worker_count() -> int:
    if WORKERS > 0:
        return WORKERS
    # The work runs on CPU cores: more threads than cores would only queue.
    # os.process_cpu_count() (3.13+) counts only the CPUs this process may use;
    # older versions fall back to os.cpu_count().
    return getattr(os, "process_cpu_count", os.cpu_count)() or 1
{{#if blas in [yes, unsure]}}


def blas_threads() -> int:
    """How many threads each BLAS call may use, as the loaded library reports it."""
    counts = [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]
    return max(counts, default=1)
{{/if}}
{{> thread_results}}


def main() -> int:
{{#if blas in [yes, unsure]}}
    # 1 unless OMP_NUM_THREADS & co. were set too late (after NumPy loaded).
    print(f"native threads per BLAS call: {blas_threads()}")
{{/if}}
{{#if task = tiny}}
    # Tiny-task pitfall: C code on a small buffer may keep the GIL (hashlib
    # does below 2048 bytes), and handing a task to a thread costs time too.
    # Group tiny items into larger buffers, or stay sequential.
{{/if}}
    workers = worker_count()
    sample_done, sample_s = time_sequential(islice(input_items(), SAMPLE))
{{#if state != none}}
    # The sample updated the shared totals too; start the real run from zero.
    STATS.reset()
{{/if}}
    items = Counted(input_items())
    ok = 0
{{#if fail = all}}
    errors: list[str] = []
{{/if}}
{{#if fail = fast or cancel = yes}}
    fatal: str | None = None
{{/if}}
    start = time.perf_counter()
    # The with block waits for every thread, so none outlives the run.
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="work") as executor:
{{#if fail = all and cancel = no}}
        for outcome in results(executor, items, workers):
            _value, error = outcome
            if error is None:
                ok += 1
            else:
                errors.append(error)
{{#else}}
        try:
{{#if fail = all}}
            for outcome in results(executor, items, workers):
                _value, error = outcome
                if error is None:
                    ok += 1
                else:
                    errors.append(error)
{{#else}}
            for _outcome in results(executor, items, workers):
                ok += 1
{{/if}}
{{/if}}
{{#if cancel = yes and py >= 3.11}}
        except TimeoutError:
{{#elif cancel = yes}}
        # Before 3.11, concurrent.futures raised its own TimeoutError class.
        except (TimeoutError, FuturesTimeoutError):
{{/if}}
{{#if cancel = yes}}
            fatal = f"timed out after {TIMEOUT_S:g} s"
            # Tasks already running see the flag and stop at their next piece.
            STOP.set()
{{/if}}
{{#if fail = fast}}
        except ITEM_ERRORS as exc:
            # Fail fast: the tasks not yet started were cancelled on the way out.
            fatal = f"a task failed: {exc!r}"
{{#if cancel = yes}}
            STOP.set()
{{/if}}
{{/if}}
    elapsed = time.perf_counter() - start

{{#if fail = all}}
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
{{/if}}
{{#if fail = fast or cancel = yes}}
    if fatal:
        print(f"stopped: {fatal}", file=sys.stderr)
{{/if}}
{{#if state != none}}
    ratio = STATS.bytes_out / STATS.bytes_in if STATS.bytes_in else 0.0
    print(f"compressed {STATS.bytes_in} bytes to {ratio:.0%} of their size")
{{/if}}
    failed = items.taken - ok
    # Estimated sequential time for the items done, from the timed sample.
    sequential_s = sample_s / max(sample_done, 1) * ok
    speedup = sequential_s / elapsed if elapsed > 0 else 0.0
    print(
        f"summary: items={items.taken} failed={failed} "
        f"elapsed={elapsed:.2f}s speedup={speedup:.1f}x"
    )
    # The exit status tells the truth: 1 when any item failed or the run stopped.
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
