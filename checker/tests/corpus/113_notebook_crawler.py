# Adapted from https://github.com/unclecode/crawl4ai/issues/563 (the demo's asyncio.run(main()) run in a
# Jupyter notebook cell, where the kernel's loop is already running).
%pip install crawl4ai
import asyncio


async def main() -> None:
    await asyncio.sleep(0)
    print("Success")


asyncio.run(main())  # expect: asyncio-run-in-notebook
await main()  # ok: asyncio-run-in-notebook
# expect-suggest: where=notebook
