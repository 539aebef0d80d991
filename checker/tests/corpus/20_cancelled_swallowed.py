import asyncio
import logging


async def consume(queue: asyncio.Queue) -> None:
    try:
        while True:
            item = await queue.get()
            print(item)
            queue.task_done()
    except asyncio.CancelledError:  # expect: cancelled-error-swallowed
        logging.info("consumer stopped")


async def consume_cleanly(queue: asyncio.Queue) -> None:
    try:
        while True:
            await queue.get()
            queue.task_done()
    except asyncio.CancelledError:  # ok: cancelled-error-swallowed
        logging.info("consumer stopped")
        raise


async def guarded_call(coro) -> None:
    try:
        await coro
    except:  # expect: cancelled-error-swallowed
        logging.exception("call failed")


async def guarded_call_right(coro) -> None:
    try:
        await coro
    except Exception:  # ok: cancelled-error-swallowed
        logging.exception("call failed")


async def stop(task: asyncio.Task) -> None:
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:  # ok: cancelled-error-swallowed
        pass
