# Adapted from https://github.com/slackapi/bolt-python/issues/994 (a threading.Lock shared by an updater thread
# and an async handler, held across an await).
import asyncio
import threading

mutex = threading.Lock()
shared_value = {"status": "ok"}


def updater() -> None:
    with mutex:  # ok: thread-lock-across-await
        shared_value["status"] = "updating"


async def handle_command(say) -> None:
    with mutex:  # expect: thread-lock-across-await
        await say(shared_value["status"])


async def handle_command_fixed(say) -> None:
    with mutex:  # ok: thread-lock-across-await
        status = shared_value["status"]
    await say(status)


threading.Thread(target=updater, daemon=True).start()
