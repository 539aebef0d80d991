# Adapted from https://github.com/nolar/kopf/pull/1303 (an event set from a thread-pool function, not through
# the loop).
import asyncio

done = asyncio.Event()


def blocking_work(flag: asyncio.Event) -> int:
    total = sum(range(1000))
    flag.set()  # expect: asyncio-object-from-thread
    return total


def blocking_work_quiet(n: int) -> int:
    return sum(range(n))  # ok: asyncio-object-from-thread


async def main() -> None:
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    total = await loop.run_in_executor(None, blocking_work, done)
    quiet = await asyncio.to_thread(blocking_work_quiet, 10)
    fut.set_result(total + quiet)  # ok: asyncio-object-from-thread
    print(await fut)


asyncio.run(main())
