# Adapted from https://github.com/ultrafunkamsterdam/undetected-chromedriver/issues/1552 (a library that starts
# a helper process when its object is made at module level of a script).
import multiprocessing


def patcher() -> None:
    pass


class Chrome:
    def __init__(self) -> None:
        self.proc = multiprocessing.Process(target=patcher, daemon=True)
        self.proc.start()


def make_driver() -> Chrome:
    return Chrome()


driver = make_driver()  # ok: process-start-without-main-guard
