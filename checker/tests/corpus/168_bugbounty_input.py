# Adapted from https://github.com/openai/bugbounty-gpt/pull/4 (sleeps in async code made the tests slow), with
# a prompt for confirmation that waits on the keyboard in the same coroutine.
import asyncio
import time


async def process_reports(reports: list) -> None:
    for report in reports:
        answer = input(f"Process {report}? [y/N] ")  # expect: input-in-coroutine
        if answer == "y":
            time.sleep(2)  # expect: sleep-in-coroutine
    await asyncio.sleep(0)


async def process_reports_fixed(reports: list) -> None:
    for report in reports:
        answer = await asyncio.to_thread(input, f"Process {report}? [y/N] ")  # ok: input-in-coroutine
        if answer == "y":
            await asyncio.sleep(2)  # ok: sleep-in-coroutine
