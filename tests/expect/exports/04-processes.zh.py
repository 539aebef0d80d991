# 该用哪种 Python 并发模型? — FastAPI 应用:在 lifespan 中创建进程池,用 run_in_executor 等待
# 链接: https://example.invalid/?v=2&work=cpu&scale=one&where=aweb&py=3.12&os=linux&cores=5-16&task=short&data=small&shared=no&input=list&state=none&crash=no&cancel=no&fail=fast&lang=zh
# 你的回答:
#   负载类型: 纯 Python 计算
#   规模: 一台机器
#   运行环境: 异步 Web 应用
#   Python 版本: 3.12
#   操作系统: Linux
#   核数: 5 到 16 个
#   任务时长: 毫秒到秒级
#   任务数据: 小数据
#   共享大对象: 没有
#   输入规模: 能放进内存
#   共享状态: 没有
#   崩溃风险: 不会
#   超时与取消: 不需要
#   失败处理: 遇错即停
# 内容版本: 2.0.0 (2026-11-30)

"""A FastAPI app that keeps heavy work off its event loop.

The event loop answers every request of this server process: if a handler
computes for two seconds on it, every other request waits two seconds.
Pure-Python CPU work goes to a process pool (one GIL per process), created
once when the app starts (lifespan) and shut down when it stops; the handler
awaits loop.run_in_executor(pool, fn, ...), so the loop stays free.

Install and run:
    pip install fastapi uvicorn
    uvicorn web_async:app --port 8000          (save this file as web_async.py)
    curl 'http://127.0.0.1:8000/work?seconds=2'
    curl http://127.0.0.1:8000/health

Each server worker process (uvicorn --workers N, gunicorn -w N) gets its own
pools: size them for the machine divided by the number of server processes.
"""

from __future__ import annotations

import os

# Native libraries (OpenBLAS, MKL, OpenMP) would start one thread per core in
# every process and every call. Set before NumPy (or SciPy...) is imported.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import asyncio
import multiprocessing
import sys
import time
from collections.abc import AsyncIterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager

from fastapi import FastAPI, HTTPException, Request

# --- Configuration (environment variables) ------------------------------------
# Workers per pool in this server process; 0 means one per CPU it may use.
WORKERS = int(os.environ.get("PYCONC_WORKERS", "0")) or getattr(os, "process_cpu_count", os.cpu_count)() or 1
# The longest job a request may ask for, in seconds.
MAX_SECONDS = 30.0
# How worker processes start. A web server runs threads (its own, AnyIO's for
# `def` endpoints), and fork would copy a process that runs threads: that can
# deadlock, and 3.12+ warns about it. forkserver (the Linux default from 3.14)
# starts workers from a clean helper process; macOS and Windows use spawn.
START_METHOD = "forkserver" if sys.platform == "linux" else None
# -------------------------------------------------------------------------------


def cpu_work(seconds: float) -> int:
    """Pure-Python CPU work that holds the GIL, for about `seconds` (a stand-in
    for parsing, scoring, rendering). It runs in a worker process.

    Module level, because the pool sends it to workers by name: a lambda or a
    function defined inside a handler cannot be pickled.
    """
    deadline = time.perf_counter() + seconds
    value = 0
    while time.perf_counter() < deadline:
        for n in range(10_000):
            value = (value * 31 + n) % 1_000_000_007
    return value


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Create the pools once per server process, and shut them down at exit.

    A pool per request would start and stop workers every time; a pool made at
    import time would be made in every process that imports the module.
    """
    app.state.cpu_pool = ProcessPoolExecutor(
        max_workers=WORKERS, mp_context=multiprocessing.get_context(START_METHOD)
    )
    try:
        yield
    finally:
        # Join the workers, so none outlives the server process.
        app.state.cpu_pool.shutdown()


app = FastAPI(lifespan=lifespan)


@app.get("/health")
async def health() -> dict:
    """Answers at once while jobs run: nothing here waits for a pool."""
    return {"status": "ok"}


def checked(seconds: float) -> float:
    if not 0 <= seconds <= MAX_SECONDS:
        raise HTTPException(status_code=422, detail=f"seconds must be between 0 and {MAX_SECONDS}")
    return seconds


@app.get("/work")
async def work(request: Request, seconds: float = 1.0) -> dict:
    """Run a job in the pool and await it; the loop serves other requests meanwhile."""
    loop = asyncio.get_running_loop()
    started = time.perf_counter()
    result: object = await loop.run_in_executor(request.app.state.cpu_pool, cpu_work, checked(seconds))
    return {"result": result, "elapsed": round(time.perf_counter() - started, 3)}


# The guard matters: with forkserver and spawn, worker processes import this
# module, and must not start a server of their own.
if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="127.0.0.1", port=int(os.environ.get("PORT", "8000")))
