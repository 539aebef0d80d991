# Adapted from https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/issues/13
# (the book's first listing, right in a script, run in a VS Code notebook cell).
import asyncio


async def coroutine_add_one(number: int) -> int:
    return number + 1


result = asyncio.run(coroutine_add_one(1))  # ok: asyncio-run-in-notebook
print(result)
