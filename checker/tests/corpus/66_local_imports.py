async def pause() -> None:
    import time

    time.sleep(1)  # expect: sleep-in-coroutine


async def pause_right() -> None:
    import asyncio

    await asyncio.sleep(1)  # ok: sleep-in-coroutine
