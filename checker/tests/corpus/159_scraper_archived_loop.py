# Adapted from https://github.com/DIGITALCRIMINAL/ArchivedUltimaScraper/issues/30 (a start script taking the
# loop at import time), with the process pool it feeds.
import asyncio
from concurrent.futures import ProcessPoolExecutor


def parse(page: str) -> str:
    return page


async def main(pool: ProcessPoolExecutor) -> list:
    loop = asyncio.get_running_loop()
    return await asyncio.gather(*(loop.run_in_executor(pool, parse, p) for p in ["a", "b"]))


if __name__ == "__main__":
    loop = asyncio.get_event_loop()  # expect: get-event-loop
    with ProcessPoolExecutor() as pool:
        print(loop.run_until_complete(main(pool)))
