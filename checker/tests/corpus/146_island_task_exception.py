# Adapted from https://github.com/littlezz/island-backup/issues/16 and https://github.com/BasedHardware/omi/pull/2184
# (download tasks whose failures surfaced only as "Task exception was never retrieved").
import asyncio

pending: set = set()


async def download(url: str) -> bytes:
    await asyncio.sleep(0)
    return b""


async def crawl(urls: list[str]) -> None:
    for url in urls:
        task = asyncio.create_task(download(url))  # expect: task-exception-never-retrieved
        pending.add(task)
        task.add_done_callback(pending.discard)
    while pending:
        await asyncio.sleep(0.1)


async def crawl_checked(urls: list[str]) -> list:
    tasks = [asyncio.create_task(download(u)) for u in urls]  # ok: task-exception-never-retrieved
    return await asyncio.gather(*tasks)
