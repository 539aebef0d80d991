# Adapted from https://chenghuzi.github.io/16636018483283.html (only top-level functions pickle; a top-level
# wrapper works around a function that is not).
import functools
import multiprocessing


def power(x: int, n: int) -> int:
    return x ** n


def squares(values: list[int]) -> list[int]:
    with multiprocessing.Pool() as pool:
        return pool.map(functools.partial(power, n=2), values)  # ok: local-callable-to-process-pool


def cubes(values: list[int]) -> list[int]:
    cube = functools.partial(lambda x, n: x ** n, n=3)
    with multiprocessing.Pool() as pool:
        return pool.map(cube, values)  # ok: lambda-to-process-pool


if __name__ == "__main__":
    print(squares([1, 2]), cubes([1, 2]))
