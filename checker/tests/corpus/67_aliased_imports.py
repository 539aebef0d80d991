import asyncio as aio
import concurrent.futures as cf


def total(values: list[int]) -> int:
    return sum(values)


def main() -> None:
    loop = aio.get_event_loop()  # expect: get-event-loop
    with cf.ProcessPoolExecutor() as pool:
        doubled = pool.submit(lambda: total([1, 2]))  # expect: lambda-to-process-pool
        print(doubled.result())
    with cf.ThreadPoolExecutor() as threads:
        print(threads.submit(lambda: total([3])).result())  # ok: lambda-to-process-pool
    loop.close()


if __name__ == "__main__":
    main()
