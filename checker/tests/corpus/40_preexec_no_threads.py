import os
import subprocess


def launch(command: list[str]) -> subprocess.Popen:
    return subprocess.Popen(command, preexec_fn=os.setsid)  # ok: preexec-fn-with-threads


def main() -> None:
    child = launch(["sleep", "1"])
    child.wait()


if __name__ == "__main__":
    main()
