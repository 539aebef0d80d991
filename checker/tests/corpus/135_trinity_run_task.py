# Adapted from https://github.com/ethereum/trinity/pull/1168 (a service's run_task that passes on
# CancelledError; the reviewers asked whether it should raise).
import asyncio


class OperationCancelled(Exception):
    pass


class Service:
    def run_task(self, awaitable) -> asyncio.Task:
        async def _run() -> None:
            try:
                await awaitable
            except OperationCancelled:
                pass
            except asyncio.CancelledError:  # expect: cancelled-error-swallowed
                pass

        return asyncio.ensure_future(_run())

    async def stop(self, task: asyncio.Task) -> None:
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:  # ok: cancelled-error-swallowed
            pass
