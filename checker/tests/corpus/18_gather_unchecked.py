import asyncio


async def price(item: str) -> float:
    await asyncio.sleep(0.01)
    return 1.0


async def total(items: list[str]) -> float:
    results = await asyncio.gather(*(price(i) for i in items), return_exceptions=True)  # expect: gather-exceptions-unchecked
    amount = 0.0
    for value in results:
        amount += value
    return amount


async def warm(items: list[str]) -> None:
    await asyncio.gather(*(price(i) for i in items), return_exceptions=True)  # expect: gather-exceptions-unchecked


async def total_checked(items: list[str]) -> float:
    results = await asyncio.gather(*(price(i) for i in items), return_exceptions=True)  # ok: gather-exceptions-unchecked
    errors = [r for r in results if isinstance(r, BaseException)]
    if errors:
        raise ExceptionGroup("prices failed", errors)
    return sum(results)


async def total_strict(items: list[str]) -> float:
    results = await asyncio.gather(*(price(i) for i in items))  # ok: gather-exceptions-unchecked
    return sum(results)
