# Adapted from https://github.com/Yale-Libs/yalexs-ble/issues/327 (a fire-and-forget helper whose only done
# callback removes the task from the set).
import asyncio

_tasks: set = set()


async def disconnect() -> None:
    await asyncio.sleep(0)


def background(coro) -> None:
    task = asyncio.create_task(coro)  # expect: task-exception-never-retrieved
    _tasks.add(task)
    task.add_done_callback(_tasks.remove)


def background_watched(coro) -> asyncio.Task:
    task = asyncio.create_task(coro)  # ok: task-exception-never-retrieved
    _tasks.add(task)
    task.add_done_callback(_tasks.remove)
    return task


async def main() -> None:
    background(disconnect())
    print(len(_tasks))
    await asyncio.sleep(0.1)
