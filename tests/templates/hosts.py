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
import select
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


def process_table() -> dict[int, tuple[int, str]]:
    """pid -> (parent pid, command line) of every process, from /proc."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        # The command name in parentheses may hold spaces: the fields after its last ")" are fixed.
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        table[int(entry)] = (ppid, cmdline)
    return table


def pool_workers(root: int) -> list[int]:
    """The process-pool workers under process `root`: the children of a forkserver (the helper whose
    parent is not one), or processes started by spawn."""
    table = process_table()
    below, frontier = set(), {root}
    while frontier:
        frontier = {pid for pid, (ppid, _) in table.items() if ppid in frontier} - below
        below |= frontier
    servers = {pid for pid in below if "forkserver" in table[pid][1] and "forkserver" not in table[table[pid][0]][1]}
    return sorted(pid for pid in below if table[pid][0] in servers or "spawn_main" in table[pid][1])


def kill_workers(root: int) -> int:
    """SIGKILL every pool worker under `root`, as the out-of-memory killer would; returns how many."""
    workers = pool_workers(root)
    for pid in workers:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return len(workers)


class Prober:
    """Calls /health on a connection of its own every 50 ms, in a thread, and records every answer's
    status and latency."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.answers: list[tuple[int, float]] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            while not self.stop.is_set():
                started = time.perf_counter()
                try:
                    conn.request("GET", "/health")
                    response = conn.getresponse()
                    response.read()
                    status = response.status
                except OSError:
                    status = 0  # no answer at all
                    conn.close()
                self.answers.append((status, time.perf_counter() - started))
                self.stop.wait(0.05)
        finally:
            conn.close()

    def finish(self) -> tuple[float, set[int]]:
        """Stops it; returns the worst latency and the statuses seen."""
        self.stop.set()
        self.thread.join()
        return max((lat for _, lat in self.answers), default=0.0), {status for status, _ in self.answers}


def request(port: int, method: str, path: str) -> tuple[int, dict, dict[str, str]]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request(method, path)
        response = conn.getresponse()
        body = response.read()
        try:
            parsed = json.loads(body or b"{}")
        except ValueError:
            parsed = {"text": body[:300].decode(errors="replace")}
        return response.status, parsed, dict(response.getheaders())
    finally:
        conn.close()


def crash_short(port: int, root: int) -> tuple[bool, str]:
    """A 3 s job runs while every pool worker is killed: the job must fail with its id named, the next 5
    jobs succeed, and /health answer 200 again."""
    outcome: list[tuple[int, dict, dict[str, str]]] = []
    worker = threading.Thread(target=lambda: outcome.append(request(port, "GET", "/work?seconds=3")))
    worker.start()
    time.sleep(0.8)
    killed = kill_workers(root)
    worker.join()
    if not killed or not outcome:
        return False, f"crash: {killed} pool worker processes found to kill; the job's answer: {outcome}"
    status, body, _ = outcome[0]
    error = str(body.get("error", ""))
    if status != 500 or f"job {body.get('job')} " not in error or "died" not in error:
        return False, f"crash: the job whose worker died answered {status} {body}"
    after = [request(port, "GET", "/work?seconds=0.1")[0] for _ in range(5)]
    health = request(port, "GET", "/health")[0]
    if after != [200] * 5 or health != 200:
        return False, f"crash: after the crash the next 5 jobs answered {after}, /health {health}"
    return True, f"crash: {killed} workers killed, the job failed named ({error[:40]}...), next 5 jobs 200, /health 200"


def poll(port: int, url: str, states: set[str], seconds: float) -> dict:
    deadline = time.monotonic() + seconds
    while True:
        status, body, _ = request(port, "GET", url)
        if status != 200 or body.get("state") in states or time.monotonic() > deadline:
            return body
        time.sleep(0.1)


def submit(port: int, seconds: float) -> tuple[bool, str, str]:
    """POST /jobs: must answer 202 at once with an id, a status URL and the same Location."""
    started = time.perf_counter()
    status, body, headers = request(port, "POST", f"/jobs?seconds={seconds}")
    took = time.perf_counter() - started
    url = str(body.get("status_url", ""))
    if status != 202 or not url or headers.get("location", headers.get("Location")) != url or took > 1:
        return False, f"POST /jobs answered {status} {body} {headers} in {took:.2f}s", url
    return True, "", url


def long_jobs(port: int, root: int, crash: bool) -> tuple[bool, str]:
    """Long jobs leave the request: submit a 3 s job and poll it to done; submit a 60 s one and cancel it
    while it runs; with `crash`, kill the pool's workers under a running job, which must fail named, and
    5 jobs after it must finish."""
    ok, why, url = submit(port, 3)
    if not ok:
        return False, why
    body = poll(port, url, {"done", "failed", "cancelled"}, 30)
    if body.get("state") != "done" or body.get("progress") != "3/3":
        return False, f"a 3 s job ended as {body}"
    ok, why, url = submit(port, 60)
    if not ok:
        return False, why
    poll(port, url, {"running"}, 10)
    time.sleep(1.2)
    started = time.perf_counter()
    status, body, _ = request(port, "DELETE", url)
    body = poll(port, url, {"cancelled", "done", "failed"}, 5)
    stopped = time.perf_counter() - started
    if status != 200 or body.get("state") != "cancelled":
        return False, f"DELETE {url} answered {status}; the job is {body}"
    detail = f"long jobs: 202 + status URL, a 3 s job polled to done, a 60 s job cancelled in {stopped:.1f}s"
    if not crash:
        return True, detail
    ok, why, url = submit(port, 5)
    if not ok:
        return False, why
    poll(port, url, {"running"}, 10)
    time.sleep(0.8)
    killed = kill_workers(root)
    body = poll(port, url, {"done", "failed", "cancelled"}, 20)
    if not killed or body.get("state") != "failed" or f"job {body.get('id')} " not in str(body.get("error")):
        return False, f"crash: {killed} workers killed under a running job, which ended as {body}"
    urls = []
    for _ in range(5):
        ok, why, url = submit(port, 0.2)
        if not ok:
            return False, why
        urls.append(url)
    states = [poll(port, u, {"done", "failed", "cancelled"}, 20).get("state") for u in urls]
    health = request(port, "GET", "/health")[0]
    if states != ["done"] * 5 or health != 200:
        return False, f"crash: the 5 jobs after it ended {states}, /health {health}"
    return True, f"{detail}; crash: the running job failed named, next 5 done, /health 200"


def serve_and_check(cmd: list[str], env: dict[str, str], cwd: Path, port: int, jobs: list[str],
                    limit_s: float, server_leaks: tuple[str, ...] = (), text: str = "") -> tuple[bool, str]:
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
        # A process pool that must survive a dead worker, and long jobs that leave the request: each
        # checked while /health is probed on another connection, which must stay fast throughout.
        recovers = "ProcessPoolExecutor(" in text
        if recovers or "/jobs" in text:
            prober = Prober(port)
            if "/jobs" in text:
                passed, detail = long_jobs(port, proc.pid, recovers)
            else:
                passed, detail = crash_short(port, proc.pid)
            worst, statuses = prober.finish()
            passed = passed and worst <= limit_s * 4
            ok = ok and passed
            details.append(f"{detail}; {len(prober.answers)} health probes meanwhile, worst "
                           f"{worst * 1000:.0f} ms (limit {limit_s * 4000:.0f} ms), statuses {sorted(statuses)}")
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
    text = file.read_text()
    jobs = [] if "/jobs" in text else ["/work?seconds=2"]
    jobs += ["/digest?seconds=2"] if "/digest" in text else []
    if "/work-def" in text:
        jobs.append("/work-def?seconds=2")
    return serve_and_check(cmd, env, cwd, port, jobs, 0.05, text=text)


def web_sync(file: Path, python: str, env: dict[str, str], cwd: Path) -> tuple[bool, str]:
    """Served by waitress (4 request threads); /work?seconds=2 must leave /health answering within 100 ms."""
    port = free_port()
    env = dict(env, PYTHONPATH=str(file.parent))
    cmd = [python, "-X", "dev", "-W", "error", "-m", "waitress", f"--listen=127.0.0.1:{port}", "--threads=4",
           f"{file.stem}:app"]
    # waitress 3 leaves its listening socket to the garbage collector when stopped by a signal.
    leaks = ("waitress", f"laddr=('127.0.0.1', {port})")
    text = file.read_text()
    jobs = [] if "/jobs" in text else ["/work?seconds=2"]
    return serve_and_check(cmd, env, cwd, port, jobs, 0.1, leaks, text=text)


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
    if count < wanted:
        return False, detail
    passed, closing = gui_close(file, python, env, cwd)
    if not passed:
        return False, f"{detail}; {closing}"
    detail += f"; {closing}"
    if "ProcessPoolExecutor(" in file.read_text():
        passed, crash = gui_crash(file, python, env, cwd)
        return passed, f"{detail}; {crash}"
    return True, detail


# Closing the window mid-run, 0.3 s after the click: 8 jobs of 0.5 s on 2 workers need 2 s, so 1.7 s
# of work remain; the process must end within CLOSE_LIMIT_S of the close (a shared-table initializer
# and a loaded machine take some of it), so it cannot have run them all.
CLOSE_LIMIT_S = 1.5


def gui_close(file: Path, python: str, env: dict[str, str], cwd: Path) -> tuple[bool, str]:
    """PYCONC_SELFTEST=close: the window is closed (through its close handler) 0.3 s after the click;
    the queued jobs must be cancelled and the process exit promptly."""
    env = dict(env, PYCONC_SELFTEST="close", PYCONC_COUNT="8", PYCONC_JOB_SECONDS="0.5", PYCONC_WORKERS="2")
    proc = subprocess.Popen(["xvfb-run", "-a", python, "-X", "dev", "-W", "error", str(file)], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        # The close line, within 60 s (a template without the close self-test never prints it).
        ready, _, _ = select.select([proc.stdout], [], [], 60)
        if not ready:
            raise subprocess.TimeoutExpired(proc.args, 60)
        line = proc.stdout.readline()
        closed_at = time.perf_counter()
        rest, stderr = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return False, "close: still running 60 s after the window closed"
    exit_s = time.perf_counter() - closed_at
    match = re.match(r"closed: (\d+) of (\d+) unfinished jobs cancelled", line)
    if proc.returncode != 0 or not match:
        return False, f"close: exit {proc.returncode}; stdout {line!r} {rest[-300:]!r}; stderr {stderr[-1500:]}"
    cancelled = int(match.group(1))
    detail = f"window closed mid-run: {cancelled} of {match.group(2)} unfinished jobs cancelled, exit {exit_s:.2f}s after the close (limit {CLOSE_LIMIT_S:g}s)"
    return cancelled >= 1 and exit_s <= CLOSE_LIMIT_S, detail


def gui_crash(file: Path, python: str, env: dict[str, str], cwd: Path) -> tuple[bool, str]:
    """PYCONC_SELFTEST=crash:3: job 3 segfaults its worker. The first round must end with that one job
    failed and named in the window's error list (echoed to stderr), the pool replaced; the second
    round, on the new pool, with none failed."""
    env = dict(env, PYCONC_SELFTEST="crash:3", PYCONC_COUNT="8", PYCONC_JOB_SECONDS="0.3", PYCONC_WORKERS="2")
    proc = subprocess.run(["xvfb-run", "-a", python, "-X", "dev", "-W", "error", str(file)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=180)
    summaries = re.findall(r"^summary: items=8 failed=(\d+) ", proc.stdout, re.M)
    pools = re.findall(r"^pool status: (.*)$", proc.stdout, re.M)
    named = re.findall(r"^error: job (\d+): ", proc.stderr, re.M)
    if proc.returncode != 0 or summaries != ["1", "0"] or named != ["3"] or "replaced" not in pools[0]:
        return False, (f"crash: exit {proc.returncode}, failed per round {summaries}, jobs named {named}, "
                       f"pool status {pools}; stderr {proc.stderr[-1200:]}")
    return True, f"crash: job 3 failed named, the 7 others finished, pool '{pools[0]}', the next round 8 of 8"


def notebook(file: Path, python: str, env: dict[str, str], cwd: Path) -> tuple[bool, str]:
    """Executed cell by cell through nbclient on the environment's ipykernel."""
    runner = Path(__file__).with_name("notebook.py")
    proc = subprocess.run([python, str(runner), str(file)], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)
    summary = re.search(r"^summary: items=(\d+) failed=0 ", proc.stdout, re.M)
    if proc.returncode != 0 or not summary or int(summary.group(1)) < 1:
        return False, f"exit {proc.returncode}; stdout {proc.stdout[-800:]}; stderr {proc.stderr[-1500:]}"
    if "except BrokenProcessPool" not in file.read_text():
        return True, summary.group(0).strip()
    # Crash recovery: block 17 segfaults its worker. The cell that counts every block must name it and
    # count the rest; the next cell runs the 39 others again on the replaced pool, none failing.
    crash_env = dict(env, PYCONC_FAULT="crash:17", PYCONC_COUNT="40")
    crashed = subprocess.run([python, str(runner), str(file)], cwd=cwd, env=crash_env, capture_output=True,
                             text=True, timeout=300)
    summaries = re.findall(r"^summary: items=(\d+) failed=(\d+) ", crashed.stdout, re.M)
    named = re.findall(r"^error: block (\d+): its worker process died", crashed.stdout, re.M)
    if crashed.returncode != 0 or summaries != [("40", "1"), ("39", "0")] or named != ["17"]:
        return False, (f"crash: exit {crashed.returncode}, summaries {summaries}, blocks named {named}; "
                       f"stdout {crashed.stdout[-800:]}; stderr {crashed.stderr[-1000:]}")
    return True, (f"{summary.group(0).strip()}; crash: block 17 failed named, 39 of 40 counted, "
                  "the next cell's 39 on the new pool none failed")


def web_async_http(file: Path, python: str, env: dict[str, str], cwd: Path) -> tuple[bool, str]:
    """Served by uvicorn, calling the items server (PYCONC_URL) through its one client: /items?count=50
    twice must answer every size while /health, probed meanwhile, answers within 300 ms."""
    port = free_port()
    cmd = [python, "-X", "dev", "-W", "error", "-m", "uvicorn", "--app-dir", str(file.parent),
           f"{file.stem}:app", "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    details, ok = [], True
    try:
        wait_for_port(port, proc)
        request(port, "GET", "/health")  # the server's first request, before the probes count
        prober = Prober(port)
        for _ in range(2):
            status, body, _ = request(port, "GET", "/items?count=50")
            if status != 200 or len(body.get("sizes", {})) != 50:
                ok = False
                details.append(f"/items?count=50 answered {status} {str(body)[:300]}")
        worst, statuses = prober.finish()
        # The loop itself runs the 50 calls (under -X dev, which slows asyncio): a probe waits for its turn.
        ok = ok and worst <= 0.3 and statuses == {200}
        details.append(f"2 x 50 items through the shared client; {len(prober.answers)} health probes, worst "
                       f"{worst * 1000:.0f} ms (limit 300 ms)")
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            _, stderr = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            _, stderr = proc.communicate()
            ok = False
    bad = [line for line in stderr.splitlines() if "Traceback" in line or "Warning" in line or "Error" in line]
    if bad:
        return False, f"{'; '.join(details)}; stderr: {stderr[-1500:]}"
    return ok, "; ".join(details)


DRIVERS = {
    "asyncio_aweb": web_async_http,
    "threads_aweb": web_async,
    "processes_aweb": web_async,
    "hybrid_aweb": web_async,
    "threads_sweb": web_sync,
    "processes_sweb": web_sync,
    "threads_gui": gui_tk,
    "processes_gui": gui_tk,
    "processes_notebook": notebook,
}
