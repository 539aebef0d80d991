# Adapted from https://errornotes.dev/en/errors/python/fixing-typeerror-cannot-pickle-in-python-multiprocessing
# (the lambda given to Pool.map, and the top-level function that fixes it).
import multiprocessing


def multiply_by_ten(x: int) -> int:
    return x * 10


if __name__ == "__main__":
    with multiprocessing.Pool(processes=4) as p:
        print(p.map(lambda x: x * 10, [1, 2, 3]))  # expect: lambda-to-process-pool
        print(p.map(multiply_by_ten, [1, 2, 3]))  # ok: lambda-to-process-pool
