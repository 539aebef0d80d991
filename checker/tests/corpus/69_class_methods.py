import asyncio


class Cache:
    def __init__(self) -> None:
        self.data: dict[str, str] = {}

    async def refresh(self) -> None:
        await asyncio.sleep(0.01)

    def size(self) -> int:
        return len(self.data)

    @staticmethod
    async def ping() -> None:
        await asyncio.sleep(0)

    async def get(self, key: str) -> str:
        self.refresh()  # expect: coroutine-not-awaited
        self.size()  # ok: coroutine-not-awaited
        await self.refresh()  # ok: coroutine-not-awaited
        return self.data.get(key, "")


async def main() -> None:
    cache = Cache()
    print(await cache.get("a"))


if __name__ == "__main__":
    asyncio.run(main())
