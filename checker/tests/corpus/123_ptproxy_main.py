# Adapted from https://github.com/gumblex/ptproxy/issues/25 (a proxy script that starts its server through
# get_event_loop() and run_forever()).
import asyncio


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    writer.close()


def main() -> None:
    loop = asyncio.get_event_loop()  # expect: get-event-loop
    server = loop.run_until_complete(asyncio.start_server(handle, "127.0.0.1", 1080))
    try:
        loop.run_forever()
    finally:
        server.close()


async def main_fixed() -> None:
    server = await asyncio.start_server(handle, "127.0.0.1", 1080)  # ok: coroutine-not-awaited
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    main()
