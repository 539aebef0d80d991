import os
import threading


def serve_threaded(handler) -> threading.Thread:
    thread = threading.Thread(target=handler)
    thread.start()
    return thread


def serve_forked(handler) -> int:
    # A different server mode: no thread of this module surely runs here.
    pid = os.fork()  # ok: fork-with-threads
    if pid == 0:
        handler()
        os._exit(0)
    return pid


def forked_pool(items: list[int]) -> list[int]:
    import multiprocessing

    context = multiprocessing.get_context("fork")  # ok: fork-with-threads
    with context.Pool(2) as pool:
        return pool.map(abs, items)


def forked_pool_with_threads(items: list[int]) -> list[int]:
    import multiprocessing

    watcher = threading.Thread(target=print)
    watcher.start()
    context = multiprocessing.get_context("fork")  # expect: fork-with-threads
    with context.Pool(2) as pool:
        result = pool.map(abs, items)
    watcher.join()
    return result
