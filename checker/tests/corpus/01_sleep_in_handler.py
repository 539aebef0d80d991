import asyncio
import time


def warm_cache() -> None:
    time.sleep(0.5)  # ok: sleep-in-coroutine


async def poll(url: str) -> None:
    while True:
        print("polling", url)
        time.sleep(2)  # expect: sleep-in-coroutine
        await asyncio.sleep(2)  # ok: sleep-in-coroutine


async def slow_step() -> None:
    await asyncio.to_thread(lambda: time.sleep(1))  # ok: sleep-in-coroutine


if __name__ == "__main__":
    warm_cache()
    asyncio.run(poll("http://127.0.0.1:8000"))
