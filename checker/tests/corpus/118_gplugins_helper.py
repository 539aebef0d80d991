# Adapted from https://github.com/gdsfactory/gplugins/issues/68 (a helper that runs a coroutine whether or not
# a loop is running; only the plain-script branch calls asyncio.run).
import asyncio


async def simulate() -> int:
    await asyncio.sleep(0)
    return 0


def run_sync(coro):
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)  # ok: asyncio-run-in-coroutine
    raise RuntimeError("call `await simulate()` from a running loop")


async def pipeline() -> int:
    loop = asyncio.get_event_loop()  # ok: get-event-loop
    return loop.run_until_complete(simulate())  # expect: asyncio-run-in-coroutine
