import asyncio
import time


def broken(:  # expect-syntax
    return 1


async def still_checked() -> None:
    time.sleep(1)  # expect: sleep-in-coroutine
