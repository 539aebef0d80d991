# Adapted from https://github.com/thomluther/ha-anker-solix/issues/71 and https://github.com/niruse/cuboai/issues/9
# (an API class that reads a JSON file with open() inside its async methods).
import json


class SolixApi:
    def __init__(self, filename: str) -> None:
        self.filename = filename

    async def load_test_data(self) -> dict:
        with open(self.filename, encoding="utf-8") as file:  # expect: file-io-in-coroutine
            return json.load(file)

    async def save_token(self, token: dict) -> None:
        with open("/config/token.json", "w", encoding="utf-8") as f:  # expect: file-io-in-coroutine
            json.dump(token, f)

    def load_sync(self) -> dict:
        with open(self.filename, encoding="utf-8") as file:  # ok: file-io-in-coroutine
            return json.load(file)
