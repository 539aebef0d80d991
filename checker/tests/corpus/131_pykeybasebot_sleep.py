# Adapted from https://github.com/keybase/pykeybasebot/pull/18 (a bot's retry loop that slept with time.sleep
# inside async code).
import asyncio
import time


async def wait_for_server(check) -> None:
    for _ in range(10):
        if await check():
            return
        time.sleep(1)  # expect: sleep-in-coroutine


async def wait_for_server_fixed(check) -> None:
    for _ in range(10):
        if await check():
            return
        await asyncio.sleep(1)  # ok: sleep-in-coroutine


def wait_sync(check) -> None:
    while not check():
        time.sleep(1)  # ok: sleep-in-coroutine
