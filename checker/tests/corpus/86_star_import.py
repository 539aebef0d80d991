# Adapted from https://github.com/python/cpython/issues/117379 (the docs' create_task example, written with
# a star import).
from asyncio import *


async def forever() -> None:
    while True:
        await sleep(1)


async def forever_and_one_day() -> None:
    create_task(forever())  # expect: task-dropped
    kept = create_task(forever())  # ok: task-dropped
    while True:
        sleep(1)  # expect: coroutine-not-awaited
        await sleep(1)  # ok: coroutine-not-awaited
        kept.cancel()


run(forever_and_one_day())
