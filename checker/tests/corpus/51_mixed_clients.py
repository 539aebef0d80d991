# expect-suggest: libs=some
import asyncio

import aiohttp
import requests


def vendor_lookup(key: str) -> dict:
    return requests.get(f"https://vendor.invalid/{key}", timeout=5).json()


async def main() -> None:
    async with aiohttp.ClientSession() as session:
        async with session.get("http://127.0.0.1:8000/") as response:
            print(response.status)
    print(await asyncio.to_thread(vendor_lookup, "abc"))


if __name__ == "__main__":
    asyncio.run(main())
