# Adapted from https://fixdevs.com/blog/python-async-sync-mix/ (blocking file work inside a request handler).
import asyncio
import getpass
import shutil
from pathlib import Path


async def load_settings() -> str:
    return Path.home().joinpath(".app", "settings.toml").read_text()  # expect: file-io-in-coroutine


async def load_token() -> str:
    token_file = Path("/run/secrets") / "token"
    return token_file.read_text()  # expect: file-io-in-coroutine


async def archive(src, dst) -> None:
    shutil.copyfileobj(src, dst)  # expect: file-io-in-coroutine
    await asyncio.to_thread(shutil.copyfile, "a.log", "b.log")  # ok: file-io-in-coroutine


async def login() -> str:
    return getpass.getpass("password: ")  # expect: input-in-coroutine


def load_settings_sync() -> str:
    return Path.home().joinpath(".app", "settings.toml").read_text()  # ok: file-io-in-coroutine


async def load_settings_offloaded() -> str:
    path = Path.home() / ".app" / "settings.toml"
    return await asyncio.to_thread(path.read_text)  # ok: file-io-in-coroutine
