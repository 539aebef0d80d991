import asyncio
from concurrent.futures import ProcessPoolExecutor


def module_level(x: int) -> int:
    return x + 1


async def run(values: list[int]) -> list[int]:
    def bump(x: int) -> int:
        return x + 1

    class Job:
        def __init__(self, x: int) -> None:
            self.x = x

    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        first = await loop.run_in_executor(pool, bump, values[0])  # expect: local-callable-to-process-pool
        second = await loop.run_in_executor(pool, module_level, values[0])  # ok: local-callable-to-process-pool
        third = pool.submit(module_level, Job(values[0]))  # expect: local-callable-to-process-pool
        results = [first, second, third.result()]
    fourth = await loop.run_in_executor(None, bump, values[0])  # ok: local-callable-to-process-pool
    return results + [fourth]


if __name__ == "__main__":
    print(asyncio.run(run([1, 2, 3])))
