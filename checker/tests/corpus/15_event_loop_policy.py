import asyncio
import sys

import uvloop


async def main() -> None:
    await asyncio.sleep(0)


if sys.platform == "win32":
    asyncio.set_event_loop_policy(asyncio.WindowsSelectorEventLoopPolicy())  # expect: event-loop-policy
else:
    uvloop.install()  # expect: event-loop-policy

if __name__ == "__main__":
    asyncio.run(main(), loop_factory=uvloop.new_event_loop)  # ok: event-loop-policy
    print(asyncio.get_event_loop_policy())  # ok: event-loop-policy
