def work_checked(item: int) -> tuple[int | None, str | None]:
    """Run work() and return (result, None), or (None, error text) if it raised.

    Collect-all policy: catching inside the task keeps one bad item from ending
    the whole map() iteration.
    """
    try:
        return work(item), None
    except (OSError, ValueError, ArithmeticError) as exc:
        # Only a bad item is caught (extend the tuple with your own errors): a
        # bug (TypeError, KeyError...) propagates and stops the run.
        return None, f"{item}: {exc!r}"
