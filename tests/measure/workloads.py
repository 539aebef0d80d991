"""Workloads whose answer is known, for measure.py's test layer (tests/measure/run.py)."""

import asyncio
import hashlib
import time

BUFFER = bytes(range(256)) * (8 * 1024 * 1024 // 256)  # 8 MiB: hashlib releases the GIL on it
BIG = b"\x01" * 32_000_000  # 32 MB: a large argument per task


def sleeping(item):
    """Waits: the CPU is idle."""
    time.sleep(0.02)
    return item


def pure_python(item):
    """Computes in Python bytecode under the GIL (about 20 ms)."""
    total = 0
    for i in range(200_000):
        total += (i ^ item) % 7
    return total


def hashing(item):
    """Computes inside hashlib, which releases the GIL on large buffers."""
    return [hashlib.sha256(BUFFER).hexdigest() for _ in range(4)]


def tiny(item):
    """A task of a few milliseconds (about 2 ms)."""
    total = 0
    for i in range(20_000):
        total += (i ^ item) % 7
    return total


def microsecond(item):
    """A task of a few microseconds: any pool costs more than the task."""
    return sum(range(50)) + item


def large_argument(data):
    """Little work on a large argument: copying it to a worker costs more than the work."""
    return data[::4_000_000]


def large_inputs(n):
    return [BIG] * n


async def coroutine(item):
    """A coroutine that waits."""
    await asyncio.sleep(0.02)
    return item
