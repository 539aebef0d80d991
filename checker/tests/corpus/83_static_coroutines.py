# Adapted from https://github.com/qvantel/jsonapi-client/issues/27 (a coroutine called like a plain function;
# here a static and a class coroutine of the program's own).
import asyncio


class Store:
    @staticmethod
    async def flush() -> None:
        await asyncio.sleep(0)

    @classmethod
    async def reset(cls) -> None:
        await asyncio.sleep(0)

    def flush_sync(self) -> None:
        pass

    async def close(self) -> None:
        self.flush()  # expect: coroutine-not-awaited
        Store.reset()  # expect: coroutine-not-awaited
        self.flush_sync()  # ok: coroutine-not-awaited
        await self.flush()  # ok: coroutine-not-awaited
        await Store.reset()  # ok: coroutine-not-awaited
