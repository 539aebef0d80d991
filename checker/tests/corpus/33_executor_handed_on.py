import asyncio
import contextlib
from concurrent.futures import ThreadPoolExecutor


def blocking(n: int) -> int:
    return n


def make_executor() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=4)  # ok: executor-never-shut-down


async def main() -> None:
    loop = asyncio.get_running_loop()
    loop.set_default_executor(ThreadPoolExecutor(max_workers=4))  # ok: executor-never-shut-down
    io_pool = ThreadPoolExecutor(max_workers=2)  # expect: executor-never-shut-down
    print(await loop.run_in_executor(io_pool, blocking, 1))
    with contextlib.ExitStack() as stack:
        cpu = stack.enter_context(ThreadPoolExecutor(max_workers=2))  # ok: executor-never-shut-down
        print(await loop.run_in_executor(cpu, blocking, 2))


if __name__ == "__main__":
    asyncio.run(main())
