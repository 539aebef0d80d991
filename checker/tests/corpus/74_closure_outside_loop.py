import threading


def run_rounds(rounds: int) -> None:
    event = threading.Event()

    def worker() -> None:
        event.wait()
        print("released")

    for _ in range(rounds):
        event = threading.Event()
        threads = [threading.Thread(target=worker) for _ in range(2)]  # ok: loop-variable-captured
        for t in threads:
            t.start()
        event.set()
        for t in threads:
            t.join()


def run_rounds_inline(rounds: int) -> None:
    threads = []
    for n in range(rounds):
        def worker() -> None:
            print("round", n)

        thread = threading.Thread(target=worker)  # expect: loop-variable-captured
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
