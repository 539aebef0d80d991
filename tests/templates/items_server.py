"""The HTTP service the templates talk to: GET /items/N returns a small JSON body after a short delay,
like a real API. aiohttp serves thousands of concurrent connections, as the asyncio templates open.
Under /fail-K/ the same API answers 500 for item K, for the runs that check how a failed item is reported.

Usage: python items_server.py PORT
"""

from __future__ import annotations

import asyncio
import sys

from aiohttp import web


async def item(request: web.Request) -> web.Response:
    await asyncio.sleep(0.01)
    n = int(request.match_info["n"])
    if request.match_info.get("k") == str(n):
        return web.json_response({"error": f"item {n} failed"}, status=500)
    return web.json_response({"id": n, "payload": "x" * 64})


def main() -> None:
    app = web.Application()
    app.router.add_get(r"/items/{n:\d+}", item)
    app.router.add_get(r"/fail-{k:\d+}/items/{n:\d+}", item)
    web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), backlog=4096, print=None, access_log=None)


if __name__ == "__main__":
    main()
