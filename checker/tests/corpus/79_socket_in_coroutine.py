# A plain socket inside a coroutine: recv() waits with the loop stopped; the loop's own sock_* calls do not.
import asyncio
import socket


async def ask_time(host: str) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect((host, 37))  # expect: sync-socket-in-coroutine
    data = sock.recv(4)  # expect: sync-socket-in-coroutine
    sock.close()
    return data


async def ask_time_nonblocking(host: str) -> bytes:
    loop = asyncio.get_running_loop()
    conn = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    conn.setblocking(False)
    await loop.sock_connect(conn, (host, 37))  # ok: sync-socket-in-coroutine
    data = await loop.sock_recv(conn, 4)  # ok: sync-socket-in-coroutine
    conn.close()
    return data


def ask_time_sync(host: str) -> bytes:
    with socket.create_connection((host, 37)) as s:  # ok: sync-socket-in-coroutine
        return s.recv(4)  # ok: sync-socket-in-coroutine
