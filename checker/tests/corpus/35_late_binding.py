import asyncio
from concurrent.futures import ThreadPoolExecutor


def fetch(url: str) -> str:
    return url


def crawl(urls: list[str]) -> list[str]:
    with ThreadPoolExecutor() as pool:
        futures = []
        for url in urls:
            futures.append(pool.submit(lambda: fetch(url)))  # expect: loop-variable-captured
            futures.append(pool.submit(lambda url=url: fetch(url)))  # ok: loop-variable-captured
            futures.append(pool.submit(fetch, url))  # ok: loop-variable-captured
        return [f.result() for f in futures]


async def crawl_async(urls: list[str]) -> list[str]:
    loop = asyncio.get_running_loop()
    pending = []
    for url in urls:
        page = await loop.run_in_executor(None, lambda: fetch(url))  # ok: loop-variable-captured
        print(page)
        pending.append(loop.run_in_executor(None, lambda: fetch(url)))  # expect: loop-variable-captured
    return await asyncio.gather(*pending)
