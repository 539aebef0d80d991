# Adapted from https://github.com/valory-xyz/open-aea/issues/509 (a ledger dispatcher with two time.sleep calls
# inside an async method, and a sync retry helper next to it).
import asyncio
import time


class LedgerDispatcher:
    def _retry_sync(self, fn):
        for _ in range(3):
            try:
                return fn()
            except ConnectionError:
                time.sleep(1)  # ok: sleep-in-coroutine
        return None

    async def get_balance(self, api) -> int:
        attempts = 0
        while attempts < 3:
            balance = await api.balance()
            if balance is not None:
                return balance
            time.sleep(0.5)  # expect: sleep-in-coroutine
            attempts += 1
        return self._retry_sync(api.balance_sync)  # expect: blocking-helper-in-coroutine
