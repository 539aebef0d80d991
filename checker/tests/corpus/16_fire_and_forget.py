import asyncio

background_tasks: set[asyncio.Task] = set()


async def send_metric(name: str) -> None:
    await asyncio.sleep(0.01)


async def handle(name: str) -> None:
    asyncio.create_task(send_metric(name))  # expect: task-dropped
    asyncio.ensure_future(send_metric(name))  # expect: task-dropped
    loop = asyncio.get_running_loop()
    loop.create_task(send_metric(name))  # expect: task-dropped


async def handle_kept(name: str) -> None:
    task = asyncio.create_task(send_metric(name))  # expect: task-exception-never-retrieved
    background_tasks.add(task)
    task.add_done_callback(background_tasks.discard)


async def handle_group(names: list[str]) -> None:
    async with asyncio.TaskGroup() as group:
        for name in names:
            group.create_task(send_metric(name))  # ok: task-dropped


async def handle_existing(task: asyncio.Task) -> None:
    asyncio.ensure_future(task)  # ok: task-dropped


async def handle_awaited(name: str) -> None:
    await asyncio.create_task(send_metric(name))  # ok: task-dropped
