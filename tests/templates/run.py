"""Runs every distinct generated template program against real local services on the Python it targets,
and lints each.

Usage: python3 tests/templates/run.py TEMPLATES_DIR VENV_DIR [--only SUBSTRING] [--sample N] [--jobs N]
                                     [--all-newest]

TEMPLATES_DIR holds the files and manifest.tsv written by `cargo run --bin templates`. VENV_DIR is one of
the environments scripts/setup-python.sh makes, named venv-HASH-pyX.Y under one folder: its siblings of
the same HASH are the environments of the other CPython versions (3.8 to 3.14, and 3.15 for the forward
check). A version without an environment is reported, and the programs that target it run on the newest
version instead.

Variants that differ only in comments and docstrings are one program (code_only): each distinct program
runs once on the oldest version its answers allow (the manifest's `python` column) under
`python -X dev -W error` (so ResourceWarning, "coroutine was never awaited" and DeprecationWarning fail
it), with a time bound. On the newest version here run the programs that target it and, of those that
target an older one, a set chosen so that every pair of adjacent code lines any of them holds runs there
at least once (see newest_cover; --all-newest runs every program there). The runs go against services
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

The interpreter-pool templates need 3.14: they run there, and once more on the newest version below it,
where they must refuse with a clear message. Where no 3.14 is here they are linted only ("parsed only").
The free-threaded ones run on the GIL build (no free-threaded CPython is here), which the report says.
The forward check runs the programs that target the newest version, and the covering set, on 3.15 (a
pre-release) under the same warnings-as-errors: its failures are listed so a coming deprecation shows
before it breaks, and never fail the run. The runner ends with a plain `N passed, M failed` line.
"""

from __future__ import annotations

import concurrent.futures
import csv
import io
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import tokenize
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import hosts  # noqa: E402  (tests/templates/hosts.py)

SUMMARY = re.compile(r"^summary: items=(\d+) failed=(\d+) elapsed=([0-9.]+)s( speedup=([0-9.]+)x)?$")
TIMEOUT = 180
VERSIONS = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14"]
# The forward check: the newest variants also run on this pre-release, reported but never failing the run.
FORWARD = "3.15"
# Models whose templates need a newer Python than some machines have: where their version is missing they
# are linted only, and run once on the newest here to check that they refuse with a clear message.
NEEDS_314 = {"interpreters"}
# Celery, Dask and Ray start workers of their own and share the broker: these run one at a time.
ONE_AT_A_TIME = {"distributed"}
# The models whose templates keep the cores busy (pools of processes, interpreters or free threads, pure
# Python work): they run WORKERS_BUSY at a time. The others mostly wait (on the HTTP server, the databases,
# the disk, sleeps), and WORKERS_WAITING more run beside them, so the cores are not idle while they wait.
BUSY_MODELS = {"processes", "hybrid", "free_threaded", "interpreters", "sequential"}
BUSY_TEMPLATES = {"threads_ext"}
WORKERS_BUSY = 2
WORKERS_WAITING = 3
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


def environments(venv: Path, versions: list[str] = VERSIONS) -> dict[str, Path]:
    """The environment of each CPython version: VENV_DIR's siblings of the same requirements hash."""
    match = re.fullmatch(r"(venv-[0-9a-f]+)-py(3\.\d+)", venv.name)
    if not match:
        # An environment of another layout: one version only, the one it runs.
        out = subprocess.check_output([str(venv / "bin" / "python"), "-c", "import sys; print(*sys.version_info[:2], sep='.')"], text=True)
        return {out.strip(): venv}
    found = {}
    for v in versions:
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
    refuse: bool = False  # a 3.14-only template on an older version: it must refuse with a clear message
    forward: bool = False  # the forward check on FORWARD: reported, never failing the run
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
    mysql = uses_mysql(row, text)
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
    if job.refuse:
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


def forward_packages_missing(env: Path | None) -> set[str]:
    """The import names of the requirements that did not install in the forward-check environment."""
    if not env or not (env / ".missing").exists():
        return set()
    names = set()
    for line in (env / ".missing").read_text().splitlines():
        name = re.split(r"[\[<>=;! ]", line.strip(), maxsplit=1)[0].lower()
        if name:
            names.add({"pymysql": "pymysql", "dask": "dask", "distributed": "distributed"}.get(name, name.replace("-", "_")))
    return names


def imports_any(text: str, modules: set[str]) -> bool:
    return any(re.search(rf"^\s*(import|from)\s+{re.escape(m)}\b", text, re.M) for m in modules)


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


def code_only(text: str) -> str:
    """What of a file runs: its tokens without comments, blank lines and statements that are only a string
    (docstrings; no template reads __doc__). Two variants that differ in their comments alone give the
    same text here, and run once. A file this Python cannot tokenize is kept whole."""
    try:
        tokens = [t for t in tokenize.generate_tokens(io.StringIO(text).readline)
                  if t.type not in (tokenize.COMMENT, tokenize.NL)]
    except (tokenize.TokenError, SyntaxError):
        return text
    kept = []
    starts = (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)
    skip_newline = False
    for i, tok in enumerate(tokens):
        if skip_newline and tok.type == tokenize.NEWLINE:
            skip_newline = False
            continue
        before = tokens[i - 1].type if i else tokenize.NEWLINE
        after = tokens[i + 1].type if i + 1 < len(tokens) else tokenize.ENDMARKER
        if tok.type == tokenize.STRING and before in starts and after in (tokenize.NEWLINE, tokenize.ENDMARKER):
            skip_newline = True
            continue
        kept.append(f"{tok.type}:{tok.string}")
    return "\x00".join(kept)


def uses_mysql(row: dict[str, str], text: str) -> bool:
    return "db=aiomysql" in row["link"] or "import pymysql" in text


def distinct_programs(rows: list[dict[str, str]], folder: Path) -> list[dict[str, str]]:
    """One variant per distinct program: the same template and model, target version, database and code
    (comments and docstrings left out, see code_only). The first variant of each stands for the others."""
    seen: set[tuple[str, ...]] = set()
    kept = []
    for row in rows:
        text = (folder / row["file"]).read_text()
        key = (row["template"], row["model"], row["python"], str(uses_mysql(row, text)), code_only(text))
        if key not in seen:
            seen.add(key)
            kept.append(row)
    return kept


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


def is_busy(job: Job) -> bool:
    """A run that keeps the cores busy (BUSY_MODELS, the big-file hashing runs), as opposed to one that
    mostly waits."""
    return job.row["model"] in BUSY_MODELS or job.row["template"] in BUSY_TEMPLATES or job.big_file


def fault_jobs(rows: list[dict[str, str]], folder: Path, newest: str) -> list[Job]:
    """One run per injected fault and per kind of variant: the first variant of each template for each
    failure policy (and crash answer) gets a bad item and a bug; crash-isolating ones also a segfault."""
    jobs, seen = [], set()
    for row in rows:
        if version(row["python"]) > version(newest):
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
    # --jobs N: N busy runs at a time (default WORKERS_BUSY, at most the cores), and WORKERS_WAITING more.
    workers_busy = int(sys.argv[sys.argv.index("--jobs") + 1]) if "--jobs" in sys.argv else min(
        WORKERS_BUSY, os.cpu_count() or 1)
    workers_waiting = WORKERS_WAITING
    workers = workers_busy + workers_waiting
    all_newest = "--all-newest" in sys.argv
    with open(folder / "manifest.tsv", newline="") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if only in r["file"]]
    for r in rows:
        # The manifest gives the oldest version the answers allow; these models need 3.14 whatever they are.
        if r["model"] in NEEDS_314 and version(r["python"]) < (3, 14):
            r["python"] = "3.14"
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
    forward_env = environments(venv, [FORWARD]).get(FORWARD)
    not_forward = forward_packages_missing(forward_env)
    if forward_env:
        out = subprocess.check_output([str(forward_env / "bin" / "python"), "-VV"], text=True).strip()
        print(f"  CPython {FORWARD} (forward check, not failing): {out}"
              + (f"; not installable there yet: {', '.join(sorted(not_forward))}" if not_forward else ""))
    else:
        print(f"  CPython {FORWARD} (forward check): not available here")

    # Which runs: each distinct program (distinct_programs) on the oldest version its answers allow, and a
    # covering set of them on the newest here (newest_cover). Templates for a newer version than the newest
    # here are linted only, and the 3.14-only ones run to check that they refuse with a clear message; where
    # 3.14 is here, they run on it and the refusal is checked on the newest version below it.
    programs = distinct_programs(rows, folder)
    jobs: list[Job] = []
    parsed_only: list[dict[str, str]] = []
    missing: dict[str, int] = {}
    older: list[dict[str, str]] = []
    below_314 = max((v for v in envs if version(v) < (3, 14)), key=version, default=None)
    refusal_checked: set[str] = set()
    for row in programs:
        target = row["python"]
        if row["model"] in NEEDS_314 and below_314 and row["template"] not in refusal_checked:
            refusal_checked.add(row["template"])
            jobs.append(Job(row, below_314, refuse=True))
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
    jobs += fault_jobs(programs, folder, newest)
    jobs += big_file_jobs(programs, folder, newest)
    # The forward check: of the programs whose packages install on FORWARD, a set holding every pair of
    # adjacent code lines they hold (newest_cover), so every line meets the pre-release's deprecations.
    forward_skipped = 0
    if forward_env:
        envs = dict(envs, **{FORWARD: forward_env})
        runnable = []
        for row in programs:
            if imports_any((folder / row["file"]).read_text(), not_forward):
                forward_skipped += 1
            else:
                runnable.append(row)
        jobs += [Job(row, FORWARD, forward=True) for row in newest_cover(runnable, folder)]

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
        busy = concurrent.futures.ThreadPoolExecutor(max_workers=workers_busy)
        waiting = concurrent.futures.ThreadPoolExecutor(max_workers=workers_waiting)
        with busy, waiting:
            # The slowest kinds first, so no long run is left alone at the end.
            parallel.sort(key=lambda j: (not j.big_file, j.row["model"] != "hybrid", not j.fault))
            futures = [(busy if is_busy(j) else waiting).submit(run_one, job, folder, envs, services.env)
                       for j in parallel for job in [j]]
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

    forward = [j for j in done if j.forward]
    done = [j for j in done if not j.forward]
    for job in sorted((j for j in done if j.ok and j.row["template"] in hosts.DRIVERS), key=lambda j: j.name):
        print(f"host {job.name}: {job.detail}")
    failed = sorted((j for j in done if not j.ok), key=lambda j: j.name)
    for i, job in enumerate(failed):
        print(f"FAILED {job.name}: {job.detail if i < 20 else job.detail[:200]}")
    by_template: dict[str, int] = {}
    for r in rows:
        by_template[r["template"]] = by_template.get(r["template"], 0) + 1
    print("variants per template: " + ", ".join(f"{k} {v}" for k, v in sorted(by_template.items())))
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
    plain = [j for j in done if not j.fault and not j.big_file and not j.refuse]
    on_target = [j for j in plain if j.python == j.row["python"]]
    per_version = {v: sum(1 for j in on_target if j.python == v) for v in VERSIONS}
    faults = [j for j in done if j.fault]
    print(f"generated {len(rows)} variants: {len(programs)} distinct programs (the rest differ from one of them "
          "in comments and docstrings only)")
    print("distinct programs run on the version they target: " + ", ".join(
        f"{v} {per_version[v]}" if v in envs else f"{v} not available" for v in VERSIONS))
    print(f"also run on {newest}: {len(also_newest)} of the {len(older)} programs that target an older version"
          + ("" if all_newest else ", holding every pair of adjacent code lines those programs hold"))
    free = [j for j in on_target if "gil=ft" in j.row["link"]]
    if free:
        print(f"free-threaded variants: {len(free)} run on the GIL build of {', '.join(sorted({j.python for j in free}))} "
              "(proven correct there; no free-threaded build is here, so none ran free-threaded)")
    print(f"fault-injection runs: {len(faults)} ({sum(1 for j in faults if j.ok)} passed)")
    big = [j for j in done if j.big_file]
    if big:
        heaviest = max(big, key=lambda j: int(j.extra.get("peak_mib", "0")))
        print(f"big-file runs: {len(big)} ({sum(1 for j in big if j.ok)} passed); "
              f"heaviest {heaviest.row['file']} on {heaviest.python}: {heaviest.detail}")
    refusals = [j for j in done if j.refuse]
    for j in refusals:
        print(f"refusal on {j.python}: {j.row['file']}: {'ok, ' if j.ok else ''}{j.detail}")
    print(f"parsed only: {len(parsed_only)}" + (
        f" (they need {', '.join(sorted({r['python'] for r in parsed_only}, key=version))}, newer than {newest})"
        if parsed_only else ""))
    for v, n in sorted(missing.items(), key=lambda kv: version(kv[0])):
        print(f"skipped: {n} runs on CPython {v}, which is not available here (those programs ran on {newest})")
    if forward_env:
        bad = sorted((j for j in forward if not j.ok), key=lambda j: j.name)
        print(f"forward check on {FORWARD} (-X dev -W error, reported, not failing): {len(forward)} programs "
              "holding every pair of adjacent code lines of the programs that can run there: "
              f"{len(forward) - len(bad)} passed, {len(bad)} failed; {forward_skipped} programs cannot run there "
              "(a package does not install yet)")
        for j in bad[:15]:
            print(f"  forward {j.name}: {j.detail[-300:]}")
    print(f"failed: {len(failed) + len(problems)}")
    print(f"template layer took {time.monotonic() - started:.0f}s with up to {workers_busy} busy and "
          f"{workers_waiting} waiting runs at a time")
    print(f"{len(done) - len(failed)} passed, {len(failed) + len(problems)} failed")
    return 1 if failed or problems else 0


if __name__ == "__main__":
    sys.exit(main())
