"""A bounded queue between a producer and workers: no findings expected."""
import asyncio


async def produce(queue: asyncio.Queue, count: int) -> None:
    for i in range(count):
        await queue.put(i)


async def consume(queue: asyncio.Queue, totals: list[int]) -> None:
    while True:
        item = await queue.get()
        try:
            totals.append(item * 2)
        finally:
            queue.task_done()


async def main() -> None:
    queue: asyncio.Queue = asyncio.Queue(maxsize=10)
    totals: list[int] = []
    workers = [asyncio.create_task(consume(queue, totals)) for _ in range(4)]
    await produce(queue, 100)
    await queue.join()
    for worker in workers:
        worker.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print(sum(totals))


if __name__ == "__main__":
    asyncio.run(main())
