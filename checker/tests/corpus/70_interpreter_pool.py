"""InterpreterPoolExecutor (3.14) behind the guard, with a module-level function: no findings."""
from concurrent.futures import InterpreterPoolExecutor


def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def main() -> None:
    with InterpreterPoolExecutor(max_workers=4) as pool:
        print(list(pool.map(fib, [20, 21, 22])))


if __name__ == "__main__":
    main()
