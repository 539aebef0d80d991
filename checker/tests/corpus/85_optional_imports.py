# Adapted from https://github.com/Julius2342/pyvlx/issues/231 and the usual optional-import shape: uvloop may
# be missing, so the name is set to None; where it is there, the policy call is still the deprecated one.
import asyncio

try:
    import uvloop
except ImportError:
    uvloop = None

try:
    import requests
except ImportError:
    requests = None


async def ping(url: str) -> int:
    if requests is None:
        return 0
    return requests.get(url, timeout=3).status_code  # expect: sync-http-in-coroutine


async def main() -> None:
    print(await ping("https://example.invalid"))


if __name__ == "__main__":
    if uvloop is not None:
        uvloop.install()  # expect: event-loop-policy
    asyncio.run(main())
# expect-suggest: libs=some
