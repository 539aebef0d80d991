# A notebook cell: top-level await works here because the kernel runs a loop.
# expect-suggest: where=notebook
import asyncio


async def fetch_all(n: int) -> list[int]:
    return await asyncio.gather(*(asyncio.sleep(0.01, result=i) for i in range(n)))


results = await fetch_all(10)
print(len(results))

more = asyncio.run(fetch_all(5))  # expect: asyncio-run-in-notebook
