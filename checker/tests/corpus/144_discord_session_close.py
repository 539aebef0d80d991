# Adapted from https://github.com/AlexFlipnote/discord_bot.py/issues/54 and https://github.com/nickoala/telepot/issues/378
# (a module that closes its aiohttp session in a plain method).
import aiohttp


class HTTP:
    def __init__(self) -> None:
        self.session = aiohttp.ClientSession()

    def close(self) -> None:
        self.session.close()  # expect: session-not-closed

    async def aclose(self) -> None:
        await self.session.close()  # ok: session-not-closed


async def get(url: str) -> bytes:
    async with aiohttp.ClientSession() as session:  # ok: session-not-closed
        async with session.get(url) as r:
            return await r.read()
# expect-suggest: libs=all
