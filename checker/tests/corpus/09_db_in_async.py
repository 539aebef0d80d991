# expect-suggest: libs=some
import asyncio
import sqlite3

import asyncpg
import psycopg2


async def count_users(path: str) -> int:
    connection = sqlite3.connect(path)  # expect: sync-db-connect-in-coroutine
    try:
        return connection.execute("select count(*) from users").fetchone()[0]
    finally:
        connection.close()


async def legacy_report(dsn: str) -> list:
    with psycopg2.connect(dsn) as connection:  # expect: sync-db-connect-in-coroutine
        with connection.cursor() as cursor:
            cursor.execute("select 1")
            return cursor.fetchall()


async def modern_report(dsn: str) -> list:
    connection = await asyncpg.connect(dsn)  # ok: sync-db-connect-in-coroutine
    try:
        return await connection.fetch("select 1")
    finally:
        await connection.close()


def count_sync(path: str) -> int:
    with sqlite3.connect(path) as connection:  # ok: sync-db-connect-in-coroutine
        return connection.execute("select 1").fetchone()[0]


async def count_in_thread(path: str) -> int:
    return await asyncio.to_thread(count_sync, path)
