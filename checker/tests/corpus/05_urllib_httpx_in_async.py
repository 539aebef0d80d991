# expect-suggest: libs=some
import asyncio
import urllib.request
from urllib.request import urlopen

import httpx


async def download(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:  # expect: sync-http-in-coroutine
        return response.read()


async def download_short(url: str) -> bytes:
    return urlopen(url).read()  # expect: sync-http-in-coroutine


async def ping(url: str) -> int:
    return httpx.get(url).status_code  # expect: sync-http-in-coroutine


async def ping_async(url: str) -> int:
    async with httpx.AsyncClient() as client:
        response = await client.get(url)  # ok: sync-http-in-coroutine
    return response.status_code


async def download_in_thread(url: str) -> bytes:
    return await asyncio.to_thread(lambda: urlopen(url).read())  # ok: sync-http-in-coroutine
