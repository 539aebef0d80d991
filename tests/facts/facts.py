"""Demonstrates, on this machine's CPython, the facts the content states. Each check is a function that
raises AssertionError when the fact does not hold; the closing line counts passes and failures.

Facts this Python cannot show (3.13/3.14 behaviour) are listed at the end with the document that states
them, so the report says what was checked and what was taken from the docs.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import gc
import os
import pickle
import subprocess
import sys
import textwrap
import threading
import time
import warnings

FACTS = []


def fact(text: str):
    def register(check):
        FACTS.append((text, check))
        return check
    return register


def elapsed_of(coroutine_factory) -> float:
    started = time.perf_counter()
    asyncio.run(coroutine_factory())
    return time.perf_counter() - started


@fact("time.sleep() inside a coroutine stalls every other task on the loop")
def blocking_sleep_stalls():
    async def ticker(ticks: list[float]) -> None:
        for _ in range(5):
            ticks.append(time.perf_counter())
            await asyncio.sleep(0.02)

    async def blocker() -> None:
        time.sleep(0.3)

    async def main() -> None:
        ticks: list[float] = []
        await asyncio.gather(ticker(ticks), blocker())
        gaps = [b - a for a, b in zip(ticks, ticks[1:])]
        assert max(gaps) >= 0.25, f"the ticker kept running during time.sleep: gaps {gaps}"

    asyncio.run(main())


@fact("asyncio.to_thread() runs the same blocking call without stalling the loop")
def to_thread_does_not_stall():
    async def main() -> None:
        ticks: list[float] = []

        async def ticker() -> None:
            for _ in range(10):
                ticks.append(time.perf_counter())
                await asyncio.sleep(0.02)

        await asyncio.gather(ticker(), asyncio.to_thread(time.sleep, 0.3))
        gaps = [b - a for a, b in zip(ticks, ticks[1:])]
        assert max(gaps) < 0.15, f"the loop stalled: gaps {gaps}"

    asyncio.run(main())


@fact("asyncio has no open() function; file reads go to a thread (asyncio.to_thread) or aiofiles")
def no_asyncio_open():
    assert not hasattr(asyncio, "open")


def square(x: int) -> int:
    return x * x


class Scaler:
    def __init__(self, factor: int) -> None:
        self.factor = factor

    def scale(self, x: int) -> int:
        return x * self.factor


def run_asyncio_in_worker(x: int) -> int:
    async def double() -> int:
        await asyncio.sleep(0)
        return 2 * x

    return asyncio.run(double())


async def a_coroutine() -> int:
    return 1


@fact("a lambda cannot be sent to a ProcessPoolExecutor, even with the fork start method")
def lambda_fails_in_process_pool():
    import multiprocessing

    for method in ("fork", "spawn"):
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


@fact("the default ThreadPoolExecutor size is min(32, os.cpu_count() + 4)")
def default_thread_pool_size():
    with concurrent.futures.ThreadPoolExecutor() as pool:
        assert pool._max_workers == min(32, (os.cpu_count() or 1) + 4), pool._max_workers


@fact("gather() raises the first error while the other tasks keep running; TaskGroup cancels them")
def gather_vs_taskgroup():
    async def fail_soon() -> None:
        await asyncio.sleep(0.01)
        raise ValueError("boom")

    async def main() -> None:
        sibling_done = asyncio.Event()

        async def slow() -> None:
            await asyncio.sleep(0.1)
            sibling_done.set()

        sibling = asyncio.ensure_future(slow())
        try:
            await asyncio.gather(fail_soon(), sibling)
        except ValueError:
            pass
        assert not sibling.done(), "gather cancelled the sibling"
        await sibling
        assert sibling_done.is_set()

        cancelled = []

        async def slow_in_group() -> None:
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                cancelled.append(True)
                raise

        try:
            async with asyncio.TaskGroup() as group:
                group.create_task(fail_soon())
                group.create_task(slow_in_group())
        except* ValueError:
            pass
        assert cancelled == [True], "TaskGroup did not cancel the sibling"

    asyncio.run(main())


@fact("asyncio.CancelledError is a BaseException, not an Exception")
def cancelled_error_is_base_exception():
    assert issubclass(asyncio.CancelledError, BaseException)
    assert not issubclass(asyncio.CancelledError, Exception)


@fact("a forgotten await warns in dev mode: RuntimeWarning: coroutine ... was never awaited")
def never_awaited_warns():
    code = textwrap.dedent("""
        import asyncio
        async def work():
            return 1
        async def main():
            work()
        asyncio.run(main())
    """)
    proc = subprocess.run([sys.executable, "-X", "dev", "-c", code], capture_output=True, text=True, timeout=60)
    assert "was never awaited" in proc.stderr, proc.stderr


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


@fact("cancelling an awaited to_thread() call does not stop the thread")
def to_thread_cancel_keeps_thread():
    finished = threading.Event()

    def blocking() -> None:
        time.sleep(0.3)
        finished.set()

    async def main() -> None:
        task = asyncio.create_task(asyncio.to_thread(blocking))
        await asyncio.sleep(0.05)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
        assert not finished.is_set()

    asyncio.run(main())
    assert finished.wait(2), "the thread never finished"


@fact("a pending task whose only reference is dropped is garbage-collected: Task was destroyed but it is pending!")
def unreferenced_task_is_collected():
    code = textwrap.dedent("""
        import asyncio, gc
        async def waits():
            await asyncio.get_running_loop().create_future()
        async def main():
            asyncio.get_running_loop().create_task(waits())  # the only reference is dropped here
            await asyncio.sleep(0)
            gc.collect()
            await asyncio.sleep(0)
        asyncio.run(main())
    """)
    proc = subprocess.run([sys.executable, "-X", "dev", "-c", code], capture_output=True, text=True, timeout=60)
    assert "Task was destroyed but it is pending" in proc.stderr, proc.stderr


@fact("hashlib releases the GIL while hashing large buffers, so other threads keep running")
def hashlib_releases_gil():
    import hashlib

    data = os.urandom(32 * 1024 * 1024)
    counter = [0]
    stop = threading.Event()

    def spin() -> None:
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


DOCUMENTED_ONLY = [
    ("3.14: forkserver is the default start method on Linux", "https://docs.python.org/3/whatsnew/3.14.html"),
    ("3.14: InterpreterPoolExecutor; arguments and results are pickled", "https://docs.python.org/3/library/concurrent.futures.html"),
    ("3.13t/3.14t: a non-ready extension re-enables the GIL; sys._is_gil_enabled()", "https://docs.python.org/3/howto/free-threading-python.html"),
    ("3.14: free-threading is supported (PEP 779)", "https://peps.python.org/pep-0779/"),
    ("3.14: Executor.map(buffersize=...), terminate_workers(), kill_workers()", "https://docs.python.org/3/library/concurrent.futures.html"),
    ("3.12: fork with running threads warns (DeprecationWarning)", "https://docs.python.org/3/whatsnew/3.12.html"),
]


def main() -> int:
    warnings.simplefilter("default")
    passed = failed = 0
    for text, check in FACTS:
        started = time.perf_counter()
        try:
            check()
        except Exception as e:  # noqa: BLE001 (report every failing fact, then fail the run)
            failed += 1
            print(f"FAIL  {text}: {e!r}")
        else:
            passed += 1
            print(f"ok    {text} ({time.perf_counter() - started:.2f}s)")
        gc.collect()
    print(f"checked on {sys.version.split()[0]}; not demonstrable here, taken from the docs:")
    for text, url in DOCUMENTED_ONLY:
        print(f"  docs  {text}: {url}")
    print(f"facts: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
