import asyncio


async def open(path: str) -> str:
    await asyncio.sleep(0)
    return path


async def read(path: str) -> str:
    return await open(path)  # ok: file-io-in-coroutine


async def wait_with(time) -> None:
    time.sleep(1)  # ok: sleep-in-coroutine


class Timer:
    async def input(self) -> str:
        return "x"

    async def run(self) -> str:
        return await self.input()  # ok: input-in-coroutine
