# Adapted from https://github.com/spulec/freezegun/issues/398 and https://github.com/pexpect/pexpect/issues/686
# (tests that run coroutines through get_event_loop().run_until_complete()).
import asyncio


async def frozen_coroutine() -> None:
    await asyncio.sleep(0)


def run(coro):
    return asyncio.get_event_loop().run_until_complete(coro)  # expect: get-event-loop


def test_time_freeze_coroutine() -> None:
    asyncio.run(frozen_coroutine())  # ok: get-event-loop
    run(frozen_coroutine())
