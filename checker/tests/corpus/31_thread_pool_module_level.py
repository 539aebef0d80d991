import atexit
from concurrent.futures import ThreadPoolExecutor


def fetch(n: int) -> int:
    return n


POOL = ThreadPoolExecutor(max_workers=4)  # ok: process-start-without-main-guard, executor-never-shut-down
HELPERS = ThreadPoolExecutor(max_workers=2)  # ok: executor-never-shut-down
atexit.register(POOL.shutdown)

with ThreadPoolExecutor(2) as local_pool:  # ok: process-start-without-main-guard
    print(list(local_pool.map(fetch, range(3))))


def submit_later(n: int):
    return POOL.submit(fetch, n)


def help_later(n: int):
    return HELPERS.submit(fetch, n)
