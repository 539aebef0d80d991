# Adapted from https://github.com/rndusr/stig/issues/55 and the usual call_later shape: a coroutine function
# given to an API that calls plain functions; the call only makes a coroutine that is never awaited.
import asyncio
import signal
import threading


async def refresh() -> None:
    await asyncio.sleep(0)


def refresh_soon() -> None:
    print("refresh requested")


async def main() -> None:
    loop = asyncio.get_running_loop()
    loop.call_later(5, refresh)  # expect: coroutine-as-callback
    loop.call_soon(refresh_soon)  # ok: coroutine-as-callback
    loop.add_signal_handler(signal.SIGHUP, refresh)  # expect: coroutine-as-callback
    loop.call_later(5, lambda: asyncio.ensure_future(refresh()))  # ok: coroutine-as-callback
    threading.Thread(target=refresh).start()  # expect: coroutine-as-callback
    threading.Thread(target=asyncio.run, args=(refresh(),)).start()  # ok: coroutine-as-callback


asyncio.run(main())
