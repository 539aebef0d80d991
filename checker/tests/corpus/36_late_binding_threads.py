import threading
from concurrent.futures import ThreadPoolExecutor


def work(n: int) -> None:
    print(n)


def start_threads(count: int) -> list[threading.Thread]:
    threads = []
    for i in range(count):
        t = threading.Thread(target=lambda: work(i))  # expect: loop-variable-captured
        t.start()
        threads.append(t)
        right = threading.Thread(target=work, args=(i,))  # ok: loop-variable-captured
        right.start()
        threads.append(right)
    return threads


def nested_closure(jobs: list[int]) -> None:
    with ThreadPoolExecutor() as pool:
        for job in jobs:
            def run() -> None:
                work(job)

            pool.submit(run).add_done_callback(print)  # expect: loop-variable-captured
            print(pool.submit(lambda: work(job)).result())  # ok: loop-variable-captured


def outside_loop(jobs: list[int]) -> None:
    last = jobs[-1]
    with ThreadPoolExecutor() as pool:
        pool.submit(lambda: work(last)).result()  # ok: loop-variable-captured
