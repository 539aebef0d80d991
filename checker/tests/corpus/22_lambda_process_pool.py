from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def square(x: int) -> int:
    return x * x


def main() -> None:
    data = list(range(100))
    with ProcessPoolExecutor(max_workers=4) as pool:
        future = pool.submit(lambda: sum(data))  # expect: lambda-to-process-pool
        doubled = list(pool.map(lambda x: x * 2, data))  # expect: lambda-to-process-pool
        squares = list(pool.map(square, data))  # ok: lambda-to-process-pool
        print(future.result(), doubled[:3], squares[:3])
    with ThreadPoolExecutor(max_workers=4) as threads:
        halves = list(threads.map(lambda x: x / 2, data))  # ok: lambda-to-process-pool
        print(halves[:3])


if __name__ == "__main__":
    main()
