# Adapted from https://dev.to/_eb7f2a654e97a60ae9f96e/the-3-hour-async-bug-why-my-1000-concurrent-requests-ran-one-by-one-4o85
# (a scraper rewritten with async def that still ran its requests one by one).
# expect-suggest: libs=some
import asyncio

import httpx
import requests


async def scrape(url: str) -> str:
    with requests.Session() as s:
        page = s.get(url, timeout=5)  # expect: sync-http-in-coroutine
    return page.text


async def scrape_httpx(url: str) -> str:
    with httpx.Client(timeout=5) as client:
        page = client.get(url)  # expect: sync-http-in-coroutine
    return page.text


async def scrape_async(url: str) -> str:
    async with httpx.AsyncClient(timeout=5) as client:
        page = await client.get(url)  # ok: sync-http-in-coroutine
    return page.text


async def main(urls: list[str]) -> list[str]:
    return await asyncio.gather(*(scrape(u) for u in urls))
