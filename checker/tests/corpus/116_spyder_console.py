# Adapted from https://github.com/spyder-ide/qtconsole/issues/377 (the docs' hello world in an IPython console;
# with an IPython magic in the cell it is a notebook, and the loop already runs).
%autoawait asyncio
import asyncio


async def main() -> None:
    print("Hello ...")
    await asyncio.sleep(1)
    print("... World!")


asyncio.run(main())  # expect: asyncio-run-in-notebook
# expect-suggest: where=notebook
