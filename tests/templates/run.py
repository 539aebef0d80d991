"""Runs every generated template against real local services on the Pythons it targets, and lints each.

Usage: python3 tests/templates/run.py TEMPLATES_DIR VENV_DIR [--only SUBSTRING] [--sample N] [--jobs N]
                                     [--all-newest]

TEMPLATES_DIR holds the files and manifest.tsv written by `cargo run --bin templates`. VENV_DIR is one of
the environments scripts/setup-python.sh makes, named venv-HASH-pyX.Y under one folder: its siblings of
the same HASH are the environments of the other CPython versions (3.8 to 3.13). A version without an
environment is reported, and the variants that target it run on the newest version instead.

Each template runs on the oldest version its answers allow (the manifest's `python` column) under
`python -X dev -W error` (so ResourceWarning, "coroutine was never awaited" and DeprecationWarning fail
it), with a time bound. On the newest version here run the variants that target it and, of those that
target an older one, a set chosen so that every pair of adjacent code lines any of them holds runs there
at least once (see newest_cover; --all-newest runs every variant there). The runs go against services
started here on 127.0.0.1 and stopped at the end: an HTTP server (aiohttp, tests/templates/items_server.py),
PostgreSQL, MariaDB and Redis. Nothing is mocked. A script passes when it exits 0 and its last line is a
summary with at least one item and no failures. The host templates (web apps, Tkinter, notebook) are
driven by tests/templates/hosts.py instead: served and called over HTTP, shown under Xvfb, executed cell
by cell.

Templates with the self-test hook (PYCONC_FAULT) also run with one injected fault each, on the newest
version: a bad item (must be reported by name, the rest finished under collect-all, exit status 1), a bug
(TypeError: must stop the run with its traceback, exit status not 0), and a worker that segfaults where
crash isolation was asked for (the pool is recreated, the rest finished, the item named, exit status 1).
The templates that hash files also run on a folder holding a 256 MiB file, and their largest process must
stay under half of that (see HASHING).

Templates for a newer Python than any here (InterpreterPoolExecutor needs 3.14) are linted for their
target version and reported as parsed only; the interpreter-pool ones are also run to check that they
refuse with a clear message. The runner ends with a plain `N passed, M failed` line.
"""

from __future__ import annotations

import concurrent.futures
import csv
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import hosts  # noqa: E402  (tests/templates/hosts.py)

SUMMARY = re.compile(r"^summary: items=(\d+) failed=(\d+) elapsed=([0-9.]+)s( speedup=([0-9.]+)x)?$")
TIMEOUT = 180
VERSIONS = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]
PARSED_ONLY = {"interpreters"}
# Celery, Dask and Ray start workers of their own and share the broker: these run one at a time.
ONE_AT_A_TIME = {"distributed"}
# Items per run, and the item that gets the injected fault (past the processes templates' timing sample).
COUNT = 40
FAULT_ITEM = 17
# The templates that hash the files of PYCONC_DIR. Each kind of variant also runs on a folder holding one
# file of BIG_FILE bytes, and its largest process must stay under half of that: a template that reads a
# whole file into memory before hashing it fails (content review item 17).
HASHING = {"asyncio_files.py", "threads_io.py", "threads_ext.py"}
BIG_FILE = 256 * 1024 * 1024
# Runs the template given after it, then prints the peak resident size of its largest process, in KiB.
PEAK_RSS = ("import resource, subprocess, sys; code = subprocess.call(sys.argv[1:]); "
            "print(f'peak-rss-kib={resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}', file=sys.stderr); "
            "sys.exit(code)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Services:
    """The real services the templates talk to, on free ports of 127.0.0.1, in a temporary folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        # The database servers run as their own users, who must be able to reach their folders.
        root.chmod(0o755)
        self.procs: list[subprocess.Popen[bytes]] = []
        self.stops: list[list[str]] = []
        self.env: dict[str, str] = {}
        self.as_root = os.geteuid() == 0

    def _run(self, cmd: list[str], user: str | None = None) -> None:
        if user and self.as_root:
            cmd = ["runuser", "-u", user, "--", *cmd]
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed: {proc.stderr[-2000:]}")

    def _chown(self, path: Path, user: str) -> None:
        if self.as_root:
            shutil.chown(path, user, user)

    def http(self, python: str) -> None:
        port = free_port()
        server = Path(__file__).with_name("items_server.py")
        self.procs.append(subprocess.Popen([python, str(server), str(port)]))
        wait_for_port(port)
        self.env["PYCONC_URL"] = f"http://127.0.0.1:{port}"

    def postgres(self) -> None:
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
        pg = bins[-1] if bins else Path("/usr/bin")
        data = self.root / "pg"
        data.mkdir()
        self._chown(data, "postgres")
        self._run([str(pg / "initdb"), "-D", str(data), "-A", "trust", "-U", "pyconc"], user="postgres")
        port = free_port()
        opts = f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c max_connections=300"
        self._run([str(pg / "pg_ctl"), "-D", str(data), "-o", opts, "-w", "-l", str(data / "log"), "start"], user="postgres")
        stop = [str(pg / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"]
        self.stops.append(["runuser", "-u", "postgres", "--", *stop] if self.as_root else stop)
        self.env["PYCONC_PG_DSN"] = f"postgresql://pyconc@127.0.0.1:{port}/postgres"

    def mariadb(self) -> None:
        data = self.root / "mysql"
        data.mkdir()
        self._chown(data, "mysql")
        install = shutil.which("mariadb-install-db") or shutil.which("mysql_install_db")
        self._run([install, "--no-defaults", f"--datadir={data}", "--auth-root-authentication-method=normal", "--skip-test-db"], user="mysql")
        port = free_port()
        cmd = ["mariadbd", "--no-defaults", f"--datadir={data}", f"--port={port}", "--bind-address=127.0.0.1",
               f"--socket={data}/sock", f"--pid-file={data}/pid", "--skip-grant-tables", "--max-connections=500"]
        if self.as_root:
            cmd.append("--user=mysql")
        self.procs.append(subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        wait_for_port(port)
        self.env["PYCONC_MYSQL_DSN"] = f"mysql://root@127.0.0.1:{port}/mysql"

    def redis(self) -> None:
        port = free_port()
        self.procs.append(subprocess.Popen(
            ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        wait_for_port(port)
        self.env["PYCONC_BROKER"] = f"redis://127.0.0.1:{port}/0"
        self.env["PYCONC_BACKEND"] = f"redis://127.0.0.1:{port}/1"

    def stop(self) -> None:
        for cmd in self.stops:
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for p in self.procs:
            p.terminate()
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()


def wait_for_port(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {seconds}s")


def version(text: str) -> tuple[int, int]:
    major, minor = text.split(".")[:2]
    return int(major), int(minor)


def environments(venv: Path) -> dict[str, Path]:
    """The environment of each CPython version: VENV_DIR's siblings of the same requirements hash."""
    match = re.fullmatch(r"(venv-[0-9a-f]+)-py(3\.\d+)", venv.name)
    if not match:
        # An environment of another layout: one version only, the one it runs.
        out = subprocess.check_output([str(venv / "bin" / "python"), "-c", "import sys; print(*sys.version_info[:2], sep='.')"], text=True)
        return {out.strip(): venv}
    found = {}
    for v in VERSIONS:
        candidate = venv.parent / f"{match.group(1)}-py{v}"
        if (candidate / "bin" / "python").exists() and (candidate / ".complete").exists():
            found[v] = candidate
    return found


def answers(row: dict[str, str]) -> dict[str, str]:
    """The answers of the first answer set that produced this variant (its share link)."""
    query = urllib.parse.urlparse(row["link"]).query
    return {k: v[0] for k, v in urllib.parse.parse_qs(query).items()}


@dataclass
class Job:
    row: dict[str, str]
    python: str  # the version it runs on
    fault: str = ""  # "", "fail", "bug" or "crash"
    big_file: bool = False  # run on a folder holding one BIG_FILE-byte file (see HASHING)
    ok: bool = False
    detail: str = ""
    seconds: float = 0.0
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        fault = f" with PYCONC_FAULT={self.fault}:{FAULT_ITEM}" if self.fault else ""
        big = f" on a {BIG_FILE >> 20} MiB file" if self.big_file else ""
        return f"{self.row['file']} on {self.python}{fault}{big}"


def check_fault(job: Job, code: int, lines: list[str], stderr: str) -> tuple[bool, str]:
    """What a run with an injected fault must show."""
    a = answers(job.row)
    match = SUMMARY.match(lines[-1]) if lines else None
    named = re.search(rf"\bitem {FAULT_ITEM}\b|/{FAULT_ITEM}\b", stderr) is not None
    if job.fault == "bug":
        # A bug is never an item failure: it stops the run, loud, with its traceback.
        if code == 0 or "TypeError" not in stderr:
            return False, f"a TypeError in one item must stop the run with its traceback: exit {code}, stderr {stderr[-600:]}"
        return True, "a bug stops the run with its traceback"
    if code != 1:
        return False, f"an item failed, so the exit status must be 1, got {code}; stderr {stderr[-600:]}"
    if not named:
        return False, f"the failed item {FAULT_ITEM} is not named on stderr: {stderr[-600:]}"
    if a.get("fail") == "all":
        # Collect-all: the rest is finished and every error is counted.
        if not match or int(match.group(1)) != COUNT or int(match.group(2)) != 1:
            return False, f"collect-all must finish the other items and count one failure: {lines[-1:]}"
    return True, f"{job.fault}: named, exit 1" + (", the rest finished" if a.get("fail") == "all" else "")


def run_big_file(job: Job, file: Path, python: str, run_env: dict[str, str], cwd: Path) -> Job:
    """Hashes a folder of three small files and one of BIG_FILE bytes (sparse: it reads as zeros, fast);
    the largest process of the run must stay under half of BIG_FILE."""
    inputs = cwd / "inputs"
    inputs.mkdir()
    for i in range(3):
        (inputs / f"small-{i}.bin").write_bytes(os.urandom(4096))
    with open(inputs / "big.bin", "wb") as f:
        f.truncate(BIG_FILE)
    run_env = dict(run_env, PYCONC_DIR=str(inputs))
    started = time.monotonic()
    try:
        proc = subprocess.run([python, "-c", PEAK_RSS, python, "-X", "dev", "-W", "error", str(file)], cwd=cwd,
                              env=run_env, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        job.detail = f"timed out after {TIMEOUT}s"
        return job
    finally:
        job.seconds = time.monotonic() - started
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    match = SUMMARY.match(lines[-1]) if lines else None
    peak = re.search(r"peak-rss-kib=(\d+)", proc.stderr)
    if proc.returncode != 0 or not match or not peak:
        job.detail = f"exit {proc.returncode}; stdout tail {lines[-3:]}; stderr: {proc.stderr[-1500:]}"
        return job
    if (int(match.group(1)), int(match.group(2))) != (4, 0):
        job.detail = f"expected items=4 failed=0 for the four files, got {lines[-1]}"
        return job
    peak_mib = int(peak.group(1)) / 1024
    if peak_mib * 1024 * 1024 >= BIG_FILE / 2:
        job.detail = f"peak resident size {peak_mib:.0f} MiB while hashing a {BIG_FILE >> 20} MiB file: it is read whole"
        return job
    job.extra["peak_mib"] = f"{peak_mib:.0f}"
    job.ok, job.detail = True, f"peak resident size {peak_mib:.0f} MiB for a {BIG_FILE >> 20} MiB file"
    return job


def big_file_jobs(rows: list[dict[str, str]], folder: Path, newest: str) -> list[Job]:
    """One run on a big file per hashing template, target version and kind of variant (see HASHING)."""
    jobs, seen = [], set()
    for row in rows:
        if Path(row["file"]).name not in HASHING or version(row["python"]) > version(newest):
            continue
        if "PYCONC_DIR" not in (folder / row["file"]).read_text():
            continue
        a = answers(row)
        key = (row["template"], row["python"], a.get("input"), a.get("cancel"), a.get("fail"))
        if key not in seen:
            seen.add(key)
            jobs.append(Job(row, row["python"], big_file=True))
    return jobs


def run_one(job: Job, folder: Path, envs: dict[str, Path], services: dict[str, str]) -> Job:
    row = job.row
    file = folder / row["file"]
    python = str(envs[job.python] / "bin" / "python")
    run_env = dict(os.environ, **services)
    text = file.read_text()
    mysql = "db=aiomysql" in row["link"] or "import pymysql" in text
    run_env["PYCONC_DSN"] = services["PYCONC_MYSQL_DSN"] if mysql else services["PYCONC_PG_DSN"]
    run_env.setdefault("PYCONC_COUNT", str(COUNT))
    if job.fault:
        run_env["PYCONC_FAULT"] = f"{job.fault}:{FAULT_ITEM}"
        if job.fault == "fail" and "fail" not in hosts.fault_kinds(text):
            # An HTTP template's bad item is a real one: the server answers 500 for it.
            run_env["PYCONC_URL"] = f"{services['PYCONC_URL']}/fail-{FAULT_ITEM}"
    started = time.monotonic()
    driver = hosts.DRIVERS.get(row["template"])
    with tempfile.TemporaryDirectory() as cwd:
        if job.big_file:
            return run_big_file(job, file, python, run_env, Path(cwd))
        if driver and not job.fault:
            try:
                job.ok, job.detail = driver(file, python, run_env, Path(cwd))
            except Exception as exc:  # noqa: BLE001 - a driver's own failure is this template's failure
                job.ok, job.detail = False, f"driver error: {exc!r}"
            job.seconds = time.monotonic() - started
            return job
        try:
            proc = subprocess.run([python, "-X", "dev", "-W", "error", str(file)], cwd=cwd, env=run_env,
                                  capture_output=True, text=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            job.detail = f"timed out after {TIMEOUT}s"
            job.seconds = time.monotonic() - started
            return job
    job.seconds = time.monotonic() - started
    if row["model"] in PARSED_ONLY:
        refused = proc.returncode == 2 and "3.14" in (proc.stdout + proc.stderr)
        job.ok = refused
        job.detail = "refuses to run here with a message naming 3.14" if refused else (
            f"expected exit 2 and a message naming 3.14, got {proc.returncode}: {proc.stderr[-400:]}")
        return job
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    if job.fault:
        job.ok, job.detail = check_fault(job, proc.returncode, lines, proc.stderr)
        return job
    match = SUMMARY.match(lines[-1]) if lines else None
    if proc.returncode != 0 or not match:
        job.detail = f"exit {proc.returncode}; stdout tail {lines[-3:]}; stderr: {proc.stderr[-1500:]}"
        return job
    items, failed = int(match.group(1)), int(match.group(2))
    if items < 1 or failed:
        job.detail = f"summary says items={items} failed={failed}"
        return job
    problem = hosts.check_output(row, proc.stdout)
    if problem:
        job.detail = problem
        return job
    job.ok, job.detail = True, lines[-1]
    return job


def lint(folder: Path, rows: list[dict[str, str]], ruff: Path) -> list[str]:
    """ruff check, per target Python version, from a folder with no project settings."""
    problems = []
    by_target: dict[str, list[str]] = {}
    for row in rows:
        by_target.setdefault(row["python"], []).append(str(folder / row["file"]))
    with tempfile.TemporaryDirectory() as neutral:
        for target_version, files in sorted(by_target.items(), key=lambda kv: version(kv[0])):
            target = "py3" + target_version.split(".")[1]
            proc = subprocess.run([str(ruff), "check", "--isolated", "--no-cache", "--quiet",
                                   "--target-version", target, *files], cwd=neutral, capture_output=True, text=True)
            if proc.returncode != 0:
                problems.append(f"ruff --target-version {target}:\n{proc.stdout[-3000:]}{proc.stderr[-1000:]}")
            print(f"ruff check --target-version {target}: {len(files)} files, {'clean' if proc.returncode == 0 else 'PROBLEMS'}")
    return problems


def code_pairs(text: str) -> set[tuple[str, str]]:
    """The pairs of adjacent code lines of a file, indentation kept; blank lines and comments left out."""
    lines = [line.rstrip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return set(zip(lines, lines[1:]))


def newest_cover(rows: list[dict[str, str]], folder: Path) -> list[dict[str, str]]:
    """Of the variants of each template (all of which target a version older than the newest here), the
    ones to run on the newest too: picked greedily, the variant that adds the most pairs of adjacent code
    lines not yet covered first, until every pair that any of them holds is in one picked. So every line
    these variants can hold, and every seam between two {{#if}} blocks, runs on the newest version (where
    new deprecations and removals show); each variant itself runs on the version it targets."""
    by_template: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_template.setdefault(row["template"], []).append(row)
    chosen = []
    for variants in by_template.values():
        pairs = [code_pairs((folder / row["file"]).read_text()) for row in variants]
        wanted = set().union(*pairs)
        covered: set[tuple[str, str]] = set()
        while covered != wanted:
            best = max(range(len(variants)), key=lambda i: len(pairs[i] - covered))
            chosen.append(variants[best])
            covered |= pairs[best]
    return chosen


def fault_jobs(rows: list[dict[str, str]], folder: Path, newest: str) -> list[Job]:
    """One run per injected fault and per kind of variant: the first variant of each template for each
    failure policy (and crash answer) gets a bad item and a bug; crash-isolating ones also a segfault."""
    jobs, seen = [], set()
    for row in rows:
        if row["model"] in PARSED_ONLY or version(row["python"]) > version(newest):
            continue
        if "PYCONC_FAULT" not in (folder / row["file"]).read_text():
            continue
        a = answers(row)
        key = (row["template"], a.get("fail"), a.get("crash"), a.get("data"), a.get("io"))
        if key in seen:
            continue
        seen.add(key)
        text = (folder / row["file"]).read_text()
        kinds = hosts.fault_kinds(text)
        # An HTTP template's bad item comes from the server (see run_one).
        if "fail" in kinds or "PYCONC_URL" in text:
            jobs.append(Job(row, newest, "fail"))
        if "bug" in kinds:
            jobs.append(Job(row, newest, "bug"))
        # A worker crash, where crash isolation was asked for (a task queue isolates its jobs anyway).
        if "crash" in kinds and (a.get("crash") == "yes" or row["model"] == "distributed"):
            jobs.append(Job(row, newest, "crash"))
    return jobs


def main() -> int:
    started = time.monotonic()
    # A SIGTERM (a CI timeout, a kill) still stops the services this run started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    # Started in the background by a shell without job control, this process ignores SIGINT, and so would
    # every server it starts, which the host drivers stop with SIGINT. A handler of its own makes the
    # servers start with the default action again.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    folder, venv = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else ""
    # --sample N: every Nth variant of each template only (a quick look while editing; CI runs all).
    sample = int(sys.argv[sys.argv.index("--sample") + 1]) if "--sample" in sys.argv else 1
    workers = int(sys.argv[sys.argv.index("--jobs") + 1]) if "--jobs" in sys.argv else max(2, os.cpu_count() or 2)
    all_newest = "--all-newest" in sys.argv
    with open(folder / "manifest.tsv", newline="") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if only in r["file"]]
    if sample > 1:
        seen: dict[str, int] = {}
        kept = []
        for r in rows:
            seen[r["template"]] = seen.get(r["template"], -1) + 1
            if seen[r["template"]] % sample == 0:
                kept.append(r)
        rows = kept
    envs = environments(venv)
    if not envs:
        print(f"no Python environment found next to {venv}: run scripts/setup-python.sh")
        print("0 passed, 1 failed")
        return 1
    newest = max(envs, key=version)
    print(f"{len(rows)} templates in {folder}")
    for v in VERSIONS:
        if v in envs:
            out = subprocess.check_output([str(envs[v] / "bin" / "python"), "-VV"], text=True).strip()
            print(f"  CPython {v}: {out}")
        else:
            print(f"  CPython {v}: NOT AVAILABLE here; templates that target it run on the newest instead (skipped)")

    # Which runs: each variant on the oldest version it allows, and a covering set of them on the newest
    # here (newest_cover); 3.14-only ones are parsed only, and the interpreter-pool ones run once to check
    # that they refuse.
    jobs: list[Job] = []
    parsed_only: list[dict[str, str]] = []
    missing: dict[str, int] = {}
    refusing = 0
    older: list[dict[str, str]] = []
    for row in rows:
        target = row["python"]
        if row["model"] in PARSED_ONLY:
            parsed_only.append(row)
            jobs.append(Job(row, newest))
            refusing += 1
            continue
        if version(target) > version(newest):
            parsed_only.append(row)
            continue
        if target in envs:
            jobs.append(Job(row, target))
            if target != newest:
                older.append(row)
        else:
            # Its version is not here: it runs on the newest instead, and the skip is reported.
            missing[target] = missing.get(target, 0) + 1
            jobs.append(Job(row, newest))
    also_newest = older if all_newest else newest_cover(older, folder)
    jobs += [Job(row, newest) for row in also_newest]
    jobs += fault_jobs(rows, folder, newest)
    jobs += big_file_jobs(rows, folder, newest)

    problems = lint(folder, rows, envs[newest] / "bin" / "ruff")
    if not hosts.display_available():
        print("Xvfb is missing: the Tkinter templates cannot be shown (scripts/setup-python.sh installs it)")
    services = Services(Path(tempfile.mkdtemp(prefix="pyconc-services-")))
    done: list[Job] = []
    try:
        services.http(str(envs[newest] / "bin" / "python"))
        services.postgres()
        services.mariadb()
        services.redis()
        # Distributed engines share the broker; the host drivers measure responsiveness, which a
        # neighbour's CPU load would blur: these run one at a time, after the rest.
        alone = {id(j) for j in jobs if j.row["model"] in ONE_AT_A_TIME
                 or (j.row["template"] in hosts.DRIVERS and not j.fault)}
        parallel = [j for j in jobs if id(j) not in alone]
        serial = [j for j in jobs if id(j) in alone]
        with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(run_one, job, folder, envs, services.env) for job in parallel]
            try:
                for count, future in enumerate(concurrent.futures.as_completed(futures), 1):
                    done.append(future.result())
                    if count % 250 == 0:
                        print(f"  ran {count} of {len(jobs)} ({time.monotonic() - started:.0f}s)", flush=True)
            except BaseException:
                # Stopped (SIGTERM, Ctrl+C): drop the runs not started, so the services stop soon.
                for future in futures:
                    future.cancel()
                raise
        for job in serial:
            done.append(run_one(job, folder, envs, services.env))
    finally:
        services.stop()
        shutil.rmtree(services.root, ignore_errors=True)

    for job in sorted((j for j in done if j.ok and j.row["template"] in hosts.DRIVERS), key=lambda j: j.name):
        print(f"host {job.name}: {job.detail}")
    failed = sorted((j for j in done if not j.ok), key=lambda j: j.name)
    for i, job in enumerate(failed):
        print(f"FAILED {job.name}: {job.detail if i < 20 else job.detail[:200]}")
    by_template: dict[str, int] = {}
    for r in rows:
        by_template[r["template"]] = by_template.get(r["template"], 0) + 1
    print("per template: " + ", ".join(f"{k} {v}" for k, v in sorted(by_template.items())))
    spent: dict[str, list[float]] = {}
    for j in done:
        spent.setdefault(j.row["template"], []).append(j.seconds)
    print("seconds per template (runs, total, mean): " + ", ".join(
        f"{k} {len(v)} {sum(v):.0f} {sum(v) / len(v):.2f}" for k, v in sorted(spent.items(), key=lambda kv: -sum(kv[1]))))
    if done:
        slowest = max(done, key=lambda j: j.seconds)
        print(f"slowest: {slowest.name} {slowest.seconds:.1f}s")
    for p in problems:
        print(p)
    plain = [j for j in done if not j.fault and not j.big_file and j.row["model"] not in PARSED_ONLY]
    per_version = {v: sum(1 for j in plain if j.python == v) for v in VERSIONS}
    faults = [j for j in done if j.fault]
    print(f"generated {len(rows)}")
    print("run per Python version: " + ", ".join(
        f"{v} {per_version[v]}" if v in envs else f"{v} not available" for v in VERSIONS))
    print(f"also run on {newest}: {len(also_newest)} of the {len(older)} variants that target an older version"
          + ("" if all_newest else ", holding every pair of adjacent code lines those variants hold"))
    print(f"fault-injection runs: {len(faults)} ({sum(1 for j in faults if j.ok)} passed)")
    big = [j for j in done if j.big_file]
    if big:
        heaviest = max(big, key=lambda j: int(j.extra.get("peak_mib", "0")))
        print(f"big-file runs: {len(big)} ({sum(1 for j in big if j.ok)} passed); "
              f"heaviest {heaviest.row['file']} on {heaviest.python}: {heaviest.detail}")
    print(f"parsed only: {len(parsed_only)} ({len(parsed_only) - refusing} need 3.14; {refusing} of them "
          f"also checked to refuse with a message on {newest})")
    for v, n in sorted(missing.items(), key=lambda kv: version(kv[0])):
        print(f"skipped: {n} runs on CPython {v}, which is not available here (those variants ran on {newest})")
    print(f"failed: {len(failed) + len(problems)}")
    print(f"template layer took {time.monotonic() - started:.0f}s with {workers} parallel runs")
    print(f"{len(done) - len(failed)} passed, {len(failed) + len(problems)} failed")
    return 1 if failed or problems else 0


if __name__ == "__main__":
    sys.exit(main())
