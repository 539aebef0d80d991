# Adapted from https://github.com/python/cpython/issues/97970 (a producer and consumer on an asyncio.Queue):
# asyncio's own coroutine methods called without await do nothing.
import asyncio


class Pipeline:
    def __init__(self) -> None:
        self.queue: asyncio.Queue = asyncio.Queue()
        self.done = asyncio.Event()

    async def produce(self, items: list) -> None:
        for item in items:
            self.queue.put(item)  # expect: coroutine-not-awaited
        self.queue.put_nowait(None)  # ok: coroutine-not-awaited
        self.done.set()

    async def consume(self) -> None:
        self.done.wait()  # expect: coroutine-not-awaited
        while (item := await self.queue.get()) is not None:  # ok: coroutine-not-awaited
            print(item)


async def main() -> None:
    lock = asyncio.Lock()
    lock.acquire()  # expect: coroutine-not-awaited
    await lock.acquire()  # ok: coroutine-not-awaited
    lock.release()
