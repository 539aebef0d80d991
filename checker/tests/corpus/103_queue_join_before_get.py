# Adapted from https://sopython.com/canon/82/programs-using-multiprocessing-hang-deadlock-and-never-complete/
# (the parent joins the child before reading the queue it fills: with a large item both wait forever).
import multiprocessing as mp


def child(q) -> None:
    q.put(b"x" * 200_000)


def deadlocks() -> bytes:
    q = mp.Queue()
    p = mp.Process(target=child, args=(q,))
    p.start()
    p.join()  # expect: queue-joined-before-drained
    return q.get()


def drains_first() -> bytes:
    q = mp.Queue()
    p = mp.Process(target=child, args=(q,))
    p.start()
    data = q.get()
    p.join()  # ok: queue-joined-before-drained
    return data


def many() -> list:
    q = mp.Queue()
    workers = [mp.Process(target=child, args=(q,)) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()  # expect: queue-joined-before-drained
    return [q.get() for _ in workers]


if __name__ == "__main__":
    print(len(drains_first()))
