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
