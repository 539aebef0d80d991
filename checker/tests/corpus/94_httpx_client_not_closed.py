# Adapted from https://github.com/chassing/uplink-httpx/issues/4 (an httpx.AsyncClient whose aclose() is
# never awaited).
import httpx


async def download(url: str) -> bytes:
    client = httpx.AsyncClient(timeout=10)  # expect: session-not-closed
    response = await client.get(url)
    return response.content


async def download_closed(url: str) -> bytes:
    client = httpx.AsyncClient(timeout=10)  # ok: session-not-closed
    try:
        return (await client.get(url)).content
    finally:
        await client.aclose()


def make_client() -> httpx.AsyncClient:
    client = httpx.AsyncClient(timeout=10)  # ok: session-not-closed
    return client


async def shutdown(client: httpx.AsyncClient) -> None:
    client.aclose()  # ok: session-not-closed
# expect-suggest: libs=all
