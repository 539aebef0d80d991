# Adapted from https://github.com/ITISFoundation/osparc-simcore/pull/3120 (the BAD and GOOD examples of the
# pull request: the first also forgets the await inside the task).
import asyncio

tasks_collection: set[asyncio.Task] = set()


async def my_task_that_might_never_complete() -> None:
    asyncio.sleep(3600)  # expect: coroutine-not-awaited


async def my_task_that_will_complete() -> None:
    await asyncio.sleep(3600)  # ok: coroutine-not-awaited


async def start() -> None:
    asyncio.create_task(my_task_that_might_never_complete())  # expect: task-dropped
    task = asyncio.create_task(my_task_that_will_complete())  # ok: task-dropped
    tasks_collection.add(task)
    await asyncio.gather(*tasks_collection)
