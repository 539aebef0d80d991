# Adapted from https://github.com/CodeWithJoe2020/pythonSniperbot/issues/6 (module-level get_event_loop()
# with no loop running: a DeprecationWarning, then an error in newer Pythons).
import asyncio


async def watch(pair: str) -> None:
    await asyncio.sleep(1)


loop = asyncio.get_event_loop()  # expect: get-event-loop
loop.run_until_complete(asyncio.gather(watch("A"), watch("B")))  # ok: asyncio-run-in-coroutine
