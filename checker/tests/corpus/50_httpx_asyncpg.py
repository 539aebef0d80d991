# expect-suggest: libs=all
import asyncio

import asyncpg
import httpx


async def sync_prices(dsn: str) -> None:
    pool = await asyncpg.create_pool(dsn)
    async with pool, httpx.AsyncClient() as client:
        response = await client.get("https://prices.invalid/today")
        async with pool.acquire() as connection:
            await connection.execute("insert into prices values ($1)", response.text)


if __name__ == "__main__":
    asyncio.run(sync_prices("postgresql://127.0.0.1/prices"))
