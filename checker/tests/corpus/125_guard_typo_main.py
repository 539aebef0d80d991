# Adapted from https://github.com/SigProfilerSuite/SigProfilerExtractor/issues/121: the maintainer's reply wrote
# the guard as `__name__ == 'main'`, which is never true, so nothing under it runs (no process starts there).
from multiprocessing import Pool


def extract(sample: str) -> str:
    return sample.upper()


if __name__ == "main":
    with Pool(2) as pool:  # ok: process-start-without-main-guard
        print(pool.map(extract, ["a", "b"]))
