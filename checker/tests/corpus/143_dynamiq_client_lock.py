# Adapted from https://github.com/dynamiq-ai/dynamiq/pull/673 (an async client rebuilt under a threading.Lock
# that awaits aclose() inside it).
import asyncio
import threading

import httpx


class Tracer:
    def __init__(self) -> None:
        self._async_init_mutex = threading.Lock()
        self._async_client: httpx.AsyncClient | None = None

    async def _get_async_client(self) -> httpx.AsyncClient:
        with self._async_init_mutex:  # expect: thread-lock-across-await
            old = self._async_client
            if old is not None:
                await old.aclose()
            self._async_client = httpx.AsyncClient()  # ok: session-not-closed
        return self._async_client
# expect-suggest: libs=all
