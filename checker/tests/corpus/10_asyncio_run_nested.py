import asyncio
import threading


async def refresh_token() -> str:
    await asyncio.sleep(0.1)
    return "token"


async def handle_request() -> str:
    token = asyncio.run(refresh_token())  # expect: asyncio-run-in-coroutine
    return token


async def legacy_handler() -> str:
    loop = asyncio.get_running_loop()
    return loop.run_until_complete(refresh_token())  # expect: asyncio-run-in-coroutine


async def in_worker_thread() -> str:
    def worker() -> str:
        return asyncio.run(refresh_token())  # ok: asyncio-run-in-coroutine

    return await asyncio.to_thread(worker)


def start_background() -> threading.Thread:
    thread = threading.Thread(target=lambda: asyncio.run(refresh_token()))  # ok: asyncio-run-in-coroutine
    thread.start()
    return thread


if __name__ == "__main__":
    print(asyncio.run(handle_request()))  # ok: asyncio-run-in-coroutine
