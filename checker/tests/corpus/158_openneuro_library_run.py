# Adapted from https://github.com/openneuro-py/openneuro-py/issues/51 and https://github.com/refuel-ai/autolabel/issues/511
# (a library's sync entry point that wraps asyncio.run; fine in a script, an error when a notebook calls it,
# which a look at the library alone cannot know).
import asyncio


async def _download_files(**kwargs) -> None:
    await asyncio.sleep(0)


def download(dataset: str, target_dir: str) -> None:
    asyncio.run(_download_files(dataset=dataset, target_dir=target_dir))  # ok: asyncio-run-in-notebook, asyncio-run-in-coroutine
    print(f"Finished downloading {dataset}.")
