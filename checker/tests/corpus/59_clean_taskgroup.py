"""TaskGroup with a timeout (3.11+): no findings expected."""
import asyncio


async def step(n: int) -> int:
    await asyncio.sleep(n / 100)
    return n


async def main() -> None:
    async with asyncio.timeout(5):
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(step(n)) for n in range(10)]
    print(sum(t.result() for t in tasks))


if __name__ == "__main__":
    asyncio.run(main())
