# Adapted from https://github.com/luminoleon/epicgames-claimer/issues/55 and https://github.com/xKARASb/SferumBot/issues/13
# (a claimer whose start-up takes the loop with get_event_loop()).
import asyncio


class Claimer:
    def __init__(self) -> None:
        self._loop = asyncio.get_event_loop()  # expect: get-event-loop

    async def _claim(self) -> None:
        await asyncio.sleep(0)

    def run_once(self) -> None:
        self._loop.run_until_complete(self._claim())


class ClaimerFixed:
    async def _claim(self) -> None:
        loop = asyncio.get_event_loop()  # ok: get-event-loop
        await asyncio.sleep(0, result=loop)

    def run_once(self) -> None:
        asyncio.run(self._claim())
