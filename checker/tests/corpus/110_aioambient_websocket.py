# Adapted from https://github.com/bachya/aioambient/issues/486 (a websocket client that schedules its
# reconnect without holding the task).
import asyncio


class Websocket:
    def __init__(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._reconnect_task: asyncio.Task | None = None

    async def _reconnect(self) -> None:
        await asyncio.sleep(1)

    def on_disconnect(self) -> None:
        self._loop.create_task(self._reconnect())  # ok: task-dropped

    def on_disconnect_kept(self) -> None:
        self._reconnect_task = self._loop.create_task(self._reconnect())  # ok: task-dropped

    async def watchdog(self) -> None:
        asyncio.ensure_future(self._reconnect())  # expect: task-dropped
