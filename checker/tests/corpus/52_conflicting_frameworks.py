# Two frameworks: no `where` suggestion is certain.
from fastapi import FastAPI
from flask import Flask

api = FastAPI()
legacy = Flask(__name__)


@api.get("/")
async def root() -> dict:
    return {}


@legacy.route("/")
def old_root():
    return "ok"
