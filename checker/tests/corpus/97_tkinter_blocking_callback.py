# Adapted from https://packtpub.com/en-nz/product/python-gui-programming-cookbook-third-edition-9781838827540/chapter/threads-and-networking-6/section/starting-a-thread-ch06lvl1sec47
# (a button whose callback sleeps: the window stops responding until it returns).
# expect-suggest: where=gui
import threading
import time
import tkinter as tk


class App:
    def __init__(self, root: tk.Tk) -> None:
        self.root = root
        self.label = tk.Label(root, text="idle")
        tk.Button(root, text="Run", command=self.run_blocking).pack()
        tk.Button(root, text="Run in thread", command=self.run_threaded).pack()
        self.root.after(1000, self.tick)

    def run_blocking(self) -> None:
        time.sleep(5)  # expect: gui-callback-blocks
        self.label.config(text="done")

    def run_threaded(self) -> None:
        threading.Thread(target=self.work, daemon=True).start()  # ok: gui-callback-blocks

    def work(self) -> None:
        time.sleep(5)  # ok: gui-callback-blocks
        self.root.after(0, self.done)

    def done(self) -> None:
        self.label.config(text="done")  # ok: gui-widget-from-thread

    def tick(self) -> None:
        self.label.config(text=time.strftime("%H:%M:%S"))  # ok: gui-callback-blocks
        self.root.after(1000, self.tick)


root = tk.Tk()
App(root)
root.mainloop()
