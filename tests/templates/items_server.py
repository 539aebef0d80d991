"""The HTTP service the templates talk to: GET /items/N returns a small JSON body after a short delay,
like a real API. aiohttp serves thousands of concurrent connections, as the asyncio templates open.

Usage: python items_server.py PORT
"""

from __future__ import annotations

import asyncio
import sys

from aiohttp import web


async def item(request: web.Request) -> web.Response:
    await asyncio.sleep(0.01)
    return web.json_response({"id": int(request.match_info["n"]), "payload": "x" * 64})


def main() -> None:
    app = web.Application()
    app.router.add_get(r"/items/{n:\d+}", item)
    web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), backlog=4096, print=None, access_log=None)


if __name__ == "__main__":
    main()
