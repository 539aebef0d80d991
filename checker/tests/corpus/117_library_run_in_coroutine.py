# Adapted from https://github.com/cmsetzer/autocensus/issues/1 (a library method that wraps asyncio.run:
# fine from a script, a RuntimeError when called from a coroutine).
import asyncio


class Query:
    async def gather_results(self) -> list:
        await asyncio.sleep(0)
        return []

    def run(self) -> list:
        return asyncio.run(self.gather_results())  # ok: asyncio-run-in-coroutine

    async def run_async(self) -> list:
        return asyncio.run(self.gather_results())  # expect: asyncio-run-in-coroutine

    async def run_fixed(self) -> list:
        return await self.gather_results()  # ok: asyncio-run-in-coroutine
