"""Blocking SDK calls moved to threads, with a stop flag: no findings expected."""
import asyncio
import threading
import time


def legacy_call(item: int, stop: threading.Event) -> int:
    for _ in range(10):
        if stop.is_set():
            raise TimeoutError("stopped")
        time.sleep(0.01)
    return item


async def call(item: int) -> int:
    stop = threading.Event()
    try:
        return await asyncio.to_thread(legacy_call, item, stop)
    except asyncio.CancelledError:
        stop.set()
        raise


async def main() -> None:
    results = await asyncio.gather(*(call(i) for i in range(5)))
    print(results)


if __name__ == "__main__":
    asyncio.run(main())
