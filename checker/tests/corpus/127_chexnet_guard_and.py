# Adapted from https://github.com/brucechou1983/CheXNet-Keras/issues/56 (training with worker processes;
# the guard here also checks the command line).
import sys
from concurrent.futures import ProcessPoolExecutor


def augment(i: int) -> int:
    return i * 2


if __name__ == "__main__" and len(sys.argv) > 1:
    with ProcessPoolExecutor() as pool:  # ok: process-start-without-main-guard
        print(list(pool.map(augment, range(int(sys.argv[1])))))
