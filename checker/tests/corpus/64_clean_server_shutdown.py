"""An asyncio server that cancels its workers and waits for them: no findings expected."""
import asyncio
import contextlib
import signal


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    data = await reader.readline()
    writer.write(data)
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def heartbeat() -> None:
    while True:
        await asyncio.sleep(1)


async def main() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    beat = asyncio.create_task(heartbeat())
    async with server:
        await stop.wait()
    beat.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await beat


if __name__ == "__main__":
    asyncio.run(main())
