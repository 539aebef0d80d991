import asyncio
from asyncio import CancelledError


def on_done(future: asyncio.Future) -> None:
    try:
        future.result()
    except CancelledError:  # ok: cancelled-error-swallowed
        print("cancelled")


async def with_timeout(coro) -> object:
    try:
        return await asyncio.wait_for(coro, 5)
    except (CancelledError, TimeoutError):  # expect: cancelled-error-swallowed
        return None


async def with_base(coro) -> object:
    try:
        return await coro
    except BaseException as error:  # expect: cancelled-error-swallowed
        print("failed", error)
        return None


async def no_await_inside() -> int:
    try:
        return int("42")
    except BaseException:  # ok: cancelled-error-swallowed
        return 0


async def graceful(coro) -> None:
    try:
        await coro
    except CancelledError:  # ok: cancelled-error-swallowed
        if asyncio.current_task().cancelling():
            raise


async def shutdown(tasks: list[asyncio.Task]) -> None:
    for task in tasks:
        task.cancel()
    try:
        await asyncio.gather(*tasks)
    except CancelledError:  # ok: cancelled-error-swallowed
        pass
