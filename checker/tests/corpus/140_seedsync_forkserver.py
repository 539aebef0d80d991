# Adapted from https://github.com/nitrobass24/seedsync/issues/13 (a service with threads that starts worker
# processes; with forkserver nothing is forked from the threaded parent).
import multiprocessing
import threading


def scan() -> None:
    pass


def poller() -> None:
    pass


if __name__ == "__main__":
    threading.Thread(target=poller, daemon=True).start()
    multiprocessing.set_start_method("forkserver")  # ok: fork-with-threads
    p = multiprocessing.Process(target=scan)
    p.start()
    p.join()
