import os
import subprocess
import threading


def heartbeat() -> None:
    print("alive")


# Started at import time: every later call runs with this thread alive.
threading.Timer(5.0, heartbeat).start()


def run_tool(command: list[str]) -> int:
    return subprocess.call(command, preexec_fn=lambda: os.nice(10))  # expect: preexec-fn-with-threads


def spawn_child() -> int:
    pid = os.fork()  # expect: fork-with-threads
    if pid == 0:
        os._exit(0)
    return pid
