import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def crunch(n: int) -> int:
    return sum(i * i for i in range(n))


with ProcessPoolExecutor() as pool:  # expect: process-start-without-main-guard
    print(list(pool.map(crunch, [10, 20, 30])))

worker = multiprocessing.Process(target=crunch, args=(1000,))  # expect: process-start-without-main-guard
worker.start()
worker.join()
