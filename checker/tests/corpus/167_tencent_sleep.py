# Adapted from https://github.com/TencentBlueKing/best-practices/issues/26 (the BAD and GOOD task of the
# practice note, run with gather from a notebook cell).
import asyncio
import time


async def execute_task(task_id: int) -> None:
    print(f"task[{task_id}] hello")
    time.sleep(1)  # expect: sleep-in-coroutine
    print(f"task[{task_id}] world")


async def execute_task_good(task_id: int) -> None:
    print(f"task[{task_id}] hello")
    await asyncio.sleep(1)  # ok: sleep-in-coroutine
    print(f"task[{task_id}] world")


async def main() -> None:
    await asyncio.gather(execute_task(1), execute_task(2))


await main()
# expect-suggest: where=notebook
