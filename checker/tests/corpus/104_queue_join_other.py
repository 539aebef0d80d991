# Adapted from https://runebook.dev/en/docs/python/library/multiprocessing/multiprocessing.Queue.join_thread
# (join after the queue was read is fine; a Manager queue has no feeder thread to wait for).
import multiprocessing


def work(q, n) -> None:
    q.put(n * n)


if __name__ == "__main__":
    queue = multiprocessing.Queue()
    procs = []
    for n in range(3):
        p = multiprocessing.Process(target=work, args=(queue, n))
        p.start()
        procs.append(p)
    results = [queue.get() for _ in procs]
    for p in procs:
        p.join()  # ok: queue-joined-before-drained
    with multiprocessing.Manager() as manager:
        shared = manager.Queue()
        q2 = multiprocessing.Process(target=work, args=(shared, 9))
        q2.start()
        q2.join()  # ok: queue-joined-before-drained
        print(shared.get(), results)
