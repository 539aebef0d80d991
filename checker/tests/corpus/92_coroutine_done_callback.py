# Adapted from https://github.com/python-consul/python-consul/pull/275 (cleanup written as a coroutine and
# registered where a plain function is called).
import asyncio
import atexit


class Worker:
    async def on_done(self, task: asyncio.Task) -> None:
        await asyncio.sleep(0)

    def on_done_sync(self, task: asyncio.Task) -> None:
        print(task.result())

    async def close(self) -> None:
        await asyncio.sleep(0)

    async def start(self) -> None:
        task = asyncio.create_task(asyncio.sleep(1))
        task.add_done_callback(self.on_done)  # expect: coroutine-as-callback
        task.add_done_callback(self.on_done_sync)  # ok: coroutine-as-callback
        atexit.register(self.close)  # expect: coroutine-as-callback
        await task
