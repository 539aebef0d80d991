# A function that hands out one shared pool (kept in a global, or cached by a decorator) is not a pool
# factory: calling it does not make a pool that nobody shuts down.
import atexit
import functools
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


def pool() -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(max_workers=2)
            atexit.register(_pool.shutdown)
        return _pool


@functools.cache
def io_pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=4)


def new_pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=4)


def work(x: int) -> int:
    return x


def view(x: int) -> int:
    a = pool().submit(work, x).result()  # ok: executor-never-shut-down
    b = io_pool().submit(work, x).result()  # ok: executor-never-shut-down
    c = new_pool().submit(work, x).result()  # expect: executor-never-shut-down
    return a + b + c


if __name__ == "__main__":
    print(view(1))
