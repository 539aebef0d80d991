import asyncio
import os
import subprocess


async def build(target: str) -> int:
    result = subprocess.run(["make", target], check=False)  # expect: subprocess-in-coroutine
    return result.returncode


async def notify() -> None:
    os.system("notify-send done")  # expect: subprocess-in-coroutine


async def build_async(target: str) -> int:
    process = await asyncio.create_subprocess_exec("make", target)  # ok: subprocess-in-coroutine
    return await process.wait()


def build_sync(target: str) -> int:
    return subprocess.run(["make", target], check=False).returncode  # ok: subprocess-in-coroutine


async def build_in_thread(target: str) -> int:
    return await asyncio.to_thread(build_sync, target)  # ok: subprocess-in-coroutine
