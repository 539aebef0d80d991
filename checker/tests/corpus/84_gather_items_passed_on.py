# Adapted from https://github.com/HKUDS/nanobot/pull/5724 (results of gather(..., return_exceptions=True)
# iterated and handed to helpers: an exception among them is processed as if it were a result).
import asyncio


async def fetch(i: int) -> dict:
    await asyncio.sleep(0)
    return {"id": i, "n": i}


def process(item: dict) -> None:
    print(item["id"])


class Store:
    def save(self, item) -> None:
        print(item)


async def each_processed(ids: list[int]) -> None:
    results = await asyncio.gather(*(fetch(i) for i in ids), return_exceptions=True)  # expect: gather-exceptions-unchecked
    for r in results:
        process(r)


async def summed(ids: list[int]) -> int:
    results = await asyncio.gather(*(fetch(i) for i in ids), return_exceptions=True)  # expect: gather-exceptions-unchecked
    return sum(r["n"] for r in results)


async def listed(ids: list[int]) -> list[int]:
    results = await asyncio.gather(*(fetch(i) for i in ids), return_exceptions=True)  # expect: gather-exceptions-unchecked
    return [r["id"] for r in results]


async def stored(ids: list[int], store: Store) -> None:
    for r in await asyncio.gather(*(fetch(i) for i in ids), return_exceptions=True):  # expect: gather-exceptions-unchecked
        store.save(r)


async def checked(ids: list[int], store: Store) -> None:
    results = await asyncio.gather(*(fetch(i) for i in ids), return_exceptions=True)  # ok: gather-exceptions-unchecked
    for r in results:
        if isinstance(r, BaseException):
            continue
        store.save(r)


async def handed_on(ids: list[int]) -> list:
    results = await asyncio.gather(*(fetch(i) for i in ids), return_exceptions=True)  # ok: gather-exceptions-unchecked
    return results
