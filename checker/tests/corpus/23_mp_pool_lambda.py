import multiprocessing


def parse(line: str) -> int:
    return len(line)


def report(result: int) -> None:
    print("done", result)


def main(lines: list[str]) -> None:
    with multiprocessing.Pool(4) as pool:
        sizes = pool.map(lambda line: len(line.strip()), lines)  # expect: lambda-to-process-pool
        print(sizes)
        pool.apply_async(parse, (lines[0],), callback=lambda r: report(r)).get()  # ok: lambda-to-process-pool
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as spawned:
        waiting = spawned.apply_async(lambda: parse(lines[0]))  # expect: lambda-to-process-pool
        print(waiting.get())
        print(spawned.map(parse, lines))  # ok: lambda-to-process-pool


if __name__ == "__main__":
    main(["a", "bb"])
