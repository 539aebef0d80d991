from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def work(x: int) -> int:
    return x * 3


def run_cpu(pool: ProcessPoolExecutor, items: list[int]) -> list[int]:
    futures = [pool.submit(lambda: work(i)) for i in items]  # expect: lambda-to-process-pool, loop-variable-captured
    return [f.result() for f in futures]


def run_io(pool: ThreadPoolExecutor, items: list[int]) -> list[int]:
    return list(pool.map(lambda i: work(i), items))  # ok: lambda-to-process-pool


def run_cpu_right(pool: ProcessPoolExecutor, items: list[int]) -> list[int]:
    return list(pool.map(work, items))  # ok: lambda-to-process-pool
