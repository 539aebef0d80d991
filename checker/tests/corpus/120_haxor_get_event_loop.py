# Adapted from https://github.com/avinassh/haxor/issues/35 (a sync API that fetches concurrently through
# get_event_loop()).
import asyncio


class HackerNews:
    async def _fetch(self, item: int) -> dict:
        await asyncio.sleep(0)
        return {"id": item}

    async def _fetch_all(self, items: list[int]) -> list:
        loop = asyncio.get_event_loop()  # ok: get-event-loop
        return await asyncio.gather(*(self._fetch(i) for i in items), return_exceptions=False)

    def ask_stories(self, items: list[int]) -> list:
        loop = asyncio.get_event_loop()  # expect: get-event-loop
        return loop.run_until_complete(self._fetch_all(items))

    def ask_stories_fixed(self, items: list[int]) -> list:
        return asyncio.run(self._fetch_all(items))
