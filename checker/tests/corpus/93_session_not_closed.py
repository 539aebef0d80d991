# Adapted from https://github.com/prkumar/uplink/issues/99 and https://github.com/rougeth/bottery/issues/175
# (ClientSession.close() became a coroutine: calling it without await closes nothing).
import aiohttp


class Bot:
    def __init__(self) -> None:
        self.session = aiohttp.ClientSession()

    async def stop(self) -> None:
        self.session.close()  # expect: session-not-closed


class GoodBot:
    def __init__(self) -> None:
        self.session = aiohttp.ClientSession()

    async def stop(self) -> None:
        await self.session.close()  # ok: session-not-closed


async def fetch(url: str) -> str:
    session = aiohttp.ClientSession()  # expect: session-not-closed
    async with session.get(url) as response:
        return await response.text()


async def fetch_closed(url: str) -> str:
    async with aiohttp.ClientSession() as session:  # ok: session-not-closed
        async with session.get(url) as response:
            return await response.text()


async def fetch_finally(url: str) -> str:
    session = aiohttp.ClientSession()  # ok: session-not-closed
    try:
        async with session.get(url) as response:
            return await response.text()
    finally:
        await session.close()
# expect-suggest: libs=all
