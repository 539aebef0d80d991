import multiprocessing
import os


def crunch(n: int) -> int:
    return n * n


pid = os.fork()  # ok: fork-with-threads
if pid == 0:
    os._exit(0)

context = multiprocessing.get_context("fork")  # ok: fork-with-threads
with context.Pool(2) as pool:  # ok: process-start-without-main-guard
    print(pool.map(crunch, range(4)))
