# expect-suggest: where=aweb
import asyncio
import time

from aiohttp import web


async def handle(request: web.Request) -> web.Response:
    time.sleep(0.1)  # expect: sleep-in-coroutine
    return web.Response(text="hi")


async def handle_right(request: web.Request) -> web.Response:
    await asyncio.sleep(0.1)  # ok: sleep-in-coroutine
    return web.Response(text="hi")


app = web.Application()
app.add_routes([web.get("/", handle), web.get("/right", handle_right)])

if __name__ == "__main__":
    web.run_app(app)
