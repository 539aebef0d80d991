# Adapted from https://awesomereviewers.com/_reviewers/openai-python-avoid-event-loop-blocking/ (blocking
# credential lookup in a sync method reached from an async client).
import asyncio
import json
import subprocess


class Client:
    def _load_credentials(self) -> dict:
        with open("/etc/app/credentials.json") as f:
            return json.load(f)

    def _git_revision(self) -> str:
        return subprocess.check_output(["git", "rev-parse", "HEAD"], text=True)

    def _headers(self) -> dict:
        return {"User-Agent": "client"}

    async def request(self) -> dict:
        creds = self._load_credentials()  # expect: blocking-helper-in-coroutine
        headers = self._headers()  # ok: blocking-helper-in-coroutine
        revision = await asyncio.to_thread(self._git_revision)  # ok: blocking-helper-in-coroutine
        return {"creds": creds, "headers": headers, "rev": revision}

    async def revision(self) -> str:
        return self._git_revision()  # expect: blocking-helper-in-coroutine
