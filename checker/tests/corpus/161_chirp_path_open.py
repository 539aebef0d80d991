# Adapted from https://github.com/modrisb/chirp/issues/12 (Home Assistant's "Detected blocking call to open"
# for Path.open called on the class inside the integration's async setup).
import asyncio
import json
from pathlib import Path


async def async_setup(hass, config) -> bool:
    module_dir = Path(__file__).parent
    with Path.open(str(module_dir) + "/classes.json") as file:  # expect: file-io-in-coroutine
        classes = json.load(file)
    hass.data["classes"] = classes
    return True


def _load_classes(module_dir: Path) -> dict:
    with Path.open(module_dir / "classes.json") as file:  # ok: file-io-in-coroutine
        return json.load(file)


async def async_setup_fixed(hass, config) -> bool:
    hass.data["classes"] = await asyncio.to_thread(_load_classes, Path(__file__).parent)
    return True
