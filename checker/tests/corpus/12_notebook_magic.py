# expect-suggest: where=notebook
%load_ext autoreload
%autoreload 2
import asyncio


async def crunch() -> int:
    await asyncio.sleep(0)
    return 42


%time value = 1
answer = asyncio.run(crunch())  # expect: asyncio-run-in-notebook
!echo done
