# Adapted from https://github.com/Wikilicious/pygmc/issues/91 (Home Assistant's "Detected blocking call to sleep
# inside the event loop" from a device read that sleeps between serial commands).
import asyncio
import time


class Device:
    def _read(self) -> bytes:
        time.sleep(0.1)
        return b"cpm"

    def get_cpm(self) -> bytes:
        return self._read()

    async def async_update(self) -> bytes:
        return self.get_cpm()  # expect: blocking-helper-in-coroutine

    async def async_update_fixed(self) -> bytes:
        return await asyncio.to_thread(self.get_cpm)  # ok: blocking-helper-in-coroutine
