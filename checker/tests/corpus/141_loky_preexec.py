# Adapted from https://github.com/joblib/loky/issues/424 (fork followed by exec from a threaded process; here
# the classic subprocess form, preexec_fn, which runs Python code in the forked child).
import os
import subprocess
import threading


def watcher() -> None:
    pass


def start_worker(cmd: list[str]) -> subprocess.Popen:
    threading.Thread(target=watcher, daemon=True).start()
    return subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        preexec_fn=os.setsid,  # expect: preexec-fn-with-threads
    )


def start_worker_fixed(cmd: list[str]) -> subprocess.Popen:
    threading.Thread(target=watcher, daemon=True).start()
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, start_new_session=True)  # ok: preexec-fn-with-threads
