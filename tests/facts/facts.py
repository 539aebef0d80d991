"""Demonstrates the content's claims about CPython on every CPython version installed on this machine.

Run it as `python3 tests/facts/facts.py` from any directory. It finds one interpreter per version from 3.8
to 3.14 (the newest pyenv build of each, else pythonX.Y on the PATH, plus the interpreter running this
file), runs itself under each with `--here`, and prints for every version how many facts ran and passed.
A version that is not installed is named and skipped. The last line is `N passed, M failed`; the exit
status is 1 when any fact failed or a version could not finish.

Each fact is a function that raises AssertionError when the claim does not hold, registered with the
versions it concerns: a fact about `asyncio.TaskGroup` runs on 3.11+, one about the 3.8-3.12 pool size
formula runs there, and the 3.13 formula is checked on 3.13+. This file must stay valid Python 3.8.
tests/facts/claims.toml names the facts behind the content's reviewed wording; tests/content.rs checks
that the wording is there and that each fact it names is registered here.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextvars
import gc
import logging
import multiprocessing
import os
import pickle
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import warnings

VERSIONS = [(3, 8), (3, 9), (3, 10), (3, 11), (3, 12), (3, 13), (3, 14)]
HERE = sys.version_info[:2]
LINUX = sys.platform.startswith("linux")
POSIX = os.name == "posix"

FACTS = []


def fact(text, since=(3, 8), until=(3, 99), only=None):
    """Registers a check for the versions `since`..`until` (both included). `only` is a (test, reason)
    pair for facts that need a platform feature, e.g. Linux's /proc."""

    def register(check):
        FACTS.append((text, since, until, only, check))
        return check

    return register


def run_python(code, *args, env=None, timeout=60, **kwargs):
    """Runs code in a fresh interpreter of this version (so signals, start methods and warnings stay
    out of this process)."""
    return subprocess.run(
        [sys.executable, *args, "-c", textwrap.dedent(code)],
        check=False, capture_output=True, text=True, timeout=timeout, env=env, **kwargs,
    )


def loop_gaps(*others, ticks=5):
    """Runs `others` (coroutines) on a new event loop beside a ticker that wakes every 20 ms, and returns
    the gaps between its ticks (a stalled loop shows one long gap) and what the others returned."""
    stamps = []

    async def ticker():
        for _ in range(ticks):
            stamps.append(time.perf_counter())
            await asyncio.sleep(0.02)

    async def main():
        return await asyncio.gather(ticker(), *others)

    results = asyncio.run(main())[1:]
    return [b - a for a, b in zip(stamps, stamps[1:])], results


def default_thread_workers():
    cpus = os.process_cpu_count() if HERE >= (3, 13) else os.cpu_count()
    return min(32, (cpus or 1) + 4)


# ------------------------------------------------------------------------------------------ asyncio


@fact("time.sleep() inside a coroutine stalls every other task on the loop")
def blocking_sleep_stalls():
    async def blocker():
        time.sleep(0.3)  # noqa: ASYNC251 (the blocking call is the point)

    gaps, _ = loop_gaps(blocker())
    assert max(gaps) >= 0.25, f"the ticker kept running during time.sleep: gaps {gaps}"


@fact("asyncio.to_thread() runs the same blocking call without stalling the loop", since=(3, 9))
def to_thread_does_not_stall():
    gaps, _ = loop_gaps(asyncio.to_thread(time.sleep, 0.6), ticks=10)
    # A stalled loop would show one gap of about 0.6 s; a busy machine only stretches the 0.02 s ticks.
    assert max(gaps) < 0.4, f"the loop stalled: gaps {gaps}"


@fact("asyncio has no open() function; file reads go to a thread (asyncio.to_thread) or aiofiles")
def no_asyncio_open():
    assert not hasattr(asyncio, "open")


@fact("asyncio.to_thread does not exist before 3.9", until=(3, 8))
def no_to_thread_on_38():
    assert not hasattr(asyncio, "to_thread")


@fact("asyncio.TaskGroup and asyncio.timeout() do not exist before 3.11", until=(3, 10))
def no_taskgroup_before_311():
    assert not hasattr(asyncio, "TaskGroup") and not hasattr(asyncio, "timeout")


@fact("a check-then-act across an await races: 100 concurrent get() of one key make 100 fetches; "
      "with asyncio.Lock, 1")
def race_across_await():
    async def run(use_lock):
        cache = {}
        fetches = [0]
        lock = asyncio.Lock()

        async def fetch(key):
            fetches[0] += 1
            await asyncio.sleep(0.01)
            return key.upper()

        async def get(key):
            if use_lock:
                async with lock:
                    if key not in cache:
                        cache[key] = await fetch(key)
            elif key not in cache:
                cache[key] = await fetch(key)
            return cache[key]

        await asyncio.gather(*(get("a") for _ in range(100)))
        return fetches[0]

    without, with_lock = asyncio.run(run(False)), asyncio.run(run(True))
    assert (without, with_lock) == (100, 1), (without, with_lock)


@fact("asyncio.Semaphore(5) caps calls in flight, not calls per second: 100 calls of 10 ms start "
      "within about 0.2 s")
def semaphore_is_not_a_rate():
    starts = []
    in_flight = [0, 0]

    async def call(sem):
        async with sem:
            in_flight[0] += 1
            in_flight[1] = max(in_flight[1], in_flight[0])
            starts.append(time.perf_counter())
            await asyncio.sleep(0.01)
            in_flight[0] -= 1

    async def main():
        sem = asyncio.Semaphore(5)
        await asyncio.gather(*(call(sem) for _ in range(100)))

    began = time.perf_counter()
    asyncio.run(main())
    assert in_flight[1] == 5, f"at most {in_flight[1]} ran at once"
    span = max(starts) - began
    assert span < 2.0, f"100 calls took {span:.2f} s to start: the semaphore acted as a rate"


@fact("gather() raises the first error while the other tasks keep running")
def gather_keeps_siblings():
    async def fail_soon():
        await asyncio.sleep(0.01)
        raise ValueError("boom")

    async def main():
        # Far longer than fail_soon, so a busy machine cannot let it finish first.
        sibling = asyncio.ensure_future(asyncio.sleep(1.0, result="done"))
        try:
            await asyncio.gather(fail_soon(), sibling)
        except ValueError:
            pass
        assert not sibling.done(), "gather cancelled the sibling"
        assert await sibling == "done"

    asyncio.run(main())


@fact("TaskGroup cancels the other tasks at the first error and raises an ExceptionGroup", since=(3, 11))
def taskgroup_cancels_siblings():
    cancelled = []

    async def fail_soon():
        await asyncio.sleep(0.01)
        raise ValueError("boom")

    async def slow():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            cancelled.append(True)
            raise

    async def main():
        try:
            async with asyncio.TaskGroup() as group:
                group.create_task(fail_soon())
                group.create_task(slow())
        except BaseExceptionGroup as group_error:  # noqa: F821 (3.11+ only, like the fact)
            assert isinstance(group_error.exceptions[0], ValueError)
        else:
            raise AssertionError("no ExceptionGroup")

    asyncio.run(main())
    assert cancelled == [True], "TaskGroup did not cancel the sibling"


@fact("gather(return_exceptions=True) hands a TypeError (a bug) back as a result instead of raising it")
def gather_return_exceptions_hides_bugs():
    async def buggy():
        return len(42)

    async def main():
        return await asyncio.gather(buggy(), asyncio.sleep(0, result=1), return_exceptions=True)

    results = asyncio.run(main())
    assert isinstance(results[0], TypeError) and results[1] == 1, results


@fact("asyncio.CancelledError is a BaseException, not an Exception")
def cancelled_error_is_base_exception():
    assert issubclass(asyncio.CancelledError, BaseException)
    assert not issubclass(asyncio.CancelledError, Exception)


@fact("before 3.11 asyncio.TimeoutError and concurrent.futures.TimeoutError are not the built-in "
      "TimeoutError", until=(3, 10))
def timeout_errors_apart():
    assert not issubclass(asyncio.TimeoutError, TimeoutError)
    assert not issubclass(concurrent.futures.TimeoutError, TimeoutError)


@fact("from 3.11 asyncio.TimeoutError and concurrent.futures.TimeoutError are the built-in TimeoutError",
      since=(3, 11))
def timeout_errors_aliased():
    assert asyncio.TimeoutError is TimeoutError and concurrent.futures.TimeoutError is TimeoutError


@fact("a forgotten await warns in dev mode: RuntimeWarning: coroutine ... was never awaited")
def never_awaited_warns():
    proc = run_python("""
        import asyncio
        async def work():
            return 1
        async def main():
            work()
        asyncio.run(main())
    """, "-X", "dev")
    assert "was never awaited" in proc.stderr, proc.stderr


@fact("an unreferenced pending task that is collected is logged at ERROR level: "
      "Task was destroyed but it is pending!")
def unreferenced_task_is_logged_as_error():
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append((record.levelname, record.getMessage()))

    handler = Keep()
    logger = logging.getLogger("asyncio")
    logger.addHandler(handler)

    async def waits():
        await asyncio.get_running_loop().create_future()

    async def main():
        asyncio.get_running_loop().create_task(waits())  # the only reference is dropped here
        await asyncio.sleep(0)
        gc.collect()
        await asyncio.sleep(0)

    try:
        asyncio.run(main())
    finally:
        logger.removeHandler(handler)
    assert any(level == "ERROR" and message.startswith("Task was destroyed but it is pending!")
               for level, message in records), records


@fact("cancelling an awaited to_thread() call does not stop the thread", since=(3, 9))
def to_thread_cancel_keeps_thread():
    finished = threading.Event()

    def blocking():
        time.sleep(1.0)
        finished.set()

    async def main():
        task = asyncio.ensure_future(asyncio.to_thread(blocking))
        await asyncio.sleep(0.05)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
        assert not finished.is_set()

    asyncio.run(main())
    assert finished.wait(5), "the thread never finished"


@fact("to_thread() copies contextvars into the thread; run_in_executor() does not", since=(3, 9))
def to_thread_copies_context():
    request_id = contextvars.ContextVar("request_id", default="unset")

    async def main():
        request_id.set("r1")
        loop = asyncio.get_running_loop()
        seen_to_thread = await asyncio.to_thread(request_id.get)
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            seen_executor = await loop.run_in_executor(pool, request_id.get)
        return seen_to_thread, seen_executor

    assert asyncio.run(main()) == ("r1", "unset")


@fact("the loop's default executor (run_in_executor(None, ...)) has the ThreadPoolExecutor default size")
def default_executor_size():
    async def main():
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, time.sleep, 0)
        return loop._default_executor._max_workers

    assert asyncio.run(main()) == default_thread_workers()


@fact("get_event_loop() with no loop raises RuntimeError in a worker thread")
def get_event_loop_in_thread():
    outcome = []

    def worker():
        try:
            asyncio.get_event_loop()
        except RuntimeError as e:
            outcome.append(str(e))

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert outcome and "There is no current event loop" in outcome[0], outcome


@fact("get_event_loop() with no loop warns (DeprecationWarning) in the main thread on 3.12 and 3.13",
      since=(3, 12), until=(3, 13))
def get_event_loop_warns_in_main():
    proc = run_python("""
        import asyncio, warnings
        warnings.simplefilter("error")
        try:
            asyncio.get_event_loop()
        except DeprecationWarning as e:
            print("warned:", e)
    """)
    assert "warned: There is no current event loop" in proc.stdout, proc.stdout + proc.stderr


@fact("get_event_loop() with no loop raises RuntimeError in the main thread from 3.14", since=(3, 14))
def get_event_loop_raises_in_main():
    proc = run_python("""
        import asyncio
        try:
            asyncio.get_event_loop()
        except RuntimeError as e:
            print("raised:", e)
    """)
    assert "raised:" in proc.stdout, proc.stdout + proc.stderr


@fact("asyncio.run() inside a running loop fails: asyncio.run() cannot be called from a running event loop")
def asyncio_run_inside_loop():
    async def inner():
        return 1

    async def main():
        coroutine = inner()
        try:
            asyncio.run(coroutine)
        except RuntimeError as e:
            return str(e)
        finally:
            coroutine.close()
        return "no error"

    assert asyncio.run(main()) == "asyncio.run() cannot be called from a running event loop"


@fact("asyncio.create_subprocess_exec() with communicate() collects a child's output while the loop "
      "keeps running")
def subprocess_exec_does_not_block():
    async def child():
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-c", "import sys, time; time.sleep(1.0); print('out'); print('err', file=sys.stderr)",
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )
        return await proc.communicate()

    gaps, [(out, err)] = loop_gaps(child(), ticks=10)
    assert out.strip() == b"out" and err.strip() == b"err", (out, err)
    assert max(gaps) < 0.5, f"the loop stalled while the child ran: gaps {gaps}"


@fact("Ctrl+C inside asyncio.run() first cancels the main task (it sees CancelledError)", since=(3, 11),
      only=(POSIX, "needs POSIX signals"))
def asyncio_run_cancels_on_sigint():
    proc = run_python("""
        import asyncio, os, signal
        signal.signal(signal.SIGINT, signal.default_int_handler)  # a shell may start us with SIGINT ignored
        async def main():
            asyncio.get_running_loop().call_later(0.1, os.kill, os.getpid(), signal.SIGINT)
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                print("main saw CancelledError", flush=True)
                raise
        try:
            asyncio.run(main())
        except KeyboardInterrupt:
            print("KeyboardInterrupt after", flush=True)
    """)
    assert "main saw CancelledError" in proc.stdout and "KeyboardInterrupt after" in proc.stdout, proc.stdout


@fact("logging's %(taskName)s names the asyncio task from 3.12", since=(3, 12))
def logging_task_name():
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record.taskName)

    logger = logging.getLogger("facts.taskname")
    logger.propagate = False
    logger.addHandler(Keep())
    logger.setLevel(logging.INFO)

    async def main():
        task = asyncio.ensure_future(asyncio.sleep(0))
        await task
        logger.info("inside")

    async def named():
        await asyncio.get_running_loop().create_task(main(), name="fetch-42")

    asyncio.run(named())
    assert records == ["fetch-42"], records


# ------------------------------------------------------------------------------------------ threads


@fact("the default ThreadPoolExecutor size is min(32, (os.cpu_count() or 1) + 4) up to 3.12",
      until=(3, 12))
def default_thread_pool_size_cpu_count():
    with concurrent.futures.ThreadPoolExecutor() as pool:
        assert pool._max_workers == min(32, (os.cpu_count() or 1) + 4), pool._max_workers


@fact("from 3.13 the default ThreadPoolExecutor size is min(32, (os.process_cpu_count() or 1) + 4)",
      since=(3, 13))
def default_thread_pool_size_process_cpu_count():
    with concurrent.futures.ThreadPoolExecutor() as pool:
        assert pool._max_workers == min(32, (os.process_cpu_count() or 1) + 4), pool._max_workers


@fact("pool defaults follow CPU affinity from 3.13 (os.process_cpu_count), not before",
      only=(LINUX and (os.cpu_count() or 1) > 1, "needs Linux and more than one CPU"))
def pool_size_follows_affinity():
    proc = run_python("""
        import os, concurrent.futures
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
        with concurrent.futures.ThreadPoolExecutor() as pool:
            print(pool._max_workers)
    """)
    workers = int(proc.stdout.strip() or -1)
    expected = 5 if HERE >= (3, 13) else min(32, os.cpu_count() + 4)
    assert workers == expected, f"pinned to one CPU, the default was {workers}, not {expected}"


@fact("PYTHON_CPU_COUNT overrides the CPU count that pool defaults use (3.13+)", since=(3, 13))
def python_cpu_count_override():
    env = dict(os.environ, PYTHON_CPU_COUNT="2")
    proc = run_python("""
        import concurrent.futures, os
        with concurrent.futures.ThreadPoolExecutor() as pool:
            print(os.cpu_count(), pool._max_workers)
    """, env=env)
    assert proc.stdout.split() == ["2", "6"], proc.stdout + proc.stderr


@fact("idle threads cost little resident memory (well under 64 KB each) while virtual size grows by "
      "megabytes each", only=(LINUX, "reads /proc/self/status"))
def idle_thread_memory():
    proc = run_python("""
        import threading, time
        def status():
            fields = {}
            for line in open("/proc/self/status"):
                key, value = line.split(":", 1)
                if key in ("VmRSS", "VmSize"):
                    fields[key] = int(value.split()[0])
            return fields
        before = status()
        stop = threading.Event()
        threads = [threading.Thread(target=stop.wait) for _ in range(200)]
        for t in threads:
            t.start()
        time.sleep(0.3)
        after = status()
        stop.set()
        for t in threads:
            t.join()
        print((after["VmRSS"] - before["VmRSS"]) / 200, (after["VmSize"] - before["VmSize"]) / 200)
    """)
    rss_kb, virtual_kb = (float(x) for x in proc.stdout.split())
    assert rss_kb < 64, f"{rss_kb:.1f} KB resident per idle thread"
    assert virtual_kb > 1024, f"{virtual_kb:.0f} KB virtual per idle thread"


@fact("Ctrl+C reaches only the main thread: leaving the with-block waits for the running pool task",
      only=(POSIX, "needs POSIX signals"))
def ctrl_c_waits_for_pool_threads():
    proc = run_python("""
        import concurrent.futures, os, signal, threading, time
        signal.signal(signal.SIGINT, signal.default_int_handler)  # a shell may start us with SIGINT ignored
        began = time.perf_counter()
        try:
            with concurrent.futures.ThreadPoolExecutor(2) as pool:
                future = pool.submit(time.sleep, 2.0)
                threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT)).start()
                try:
                    future.result()
                except KeyboardInterrupt:
                    print("raised", round(time.perf_counter() - began, 2), flush=True)
                    raise
        except KeyboardInterrupt:
            print("left", round(time.perf_counter() - began, 2), flush=True)
    """)
    times = dict(line.split() for line in proc.stdout.splitlines())
    assert float(times["raised"]) < 1.5, times
    assert float(times["left"]) >= 1.95, times


@fact("SIGTERM, unhandled, ends the process at once: no finally block runs", only=(POSIX, "needs POSIX signals"))
def sigterm_skips_finally():
    proc = run_python("""
        import os, signal, threading, time
        threading.Timer(0.1, os.kill, (os.getpid(), signal.SIGTERM)).start()
        try:
            time.sleep(5)
        finally:
            print("cleanup ran", flush=True)
    """)
    assert proc.returncode == -signal.SIGTERM, proc.returncode
    assert "cleanup ran" not in proc.stdout


@fact("shutdown(cancel_futures=True) cancels the queued tasks (3.9+)", since=(3, 9))
def shutdown_cancels_queued():
    started = threading.Event()

    def task():
        started.set()
        time.sleep(0.2)

    pool = concurrent.futures.ThreadPoolExecutor(1)
    futures = [pool.submit(task) for _ in range(10)]
    assert started.wait(10), "the first task never started"
    pool.shutdown(wait=True, cancel_futures=True)
    cancelled = sum(f.cancelled() for f in futures)
    assert cancelled == 9, f"{cancelled} of 10 cancelled"


@fact("Executor.map() consumes its whole input before returning the first result")
def map_consumes_input():
    consumed = []

    def items():
        for i in range(50):
            consumed.append(i)
            yield i

    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        results = pool.map(square, items())
        assert len(consumed) == 50, len(consumed)
        assert next(results) == 0


@fact("an exception in a submitted task stays silent until someone reads the future")
def future_exceptions_are_silent():
    proc = run_python("""
        import concurrent.futures
        def boom():
            raise ValueError("lost")
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            pool.submit(boom)
        print("done")
    """)
    assert proc.stdout.strip() == "done" and "lost" not in proc.stderr, proc.stderr


@fact("a task waiting on its own one-worker pool deadlocks")
def pool_self_deadlock():
    pool = concurrent.futures.ThreadPoolExecutor(1)

    def outer():
        return pool.submit(square, 3).result(timeout=0.5)

    try:
        pool.submit(outer).result(timeout=5)
    except concurrent.futures.TimeoutError:
        pass
    else:
        raise AssertionError("the inner task ran")
    finally:
        pool.shutdown()


@fact("threading.local values survive from one pool task to the next on the same thread")
def thread_local_survives():
    local = threading.local()

    def first():
        local.user = "alice"

    def second():
        return getattr(local, "user", None)

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(first).result()
        assert pool.submit(second).result() == "alice"


@fact("hashlib releases the GIL while hashing large buffers, so other threads keep running")
def hashlib_releases_gil():
    import hashlib

    data = os.urandom(32 * 1024 * 1024)
    counter = [0]
    stop = threading.Event()

    def spin():
        while not stop.is_set():
            counter[0] += 1

    spinner = threading.Thread(target=spin)
    spinner.start()
    try:
        time.sleep(0.05)
        before = counter[0]
        started = time.perf_counter()
        for _ in range(4):
            hashlib.sha256(data).digest()
        spent = time.perf_counter() - started
        during = counter[0] - before
    finally:
        stop.set()
        spinner.join()
    # With the GIL held for the whole hash, the spinner would barely move (a few switch intervals).
    assert during > 1000 * spent, f"the other thread made {during} steps in {spent:.2f}s"


# ------------------------------------------------------------------------------------------ processes


def square(x):
    return x * x


class Scaler:
    def __init__(self, factor):
        self.factor = factor

    def scale(self, x):
        return x * self.factor


def run_asyncio_in_worker(x):
    async def double():
        await asyncio.sleep(0)
        return 2 * x

    return asyncio.run(double())


async def a_coroutine():
    return 1


_EVENT = None


def keep_event(event):
    """Pool initializer: keeps the Event the pool was made with."""
    global _EVENT
    _EVENT = event


def event_is_set():
    return _EVENT.is_set()


def crash_worker(_):
    os._exit(1)


def start_methods():
    return [m for m in ("fork", "spawn", "forkserver") if m in multiprocessing.get_all_start_methods()]


@fact("a lambda cannot be sent to a ProcessPoolExecutor, even with the fork start method")
def lambda_fails_in_process_pool():
    for method in [m for m in ("fork", "spawn") if m in start_methods()]:
        with concurrent.futures.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context(method)) as pool:
            try:
                pool.submit(lambda x: x, 1).result(timeout=30)
            except (pickle.PicklingError, AttributeError, TypeError) as e:
                assert "lambda" in str(e) or "pickle" in str(e).lower(), e
            else:
                raise AssertionError(f"a lambda ran in a process pool ({method})")


@fact("a bound method of a picklable object works in a ProcessPoolExecutor")
def bound_method_works():
    with concurrent.futures.ProcessPoolExecutor(1) as pool:
        assert pool.submit(Scaler(3).scale, 5).result(timeout=30) == 15


@fact("a process pool worker can call asyncio.run()")
def worker_can_run_asyncio():
    with concurrent.futures.ProcessPoolExecutor(1) as pool:
        assert pool.submit(run_asyncio_in_worker, 21).result(timeout=30) == 42


@fact("a coroutine object cannot be sent to a process pool: TypeError: cannot pickle 'coroutine' object")
def coroutine_cannot_be_pickled():
    coroutine = a_coroutine()
    try:
        with concurrent.futures.ProcessPoolExecutor(1) as pool:
            pool.submit(square, coroutine).result(timeout=30)
    except TypeError as e:
        assert "cannot pickle 'coroutine' object" in str(e), e
    else:
        raise AssertionError("a coroutine object crossed to a process")
    finally:
        coroutine.close()


@fact("the default ProcessPoolExecutor size is os.cpu_count() up to 3.12 and os.process_cpu_count() "
      "from 3.13", only=(os.name != "nt", "Windows caps it at 61"))
def default_process_pool_size():
    count = os.process_cpu_count if HERE >= (3, 13) else os.cpu_count
    pool = concurrent.futures.ProcessPoolExecutor()
    try:
        assert pool._max_workers == (count() or 1), pool._max_workers
    finally:
        pool.shutdown()


@fact("fork is the default start method on Linux up to 3.13", until=(3, 13), only=(LINUX, "Linux only"))
def fork_default_on_linux():
    assert multiprocessing.get_start_method() == "fork"


@fact("forkserver is the default start method on Linux from 3.14", since=(3, 14), only=(LINUX, "Linux only"))
def forkserver_default_on_linux():
    assert multiprocessing.get_start_method() == "forkserver"


@fact("a function defined in __main__ without a file (a notebook cell, python -c) breaks spawn and "
      "forkserver workers (Can't get attribute ...) and works under fork", only=(POSIX, "needs fork"))
def cell_functions_need_fork():
    proc = run_python("""
        import concurrent.futures, multiprocessing
        def f(x):
            return 2 * x
        if __name__ == "__main__":
            for method in ("fork", "spawn", "forkserver"):
                context = multiprocessing.get_context(method)
                try:
                    with concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool:
                        print(method, pool.submit(f, 2).result(timeout=30))
                except concurrent.futures.process.BrokenProcessPool:
                    print(method, "BrokenProcessPool")
    """, timeout=120)
    lines = dict(line.split() for line in proc.stdout.splitlines())
    assert lines == {"fork": "4", "spawn": "BrokenProcessPool", "forkserver": "BrokenProcessPool"}, proc.stdout
    # 3.14 words it "module '__main__' has no attribute 'f'".
    assert "Can't get attribute 'f'" in proc.stderr or (
        HERE >= (3, 14) and "has no attribute 'f'" in proc.stderr), proc.stderr[-500:]


@fact("spawn and forkserver workers import again a module the parent loaded; fork workers inherit it",
      only=(POSIX, "needs fork"))
def spawn_reloads_shared_state():
    with tempfile.TemporaryDirectory() as folder:
        log = os.path.join(folder, "loads.log")
        with open(os.path.join(folder, "heavy.py"), "w") as f:
            f.write(textwrap.dedent("""
                import os
                with open(os.environ["FACTS_LOADS"], "a") as log:
                    log.write("%d\\n" % os.getpid())
                TABLE = {"a": 1}
                def lookup(key):
                    return TABLE[key]
            """))
        code = """
            import concurrent.futures, multiprocessing, sys
            import heavy
            if __name__ == "__main__":
                context = multiprocessing.get_context(sys.argv[1])
                with concurrent.futures.ProcessPoolExecutor(2, mp_context=context) as pool:
                    assert list(pool.map(heavy.lookup, ["a"] * 8)) == [1] * 8
        """
        loads = {}
        for method in ("fork", "spawn", "forkserver"):
            open(log, "w").close()
            env = dict(os.environ, FACTS_LOADS=log, PYTHONPATH=folder)
            proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code), method], check=False, capture_output=True,
                                  text=True, timeout=120, env=env, cwd=folder)
            assert proc.returncode == 0, proc.stderr[-500:]
            with open(log) as f:
                loads[method] = len(f.read().split())
    assert loads["fork"] == 1, loads
    assert loads["spawn"] >= 2 and loads["forkserver"] >= 2, loads


@fact("gc.freeze() before fork keeps a child's garbage collection from copying the parent's pages",
      only=(LINUX and hasattr(os, "fork"), "reads /proc/self/smaps_rollup"))
def gc_freeze_keeps_pages_shared():
    proc = run_python("""
        import gc, os
        def private_dirty_kb():
            with open("/proc/self/smaps_rollup") as f:
                return sum(int(line.split()[1]) for line in f if line.startswith("Private_Dirty"))
        def copied_by_child_collection(freeze):
            gc.disable()
            data = [[i, str(i)] for i in range(300000)]
            if freeze:
                gc.freeze()
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:
                before = private_dirty_kb()
                gc.collect()
                os.write(write, str(private_dirty_kb() - before).encode())
                os._exit(0)
            os.waitpid(pid, 0)
            copied = int(os.read(read, 64))
            if freeze:
                gc.unfreeze()
            del data
            gc.enable()
            gc.collect()
            return copied
        print(copied_by_child_collection(False), copied_by_child_collection(True))
    """)
    plain, frozen = (int(x) for x in proc.stdout.split())
    assert plain > 5000, f"a child's gc.collect() copied only {plain} KB"
    assert frozen < 1000, f"after gc.freeze() it still copied {frozen} KB"


@fact("a worker can write into multiprocessing.shared_memory by name and the parent sees it")
def shared_memory_by_name():
    from multiprocessing import shared_memory

    block = shared_memory.SharedMemory(create=True, size=16)
    try:
        with concurrent.futures.ProcessPoolExecutor(1) as pool:
            pool.submit(fill_shared_memory, block.name).result(timeout=30)
        assert bytes(block.buf[:4]) == b"\x01\x02\x03\x04"
    finally:
        block.close()
        block.unlink()


def fill_shared_memory(name):
    from multiprocessing import shared_memory

    block = shared_memory.SharedMemory(name=name)
    block.buf[:4] = bytes([1, 2, 3, 4])
    block.close()


@fact("a dead worker breaks the pool: pending futures and new submits raise BrokenProcessPool; "
      "a new pool works")
def broken_pool_needs_a_new_pool():
    pool = concurrent.futures.ProcessPoolExecutor(1)
    crashed = pool.submit(crash_worker, 0)
    try:
        crashed.result(timeout=30)
    except concurrent.futures.process.BrokenProcessPool:
        pass
    else:
        raise AssertionError("the pool survived os._exit")
    try:
        pool.submit(square, 2)
    except concurrent.futures.process.BrokenProcessPool as e:
        assert "A child process terminated abruptly, the process pool is not usable anymore" in str(e), e
    else:
        raise AssertionError("a broken pool accepted work")
    pool.shutdown()
    with concurrent.futures.ProcessPoolExecutor(1) as fresh:
        assert fresh.submit(square, 3).result(timeout=30) == 9


@fact("max_tasks_per_child refuses the fork start method (3.11+)", since=(3, 11), only=(POSIX, "needs fork"))
def max_tasks_per_child_refuses_fork():
    try:
        concurrent.futures.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"),
                                               max_tasks_per_child=10)
    except ValueError as e:
        assert "max_tasks_per_child is incompatible with the 'fork'" in str(e), e
    else:
        raise AssertionError("fork accepted max_tasks_per_child")


@fact("shutdown() of a pool whose worker died returns at once, and a multiprocessing Event passed through "
      "the initializer reaches the workers of every pool made with it")
def broken_pool_shutdown_is_quick():
    context = multiprocessing.get_context("spawn")
    stop = context.Event()
    pool = concurrent.futures.ProcessPoolExecutor(1, mp_context=context, initializer=keep_event, initargs=(stop,))
    try:
        pool.submit(crash_worker, 0).result(timeout=60)
    except concurrent.futures.process.BrokenProcessPool:
        pass
    else:
        raise AssertionError("the pool survived os._exit")
    started = time.perf_counter()
    pool.shutdown()
    took = time.perf_counter() - started
    assert took < 2, f"shutdown() of a broken pool took {took:.1f}s"
    stop.set()
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=context, initializer=keep_event,
                                                initargs=(stop,)) as fresh:
        assert fresh.submit(event_is_set).result(timeout=60) is True


@fact("an asyncio.Lock made before asyncio.run() fails once two tasks wait for it: "
      "got Future attached to a different loop (before 3.10)", until=(3, 9))
def lock_made_outside_the_loop_fails():
    # As at the top of a fresh script, where get_event_loop() makes a loop (earlier facts in this process
    # have run asyncio.run(), which leaves none set); the Lock binds to it.
    outer = asyncio.new_event_loop()
    asyncio.set_event_loop(outer)
    try:
        lock = asyncio.Lock()
    finally:
        asyncio.set_event_loop(None)
        outer.close()

    async def hold():
        async with lock:
            await asyncio.sleep(0.05)

    async def main():
        await asyncio.gather(hold(), hold())

    try:
        asyncio.run(main())
    except RuntimeError as e:
        assert "attached to a different loop" in str(e), e
    else:
        raise AssertionError("a contended lock made outside the loop worked")


@fact("from 3.10 an asyncio primitive binds to the loop that first waits on it: a Lock made before "
      "asyncio.run() works", since=(3, 10))
def lock_made_outside_the_loop_works():
    lock = asyncio.Lock()
    order = []

    async def hold(n):
        async with lock:
            order.append(n)
            await asyncio.sleep(0.05)

    async def main():
        await asyncio.gather(hold(1), hold(2))

    asyncio.run(main())
    assert order == [1, 2], order


@fact("max_tasks_per_child: a pool given more than workers x max_tasks_per_child tasks at once stops "
      "starting workers and the rest never run (CPython gh-115634; 3.11 and 3.12 get no fix)",
      since=(3, 11), until=(3, 12))
def max_tasks_per_child_stalls():
    proc = run_python("""
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, wait
        if __name__ == "__main__":
            pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn"), max_tasks_per_child=3)
            futures = [pool.submit(abs, i) for i in range(10)]
            done, waiting = wait(futures, timeout=15)
            print(len(done), len(waiting), flush=True)
            import os
            os._exit(0)
        """)
    assert proc.stdout.split() == ["6", "4"], (proc.stdout, proc.stderr[-500:])


@fact("setting the start method a second time raises RuntimeError: context has already been set")
def set_start_method_twice():
    proc = run_python("""
        import multiprocessing
        multiprocessing.set_start_method("spawn")
        try:
            multiprocessing.set_start_method("spawn")
        except RuntimeError as e:
            print(e)
    """)
    assert "context has already been set" in proc.stdout, proc.stdout + proc.stderr


@fact("forking a process that runs threads warns (DeprecationWarning) from 3.12", since=(3, 12),
      only=(POSIX, "needs fork"))
def fork_with_threads_warns():
    proc = run_python("""
        import os, threading, warnings
        warnings.simplefilter("always")
        stop = threading.Event()
        threading.Thread(target=stop.wait).start()
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        os.waitpid(pid, 0)
        stop.set()
    """)
    assert "use of fork() may lead to deadlocks in the child" in proc.stderr, proc.stderr


@fact("a lock does not pickle: TypeError: cannot pickle '_thread.lock' object")
def lock_does_not_pickle():
    try:
        pickle.dumps(threading.Lock())
    except TypeError as e:
        assert "cannot pickle '_thread.lock' object" in str(e), e
    else:
        raise AssertionError("a lock pickled")


def make_nested():
    def nested():
        return 1

    return nested


@fact("a nested function does not pickle: AttributeError: Can't pickle local object (3.13: Can't get local "
      "object; 3.14: PicklingError: Can't pickle local object)")
def nested_function_does_not_pickle():
    try:
        pickle.dumps(make_nested())
    except (AttributeError, pickle.PicklingError) as e:
        expected = "Can't get local object" if (3, 13) <= HERE < (3, 14) else "Can't pickle local object"
        assert expected in str(e), e
        assert isinstance(e, pickle.PicklingError if HERE >= (3, 14) else AttributeError), repr(e)
    else:
        raise AssertionError("a nested function pickled")


# ------------------------------------------------------------------------------------------ tools


@fact("tracemalloc's snapshot comparison names the line where memory grew")
def tracemalloc_names_the_line():
    import tracemalloc

    kept = []
    tracemalloc.start()
    try:
        first = tracemalloc.take_snapshot()
        for _ in range(2000):
            kept.append(bytearray(1024))  # the growth
        later = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    top = later.compare_to(first, "lineno")[0]
    assert os.path.abspath(top.traceback[0].filename) == os.path.abspath(__file__), top
    with open(__file__) as f:
        assert "kept.append" in f.read().splitlines()[top.traceback[0].lineno - 1]
    assert top.size_diff > 1_500_000, top


@fact("the standard build reports the GIL as enabled (sys._is_gil_enabled, 3.13+)", since=(3, 13))
def gil_reported():
    import sysconfig

    if sysconfig.get_config_var("Py_GIL_DISABLED"):
        return  # a free-threaded build: the standard-build fact does not apply
    assert sys._is_gil_enabled() is True


@fact("3.14 adds InterpreterPoolExecutor and ProcessPoolExecutor.terminate_workers()/kill_workers()",
      since=(3, 14))
def new_in_314():
    assert hasattr(concurrent.futures, "InterpreterPoolExecutor")
    assert hasattr(concurrent.futures.ProcessPoolExecutor, "terminate_workers")
    assert hasattr(concurrent.futures.ProcessPoolExecutor, "kill_workers")


def worker_exit_hooks(register):
    """For each start method, how many of a 2-worker pool's workers ran a hook that `register` (Python
    source run in the pool's initializer, with `closer` defined) set up, after the pool shut down."""
    ran = {}
    with tempfile.TemporaryDirectory() as folder:
        marks = os.path.join(folder, "marks")
        with open(os.path.join(folder, "hooks.py"), "w") as f:
            f.write(textwrap.dedent("""
                import atexit, multiprocessing.util, os
                def closer():
                    with open(os.environ["FACTS_MARKS"], "a") as marks:
                        marks.write("%d\\n" % os.getpid())
                def init():
                    REGISTER
                def work(x):
                    return x
            """).replace("REGISTER", register))
        code = """
            import concurrent.futures, multiprocessing, sys
            import hooks
            if __name__ == "__main__":
                context = multiprocessing.get_context(sys.argv[1])
                with concurrent.futures.ProcessPoolExecutor(2, mp_context=context, initializer=hooks.init) as pool:
                    assert list(pool.map(hooks.work, range(10))) == list(range(10))
        """
        for method in start_methods():
            open(marks, "w").close()
            env = dict(os.environ, FACTS_MARKS=marks, PYTHONPATH=folder)
            proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code), method], check=False,
                                  capture_output=True, text=True, timeout=120, env=env, cwd=folder)
            assert proc.returncode == 0, proc.stderr[-500:]
            with open(marks) as f:
                ran[method] = len(f.read().split())
    return ran


@fact("atexit handlers registered in a pool worker run under spawn only, not under fork or forkserver, "
      "before 3.13", until=(3, 12), only=(POSIX, "needs fork"))
def atexit_skipped_in_forked_workers():
    ran = worker_exit_hooks("atexit.register(closer)")
    assert ran == {"fork": 0, "spawn": 2, "forkserver": 0}, ran


@fact("atexit handlers registered in a pool worker run under every start method from 3.13",
      since=(3, 13), only=(POSIX, "needs fork"))
def atexit_runs_in_workers_from_313():
    ran = worker_exit_hooks("atexit.register(closer)")
    assert ran == {"fork": 2, "spawn": 2, "forkserver": 2}, ran


@fact("multiprocessing.util.Finalize with an exitpriority, set up in a pool worker, runs when the pool "
      "shuts down, under every start method")
def finalize_runs_in_every_worker():
    ran = worker_exit_hooks("multiprocessing.util.Finalize(None, closer, exitpriority=0)")
    assert ran and set(ran.values()) == {2}, ran


# ------------------------------------------------------------- the 2026-12-07 review's claims F1-F16


CHILD_THREADS = """
    import asyncio, sys, threading
    async def child():
        proc = await asyncio.create_subprocess_exec(sys.executable, "-c", "import time; time.sleep(0.6)")
        await proc.wait()
    async def main():
        tasks = [asyncio.ensure_future(child()) for _ in range(4)]
        await asyncio.sleep(0.3)
        during = threading.active_count()
        await asyncio.gather(*tasks)
        print(during)
    asyncio.run(main())
"""


@fact("before 3.12 asyncio waits for each running child process in a helper thread of its own", until=(3, 11),
      only=(POSIX, "the threaded child watcher is POSIX"))
def child_wait_takes_a_thread_before_312():
    proc = run_python(CHILD_THREADS)
    assert proc.stdout.strip() == "5", proc.stdout + proc.stderr


@fact("from 3.12 on Linux asyncio waits for child processes with a pidfd, in no thread", since=(3, 12),
      only=(LINUX and hasattr(os, "pidfd_open"), "needs os.pidfd_open (Linux)"))
def child_wait_takes_no_thread_on_linux_from_312():
    proc = run_python(CHILD_THREADS)
    assert proc.stdout.strip() == "1", proc.stdout + proc.stderr


def env_with_default_warning_filters():
    env = dict(os.environ)
    for name in ("PYTHONWARNINGS", "PYTHONDEVMODE"):
        env.pop(name, None)
    return env


@fact("the fork-with-threads DeprecationWarning of 3.12+ is hidden by the default filters and shown by "
      "-W default and -X dev", since=(3, 12), only=(POSIX, "needs fork"))
def fork_warning_hidden_by_default():
    code = """
        import concurrent.futures, multiprocessing, threading
        if __name__ == "__main__":
            stop = threading.Event()
            threading.Thread(target=stop.wait).start()
            with concurrent.futures.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
                assert pool.submit(abs, -1).result() == 1
            stop.set()
            print("done")
    """
    message = "use of fork() may lead to deadlocks in the child"
    for args, shown in (((), False), (("-W", "default"), True), (("-X", "dev"), True)):
        proc = run_python(code, *args, env=env_with_default_warning_filters())
        assert proc.stdout.strip() == "done", proc.stdout + proc.stderr
        assert (message in proc.stderr) == shown, (args, proc.stderr)


@fact("after gc.freeze() a forked child that takes a reference to every object still copies their pages",
      only=(LINUX and hasattr(os, "fork"), "reads /proc/self/smaps_rollup"))
def gc_freeze_does_not_stop_refcount_copies():
    proc = run_python("""
        import gc, os
        def private_dirty_kb():
            with open("/proc/self/smaps_rollup") as f:
                return sum(int(line.split()[1]) for line in f if line.startswith("Private_Dirty"))
        gc.disable()
        data = [[i, str(i)] for i in range(300000)]
        gc.freeze()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            before = private_dirty_kb()
            refs = list(data)  # one new reference to each list: writes its reference count
            os.write(write, str(private_dirty_kb() - before).encode())
            os._exit(0)
        os.waitpid(pid, 0)
        print(int(os.read(read, 64)))
    """)
    copied = int(proc.stdout)
    # The new list itself is 300,000 pointers (2.4 MB); the lists it points to take about 20 MB.
    assert copied > 10000, f"taking references after gc.freeze() copied only {copied} KB"


@fact("the default executor's threads are named asyncio_N from 3.9 and ThreadPoolExecutor-N_M on 3.8")
def default_executor_thread_names():
    async def main():
        return await asyncio.get_running_loop().run_in_executor(None, lambda: threading.current_thread().name)

    name = asyncio.run(main())
    if HERE >= (3, 9):
        assert re.fullmatch(r"asyncio_\d+", name), name
    else:
        assert re.fullmatch(r"ThreadPoolExecutor-\d+_\d+", name), name


def has_tkinter():
    try:
        import tkinter  # noqa: F401
    except ImportError:
        return False
    return True


@fact("a tkinter call from another thread while no mainloop() runs raises RuntimeError 'main thread is not "
      "in main loop' (threaded Tcl), rather than touching the interpreter", only=(has_tkinter(), "needs tkinter"))
def tkinter_call_from_a_thread_without_mainloop_is_refused():
    proc = run_python("""
        import threading, tkinter
        tcl = tkinter.Tcl()
        errors = []
        def outside():
            try:
                tcl.call("set", "x", "1")
            except RuntimeError as e:
                errors.append(str(e))
        worker = threading.Thread(target=outside)
        worker.start()
        worker.join(20)
        print(errors, tcl.call("info", "exists", "x"))
    """, timeout=60)
    assert proc.stdout.strip() == "['main thread is not in main loop'] 0", proc.stdout + proc.stderr

# ------------------------------------------------------------------------------------------ runners


def run_here():
    """Runs the facts that concern this interpreter's version; the last line is machine-readable."""
    warnings.simplefilter("default")
    passed = failed = 0
    skipped = []
    for text, since, until, only, check in FACTS:
        if not since <= HERE <= until:
            continue
        if only is not None and not only[0]:
            skipped.append(f"{text} ({only[1]})")
            continue
        started = time.perf_counter()
        try:
            check()
        except Exception as e:  # noqa: BLE001 (report every failing fact, then fail the run)
            failed += 1
            print(f"FAIL  {text}: {e!r}", flush=True)
        else:
            passed += 1
            print(f"ok    {text} ({time.perf_counter() - started:.2f}s)", flush=True)
        gc.collect()
    for text in skipped:
        print(f"skip  {text}")
    print(f"RESULT {passed + failed} {passed} {failed}")
    return 1 if failed else 0


def pyenv_root():
    if shutil.which("pyenv"):
        try:
            out = subprocess.run(["pyenv", "root"], check=False, capture_output=True, text=True, timeout=30).stdout.strip()
            if out:
                return out
        except (OSError, subprocess.SubprocessError):
            pass
    return os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")


def interpreters():
    """One interpreter per version: the newest pyenv build, else pythonX.Y on the PATH, else the one
    running this file."""
    builds = {}
    versions_dir = os.path.join(pyenv_root(), "versions")
    if os.path.isdir(versions_dir):
        for name in os.listdir(versions_dir):
            match = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)", name)
            exe = os.path.join(versions_dir, name, "bin", "python")
            if match and os.access(exe, os.X_OK):
                key = (int(match.group(1)), int(match.group(2)))
                patch = int(match.group(3))
                if key not in builds or patch > builds[key][0]:
                    builds[key] = (patch, exe)
    found = {}
    for version in VERSIONS:
        if version in builds:
            found[version] = builds[version][1]
        elif version == HERE:
            found[version] = sys.executable
        else:
            exe = shutil.which("python{}.{}".format(*version))
            if exe:
                found[version] = exe
    return found


def main():
    if "--here" in sys.argv[1:]:
        return run_here()
    found = interpreters()
    total_passed = total_failed = 0
    summary = []
    for version in VERSIONS:
        label = "{}.{}".format(*version)
        exe = found.get(version)
        if exe is None:
            print(f"== {label}: not installed on this machine, skipped", flush=True)
            summary.append(f"{label} skipped (not installed)")
            continue
        print(f"== {label}: {exe}", flush=True)
        try:
            proc = subprocess.run([exe, os.path.abspath(__file__), "--here"], check=False, capture_output=True, text=True,
                                  timeout=900, cwd=tempfile.gettempdir())
            output, errors = proc.stdout, proc.stderr
        except subprocess.TimeoutExpired as e:
            output = e.stdout.decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
            errors = "timed out after 900 s"
        result = None
        for line in output.splitlines():
            if line.startswith("RESULT "):
                result = [int(x) for x in line.split()[1:]]
            else:
                print("   " + line)
        if result is None:
            total_failed += 1
            print("   FAIL  the run did not finish: " + errors.strip()[-2000:])
            summary.append(f"{label} did not finish")
            continue
        ran, passed, failed = result
        total_passed += passed
        total_failed += failed
        print(f"   {label}: {ran} facts ran, {passed} passed, {failed} failed", flush=True)
        summary.append(f"{label} {passed}/{ran}")
    print("versions: " + ", ".join(summary))
    print(f"{total_passed} passed, {total_failed} failed")
    return 1 if total_failed else 0


if __name__ == "__main__":
    sys.exit(main())
