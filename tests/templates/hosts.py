"""Drivers for the templates that are not plain scripts, used by run.py.

Each driver gets the template file, the Python to run it with, the environment (service addresses) and a
scratch folder, and returns (passed, detail).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path


def fault_kinds(text: str) -> set[str]:
    """The kinds of fault a template's self-test hook can inject."""
    return set(re.findall(r'kind == "(\w+)"', text))


def check_output(row: dict[str, str], stdout: str) -> str:
    """Checks beyond the summary line, for what a template prints; returns a problem or ''."""
    # Native thread limits work only when set before NumPy loads: the thread pool's BLAS calls must
    # each get one thread (the limits set after the import would leave one per core).
    for n in re.findall(r"^native threads per BLAS call: (\d+)$", stdout, re.M):
        if n != "1":
            return f"BLAS runs {n} threads per call: the thread limits were set after NumPy loaded"
    # CPU time above wall time means a library already runs on several cores: the advice must not be
    # to add processes.
    lines = stdout.splitlines()
    for i, line in enumerate(lines):
        m = re.search(r"\((\d+)% of wall\)$", line)
        if m and int(m.group(1)) > 120 and i + 1 < len(lines) and "processes" in lines[i + 1] \
                and "do not add processes" not in lines[i + 1]:
            return f"advice for CPU above wall time oversubscribes the cores: {line} / {lines[i + 1]}"
    return ""


def display_available() -> bool:
    return shutil.which("Xvfb") is not None


DRIVERS: dict[str, object] = {}
