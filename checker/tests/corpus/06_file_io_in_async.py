import asyncio
import shutil
from pathlib import Path

import aiofiles


async def load_config(path: str) -> str:
    with open(path) as handle:  # expect: file-io-in-coroutine
        return handle.read()


async def save_report(folder: Path, text: str) -> None:
    Path(folder / "report.txt").write_text(text)  # expect: file-io-in-coroutine
    shutil.copy(folder / "report.txt", folder / "report.bak")  # expect: file-io-in-coroutine


async def load_in_thread(path: str) -> str:
    return await asyncio.to_thread(Path(path).read_text)  # ok: file-io-in-coroutine


async def load_async(path: str) -> str:
    async with aiofiles.open(path) as handle:  # ok: file-io-in-coroutine
        return await handle.read()


def load_sync(path: str) -> str:
    with open(path) as handle:  # ok: file-io-in-coroutine
        return handle.read()
