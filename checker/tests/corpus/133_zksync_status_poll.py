# Adapted from https://github.com/zksync-sdk/zksync-python/issues/29 (a transaction status poll sleeping
# in async code), with the sleep moved into a helper the coroutine calls.
import asyncio
import time


def _backoff(attempt: int) -> None:
    time.sleep(min(2 ** attempt, 30))


async def await_committed(provider, tx_hash: str) -> dict:
    for attempt in range(20):
        receipt = await provider.get_receipt(tx_hash)
        if receipt:
            return receipt
        _backoff(attempt)  # expect: blocking-helper-in-coroutine
    raise TimeoutError(tx_hash)


async def await_committed_fixed(provider, tx_hash: str) -> dict:
    for attempt in range(20):
        receipt = await provider.get_receipt(tx_hash)
        if receipt:
            return receipt
        await asyncio.to_thread(_backoff, attempt)  # ok: blocking-helper-in-coroutine
    raise TimeoutError(tx_hash)
