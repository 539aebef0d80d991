# expect-suggest: where=gui
import threading
import time
import tkinter as tk


def long_job(label: tk.Label) -> None:
    time.sleep(2)  # ok: sleep-in-coroutine
    label.after(0, lambda: label.config(text="done"))


def main() -> None:
    root = tk.Tk()
    label = tk.Label(root, text="working")
    label.pack()
    threading.Thread(target=long_job, args=(label,), daemon=True).start()
    root.mainloop()


if __name__ == "__main__":
    main()
