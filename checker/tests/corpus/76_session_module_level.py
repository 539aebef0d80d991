# Adapted from https://superfastpython.com/python-async-requests (a Requests session reused by coroutines:
# the session blocks the loop like requests.get does).
# expect-suggest: libs=some
import asyncio

import requests

session = requests.Session()


async def fetch(url: str) -> int:
    response = session.get(url, timeout=10)  # expect: sync-http-in-coroutine
    return response.status_code


async def fetch_in_thread(url: str) -> int:
    response = await asyncio.to_thread(session.get, url, timeout=10)  # ok: sync-http-in-coroutine
    return response.status_code


def fetch_sync(url: str) -> int:
    return session.get(url, timeout=10).status_code  # ok: sync-http-in-coroutine


async def main() -> None:
    codes = await asyncio.gather(*(fetch(u) for u in ["https://a.invalid", "https://b.invalid"]))
    print(codes)


asyncio.run(main())
