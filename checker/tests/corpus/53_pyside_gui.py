# expect-suggest: where=gui
import sys
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtWidgets import QApplication, QLabel


def compute() -> int:
    return sum(range(10_000_000))


def main() -> int:
    app = QApplication(sys.argv)
    label = QLabel("computing")
    label.show()
    with ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(compute)
        future.add_done_callback(lambda f: print(f.result()))
        code = app.exec()
    return code


if __name__ == "__main__":
    sys.exit(main())
