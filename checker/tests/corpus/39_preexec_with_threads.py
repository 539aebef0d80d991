import os
import subprocess
import threading


def watchdog() -> None:
    print("watching")


def launch(command: list[str]) -> subprocess.Popen:
    threading.Thread(target=watchdog, daemon=True).start()
    return subprocess.Popen(command, preexec_fn=os.setsid)  # expect: preexec-fn-with-threads


def launch_right(command: list[str]) -> subprocess.Popen:
    return subprocess.Popen(command, start_new_session=True)  # ok: preexec-fn-with-threads


def launch_plain(command: list[str]) -> int:
    return subprocess.run(command, preexec_fn=None).returncode  # ok: preexec-fn-with-threads


def launch_niced(command: list[str]) -> int:
    # Threads run only inside launch(): not certain to run here.
    return subprocess.call(command, preexec_fn=lambda: os.nice(10))  # ok: preexec-fn-with-threads
