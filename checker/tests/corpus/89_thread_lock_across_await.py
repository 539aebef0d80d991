# Adapted from https://github.com/Azure/azure-sdk-for-python/pull/11591 (a threading.Lock taken in a coroutine
# that then awaits: a second coroutine blocks the loop's thread on acquire()).
import asyncio
import threading


class TokenPolicy:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._async_lock = asyncio.Lock()
        self._token = None

    async def _refresh(self) -> str:
        await asyncio.sleep(0.1)
        return "token"

    async def token(self) -> str:
        with self._lock:  # expect: thread-lock-across-await
            if self._token is None:
                self._token = await self._refresh()
        return self._token

    async def token_async_lock(self) -> str:
        async with self._async_lock:  # ok: thread-lock-across-await
            if self._token is None:
                self._token = await self._refresh()
        return self._token

    async def token_copy(self) -> str:
        with self._lock:  # ok: thread-lock-across-await
            current = self._token
        return current or await self._refresh()
