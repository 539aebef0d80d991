# Adapted from https://github.com/bolna-ai/bolna/pull/809 (fire-and-forget call sites routed through a helper
# that keeps a strong reference and logs failures).
import asyncio
import logging

_tracked: set[asyncio.Task] = set()


def _done(task: asyncio.Task) -> None:
    _tracked.discard(task)
    if not task.cancelled() and task.exception() is not None:
        logging.error("background task failed: %r", task.exception())


def create_tracked_task(coro) -> asyncio.Task:
    task = asyncio.create_task(coro)  # ok: task-dropped, task-exception-never-retrieved
    _tracked.add(task)
    task.add_done_callback(_done)
    return task


async def write_request_logs(data: dict) -> None:
    await asyncio.sleep(0)


async def handle(data: dict) -> None:
    asyncio.create_task(write_request_logs(data))  # expect: task-dropped
    create_tracked_task(write_request_logs(data))  # ok: task-dropped
