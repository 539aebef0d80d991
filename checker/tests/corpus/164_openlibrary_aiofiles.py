# Adapted from https://github.com/internetarchive/openlibrary/pull/8017 (open() in async functions replaced
# with aiofiles).
import aiofiles


async def read_dump(path: str) -> str:
    async with aiofiles.open(path) as f:  # ok: file-io-in-coroutine
        return await f.read()


async def read_dump_blocking(path: str) -> str:
    with open(path) as f:  # expect: file-io-in-coroutine
        return f.read()
