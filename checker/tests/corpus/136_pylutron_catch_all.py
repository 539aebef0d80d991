# Adapted from https://github.com/gurumitts/pylutron-caseta/pull/182 (cancellation consumed at the bottom
# of a task, so task.cancelled() is never true).
import asyncio
import logging


async def monitor(bridge) -> None:
    while True:
        try:
            await bridge.read_event()
        except:  # expect: cancelled-error-swallowed
            logging.exception("monitor failed")
            await asyncio.sleep(1)


async def monitor_fixed(bridge) -> None:
    while True:
        try:
            await bridge.read_event()
        except Exception:  # ok: cancelled-error-swallowed
            logging.exception("monitor failed")
            await asyncio.sleep(1)
