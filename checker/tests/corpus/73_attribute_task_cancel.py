import asyncio


class Poller:
    def __init__(self) -> None:
        self._task: asyncio.Task | None = None
        self._helpers: list[asyncio.Task] = []

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(1)

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())
        self._helpers = [asyncio.create_task(self._run()) for _ in range(2)]

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:  # ok: cancelled-error-swallowed
                pass
        for helper in self._helpers:
            helper.cancel()
        await asyncio.gather(*self._helpers, return_exceptions=True)  # ok: gather-exceptions-unchecked

    async def stop_badly(self) -> None:
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:  # expect: cancelled-error-swallowed
            self._task = None
