# Adapted from https://buglyst.com/learn/guides/python-multiprocessing-pickling-debug (a lambda closure given
# to apply_async; the callback runs in the parent and is fine).
import multiprocessing

results = []


def collect(value: int) -> None:
    results.append(value)


if __name__ == "__main__":
    offset = 5
    with multiprocessing.Pool(2) as pool:
        r = pool.apply_async(lambda: offset * 2, callback=collect)  # expect: lambda-to-process-pool
        s = pool.apply_async(abs, (-offset,), callback=lambda v: results.append(v))  # ok: lambda-to-process-pool
        print(r.get(), s.get())
