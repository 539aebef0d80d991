"""Runs every generated template against real local services, and lints each with ruff.

Usage: python3 tests/templates/run.py TEMPLATES_DIR VENV_DIR [--only SUBSTRING]

TEMPLATES_DIR holds the files and manifest.tsv written by `cargo run --bin templates`. Each template runs
under `python -X dev -W error` (so ResourceWarning, "coroutine was never awaited" and DeprecationWarning
fail it) with a time bound, against services started here on 127.0.0.1 and stopped at the end: an HTTP
server (aiohttp, tests/templates/items_server.py), PostgreSQL, MariaDB and Redis. Nothing is mocked. A template passes when it exits 0 and its last
line is a summary with at least one item and no failures. Templates for a Python newer than this one
(InterpreterPoolExecutor needs 3.14) are linted for their target version and reported as parsed only,
after checking that they refuse to run here with a clear message.
"""

from __future__ import annotations

import concurrent.futures
import csv
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SUMMARY = re.compile(r"^summary: items=(\d+) failed=(\d+) elapsed=([0-9.]+)s( speedup=([0-9.]+)x)?$")
TIMEOUT = 180
PARSED_ONLY = {"interpreters"}
# Celery, Dask and Ray start workers of their own and share the broker: these run one at a time.
ONE_AT_A_TIME = {"distributed"}


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


def parsed_only(row: dict[str, str], running: tuple[int, int]) -> bool:
    """A template written for a newer Python than the one here is linted for its target, not run."""
    return row["model"] in PARSED_ONLY or version(row["python"]) > running


def run_one(row: dict[str, str], folder: Path, python: str, env: dict[str, str]) -> tuple[str, bool, str, float]:
    """Runs one template; returns (file, passed, detail, seconds)."""
    file = folder / row["file"]
    run_env = dict(os.environ, **env)
    run_env["PYCONC_DSN"] = env["PYCONC_MYSQL_DSN"] if "db=aiomysql" in row["link"] else env["PYCONC_PG_DSN"]
    run_env.setdefault("PYCONC_COUNT", "40")
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as cwd:
        try:
            proc = subprocess.run([python, "-X", "dev", "-W", "error", str(file)], cwd=cwd, env=run_env,
                                  capture_output=True, text=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            return row["file"], False, f"timed out after {TIMEOUT}s", time.monotonic() - started
    seconds = time.monotonic() - started
    if row["model"] in PARSED_ONLY:
        refused = proc.returncode == 2 and "3.14" in (proc.stdout + proc.stderr)
        return row["file"], refused, "refuses to run here with a message naming 3.14" if refused else (
            f"expected exit 2 and a message naming 3.14, got {proc.returncode}: {proc.stderr[-400:]}"), seconds
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    match = SUMMARY.match(lines[-1]) if lines else None
    if proc.returncode != 0 or not match:
        return row["file"], False, f"exit {proc.returncode}; stdout tail {lines[-3:]}; stderr: {proc.stderr[-1500:]}", seconds
    items, failed = int(match.group(1)), int(match.group(2))
    if items < 1 or failed:
        return row["file"], False, f"summary says items={items} failed={failed}", seconds
    return row["file"], True, lines[-1], seconds


def lint(folder: Path, rows: list[dict[str, str]], venv: Path) -> list[str]:
    """ruff check, per target Python version, from a folder with no project settings."""
    problems = []
    by_target: dict[str, list[str]] = {}
    for row in rows:
        by_target.setdefault(row["python"], []).append(str(folder / row["file"]))
    with tempfile.TemporaryDirectory() as neutral:
        for version, files in sorted(by_target.items()):
            target = "py3" + version.split(".")[1]
            proc = subprocess.run([str(venv / "bin" / "ruff"), "check", "--isolated", "--no-cache", "--quiet",
                                   "--target-version", target, *files], cwd=neutral, capture_output=True, text=True)
            if proc.returncode != 0:
                problems.append(f"ruff --target-version {target}:\n{proc.stdout[-3000:]}{proc.stderr[-1000:]}")
            print(f"ruff check --target-version {target}: {len(files)} files, {'clean' if proc.returncode == 0 else 'PROBLEMS'}")
    return problems


def main() -> int:
    folder, venv = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else ""
    with open(folder / "manifest.tsv", newline="") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if only in r["file"]]
    python = str(venv / "bin" / "python")
    running = version(subprocess.check_output([python, "-c", "import sys; print(*sys.version_info[:2], sep='.')"], text=True))
    print(f"{len(rows)} templates in {folder}; python: {subprocess.check_output([python, '-VV'], text=True).strip()}")
    # Templates for a newer Python are parsed only; those that must refuse to run here are still run
    # to check that they say so.
    skipped = [r for r in rows if parsed_only(r, running) and r["model"] not in PARSED_ONLY]
    to_run = [r for r in rows if not parsed_only(r, running) or r["model"] in PARSED_ONLY]

    problems = lint(folder, rows, venv)
    services = Services(Path(tempfile.mkdtemp(prefix="pyconc-services-")))
    results = []
    try:
        services.http(python)
        services.postgres()
        services.mariadb()
        services.redis()
        workers = max(2, os.cpu_count() or 2)
        with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(run_one, row, folder, python, services.env) for row in to_run
                       if row["model"] not in ONE_AT_A_TIME]
            for done, future in enumerate(concurrent.futures.as_completed(futures), 1):
                results.append(future.result())
                if done % 250 == 0:
                    print(f"  ran {done} of {len(to_run)}", flush=True)
        for row in to_run:
            if row["model"] in ONE_AT_A_TIME:
                results.append(run_one(row, folder, python, services.env))
    finally:
        services.stop()
        shutil.rmtree(services.root, ignore_errors=True)

    failed = [r for r in results if not r[1]]
    for i, (name, _, detail, _) in enumerate(sorted(failed)):
        print(f"FAILED {name}: {detail if i < 20 else detail[:200]}")
    refusing = sum(1 for r in to_run if r["model"] in PARSED_ONLY)
    parsed = len(skipped) + refusing
    slowest = max(results, key=lambda r: r[3]) if results else None
    by_template: dict[str, int] = {}
    for r in rows:
        by_template[r["template"]] = by_template.get(r["template"], 0) + 1
    print("per template: " + ", ".join(f"{k} {v}" for k, v in sorted(by_template.items())))
    if slowest:
        print(f"slowest: {slowest[0]} {slowest[3]:.1f}s")
    for p in problems:
        print(p)
    ran = len(results) - refusing
    print(f"generated {len(rows)}, run {ran}, parsed only {parsed} "
          f"({len(skipped)} for a newer Python than {running[0]}.{running[1]}, {refusing} checked to refuse with a message)")
    print(f"templates: {len(results) - len(failed)} passed, {len(failed) + len(problems)} failed, {len(skipped)} skipped")
    return 1 if failed or problems else 0


if __name__ == "__main__":
    sys.exit(main())
