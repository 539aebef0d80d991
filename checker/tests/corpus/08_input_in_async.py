import asyncio
import getpass


async def ask_name() -> str:
    return input("name: ")  # expect: input-in-coroutine


async def login() -> str:
    return getpass.getpass("password: ")  # expect: input-in-coroutine


async def ask_in_thread() -> str:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, input, "name: ")  # ok: input-in-coroutine


def main() -> None:
    answer = input("start? ")  # ok: input-in-coroutine
    if answer == "y":
        asyncio.run(ask_in_thread())


if __name__ == "__main__":
    main()
