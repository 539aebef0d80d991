# Adapted from https://github.com/hotosm/tasking-manager/issues/7303 (a throttle every ten messages that
# blocked the loop for half a second).
import asyncio
import time
from time import sleep as pause


async def push_messages(messages: list, send) -> None:
    for i, message in enumerate(messages):
        await send(message)
        if (i + 1) % 10 == 0:
            time.sleep(0.5)  # expect: sleep-in-coroutine
        if (i + 1) % 100 == 0:
            pause(1)  # expect: sleep-in-coroutine


async def push_messages_fixed(messages: list, send) -> None:
    for i, message in enumerate(messages):
        await send(message)
        if (i + 1) % 10 == 0:
            await asyncio.sleep(0.5)  # ok: sleep-in-coroutine
