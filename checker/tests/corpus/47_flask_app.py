# expect-suggest: where=sweb
import time

import requests
from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/slow")
def slow():
    time.sleep(0.2)  # ok: sleep-in-coroutine
    data = requests.get("https://api.invalid/data", timeout=5).json()  # ok: sync-http-in-coroutine
    return jsonify(data)


if __name__ == "__main__":
    app.run()
