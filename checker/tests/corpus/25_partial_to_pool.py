import functools
from concurrent.futures import ProcessPoolExecutor


def scale(factor: int, x: int) -> int:
    return factor * x


def main() -> None:
    def shift(offset: int, x: int) -> int:
        return offset + x

    with ProcessPoolExecutor() as pool:
        a = list(pool.map(functools.partial(scale, 3), range(5)))  # ok: local-callable-to-process-pool
        b = list(pool.map(functools.partial(shift, 3), range(5)))  # expect: local-callable-to-process-pool
        print(a, b)


if __name__ == "__main__":
    main()
