import multiprocessing
import os
from concurrent.futures import ThreadPoolExecutor


def io_task(n: int) -> int:
    return n


def child_work() -> None:
    print("child", os.getpid())


def main() -> None:
    with ThreadPoolExecutor() as pool:
        print(list(pool.map(io_task, range(4))))
        pid = os.fork()  # expect: fork-with-threads
        if pid == 0:
            child_work()
            os._exit(0)
        os.waitpid(pid, 0)


def configure() -> None:
    multiprocessing.set_start_method("fork")  # expect: fork-with-threads


def configure_right() -> multiprocessing.context.BaseContext:
    return multiprocessing.get_context("spawn")  # ok: fork-with-threads


if __name__ == "__main__":
    configure()
    main()
