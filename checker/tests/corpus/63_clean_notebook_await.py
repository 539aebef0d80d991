# expect-suggest: where=notebook
import asyncio


async def load(n: int) -> list[int]:
    await asyncio.sleep(0)
    return list(range(n))


data = await load(10)
summary = await asyncio.gather(load(1), load(2))
print(len(data), summary)
