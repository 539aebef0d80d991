# Adapted from https://github.com/mitogen-hq/mitogen/issues/1112 and https://github.com/francescopace/espectre/issues/71
# (os.fork() in a process that already runs threads: Python 3.12 warns, the child may deadlock).
import os
import threading
import time


def heartbeat() -> None:
    while True:
        time.sleep(1)


threading.Thread(target=heartbeat, daemon=True).start()


def daemonize() -> None:
    if os.fork() > 0:  # expect: fork-with-threads
        os._exit(0)


if __name__ == "__main__":
    daemonize()
