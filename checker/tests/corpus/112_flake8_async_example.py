# Adapted from https://github.com/python-trio/flake8-async/issues/207 (the case a linter should catch, and
# the TaskGroup it would rather see).
import asyncio


async def worker(n: int) -> int:
    await asyncio.sleep(0)
    return n


async def fire_and_forget() -> None:
    for n in range(3):
        asyncio.create_task(worker(n))  # expect: task-dropped


async def structured() -> list[int]:
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(worker(n)) for n in range(3)]  # ok: task-dropped
    return [t.result() for t in tasks]
