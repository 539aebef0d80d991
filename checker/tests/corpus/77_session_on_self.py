# Adapted from https://deepankarm.github.io/posts/detecting-event-loop-blocking-in-asyncio (a client built in
# __init__ and called from an async method: "the code looks perfectly fine").
# expect-suggest: libs=some
import asyncio

import requests


class PreferencesClient:
    def __init__(self, base: str) -> None:
        self.base = base
        self.http = requests.Session()

    async def preferences(self, user_id: str) -> dict:
        response = self.http.get(f"{self.base}/users/{user_id}/prefs")  # expect: sync-http-in-coroutine
        return response.json()

    async def preferences_offloaded(self, user_id: str) -> dict:
        response = await asyncio.to_thread(self.http.get, f"{self.base}/users/{user_id}")  # ok: sync-http-in-coroutine
        return response.json()

    def preferences_sync(self, user_id: str) -> dict:
        return self.http.get(f"{self.base}/users/{user_id}").json()  # ok: sync-http-in-coroutine
