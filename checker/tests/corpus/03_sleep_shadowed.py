import asyncio


async def sleep(seconds: float) -> None:
    """A project helper with the same name as time.sleep, but awaitable."""
    await asyncio.sleep(seconds)


async def tick() -> None:
    await sleep(1)  # ok: sleep-in-coroutine


class Clock:
    def sleep(self, seconds):
        return seconds

    async def wait(self) -> None:
        self.sleep(3)  # ok: sleep-in-coroutine
