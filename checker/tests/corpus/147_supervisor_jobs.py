# Adapted from https://github.com/home-assistant/supervisor/pull/7220 (a job scheduled in the background
# whose failure stays on the task; the fix retrieves it in a done callback).
import asyncio
import logging


class JobManager:
    def __init__(self) -> None:
        self._jobs: set[asyncio.Task] = set()

    def _finished(self, task: asyncio.Task) -> None:
        self._jobs.discard(task)
        if not task.cancelled() and (err := task.exception()):
            logging.warning("job failed: %s", err)

    def schedule_job(self, coro) -> asyncio.Task:
        task = asyncio.create_task(coro)  # ok: task-exception-never-retrieved
        self._jobs.add(task)
        task.add_done_callback(self._finished)
        return task

    def schedule_quiet(self, coro) -> None:
        job = asyncio.create_task(coro)  # expect: task-exception-never-retrieved
        self._jobs.add(job)
        job.add_done_callback(self._jobs.discard)
