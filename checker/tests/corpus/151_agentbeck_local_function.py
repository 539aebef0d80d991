# Adapted from https://agentbeck.bot/report/70396 (a nested function and a lambda sent to
# ProcessPoolExecutor: "Can't pickle local object").
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def process_all(items: list[int], factor: int) -> list[int]:
    def scale(x: int) -> int:
        return x * factor

    with ProcessPoolExecutor() as pool:
        scaled = list(pool.map(scale, items))  # expect: local-callable-to-process-pool
    with ThreadPoolExecutor() as threads:
        shifted = list(threads.map(lambda x: x + factor, items))  # ok: lambda-to-process-pool
    return scaled + shifted


if __name__ == "__main__":
    print(process_all([1, 2], 3))
