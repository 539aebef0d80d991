# Adapted from https://github.com/langflow-ai/langflow/pull/6625 (CancelledError caught and dropped in a
# worker loop; the fix re-raises after cleanup).
import asyncio
import logging


async def consume(queue: asyncio.Queue) -> None:
    while True:
        try:
            item = await queue.get()
            logging.info("got %s", item)
        except asyncio.CancelledError:  # expect: cancelled-error-swallowed
            logging.info("consumer stopped")
            break


async def consume_fixed(queue: asyncio.Queue) -> None:
    while True:
        try:
            item = await queue.get()
            logging.info("got %s", item)
        except asyncio.CancelledError:  # ok: cancelled-error-swallowed
            logging.info("consumer stopped")
            raise
