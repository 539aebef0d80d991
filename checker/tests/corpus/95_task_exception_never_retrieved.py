# Adapted from https://github.com/HKUDS/nanobot/issues/5429 (background tasks kept in a set and discarded when
# done; a failure is only ever seen as asyncio's "Task exception was never retrieved").
import asyncio
import logging


class AgentLoop:
    def __init__(self) -> None:
        self._background_tasks: set[asyncio.Task] = set()

    def schedule_background(self, coro) -> None:
        task = asyncio.create_task(coro)  # expect: task-exception-never-retrieved
        self._background_tasks.add(task)
        task.add_done_callback(self._background_tasks.discard)


def _log_failure(task: asyncio.Task) -> None:
    if not task.cancelled() and task.exception() is not None:
        logging.error("background task failed", exc_info=task.exception())


class LoggedLoop:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task] = set()

    def schedule(self, coro) -> None:
        task = asyncio.create_task(coro)  # ok: task-exception-never-retrieved
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        task.add_done_callback(_log_failure)


class DrainedLoop:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task] = set()

    def schedule(self, coro) -> None:
        task = asyncio.create_task(coro)  # ok: task-exception-never-retrieved
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def close(self) -> None:
        for result in await asyncio.gather(*self._tasks, return_exceptions=True):
            if isinstance(result, Exception):
                logging.error("task failed: %r", result)
