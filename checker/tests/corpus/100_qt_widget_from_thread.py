# A Qt worker thread that sets a label's text itself; the signal's emit() is the safe way.
# expect-suggest: where=gui
import threading
import time

from PyQt5.QtCore import QObject, pyqtSignal
from PyQt5.QtWidgets import QApplication, QLabel


class Bridge(QObject):
    text = pyqtSignal(str)


class Window:
    def __init__(self) -> None:
        self.label = QLabel("idle")
        self.bridge = Bridge()
        self.bridge.text.connect(self.label.setText)
        threading.Thread(target=self.poll, daemon=True).start()
        threading.Thread(target=self.poll_safely, daemon=True).start()

    def poll(self) -> None:
        while True:
            time.sleep(1)
            self.label.setText(time.ctime())  # expect: gui-widget-from-thread

    def poll_safely(self) -> None:
        while True:
            time.sleep(1)
            self.bridge.text.emit(time.ctime())  # ok: gui-widget-from-thread


app = QApplication([])
Window()
app.exec_()
