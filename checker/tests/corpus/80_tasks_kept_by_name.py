# Adapted from https://github.com/python-zeroconf/python-zeroconf/issues/1126 (tasks created and their result
# thrown away in several shapes).
import asyncio


async def announce(name: str) -> None:
    await asyncio.sleep(0.1)


def log_done(task: asyncio.Task) -> None:
    print("done", task.get_name())


async def start(names: list[str]) -> None:
    _ = asyncio.create_task(announce("first"))  # expect: task-dropped
    [asyncio.create_task(announce(n)) for n in names]  # expect: task-dropped
    asyncio.create_task(announce("last")).add_done_callback(log_done)  # expect: task-dropped


async def start_kept(names: list[str]) -> list[asyncio.Task]:
    tasks = [asyncio.create_task(announce(n)) for n in names]  # ok: task-dropped
    first = asyncio.create_task(announce("first"))  # ok: task-dropped
    first.add_done_callback(log_done)
    return tasks + [first]
