# Adapted from http://fjwr48.hatenablog.com/entry/2013/12/12/020436 (the post's guard reads `=` for `==`: a
# syntax error, not a missing guard).
import multiprocessing


def work(x):
    return x * x


if __name__ = "__main__":  # expect-syntax
    p = multiprocessing.Pool(4)  # ok: process-start-without-main-guard
    print(p.map(work, range(10)))
