import asyncio


async def main() -> None:
    await asyncio.sleep(0.1)


asyncio.run(main())  # ok: asyncio-run-in-notebook

if __name__ == "__main__":
    asyncio.run(main())  # ok: asyncio-run-in-notebook, asyncio-run-in-coroutine
