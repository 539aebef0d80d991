# Adapted from https://github.com/hezhangsprinter/DID-MDN/issues/3 (a test script whose data loader starts
# worker processes at import time).
import multiprocessing


def load(i: int) -> int:
    return i


workers = [multiprocessing.Process(target=load, args=(i,)) for i in range(2)]  # expect: process-start-without-main-guard
for w in workers:
    w.start()
