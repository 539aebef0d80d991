# Adapted from https://github.com/caproto/caproto/pull/627 (the fix: a thread puts through
# run_coroutine_threadsafe instead of touching the queue).
import asyncio
import threading


def reader(queue: asyncio.Queue, loop: asyncio.AbstractEventLoop, stop: threading.Event) -> None:
    while not stop.is_set():
        asyncio.run_coroutine_threadsafe(queue.put(b"frame"), loop).result()  # ok: asyncio-object-from-thread
        stop.set()  # ok: asyncio-object-from-thread


async def main() -> None:
    queue: asyncio.Queue = asyncio.Queue()
    stop = threading.Event()
    t = threading.Thread(target=reader, args=(queue, asyncio.get_running_loop(), stop))
    t.start()
    print(await queue.get())
    await asyncio.to_thread(t.join)


asyncio.run(main())
