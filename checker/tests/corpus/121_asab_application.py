# Adapted from https://github.com/TeskaLabs/asab/issues/736 (an application object that takes the loop in its
# constructor).
import asyncio


class Application:
    def __init__(self) -> None:
        self.Loop = asyncio.get_event_loop()  # expect: get-event-loop

    def run(self) -> None:
        self.Loop.run_until_complete(self.main())

    async def main(self) -> None:
        loop = asyncio.get_running_loop()  # ok: get-event-loop
        await asyncio.sleep(0, result=loop)


class FixedApplication:
    def __init__(self) -> None:
        self.Loop = asyncio.new_event_loop()  # ok: get-event-loop
        asyncio.set_event_loop(self.Loop)
