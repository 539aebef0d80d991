import asyncio
import logging


async def ping(host: str) -> bool:
    await asyncio.sleep(0)
    return True


def summarize(hosts, outcomes) -> dict:
    return {h: o for h, o in zip(hosts, outcomes)}


async def check_all(hosts: list[str]) -> None:
    outcomes = await asyncio.gather(*(ping(h) for h in hosts), return_exceptions=True)  # ok: gather-exceptions-unchecked
    for host, outcome in zip(hosts, outcomes):
        if isinstance(outcome, Exception):
            logging.warning("%s failed: %r", host, outcome)


async def collect(hosts: list[str]):
    return await asyncio.gather(*(ping(h) for h in hosts), return_exceptions=True)  # ok: gather-exceptions-unchecked


async def report(hosts: list[str]) -> dict:
    outcomes = await asyncio.gather(*(ping(h) for h in hosts), return_exceptions=True)  # ok: gather-exceptions-unchecked
    return summarize(hosts, outcomes)


async def show(hosts: list[str]) -> None:
    outcomes = await asyncio.gather(*(ping(h) for h in hosts), return_exceptions=True)  # expect: gather-exceptions-unchecked
    print(outcomes)
    print(len(outcomes), "hosts answered")
