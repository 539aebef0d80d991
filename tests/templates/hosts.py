"""Drivers for the templates that are not plain scripts, used by run.py, and checks of what scripts print.

Each driver gets the template file, the Python to run it with, the environment (service addresses) and a
scratch folder, and returns (passed, detail): the async web app is served by uvicorn and the sync one by
waitress on a free port of 127.0.0.1, and called over HTTP while another connection checks that /health
keeps answering quickly during a 2 s job; the Tkinter window runs under Xvfb and must keep its UI timer
ticking while the pool works; the notebook runs cell by cell through nbclient (notebook.py).
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path


def fault_kinds(text: str) -> set[str]:
    """The kinds of fault a template's self-test hook can inject."""
    return set(re.findall(r'kind == "(\w+)"', text))


def check_output(row: dict[str, str], stdout: str) -> str:
    """Checks beyond the summary line, for what a template prints; returns a problem or ''."""
    # Native thread limits work only when set before NumPy loads: the thread pool's BLAS calls must
    # each get one thread (the limits set after the import would leave one per core).
    for n in re.findall(r"^native threads per BLAS call: (\d+)$", stdout, re.M):
        if n != "1":
            return f"BLAS runs {n} threads per call: the thread limits were set after NumPy loaded"
    # CPU time above wall time means a library already runs on several cores: the advice must not be
    # to add processes.
    lines = stdout.splitlines()
    for i, line in enumerate(lines):
        m = re.search(r"\((\d+)% of wall\)$", line)
        if m and int(m.group(1)) > 120 and i + 1 < len(lines) and "processes" in lines[i + 1] \
                and "do not add processes" not in lines[i + 1]:
            return f"advice for CPU above wall time oversubscribes the cores: {line} / {lines[i + 1]}"
    return ""


def display_available() -> bool:
    return shutil.which("Xvfb") is not None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with {proc.returncode} before listening")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {seconds}s")


def get(conn: http.client.HTTPConnection, path: str) -> tuple[int, dict]:
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    return response.status, json.loads(body or b"{}")


def responsive_during_job(port: int, job: str, limit_s: float) -> tuple[bool, str]:
    """A long job runs in one request while /health is called again and again on another connection;
    every health answer must come within limit_s."""
    warm = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    status, _ = get(warm, job.replace("seconds=2", "seconds=0.1"))  # starts the pool's workers
    warm.close()
    if status != 200:
        return False, f"warm-up job answered {status}"
    outcome: list[tuple[int, dict]] = []

    def long_job() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            outcome.append(get(conn, job))
        finally:
            conn.close()

    worker = threading.Thread(target=long_job)
    worker.start()
    time.sleep(0.3)
    health = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    latencies = []
    while worker.is_alive():
        started = time.perf_counter()
        status, body = get(health, "/health")
        latencies.append(time.perf_counter() - started)
        if status != 200 or body.get("status") != "ok":
            return False, f"/health answered {status} {body}"
        time.sleep(0.05)
    worker.join()
    health.close()
    if not outcome or outcome[0][0] != 200:
        return False, f"the 2 s job failed: {outcome}"
    if len(latencies) < 10:
        return False, f"only {len(latencies)} health checks during the job"
    slowest = max(latencies)
    detail = f"{len(latencies)} health checks during a 2 s job, slowest {slowest * 1000:.0f} ms (limit {limit_s * 1000:.0f} ms)"
    return slowest <= limit_s, detail


def serve_and_check(cmd: list[str], env: dict[str, str], cwd: Path, port: int, jobs: list[str],
                    limit_s: float, server_leaks: tuple[str, ...] = ()) -> tuple[bool, str]:
    """Serves the app, runs the jobs, stops it with SIGINT; its stderr must hold no traceback and no
    warning, except the "Exception ignored" reports at exit that name one of `server_leaks` (the
    server's own, not the app's)."""
    # Its own process group, so a server that will not stop is killed with every process it started (an
    # orphaned pool worker would hold the output pipes open and hang this run).
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    details = []
    ok = True
    try:
        wait_for_port(port, proc)
        for job in jobs:
            passed, detail = responsive_during_job(port, job, limit_s)
            ok = ok and passed
            details.append(f"{job}: {detail}")
    finally:
        # A clean stop: SIGINT, as Ctrl+C would; the pools shut down with the app.
        proc.send_signal(signal.SIGINT)
        try:
            _, stderr = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            _, stderr = proc.communicate()
            ok = False
            details.append("did not stop within 30 s of SIGINT")
    blocks = re.split(r"(?m)^(?=Exception ignored in)", stderr)
    kept = "".join(b for b in blocks if not any(marker in b for marker in server_leaks))
    bad = [line for line in kept.splitlines() if "Traceback" in line or "Warning" in line or "Error" in line]
    if bad:
        return False, f"{'; '.join(details)}; stderr: {stderr[-1500:]}"
    return ok, "; ".join(details)


def web_async(file: Path, python: str, env: dict[str, str], cwd: Path) -> tuple[bool, str]:
    """Served by uvicorn; /work?seconds=2 (and /digest for the hybrid app) must leave /health answering
    within 50 ms."""
    port = free_port()
    cmd = [python, "-X", "dev", "-W", "error", "-m", "uvicorn", "--app-dir", str(file.parent),
           f"{file.stem}:app", "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    jobs = ["/work?seconds=2"] + (["/digest?seconds=2"] if "/digest" in file.read_text() else [])
    if "/work-def" in file.read_text():
        jobs.append("/work-def?seconds=2")
    return serve_and_check(cmd, env, cwd, port, jobs, 0.05)


def web_sync(file: Path, python: str, env: dict[str, str], cwd: Path) -> tuple[bool, str]:
    """Served by waitress (4 request threads); /work?seconds=2 must leave /health answering within 100 ms."""
    port = free_port()
    env = dict(env, PYTHONPATH=str(file.parent))
    cmd = [python, "-X", "dev", "-W", "error", "-m", "waitress", f"--listen=127.0.0.1:{port}", "--threads=4",
           f"{file.stem}:app"]
    # waitress 3 leaves its listening socket to the garbage collector when stopped by a signal.
    leaks = ("waitress", f"laddr=('127.0.0.1', {port})")
    return serve_and_check(cmd, env, cwd, port, ["/work?seconds=2"], 0.1, leaks)


def gui_tk(file: Path, python: str, env: dict[str, str], cwd: Path) -> tuple[bool, str]:
    """Shown under Xvfb in self-test mode: the button is clicked, 8 jobs of 0.5 s run in the pool, and the
    UI thread's 10 ms timer must keep ticking meanwhile."""
    if not display_available():
        return False, "Xvfb is not installed"
    env = dict(env, PYCONC_SELFTEST="1", PYCONC_COUNT="8", PYCONC_JOB_SECONDS="0.5")
    proc = subprocess.run(["xvfb-run", "-a", python, "-X", "dev", "-W", "error", str(file)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)
    ticks = re.search(r"^ui ticks: (\d+) in ([0-9.]+)s$", proc.stdout, re.M)
    summary = re.search(r"^summary: items=8 failed=0 ", proc.stdout, re.M)
    if proc.returncode != 0 or not ticks or not summary:
        return False, f"exit {proc.returncode}; stdout {proc.stdout[-500:]}; stderr {proc.stderr[-1500:]}"
    count, seconds = int(ticks.group(1)), float(ticks.group(2))
    # 10 ms ticks: a frozen UI thread would tick a handful of times; a free one about 100 a second.
    wanted = max(20, int(seconds * 100 * 0.3))
    detail = f"the UI thread ticked {count} times in {seconds:.1f} s of work (at least {wanted} wanted)"
    return count >= wanted, detail


def notebook(file: Path, python: str, env: dict[str, str], cwd: Path) -> tuple[bool, str]:
    """Executed cell by cell through nbclient on the environment's ipykernel."""
    runner = Path(__file__).with_name("notebook.py")
    proc = subprocess.run([python, str(runner), str(file)], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)
    summary = re.search(r"^summary: items=(\d+) failed=0 ", proc.stdout, re.M)
    if proc.returncode != 0 or not summary or int(summary.group(1)) < 1:
        return False, f"exit {proc.returncode}; stdout {proc.stdout[-800:]}; stderr {proc.stderr[-1500:]}"
    return True, summary.group(0).strip()


DRIVERS = {
    "threads_aweb": web_async,
    "processes_aweb": web_async,
    "hybrid_aweb": web_async,
    "threads_sweb": web_sync,
    "processes_sweb": web_sync,
    "threads_gui": gui_tk,
    "processes_gui": gui_tk,
    "processes_notebook": notebook,
}
