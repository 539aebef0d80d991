# Adapted from https://github.com/whchien/funda-scraper/issues/35 (a scraper that fans out with a pool; run
# from a script without the guard it failed on macOS; the fix added the guard).
from multiprocessing import Pool


def scrape_page(page: int) -> list:
    return [page]


def run(pages: int) -> list:
    with Pool() as pool:
        return pool.map(scrape_page, range(pages))


if __name__ == "__main__":
    print(run(3))  # ok: process-start-without-main-guard
