# Adapted from https://packtpub.com/en-cz/product/tkinter-gui-application-development-cookbook-9781788622301/chapter/asynchronous-programming-6/section/introduction-ch06lvl1sec51
# (a long action run in the GUI thread freezes it; here a Qt slot that joins its worker and one that fetches).
# expect-suggest: where=gui
import threading

import requests
from PySide6.QtWidgets import QApplication, QLabel, QPushButton


def crunch() -> None:
    sum(range(10_000_000))


class Window:
    def __init__(self) -> None:
        self.label = QLabel("idle")
        self.button = QPushButton("Go")
        self.fetch_button = QPushButton("Fetch")
        self.button.clicked.connect(self.on_click)
        self.fetch_button.clicked.connect(self.on_fetch)

    def on_click(self) -> None:
        worker = threading.Thread(target=crunch)
        worker.start()
        worker.join()  # expect: gui-callback-blocks
        self.label.setText(", ".join(["done", "ok"]))  # ok: gui-callback-blocks

    def on_fetch(self) -> None:
        self.label.setText(requests.get("https://example.invalid", timeout=5).text)  # expect: gui-callback-blocks


app = QApplication([])
window = Window()
app.exec()
