# Adapted from https://github.com/lbbrhzn/ocpp/issues/1199 (the open() was in a library helper reached from
# an awaited call; here the helper is in the same file).
import json


def _load_schema(path: str) -> dict:
    with open(path, "r", encoding="utf-8-sig") as f:
        return json.load(f)


def _schema_name(action: str) -> str:
    return f"schemas/{action}.json"


async def validate(action: str, payload: dict) -> bool:
    schema = _load_schema(_schema_name(action))  # expect: blocking-helper-in-coroutine
    return set(schema) <= set(payload)
