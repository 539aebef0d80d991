# Adapted from https://github.com/ikalchev/HAP-python/pull/460 (an accessory driver that started tasks
# without keeping them).
import asyncio


class Driver:
    def __init__(self) -> None:
        self.loop = asyncio.get_event_loop()  # expect: get-event-loop
        self.tasks: set[asyncio.Task] = set()

    async def publish(self, data: dict) -> None:
        await asyncio.sleep(0)

    def async_send_event(self, data: dict) -> None:
        self.loop.create_task(self.publish(data))  # ok: task-dropped

    async def async_start(self) -> None:
        asyncio.create_task(self.publish({}))  # expect: task-dropped
        task = asyncio.create_task(self.publish({"start": True}))  # ok: task-dropped
        await task
