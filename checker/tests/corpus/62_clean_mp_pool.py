"""multiprocessing.Pool with imap over a generator and a start method: no findings expected."""
import multiprocessing


def numbers(limit: int):
    for n in range(limit):
        yield n


def cube(n: int) -> int:
    return n ** 3


def main() -> None:
    with multiprocessing.get_context("forkserver").Pool(4) as pool:
        total = 0
        for value in pool.imap_unordered(cube, numbers(10_000), chunksize=100):
            total += value
    print(total)


if __name__ == "__main__":
    main()
