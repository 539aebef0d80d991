import multiprocessing


def crunch(n: int) -> int:
    return n * 2


def run_pool() -> list[int]:
    with multiprocessing.Pool() as pool:  # ok: process-start-without-main-guard
        return pool.map(crunch, range(10))


def main() -> None:
    print(run_pool())


main()  # expect: process-start-without-main-guard
