# Adapted from https://github.com/ApeWorX/web3.py/pull/2233 and https://github.com/newAM/idasen/pull/331
# (benchmark and device helpers that waited with time.sleep in async functions).
import asyncio
import time as clock


async def wait_for_port(port: int) -> None:
    for _ in range(50):
        clock.sleep(0.1)  # expect: sleep-in-coroutine
    await asyncio.sleep(0)


def wait_for_port_sync(port: int) -> None:
    for _ in range(50):
        clock.sleep(0.1)  # ok: sleep-in-coroutine
