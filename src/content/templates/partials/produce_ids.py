async def produce(queue: asyncio.Queue[int | None]) -> None:
    """Feed the workers from the source, then tell each of them to stop."""
    for item in item_ids():
        # put() waits while the queue is full: this is the backpressure.
        await queue.put(item)
    for _ in range(CONCURRENCY):
        await queue.put(None)
