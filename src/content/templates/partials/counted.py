class Counted:
    """Wrap an iterable and count how many items the pool has taken from it."""

    def __init__(self, items: Iterable) -> None:
        self._items = items
        self.taken = 0

    def __iter__(self) -> Iterator:
        for item in self._items:
            self.taken += 1
            yield item
