#!/usr/bin/env python3
"""The measure layer: renders measure.py for a few results (`cargo run --bin measure`), runs it on
workloads whose answer is known (tests/measure/workloads.py) on the CPythons they target, and checks the
verdict, the measured answers and the link back into the wizard (every key a question of
src/content/data/questions.toml, every value one of its options, the schema of meta.toml).

Usage: python3 tests/measure/run.py VENV_DIR   (a venv-HASH-py3.X under ~/.cache/pyconc: its siblings are
the other versions' environments; without it the machine's pyenv versions are used)
"""

import os
import re
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BUDGET = os.environ.get("MEASURE_BUDGET", "5")
# MEASURE_ONLY=tiny,microsecond runs only those workloads (the edit-test loop).
ONLY = [w for w in os.environ.get("MEASURE_ONLY", "").split(",") if w]

# The pages the scripts come from: a pure-Python CPU job (a process pool) and a waiting job.
PAGES = {
    "cpu": "v=2&work=cpu&scale=one&where=script&py=3.12&total=slow&os=linux&cores=2-4&task=short&data=small"
    "&shared=no&input=list&state=none&crash=no&cancel=no&fail=all",
    "io": "v=2&work=io&scale=one&where=script&py=3.12&io=http&conc=hundreds&libs=all&http=httpx"
    "&input=list&state=none&cancel=no&fail=all",
}

# Words a workload's verdict must not hold: a task of microseconds neither holds nor releases the GIL as far
# as its timings can tell.
ABSENT = {
    "large_argument": ["holds the GIL", "releases the GIL", "Threads do not scale", "Threads scale"],
    # Its input is a small int: a tiny task, not a large argument.
    "microsecond": ["holds the GIL", "releases the GIL", "Threads do not scale", "Threads scale", "Copying dominates"],
    # A task of a millisecond or two is short, but long enough to classify.
    "tiny": ["too short to classify"],
}

# (workload, page, extra arguments, Pythons, the answers it must measure, words the verdict must hold,
#  "same"/"different": whether the measured answers must give the page's model)
# A task too short to classify keeps the page's `work` (cpu) and its verdict says nothing about the GIL.
CASES = [
    ("sleeping", "io", [], ["3.8", "3.14"], {"work": "io"}, ["Your work waits"], None),
    ("pure_python", "cpu", [], ["3.11", "3.14"], {"work": "cpu"}, ["Threads do not scale", "holds the GIL", "Processes scale"], "same"),
    ("hashing", "cpu", [], ["3.14"], {"work": "ext"}, ["Threads scale", "releases the GIL"], "different"),
    ("large_argument", "cpu", ["--inputs", "workloads:large_inputs"], ["3.14"], {"data": "large", "work": "cpu"},
     ["Copying dominates", "too short to classify"], None),
    ("microsecond", "cpu", [], ["3.12", "3.14"], {"task": "tiny", "work": "cpu", "data": "small"},
     ["too short to classify", "Start and dispatch costs dominate"], None),
    ("tiny", "cpu", [], ["3.14"], {"work": "cpu", "task": "tiny"}, ["Start and dispatch costs dominate"], None),
    ("coroutine", "io", [], ["3.9", "3.14"], {"work": "io"}, ["Your work waits", "asyncio runs"], None),
]


def questions():
    data = tomllib.loads((ROOT / "src/content/data/questions.toml").read_text())
    return {q["id"]: [o["id"] for o in q["option"]] for q in data["question"]}


def schema():
    return tomllib.loads((ROOT / "src/content/data/meta.toml").read_text())["schema"]


def pythons(venv):
    """The interpreter of each version: venv's siblings of the same requirements hash, else pyenv's."""
    found = {}
    match = re.fullmatch(r"(venv-[0-9a-f]+)-py(3\.\d+)", venv.name) if venv else None
    for v in ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14"]:
        if match:
            candidate = venv.parent / f"{match.group(1)}-py{v}" / "bin" / "python"
            if candidate.exists():
                found[v] = str(candidate)
                continue
        try:
            root = subprocess.check_output(["pyenv", "root"], text=True).strip()
            versions = sorted(Path(root, "versions").glob(f"{v}.*/bin/python"))
            if versions:
                found[v] = str(versions[-1])
        except (OSError, subprocess.CalledProcessError):
            pass
    return found


def render(out):
    """measure.py for each page, as the app renders it: {page: (path, model)}."""
    names = list(PAGES)
    cmd = ["cargo", "run", "--quiet", "--locked", "--bin", "measure", "--", str(out)] + [PAGES[n] for n in names]
    if os.environ.get("MEASURE_BIN"):  # a measure binary built already (the edit-test loop)
        cmd = [os.environ["MEASURE_BIN"]] + cmd[cmd.index("--") + 1 :]
    lines = subprocess.check_output(["nice", "-n", "10"] + cmd, cwd=ROOT, text=True).splitlines()
    return {n: tuple(line.split("\t")) for n, line in zip(names, lines)}


def check_link(link, known, version):
    """Problems of the printed link: the wizard's format, every answer id valid."""
    problems = []
    parsed = urllib.parse.urlparse(link)
    pairs = urllib.parse.parse_qsl(parsed.query, keep_blank_values=True)
    if not pairs or pairs[0] != ("v", str(version)):
        problems.append(f"the link does not start with v={version}")
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        problems.append("a key repeats")
    for k, v in pairs[1:]:
        if k not in known:
            problems.append(f"unknown question {k}")
        elif v not in known[k]:
            problems.append(f"{k}={v} is not one of {known[k]}")
    order = [q for q in known if q in keys]
    if keys[1:] != order:
        problems.append("answers are not in question order")
    return problems, dict(pairs)


def main():
    venv = Path(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] else None
    known, version = questions(), schema()
    found = pythons(venv)
    passed, failed, missing = 0, [], []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        scripts = render(Path(tmp))
        print("rendered: " + ", ".join(f"{n} page -> {m}" for n, (_, m) in scripts.items()))
        for workload, page, extra, versions, expect, words, same in CASES:
            if ONLY and workload not in ONLY:
                continue
            for v in versions:
                if v not in found:
                    missing.append(f"{workload} on {v}")
                    continue
                path, model = scripts[page]
                cmd = [found[v], path, "--work", f"workloads:{workload}", "--budget", BUDGET] + extra
                env = dict(os.environ, PYTHONPATH=str(HERE))
                t = time.perf_counter()
                run = subprocess.run(cmd, cwd=HERE, env=env, capture_output=True, text=True, timeout=120)
                took = time.perf_counter() - t
                out = run.stdout
                print(f"\n=== {workload} on {v} ({page} page: {model}), {took:.1f} s")
                print(out.rstrip())
                problems = []
                if run.returncode != 0:
                    problems.append(f"exit status {run.returncode}: {run.stderr.strip()[-800:]}")
                links = re.findall(r"Open the wizard on what you measured: (\S+)", out)
                if len(links) != 1:
                    problems.append("no link printed")
                else:
                    bad, answers = check_link(links[0], known, version)
                    problems += bad
                    for q, o in expect.items():
                        if answers.get(q) != o:
                            problems.append(f"measured {q}={answers.get(q)}, expected {o}")
                    if answers.get("py") != v:
                        problems.append(f"py={answers.get('py')} on {v}")
                verdict = next((line for line in out.splitlines() if line.startswith("Verdict: ")), "")
                for w in words:
                    if w not in verdict:
                        problems.append(f"the verdict lacks “{w}”")
                for w in ABSENT.get(workload, []):
                    if w in verdict:
                        problems.append(f"the verdict holds “{w}”")
                kept = re.search(r"Not established by measuring[^:]*: (.*)", out)
                if "too short to classify" in words and not (kept and "work" in kept.group(1).split(", ")):
                    problems.append("`work` is not named as kept from the page")
                if "Not established by measuring" not in out:
                    problems.append("the answers not established are not named")
                if same == "same" and "give the same model" not in out:
                    problems.append("expected the same model as the page")
                if same == "different" and "give a different model" not in out:
                    problems.append("expected a different model than the page")
                if took > float(BUDGET) + 15:
                    problems.append(f"took {took:.1f} s with a budget of {BUDGET} s")
                if problems:
                    failed.append(f"{workload} on {v}: " + "; ".join(problems))
                    print("FAILED: " + "; ".join(problems))
                else:
                    passed += 1
    print()
    for f in failed:
        print("failed: " + f)
    for m in missing:
        print("not run (no such Python here): " + m)
    print(f"{passed} passed, {len(failed)} failed ({time.perf_counter() - started:.0f} s)")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
