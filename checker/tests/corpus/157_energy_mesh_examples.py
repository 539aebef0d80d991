# Adapted from https://github.com/Volue-Public/energy-mesh-python/pull/352 and https://github.com/stac-utils/stac-task/issues/99
# (examples that called get_event_loop() to run one coroutine).
import asyncio


async def main(address: str) -> None:
    await asyncio.sleep(0)


if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(main("localhost"))  # expect: get-event-loop
    asyncio.run(main("localhost"))  # ok: get-event-loop
