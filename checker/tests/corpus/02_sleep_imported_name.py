from time import sleep as pause
import asyncio


async def backoff(attempt: int) -> None:
    pause(2 ** attempt)  # expect: sleep-in-coroutine


async def retry(op):
    for attempt in range(5):
        try:
            return await op()
        except OSError:
            await backoff(attempt)
    raise RuntimeError("gave up")


def blocking_backoff(attempt: int) -> None:
    pause(attempt)  # ok: sleep-in-coroutine
