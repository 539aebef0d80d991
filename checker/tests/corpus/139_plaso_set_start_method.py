# Adapted from https://github.com/log2timeline/plaso/issues/4796 and https://github.com/rasterio/rasterio/issues/3600
# (the fork start method chosen for the whole program, which also runs threads).
import multiprocessing
import threading


def status_reporter() -> None:
    pass


def worker(path: str) -> str:
    return path


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")  # expect: fork-with-threads
    threading.Thread(target=status_reporter, daemon=True).start()
    with multiprocessing.Pool(2) as pool:
        print(pool.map(worker, ["a", "b"]))
