# Adapted from https://fixdevs.com/blog/python-async-sync-mix/ (an async route that calls a plain function
# which does the blocking work: the helper hides the requests call from a per-line look).
# expect-suggest: where=aweb, libs=some
import asyncio
import time

import requests
from fastapi import FastAPI

app = FastAPI()


def fetch_rates(base: str) -> dict:
    return requests.get(f"https://rates.invalid/{base}", timeout=5).json()


def slow_report() -> str:
    time.sleep(2)
    return "report"


def build_report(base: str) -> str:
    rates = fetch_rates(base)
    return f"{base}: {len(rates)} rates"


def format_name(name: str) -> str:
    return name.title()


@app.get("/rates/{base}")
async def rates(base: str) -> dict:
    return fetch_rates(base)  # expect: blocking-helper-in-coroutine


@app.get("/report/{base}")
async def report(base: str) -> dict:
    text = build_report(base)  # expect: blocking-helper-in-coroutine
    title = format_name(base)  # ok: blocking-helper-in-coroutine
    offloaded = await asyncio.to_thread(slow_report)  # ok: blocking-helper-in-coroutine
    return {"text": text, "title": title, "slow": offloaded}


@app.get("/plain")
def plain() -> str:
    return slow_report()  # ok: blocking-helper-in-coroutine
