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
    return ""


def display_available() -> bool:
    return shutil.which("Xvfb") is not None


DRIVERS: dict[str, object] = {}


def _unused(path: Path) -> None:
    pass
