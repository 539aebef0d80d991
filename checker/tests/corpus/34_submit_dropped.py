import multiprocessing
from concurrent.futures import ThreadPoolExecutor


def send(n: int) -> None:
    if n == 3:
        raise ValueError(n)


def log_error(error: BaseException) -> None:
    print("failed", error)


def main() -> None:
    with ThreadPoolExecutor() as executor:
        for n in range(5):
            executor.submit(send, n)  # expect: submit-result-dropped
        futures = [executor.submit(send, n) for n in range(5)]  # ok: submit-result-dropped
        for f in futures:
            f.result()
    with multiprocessing.Pool(2) as pool:
        pool.apply_async(send, (1,))  # expect: submit-result-dropped
        pool.apply_async(send, (2,), error_callback=log_error)  # ok: submit-result-dropped
        pool.close()
        pool.join()


if __name__ == "__main__":
    main()
