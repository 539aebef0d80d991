# expect-suggest: where=aweb, libs=some
import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/weather/{city}")
async def weather(city: str) -> dict:
    response = requests.get(f"https://weather.invalid/{city}", timeout=5)  # expect: sync-http-in-coroutine
    return response.json()


@app.get("/health")
async def health() -> dict:
    return {"ok": True}
