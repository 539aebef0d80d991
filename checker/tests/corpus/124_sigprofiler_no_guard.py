# Adapted from https://github.com/SigProfilerSuite/SigProfilerExtractor/issues/121 (a pool started at import
# time by a script run on macOS/Windows, where workers import the main module again).
from multiprocessing import Pool


def extract(sample: str) -> str:
    return sample.upper()


samples = ["a", "b", "c"]
with Pool(2) as pool:  # expect: process-start-without-main-guard
    print(pool.map(extract, samples))
