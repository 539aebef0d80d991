{{#if input = stream}}


def bounded_map(
    executor: ThreadPoolExecutor, items: Iterable, limit: int
) -> Iterator:
    """Yield results while keeping at most `limit` tasks submitted.

    Stream pitfall: Executor.map() reads the whole input before it yields
    anything, so an endless or huge input would fill memory.
{{#if cancel = yes}}
    Raises TimeoutError when the run exceeds TIMEOUT_S.
{{/if}}
    """
{{#if py = 3.14}}
    if MAP_HAS_BUFFERSIZE:
        # 3.14 added buffersize: map() then stays at most `limit` tasks ahead
        # of the results read so far. The loop below does the same before 3.14.
{{#if cancel = yes}}
        yield from executor.map(TASK, items, timeout=TIMEOUT_S, buffersize=limit)
{{#else}}
        yield from executor.map(TASK, items, buffersize=limit)
{{/if}}
        return
{{/if}}
{{#if cancel = yes}}
    deadline = time.monotonic() + TIMEOUT_S
{{/if}}
    pending: set[Future] = set()
    source = iter(items)
    try:
        while True:
            for item in source:
                pending.add(executor.submit(TASK, item))
                if len(pending) >= limit:
                    break
            if not pending:
                return
{{#if cancel = yes}}
            remaining = deadline - time.monotonic()
            done, pending = wait(pending, remaining, FIRST_COMPLETED)
            if not done:
                raise TimeoutError(f"no result within {TIMEOUT_S:g} s")
{{#else}}
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
{{/if}}
            for future in done:
                yield future.result()
    finally:
        # On an error or timeout, drop the tasks that have not started yet.
        for future in pending:
            future.cancel()
{{/if}}


def results(executor: ThreadPoolExecutor, items: Iterable, workers: int) -> Iterator:
{{#if input = stream}}
    # Two tasks per thread keep every thread busy without reading far ahead.
    return bounded_map(executor, items, limit=2 * workers)
{{#elif cancel = yes}}
    # map() yields results in input order, raises TimeoutError once TIMEOUT_S
    # have passed, and cancels the tasks not yet started if a result raises.
    return executor.map(TASK, items, timeout=TIMEOUT_S)
{{#else}}
    # map() yields results in input order and cancels the tasks not yet
    # started if reading a result raises.
    return executor.map(TASK, items)
{{/if}}


# ---------------------------------------------------------------------------
# Measure and run
# ---------------------------------------------------------------------------
def time_sequential(items: Iterable) -> tuple[int, float]:
    """Run the sample in this thread and return (items done, seconds)."""
    done = 0
    start = time.perf_counter()
    for item in items:
        # This loop only measures; the pool run below reports the errors.
        with contextlib.suppress(Exception):
            work(item)
        done += 1
    return done, time.perf_counter() - start
