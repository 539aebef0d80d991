"""CPU work in a process pool, chunked, behind the main guard: no findings expected."""
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor


def score(text: str) -> int:
    total = 0
    for ch in text:
        total = (total * 31 + ord(ch)) % 1_000_003
    return total


def main() -> None:
    texts = [f"document {i}" * 100 for i in range(1000)]
    context = multiprocessing.get_context("spawn")
    workers = os.cpu_count() or 1
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        scores = list(pool.map(score, texts, chunksize=50))
    print(max(scores))


if __name__ == "__main__":
    main()
