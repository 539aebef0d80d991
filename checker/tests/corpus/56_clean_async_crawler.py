# expect-suggest: libs=all
"""A bounded async crawler: no findings expected."""
import asyncio
import logging

import aiohttp

CONCURRENCY = 20


async def fetch(session: aiohttp.ClientSession, limit: asyncio.Semaphore, url: str) -> int:
    async with limit:
        async with session.get(url) as response:
            body = await response.read()
            return len(body)


async def crawl(urls: list[str]) -> dict[str, int]:
    limit = asyncio.Semaphore(CONCURRENCY)
    sizes: dict[str, int] = {}
    async with aiohttp.ClientSession() as session:
        results = await asyncio.gather(*(fetch(session, limit, u) for u in urls), return_exceptions=True)
    for url, result in zip(urls, results):
        if isinstance(result, BaseException):
            logging.warning("%s: %r", url, result)
        else:
            sizes[url] = result
    return sizes


async def main() -> None:
    urls = [f"http://127.0.0.1:8000/items/{i}" for i in range(100)]
    try:
        sizes = await asyncio.wait_for(crawl(urls), timeout=30)
    except asyncio.TimeoutError:
        logging.error("crawl timed out")
        return
    print(sum(sizes.values()))


if __name__ == "__main__":
    asyncio.run(main())
