# Adapted from https://github.com/crewAIInc/crewAI/pull/4827 (a pool lock switched to threading.Lock around an
# awaited run_in_executor call).
import asyncio
import threading

_pool_lock = threading.Lock()
_pool: list = []


def connect() -> object:
    return object()


async def get_connection() -> object:
    loop = asyncio.get_running_loop()
    with _pool_lock:  # expect: thread-lock-across-await
        if not _pool:
            _pool.append(await loop.run_in_executor(None, connect))
        return _pool[0]


def get_connection_sync() -> object:
    with _pool_lock:  # ok: thread-lock-across-await
        if not _pool:
            _pool.append(connect())
        return _pool[0]


async def counter() -> int:
    guard = threading.RLock()
    with guard:  # expect: thread-lock-across-await
        await asyncio.sleep(0)
    return 1
