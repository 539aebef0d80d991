# Adapted from https://github.com/dynamical-org/reformatters/pull/215 (a pool forked from a process with
# threads; the fix asks for spawn).
import multiprocessing
from concurrent.futures import ThreadPoolExecutor


def reformat(chunk: int) -> int:
    return chunk


def run(chunks: list[int]) -> list[int]:
    with ThreadPoolExecutor(4) as io_pool:
        list(io_pool.map(print, chunks))
    ctx = multiprocessing.get_context("fork")  # expect: fork-with-threads
    with ctx.Pool(4) as pool:
        return pool.map(reformat, chunks)


def run_fixed(chunks: list[int]) -> list[int]:
    with ThreadPoolExecutor(4) as io_pool:
        list(io_pool.map(print, chunks))
    ctx = multiprocessing.get_context("spawn")  # ok: fork-with-threads
    with ctx.Pool(4) as pool:
        return pool.map(reformat, chunks)
