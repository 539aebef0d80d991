# Adapted from https://github.com/python-consul/python-consul/issues/226 (the aio client's close() that drops
# the session's close coroutine).
import asyncio

import aiohttp


class HTTPClient:
    def __init__(self) -> None:
        self._session = aiohttp.ClientSession()

    def close(self):
        return self._session.close()  # ok: session-not-closed

    def close_and_forget(self) -> None:
        self._session.close()  # expect: session-not-closed


async def main() -> None:
    client = HTTPClient()
    await client.close()
    await asyncio.sleep(0)
# expect-suggest: libs=all
