# Adapted from https://github.com/reactive-python/reactpy/issues/222 and https://github.com/vectorch-ai/ScaleLLM/pull/324
# (asyncio.Queue.put_nowait called from another thread instead of through call_soon_threadsafe).
import asyncio
import threading


def produce(queue: asyncio.Queue, loop: asyncio.AbstractEventLoop) -> None:
    for i in range(3):
        queue.put_nowait(i)  # expect: asyncio-object-from-thread
    loop.call_soon(print, "produced")  # expect: asyncio-object-from-thread


def produce_safely(queue: asyncio.Queue, loop: asyncio.AbstractEventLoop) -> None:
    for i in range(3):
        loop.call_soon_threadsafe(queue.put_nowait, i)  # ok: asyncio-object-from-thread


async def main() -> None:
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()
    threading.Thread(target=produce, args=(queue, loop)).start()
    threading.Thread(target=produce_safely, args=(queue, loop)).start()
    for _ in range(6):
        print(await queue.get())
    queue.put_nowait(None)  # ok: asyncio-object-from-thread


asyncio.run(main())
