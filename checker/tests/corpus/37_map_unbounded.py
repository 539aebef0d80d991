import itertools
import sys
from concurrent.futures import ThreadPoolExecutor


def handle(n: int) -> int:
    return n


def handle_line(line: str) -> int:
    return len(line)


def main() -> None:
    with ThreadPoolExecutor() as executor:
        for result in executor.map(handle, itertools.count()):  # expect: map-unbounded-input
            if result > 100:
                break
        sizes = executor.map(handle_line, sys.stdin)  # expect: map-unbounded-input
        print(list(sizes))
        print(list(executor.map(handle, range(10))))  # ok: map-unbounded-input
        print(list(executor.map(handle, itertools.count(), buffersize=8)))  # ok: map-unbounded-input
    for n in map(handle, itertools.count()):  # ok: map-unbounded-input
        if n > 3:
            break


if __name__ == "__main__":
    main()
