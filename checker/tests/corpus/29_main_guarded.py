import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def crunch(n: int) -> int:
    return n * 2


def main() -> None:
    with ProcessPoolExecutor() as pool:
        print(list(pool.map(crunch, range(10))))


if __name__ == "__main__":
    multiprocessing.freeze_support()
    main()  # ok: process-start-without-main-guard
    with ProcessPoolExecutor(2) as again:  # ok: process-start-without-main-guard
        print(again.submit(crunch, 1).result())
