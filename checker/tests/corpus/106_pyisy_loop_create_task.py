# Adapted from https://github.com/automicus/PyISY/pull/425 (loop.create_task calls that did not hold a
# strong reference).
import asyncio


async def stream_events() -> None:
    await asyncio.sleep(0)


async def connect() -> None:
    loop = asyncio.get_running_loop()
    loop.create_task(stream_events())  # expect: task-dropped
    asyncio.ensure_future(stream_events())  # expect: task-dropped
    keep = loop.create_task(stream_events())  # ok: task-dropped
    await keep
