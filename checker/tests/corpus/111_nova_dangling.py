# Adapted from https://github.com/NovaOSS/nova-api/pull/18 (dangling tasks for stats and logs in a request
# handler).
import asyncio

from fastapi import FastAPI

app = FastAPI()
background: set[asyncio.Task] = set()


async def log_usage(user: str) -> None:
    await asyncio.sleep(0)


async def update_stats(user: str) -> None:
    await asyncio.sleep(0)


@app.post("/v1/chat")
async def chat(user: str) -> dict:
    asyncio.create_task(log_usage(user))  # expect: task-dropped
    asyncio.create_task(update_stats(user))  # expect: task-dropped
    return {"ok": True}


@app.post("/v2/chat")
async def chat_kept(user: str) -> dict:
    for job in (log_usage(user), update_stats(user)):
        task = asyncio.create_task(job)  # ok: task-dropped
        background.add(task)
        task.add_done_callback(lambda t: background.discard(t))
    return {"ok": True}
# expect-suggest: where=aweb
