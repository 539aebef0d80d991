#!/usr/bin/env python3
"""The code checker side by side with ruff on the checker's corpus (checker/tests/corpus).

Each snippet carries its expected findings inline (`# expect: check-id` on the line a finding starts), written
before either tool ran. Both tools run over the same files: our checker through its check-files binary, ruff
(the version pinned in scripts/bench/requirements-ruff.txt) with `--preview --select ASYNC,RUF006`, its rules
mapped to our checks below. For every check both tools have, a finding is right when the snippet expects that
check on that line; precision = right / found, recall = right / expected. The overall figures are ours, over
every check. Prints a Markdown table and writes target/bench/checker-vs-ruff.json.

Usage: python3 scripts/bench/checker-vs-ruff.py [CORPUS_DIR]
  RUFF=/path/to/ruff uses that binary (it must be the pinned version); otherwise a venv under
  ~/.cache/pyconc/venv-ruff is made with pip from requirements-ruff.txt the first time.
Exits with 1 when ours is below ruff on a shared check.
"""

import json
import os
import re
import subprocess
import sys
import venv
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REQUIREMENTS = Path(__file__).with_name("requirements-ruff.txt")

# ruff's rules and the check of ours that finds the same thing.
RUFF_TO_OURS = {
    "ASYNC251": "sleep-in-coroutine",
    "ASYNC210": "sync-http-in-coroutine",
    "ASYNC212": "sync-http-in-coroutine",
    "ASYNC230": "file-io-in-coroutine",
    "ASYNC240": "file-io-in-coroutine",
    "ASYNC220": "subprocess-in-coroutine",
    "ASYNC221": "subprocess-in-coroutine",
    "ASYNC222": "subprocess-in-coroutine",
    "ASYNC250": "input-in-coroutine",
    "RUF006": "task-dropped",
}
SHARED = sorted(set(RUFF_TO_OURS.values()))


def pinned_version() -> str:
    for line in REQUIREMENTS.read_text().splitlines():
        if line.startswith("ruff=="):
            return line.split("==", 1)[1].strip()
    sys.exit(f"{REQUIREMENTS}: no ruff== line")


def ruff_binary(version: str) -> str:
    ruff = os.environ.get("RUFF")
    if not ruff:
        env = Path.home() / ".cache/pyconc/venv-ruff"
        ruff = str(env / "bin/ruff")
        if not Path(ruff).exists():
            venv.create(env, with_pip=True)
            subprocess.run([str(env / "bin/pip"), "install", "-q", "-r", str(REQUIREMENTS)], check=True)
    found = subprocess.run([ruff, "--version"], capture_output=True, text=True, check=True).stdout.split()[-1]
    if found != version:
        sys.exit(f"{ruff} is ruff {found}, the bench pins {version}")
    return ruff


def expectations(corpus: Path) -> dict[tuple[str, int], set[str]]:
    """(file name, line) -> the checks expected there."""
    expected = defaultdict(set)
    for path in sorted(corpus.glob("*.py")):
        for n, line in enumerate(path.read_text().splitlines(), 1):
            at = line.find("# expect:")
            if at < 0:
                continue
            for check in line[at + len("# expect:"):].split(","):
                if check.strip():
                    expected[(path.name, n)].add(check.strip())
    return expected


def ours(corpus: Path) -> dict[tuple[str, int], set[str]]:
    out = subprocess.run(
        ["cargo", "run", "--locked", "-q", "-p", "pyconc-checker", "--bin", "check-files", "--", str(corpus)],
        cwd=ROOT, capture_output=True, text=True,
    )
    if out.returncode not in (0, 1):
        sys.exit(out.stderr)
    found = defaultdict(set)
    pattern = re.compile(r"^(?P<path>.+?):(?P<line>\d+):\d+: (?P<check>[a-z0-9-]+) \(")
    for line in out.stdout.splitlines():
        m = pattern.match(line)
        if m and m["check"] != "syntax":
            found[(Path(m["path"]).name, int(m["line"]))].add(m["check"])
    return found


def ruff(corpus: Path, binary: str) -> dict[tuple[str, int], set[str]]:
    out = subprocess.run(
        [binary, "check", "--isolated", "--preview", "--select", "ASYNC,RUF006", "--output-format", "json",
         "--exit-zero", "--no-cache", str(corpus)],
        capture_output=True, text=True, check=True,
    )
    found = defaultdict(set)
    for d in json.loads(out.stdout):
        check = RUFF_TO_OURS.get(d["code"] or "")
        if check:
            found[(Path(d["filename"]).name, d["location"]["row"])].add(check)
    return found


def score(found, expected, checks) -> dict[str, tuple[int, int, int]]:
    """check -> (right, found, expected)."""
    result = {}
    for check in checks:
        f = {k for k, v in found.items() if check in v}
        e = {k for k, v in expected.items() if check in v}
        result[check] = (len(f & e), len(f), len(e))
    return result


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "n/a"


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "checker/tests/corpus"
    version = pinned_version()
    binary = ruff_binary(version)
    expected = expectations(corpus)
    our_found = ours(corpus)
    ruff_found = ruff(corpus, binary)
    snippets = len(list(corpus.glob("*.py")))
    adapted = sum(1 for p in corpus.glob("*.py") if re.search(r"https?://", p.read_text()))

    ours_shared = score(our_found, expected, SHARED)
    ruff_shared = score(ruff_found, expected, SHARED)
    print(f"Corpus: {snippets} snippets ({adapted} adapted from public code), ruff {version}\n")
    print("| check (shared) | expected | ours P | ours R | ruff P | ruff R |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    behind = []
    for check in SHARED:
        (ot, of, oe), (rt, rf, re_) = ours_shared[check], ruff_shared[check]
        print(f"| {check} | {oe} | {pct(ot, of)} ({ot}/{of}) | {pct(ot, oe)} | {pct(rt, rf)} ({rt}/{rf}) | {pct(rt, re_)} |")
        if (ot * rf < rt * of if of and rf else False) or ot < rt:
            behind.append(check)
    sums = lambda s: tuple(sum(x[i] for x in s.values()) for i in range(3))  # noqa: E731
    (ot, of, oe), (rt, rf, re_) = sums(ours_shared), sums(ruff_shared)
    print(f"| **shared, all** | {oe} | {pct(ot, of)} ({ot}/{of}) | {pct(ot, oe)} | {pct(rt, rf)} ({rt}/{rf}) | {pct(rt, re_)} |")

    all_checks = sorted({c for v in list(expected.values()) + list(our_found.values()) for c in v})
    every = score(our_found, expected, all_checks)
    at, af, ae = sums(every)
    print(f"\nOurs over every check ({len(all_checks)}): precision {pct(at, af)} ({at}/{af}), recall {pct(at, ae)} ({at}/{ae})")
    wrong = sorted((k, c) for k, v in our_found.items() for c in v if c not in expected.get(k, set()))
    missed = sorted((k, c) for k, v in expected.items() for c in v if c not in our_found.get(k, set()))
    for (name, line), check in wrong:
        print(f"  wrong: {name}:{line} {check}")
    for (name, line), check in missed:
        print(f"  missed: {name}:{line} {check}")
    ruff_wrong = sorted((k, c) for k, v in ruff_found.items() for c in v if c not in expected.get(k, set()))
    for (name, line), check in ruff_wrong:
        print(f"  ruff wrong: {name}:{line} {check}")

    out = ROOT / "target/bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / "checker-vs-ruff.json").write_text(json.dumps({
        "ruff": version, "snippets": snippets, "adapted": adapted,
        "shared": {c: {"ours": ours_shared[c], "ruff": ruff_shared[c]} for c in SHARED},
        "ours_all": {"right": at, "found": af, "expected": ae},
    }, indent=2))
    if behind:
        print(f"\nours below ruff on: {', '.join(behind)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
