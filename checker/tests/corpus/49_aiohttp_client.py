# expect-suggest: libs=all
import asyncio

import aiohttp


async def fetch(session: aiohttp.ClientSession, url: str) -> str:
    async with session.get(url) as response:
        return await response.text()


async def main(urls: list[str]) -> None:
    async with aiohttp.ClientSession() as session:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(fetch(session, u)) for u in urls]  # ok: task-dropped
    print([len(t.result()) for t in tasks])


if __name__ == "__main__":
    asyncio.run(main(["http://127.0.0.1:8000/"]))
