# Adapted from https://github.com/onerandomusername/monty-python/issues/658 (a socket task started and
# discarded; the fix keeps it on self).
import asyncio


class Bot:
    def __init__(self) -> None:
        self.background_task = None

    async def create_socket(self) -> None:
        await asyncio.sleep(0)

    async def setup_hook(self) -> None:
        asyncio.create_task(self.create_socket())  # expect: task-dropped

    async def setup_hook_kept(self) -> None:
        self.background_task = asyncio.create_task(self.create_socket())  # ok: task-dropped
