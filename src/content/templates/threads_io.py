{{#if io = files}}
"""Read and hash many files with a thread pool.

A thread blocked in a read releases the GIL, so while one thread waits for the
disk, the others run. Good for code that is synchronous and wants to stay so.
Files are hashed in chunks, so a large file never sits in memory whole.
{{#if input = stream}}
Paths come from a lazy directory walk and are submitted a few at a time, so
memory stays flat however many files there are.
{{/if}}

Run (standard library only):
    python threads_io.py                          # hashes sample files in a temp folder
    PYCONC_DIR=/path/to/folder python threads_io.py
"""
{{#elif io = db}}
"""Run many database queries with a thread pool and a blocking driver.

A thread blocked on its database socket releases the GIL, so while one thread
waits for the server, the others run. Good for code built on a synchronous
driver (PyMySQL here; psycopg, mysqlclient and most DB-API drivers alike) that
you do not want to rewrite. Each thread keeps its own connection: a DB-API
connection must not be used by two threads at once.
{{#if input = stream}}
Items come from a generator (a stand-in for a stream) and are submitted a few
at a time, so memory stays flat however long the stream is.
{{/if}}

Install and run:
    pip install PyMySQL
    PYCONC_DSN=mysql://user:pass@127.0.0.1:3306/db python threads_io.py
"""
{{#elif io = other}}
"""Run many external commands at once with a thread pool.

A thread waiting for a child process (subprocess.run) releases the GIL, so
while one thread waits, the others start and read their own commands. Good for
driving command-line tools, converters or other systems' CLIs in parallel.
{{#if input = stream}}
Items come from a generator (a stand-in for a stream) and are submitted a few
at a time, so memory stays flat however long the stream is.
{{/if}}

Run (standard library only):
    python threads_io.py
"""
{{#else}}
"""Make many blocking HTTP requests with a thread pool.

A thread blocked on a socket releases the GIL, so while one thread waits for
the network, the others run. Good for code built on blocking libraries
(requests, vendor SDKs) that you do not want to rewrite.
{{#if input = stream}}
Items come from a generator (a stand-in for a stream) and are submitted a few
at a time, so memory stays flat however long the stream is.
{{/if}}

Run (standard library only):
    PYCONC_URL=http://127.0.0.1:8000 python threads_io.py
"""
{{/if}}

from __future__ import annotations

{{#if cancel = yes}}
{{#if py < 3.11}}
import concurrent.futures
{{/if}}
{{/if}}
{{#if io = files}}
import hashlib
{{#elif not io in [db, files, other]}}
import http.client
{{/if}}
import os
{{#if io = other}}
import subprocess
{{/if}}
import sys
{{#if io = files}}
import tempfile
{{#elif io != other}}
import threading
{{/if}}
import time
{{#if not io in [db, files, other]}}
import urllib.error
import urllib.request
{{/if}}
from collections.abc import Iterable, Iterator
{{#if input = stream}}
{{#if py >= 3.14}}
from concurrent.futures import ThreadPoolExecutor
{{#else}}
from concurrent.futures import (
    FIRST_COMPLETED,
    Future,
    ThreadPoolExecutor,
    as_completed,
    wait,
)
{{/if}}
{{#elif fail = all}}
from concurrent.futures import ThreadPoolExecutor, as_completed
{{#else}}
from concurrent.futures import ThreadPoolExecutor
{{/if}}
{{#if io = files}}
from contextlib import contextmanager
from pathlib import Path
{{/if}}
{{#if io = db}}
from urllib.parse import unquote, urlsplit

import pymysql
{{/if}}

# --- Configuration (environment variables) ------------------------------------
{{#if io = files}}
# A folder of input files, read recursively. When unset, sample files are
# written to a temporary folder that is deleted at the end.
INPUT_DIR = os.environ.get("PYCONC_DIR", "")
# How many sample files to create when PYCONC_DIR is unset.
COUNT = int(os.environ.get("PYCONC_COUNT", "200"))
SAMPLE_SIZE = 64 * 1024
# Threads in the pool, which is also the most reads in flight. A disk gains
# little from more; a network file system may gain from a few more.
WORKERS = int(os.environ.get("PYCONC_WORKERS") or "8")
{{#if py < 3.11}}
# Files are hashed in chunks of this size (hashlib.file_digest() does it for
# you from 3.11).
CHUNK = 1024 * 1024
{{/if}}
{{#elif io = db}}
DSN = os.environ.get("PYCONC_DSN", "mysql://user:pass@127.0.0.1:3306/db")
COUNT = int(os.environ.get("PYCONC_COUNT", "200"))
# Threads in the pool, which is also the number of connections and the most
# queries in flight. Keep it small: the server caps its connections, and each
# one costs server memory.
WORKERS = int(os.environ.get("PYCONC_WORKERS") or "10")
# Seconds to wait for the server on connect, and for each read.
DB_TIMEOUT = 10
{{#elif io = other}}
COUNT = int(os.environ.get("PYCONC_COUNT", "200"))
# Threads in the pool, which is also the most commands running at once. Each
# command is a process of its own: size this to what the machine can run.
WORKERS = int(os.environ.get("PYCONC_WORKERS") or "8")
# The command, a stand-in for the tool you drive: here, Python printing a line.
COMMAND = (sys.executable, "-c", "import sys; print('item', sys.argv[1])")
# Seconds one command may run before it is killed.
COMMAND_TIMEOUT = 30.0
{{#else}}
BASE_URL = os.environ.get("PYCONC_URL", "http://127.0.0.1:8000").rstrip("/")
COUNT = int(os.environ.get("PYCONC_COUNT", "200"))
# Threads in the pool, which is also the most requests in flight. Set it
# explicitly: the default, min(32, cores + 4), suits neither a slow API nor a
# server with a rate limit. Each thread costs memory for its stack.
# Raise it (with care: threads cost memory) for many slow requests; lower it
# for a server with a rate limit.
WORKERS = int(os.environ.get("PYCONC_WORKERS") or "32")
# Socket timeout of one request. Without one, a silent server can block a
# worker forever, and a thread cannot be killed from outside.
REQUEST_TIMEOUT = 10.0
{{/if}}
{{#if cancel = yes}}
# Seconds the whole run may take. Then whatever has not started is cancelled;
# calls already running finish on their own, because threads cannot be killed.
RUN_TIMEOUT = 60.0
{{/if}}
{{#if input = stream}}
# Items submitted but not finished, at most. Submitting a whole stream at once
# would hold all of it in memory.
BUFFER = WORKERS * 2
{{/if}}
# Self-test hook, used by this template's test suite and harmless otherwise:
{{#if not io in [db, files, other]}}
# PYCONC_FAULT=bug:N makes item N raise TypeError, as a bug in your code would.
{{#else}}
# PYCONC_FAULT=fail:N makes item N fail as a lost connection would, bug:N raise
# TypeError as a bug would.
{{/if}}
FAULT = os.environ.get("PYCONC_FAULT", "")
# -------------------------------------------------------------------------------

# One unit of work.
{{#if io = files}}
Item = Path
{{#else}}
Item = int
{{/if}}
# The errors that count as "this item failed". Anything else (TypeError,
# KeyError...) is a bug: it stops the run with its traceback.
{{#if io = files}}
# Here: a missing or unreadable file.
ITEM_ERRORS: tuple[type[BaseException], ...] = (OSError,)
{{#elif io = db}}
# Here: what the driver raises for a failed query or a lost connection.
ITEM_ERRORS: tuple[type[BaseException], ...] = (pymysql.MySQLError, OSError)
{{#elif io = other}}
# Here: a command that cannot start, fails or runs too long.
ITEM_ERRORS: tuple[type[BaseException], ...] = (OSError, subprocess.SubprocessError)
{{#else}}
# Here: urllib raises OSError subclasses (URLError, HTTPError, timeouts), and
# http.client a few of its own.
ITEM_ERRORS: tuple[type[BaseException], ...] = (OSError, http.client.HTTPException)
{{/if}}
{{#if cancel = yes}}
{{#if py >= 3.11}}
# What concurrent.futures raises when a wait runs out of time.
DEADLINE_ERROR = TimeoutError
{{#else}}
# What concurrent.futures raises when a wait runs out of time (a class of its
# own before 3.11, the built-in TimeoutError after).
DEADLINE_ERROR = concurrent.futures.TimeoutError
{{/if}}
{{/if}}


class Stats:
    """Counters for the run.

    Only the main thread updates them, as results come back, so no lock is needed.
    """

    def __init__(self) -> None:
        self.ok = 0
        self.errors: list[BaseException] = []


def inject_fault(item: object) -> None:
    """The self-test hook (see FAULT). Delete it in your own code."""
    kind, _, which = FAULT.partition(":")
    if not which or which not in (str(item), getattr(item, "stem", None)):
        return
{{#if io in [db, files, other]}}
    if kind == "fail":
        raise ConnectionResetError(f"item {item}: connection reset")
{{/if}}
    if kind == "bug":
        raise TypeError(f"item {item}: a bug")


{{#if io = files}}
def work(path: Path) -> int:
    """Runs in a worker thread: hash one file, return its size."""
    inject_fault(path)
    with path.open("rb") as f:
{{#if py >= 3.11}}
        # file_digest() (3.11+) reads the file in chunks, so a large file never
        # sits in memory whole; hashlib releases the GIL while it hashes.
        hashlib.file_digest(f, "sha256").hexdigest()
{{#else}}
        # Read in chunks, so a large file never sits in memory whole (from 3.11,
        # hashlib.file_digest() does this). hashlib releases the GIL on large
        # buffers, so threads hash in parallel too.
        digest = hashlib.sha256()
        while chunk := f.read(CHUNK):
            digest.update(chunk)
{{/if}}
    return path.stat().st_size


def walk(folder: Path) -> Iterator[Path]:
    """Yield the files under folder, lazily."""
    for path in folder.rglob("*"):
        if path.is_file():
            yield path
{{#elif io = db}}
def connect_params(dsn: str) -> dict[str, object]:
    """Turn mysql://user:pass@host:port/db into PyMySQL's keyword arguments."""
    url = urlsplit(dsn)
    return {
        "host": url.hostname or "127.0.0.1",
        "port": url.port or 3306,
        "user": unquote(url.username or ""),
        "password": unquote(url.password or ""),
        "database": url.path.lstrip("/"),
        "connect_timeout": DB_TIMEOUT,
        "read_timeout": DB_TIMEOUT,
    }


class Connections:
    """One connection per worker thread, made on first use, all closed at the end.

    A DB-API connection must not be shared by threads that query at once. (A
    pool of connections, as SQLAlchemy keeps, does the same job.)
    """

    def __init__(self) -> None:
        self.local = threading.local()
        self.lock = threading.Lock()
        self.all: list[pymysql.connections.Connection] = []

    def get(self) -> pymysql.connections.Connection:
        conn = getattr(self.local, "conn", None)
        if conn is None:
            conn = self.local.conn = pymysql.connect(**connect_params(DSN))
            with self.lock:
                self.all.append(conn)
        return conn

    def close(self) -> None:
        with self.lock:
            for conn in self.all:
                conn.close()


CONNECTIONS = Connections()


def work(item: int) -> int:
    """Runs in a worker thread: one query on this thread's connection.

    Replace it with yours; this one needs no table, so it runs on any database.
    """
    inject_fault(item)
    with CONNECTIONS.get().cursor() as cursor:
        cursor.execute("SELECT MD5(%s)", (str(item),))
        (digest,) = cursor.fetchone()
    return len(digest)


def item_ids() -> Iterator[int]:
{{#if input = stream}}
    """Stand-in for an endless source: a log tail, a message queue, a huge file."""
{{#else}}
    """The items to query."""
{{/if}}
    yield from range(COUNT)
{{#elif io = other}}
def work(item: int) -> int:
    """Runs in a worker thread: run the command for one item, return its output size."""
    inject_fault(item)
    # No shell: the arguments go to the program as they are. capture_output
    # reads stdout and stderr together, so neither pipe can fill up and block.
    # timeout kills the child if it runs too long (then raises TimeoutExpired);
    # check=True raises CalledProcessError on a non-zero exit.
    done = subprocess.run(
        [*COMMAND, str(item)], capture_output=True, timeout=COMMAND_TIMEOUT, check=True
    )
    return len(done.stdout)


def item_ids() -> Iterator[int]:
{{#if input = stream}}
    """Stand-in for an endless source: a log tail, a message queue, a huge file."""
{{#else}}
    """The items to run a command for."""
{{/if}}
    yield from range(COUNT)
{{#else}}
# One opener per thread. Openers, like requests.Session objects, are not
# documented as thread-safe, so threads must not share one. (A requests or
# httpx session per thread also keeps that thread's connections alive.)
_local = threading.local()


def opener() -> urllib.request.OpenerDirector:
    if not hasattr(_local, "opener"):
        _local.opener = urllib.request.build_opener()
    return _local.opener


def work(item: int) -> int:
    """Runs in a worker thread: GET one item and return the size of its body."""
    inject_fault(item)
    url = f"{BASE_URL}/items/{item}"
    try:
        with opener().open(url, timeout=REQUEST_TIMEOUT) as response:
            return len(response.read())
    except urllib.error.HTTPError as exc:
        # An HTTPError holds the open response: close it, or its socket leaks
        # (ResourceWarning under -X dev).
        exc.close()
        raise


def item_ids() -> Iterator[int]:
{{#if input = stream}}
    """Stand-in for an endless source: a log tail, a message queue, a huge file."""
{{#else}}
    """The items to fetch."""
{{/if}}
    yield from range(COUNT)
{{/if}}


class ItemFailed(Exception):
    """An expected failure of one item (one of ITEM_ERRORS), with the item named."""


def process(item: Item) -> int:
    """Runs in a worker thread: work() on one item, its expected errors named."""
    try:
        return work(item)
    except ITEM_ERRORS as exc:
        # The item goes into the message: a bare error rarely says which one
        # failed (an HTTPError shows only its status). A bug is not caught.
        raise ItemFailed(f"item {item}: {exc!r}") from exc


{{#if input = stream}}
{{#if py >= 3.14}}
{{#if fail = all}}
def attempt(item: Item) -> BaseException | None:
    """Runs in a worker thread: process one item and return its error, if any."""
    # map() stops at the first exception it meets, so for collect-all the
    # error is returned as a value instead of raised.
    try:
        process(item)
    except ItemFailed as exc:
        return exc
    return None


{{/if}}
{{/if}}
{{/if}}
def run(pool: ThreadPoolExecutor, stats: Stats, items: Iterable[Item]) -> None:
{{#if input = stream}}
{{#if py >= 3.14}}
    # buffersize (3.14+) keeps at most BUFFER items submitted ahead of the
    # results; without it map() would read the whole stream up front.
{{#if fail = fast}}
    # Results come back in input order; the first error is re-raised, and
    # leaving the loop cancels every call that has not started.
{{#if cancel = yes}}
    results = pool.map(process, items, timeout=RUN_TIMEOUT, buffersize=BUFFER)
{{#else}}
    results = pool.map(process, items, buffersize=BUFFER)
{{/if}}
    for _ in results:
        stats.ok += 1
{{#else}}
{{#if cancel = yes}}
    outcomes = pool.map(attempt, items, timeout=RUN_TIMEOUT, buffersize=BUFFER)
{{#else}}
    outcomes = pool.map(attempt, items, buffersize=BUFFER)
{{/if}}
    for error in outcomes:
        if error is None:
            stats.ok += 1
        else:
            stats.errors.append(error)
{{/if}}
{{#else}}
    # Bounded submission: never more than BUFFER futures at once. (From 3.14,
    # Executor.map(..., buffersize=BUFFER) does this for you.)
{{#if cancel = yes}}
    deadline = time.monotonic() + RUN_TIMEOUT
{{/if}}
    pending: set[Future[int]] = set()
    try:
        for item in items:
            if len(pending) >= BUFFER:
{{#if cancel = yes}}
                left = deadline - time.monotonic()
                done, pending = wait(pending, timeout=max(left, 0), return_when=FIRST_COMPLETED)
                if not done:
                    raise DEADLINE_ERROR(f"the run took longer than {RUN_TIMEOUT} s")
{{#else}}
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
{{/if}}
                collect(done, stats)
            pending.add(pool.submit(process, item))
{{#if cancel = yes}}
        collect(as_completed(pending, timeout=max(deadline - time.monotonic(), 0)), stats)
{{#else}}
        collect(as_completed(pending), stats)
{{/if}}
    finally:
        # On an early exit (an error, the deadline, Ctrl+C) cancel what has
        # not started. Running calls cannot be stopped: the pool waits for them.
        for future in pending:
            future.cancel()
{{/if}}
{{#elif fail = fast}}
    # map() submits everything, then yields results in input order. The first
    # error is re-raised here, and leaving the loop cancels every call that
    # has not started yet.
{{#if cancel = yes}}
    for _ in pool.map(process, items, timeout=RUN_TIMEOUT):
{{#else}}
    for _ in pool.map(process, items):
{{/if}}
        stats.ok += 1
{{#else}}
    futures = [pool.submit(process, item) for item in items]
    try:
        # as_completed() yields each future as soon as it is done, whatever
        # its place in the input, so one slow item does not hide the others.
{{#if cancel = yes}}
        for future in as_completed(futures, timeout=RUN_TIMEOUT):
{{#else}}
        for future in as_completed(futures):
{{/if}}
            try:
                future.result()
            except ItemFailed as exc:
                # Collect-all: note the error and carry on.
                stats.errors.append(exc)
            else:
                stats.ok += 1
    finally:
        # On an early exit (the deadline, Ctrl+C) cancel what has not started.
        # Running calls cannot be stopped: the pool waits for them.
        for future in futures:
            future.cancel()
{{/if}}


{{#if input = stream}}
{{#if py < 3.14}}
def collect(done: Iterable[Future[int]], stats: Stats) -> None:
    for future in done:
{{#if fail = fast}}
        # Fail-fast: result() re-raises the worker's exception.
        future.result()
        stats.ok += 1
{{#else}}
        try:
            future.result()
        except ItemFailed as exc:
            # Collect-all: note the error and carry on.
            stats.errors.append(exc)
        else:
            stats.ok += 1
{{/if}}


{{/if}}
{{/if}}
{{#if io = files}}
def write_samples(folder: Path, count: int) -> None:
    for i in range(count):
        (folder / f"{i}.bin").write_bytes(os.urandom(SAMPLE_SIZE))


{{> input_folder}}


{{/if}}
def report(stats: Stats, elapsed: float) -> None:
    # Every error is reported, not only the first ones (like `make -k`).
    for error in stats.errors:
        print(f"error: {error!r}", file=sys.stderr)
    items = stats.ok + len(stats.errors)
    print(f"summary: items={items} failed={len(stats.errors)} elapsed={elapsed:.2f}s")


def process_all(items: Iterable[Item]) -> int:
    stats = Stats()
    started = time.perf_counter()
    # `with` shuts the pool down and joins its threads, even after an error.
    with ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="io") as pool:
{{#if fail = all and cancel = no}}
        run(pool, stats, items)
{{#else}}
        try:
            run(pool, stats, items)
{{#if cancel = yes}}
        except DEADLINE_ERROR as exc:
            # Time is up. Calls not yet started were cancelled; calls still
            # running finish before the pool closes.
            stats.errors.append(exc)
{{/if}}
{{#if fail = fast}}
        except ItemFailed as exc:
            # Fail-fast: calls not yet started were cancelled; stop here.
            stats.errors.append(exc)
{{/if}}
{{/if}}
{{#if io = db}}
    # The pool's threads have ended: close the connection each of them opened.
    CONNECTIONS.close()
{{/if}}
    report(stats, time.perf_counter() - started)
    # The exit status tells the truth: 1 when any item failed or time ran out.
    return 1 if stats.errors else 0


def main() -> int:
{{#if io = files}}
    with input_folder() as folder:
{{#if input = stream}}
        return process_all(walk(folder))
{{#else}}
        return process_all(sorted(walk(folder)))
{{/if}}
{{#else}}
    return process_all(item_ids())
{{/if}}


if __name__ == "__main__":
    sys.exit(main())
