from concurrent.futures import ThreadPoolExecutor, wait


def fetch(n: int) -> int:
    return n


def run_all(items: list[int]) -> list[int]:
    pool = ThreadPoolExecutor(max_workers=8)  # expect: executor-never-shut-down
    futures = [pool.submit(fetch, i) for i in items]
    wait(futures)
    return [f.result() for f in futures]


def run_one(n: int) -> int:
    return ThreadPoolExecutor().submit(fetch, n).result()  # expect: executor-never-shut-down


def run_closed(items: list[int]) -> list[int]:
    pool = ThreadPoolExecutor(max_workers=8)  # ok: executor-never-shut-down
    try:
        return list(pool.map(fetch, items))
    finally:
        pool.shutdown(wait=True)


class Crawler:
    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(max_workers=4)  # ok: executor-never-shut-down

    def crawl(self, items: list[int]) -> list[int]:
        return list(self.pool.map(fetch, items))

    def close(self) -> None:
        self.pool.shutdown()
