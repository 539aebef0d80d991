import asyncio


async def job() -> int:
    loop = asyncio.get_running_loop()  # ok: get-event-loop
    return await loop.run_in_executor(None, sum, [1, 2, 3])


def run_old_style() -> int:
    loop = asyncio.get_event_loop()  # expect: get-event-loop
    return loop.run_until_complete(job())  # ok: asyncio-run-in-coroutine


def run_new_style() -> int:
    return asyncio.run(job())


policy_loop = asyncio.get_event_loop_policy()  # ok: get-event-loop
