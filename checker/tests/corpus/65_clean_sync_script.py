"""A plain sequential script: blocking calls are fine without an event loop."""
import json
import subprocess
import sys
import time
from pathlib import Path


def main(folder: str) -> int:
    started = time.perf_counter()
    for path in sorted(Path(folder).glob("*.json")):
        with open(path) as handle:
            data = json.load(handle)
        subprocess.run(["echo", str(len(data))], check=True)
        time.sleep(0.01)
    answer = input("again? ")
    print(answer, time.perf_counter() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
