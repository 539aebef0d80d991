# Adapted from https://github.com/python/cpython/issues/97970 and https://github.com/locusrobotics/aiorospy/pull/32
# (an asyncio.Queue fed from another thread: the waiting coroutine is never woken).
import asyncio
import threading


def callback_thread(queue: asyncio.Queue, loop: asyncio.AbstractEventLoop) -> None:
    queue.put_nowait("message")  # expect: asyncio-object-from-thread
    loop.call_soon_threadsafe(queue.put_nowait, "message")  # ok: asyncio-object-from-thread


async def main() -> None:
    queue: asyncio.Queue = asyncio.Queue()
    loop = asyncio.get_running_loop()
    threading.Thread(target=callback_thread, args=(queue, loop)).start()
    print(await queue.get())


if __name__ == "__main__":
    asyncio.run(main())
