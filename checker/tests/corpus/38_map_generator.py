import itertools
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool


def read_rows(path: str):
    with open(path) as handle:
        for line in handle:
            yield line.rstrip("\n")


def parse(row: str) -> int:
    return len(row)


def main(path: str) -> None:
    with ProcessPoolExecutor() as pool:
        print(sum(pool.map(parse, read_rows(path))))  # expect: map-unbounded-input
        print(list(pool.map(parse, ["a", "bb", "ccc"])))  # ok: map-unbounded-input
        print(list(pool.map(parse, (str(n) for n in itertools.count()))))  # expect: map-unbounded-input
        print(list(pool.map(parse, itertools.repeat("x", 10))))  # ok: map-unbounded-input
    with Pool(2) as mp_pool:
        for size in mp_pool.imap(parse, read_rows(path)):  # ok: map-unbounded-input
            print(size)


if __name__ == "__main__":
    main("rows.txt")
