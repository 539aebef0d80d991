# Adapted from https://github.com/agiletec-inc/airis-mcp-gateway/issues/82 (subprocess.run called straight from
# an async endpoint; the fix used create_subprocess_exec).
import asyncio
import subprocess

from fastapi import FastAPI

app = FastAPI()


@app.get("/gateway/status")
async def status() -> dict:
    result = subprocess.run(["docker", "ps"], capture_output=True, text=True)  # expect: subprocess-in-coroutine
    return {"out": result.stdout}


@app.get("/gateway/status2")
async def status_fixed() -> dict:
    proc = await asyncio.create_subprocess_exec(  # ok: subprocess-in-coroutine
        "docker", "ps", stdout=asyncio.subprocess.PIPE
    )
    out, _ = await proc.communicate()
    return {"out": out.decode()}


@app.get("/gateway/logs")
async def logs() -> dict:
    proc = subprocess.Popen(["docker", "logs", "gw"], stdout=subprocess.PIPE)  # expect: subprocess-in-coroutine
    out, _ = proc.communicate()  # expect: subprocess-in-coroutine
    return {"out": out}
# expect-suggest: where=aweb
