import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

START_METHOD = "spawn"


def checksum(data: bytes) -> int:
    return sum(data) % 255


def make_pool() -> ProcessPoolExecutor:
    context = multiprocessing.get_context(START_METHOD)
    return ProcessPoolExecutor(max_workers=2, mp_context=context)


async def main() -> None:
    loop = asyncio.get_running_loop()
    with make_pool() as pool:
        print(await loop.run_in_executor(pool, checksum, b"abc"))


asyncio.run(main())  # expect: process-start-without-main-guard
