import threading


def work(n):
    if n <> 0:  # expect-syntax: python2
        return n
    return 0


count = 0777  # expect-syntax: python2
threading.Thread(target=work, args=(1,)).start()
