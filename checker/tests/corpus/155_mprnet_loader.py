# Adapted from https://github.com/swz30/MPRNet/issues/114 and https://github.com/hassan-mahmood/TIES_DataGeneration/issues/13
# (training scripts whose worker processes start at import time on Windows).
from concurrent.futures import ProcessPoolExecutor


def load_batch(i: int) -> list:
    return [i]


def train(epochs: int) -> None:
    with ProcessPoolExecutor(2) as pool:
        for epoch in range(epochs):
            print(list(pool.map(load_batch, range(4))))


train(2)  # expect: process-start-without-main-guard
