import asyncio
import functools


async def fetch(url: str) -> str:
    await asyncio.sleep(0.01)
    return url


def log(message: str) -> None:
    print(message)


def retry(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        return asyncio.run(fn(*args))

    return wrapper


@retry
async def fetch_with_retry(url: str) -> str:
    return await fetch(url)


async def main(urls: list[str]) -> None:
    fetch(urls[0])  # expect: coroutine-not-awaited
    asyncio.sleep(1)  # expect: coroutine-not-awaited
    await fetch(urls[0])  # ok: coroutine-not-awaited
    log("started")  # ok: coroutine-not-awaited
    pending = [fetch(u) for u in urls]
    await asyncio.gather(*pending)


def sync_entry() -> None:
    fetch_with_retry("http://127.0.0.1")  # ok: coroutine-not-awaited
    fetch("http://127.0.0.1")  # expect: coroutine-not-awaited
