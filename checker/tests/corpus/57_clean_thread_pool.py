"""Threads for blocking I/O with as_completed: no findings expected."""
import urllib.request
from concurrent.futures import ThreadPoolExecutor, as_completed


def download(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def main(urls: list[str]) -> None:
    with ThreadPoolExecutor(max_workers=16, thread_name_prefix="dl") as pool:
        futures = {pool.submit(download, url): url for url in urls}
        for future in as_completed(futures):
            url = futures[future]
            try:
                print(url, len(future.result()))
            except OSError as error:
                print(url, "failed:", error)


if __name__ == "__main__":
    main(["http://127.0.0.1:8000/"])
