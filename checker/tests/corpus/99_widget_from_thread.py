# Adapted from https://packtpub.com/en-ph/product/tkinter-gui-application-development-cookbook-9781788622301/chapter/asynchronous-programming-6/section/scheduling-actions-ch06lvl1sec52
# (a worker thread that updates widgets itself instead of scheduling the update with after()).
# expect-suggest: where=gui
import threading
import time
import tkinter as tk

root = tk.Tk()
status = tk.Label(root, text="waiting")
status.pack()
progress = tk.Label(root, text="0%")
progress.pack()


def download() -> None:
    for step in range(1, 11):
        time.sleep(0.5)
        progress.config(text=f"{step * 10}%")  # expect: gui-widget-from-thread
    status.configure(text="done")  # expect: gui-widget-from-thread


def download_politely() -> None:
    for step in range(1, 11):
        time.sleep(0.5)
        root.event_generate("<<Progress>>", when="tail")  # ok: gui-widget-from-thread
    root.after(0, lambda: status.configure(text="done"))  # ok: gui-widget-from-thread


def refresh() -> None:
    status.config(text="refreshed")  # ok: gui-widget-from-thread


threading.Thread(target=download, daemon=True).start()
threading.Thread(target=download_politely, daemon=True).start()
tk.Button(root, text="Refresh", command=refresh).pack()
root.mainloop()
