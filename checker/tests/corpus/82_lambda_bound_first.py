# Adapted from http://fjwr48.hatenablog.com/entry/2013/12/12/020436 (a lambda bound to a name first, then given
# to Pool.imap: it still cannot be pickled; a function that uses a lambda inside is fine).
import multiprocessing

square = lambda x: x * x


def square_plus_two(x):
    f = lambda y: y * y
    return f(x) + 2


def run_local(values):
    double = lambda v: v * 2
    with multiprocessing.Pool(4) as pool:
        return pool.map(double, values)  # expect: lambda-to-process-pool


if __name__ == "__main__":
    with multiprocessing.Pool(4) as pool:
        for item in pool.imap(square, range(10)):  # expect: lambda-to-process-pool
            print(item)
        print(pool.map(square_plus_two, range(10)))  # ok: lambda-to-process-pool
    print(list(map(square, range(3))))  # ok: lambda-to-process-pool
