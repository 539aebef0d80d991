# expect-suggest: libs=some
import asyncio

import requests


async def fetch_profile(user_id: int) -> dict:
    response = requests.get(f"https://api.invalid/users/{user_id}", timeout=5)  # expect: sync-http-in-coroutine
    return response.json()


async def fetch_in_thread(url: str) -> bytes:
    response = await asyncio.to_thread(requests.get, url, timeout=5)  # ok: sync-http-in-coroutine
    return response.content


def fetch_sync(url: str) -> bytes:
    return requests.get(url, timeout=5).content  # ok: sync-http-in-coroutine


async def post_event(payload: dict) -> None:
    with requests.Session() as session:
        session.post("https://api.invalid/events", json=payload)  # expect: sync-http-in-coroutine
    requests.post("https://api.invalid/audit", json=payload)  # expect: sync-http-in-coroutine
