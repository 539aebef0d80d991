# Adapted from https://github.com/raznem/parsera/issues/10 and https://github.com/run-llama/llama_index/issues/8586
# (nest_asyncio.apply() at the top of the notebook makes the nested run work).
import asyncio

import nest_asyncio

nest_asyncio.apply()


async def evaluate() -> int:
    await asyncio.sleep(0)
    return 1


score = asyncio.run(evaluate())  # ok: asyncio-run-in-notebook
loop = asyncio.get_event_loop()  # ok: get-event-loop
print(await evaluate(), score, loop)
# expect-suggest: where=notebook
