#!/usr/bin/env bash
# Installs what the template tests need: PostgreSQL, MariaDB and Redis from Debian, Xvfb (the Tkinter
# template runs in a virtual display), and one Python virtual environment per CPython version from 3.8 to
# 3.13 with the pinned packages of tests/templates/requirements.txt. Idempotent: the environments are kept
# under ~/.cache/pyconc, keyed by the requirements' hash, and reused while they do not change.
# The interpreters come from pyenv (`pyenv root`/versions/X.Y.Z) or from pythonX.Y on the PATH; a version
# that is missing is reported here and again by the runner, which skips it visibly.
# Sourced by test.sh after setup.sh; exports PYCONC_VENV (the environment of this machine's python3, for
# the content facts) and PYCONC_VENVS (the folder holding one environment per version).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { printf '\033[1m[pyconc]\033[0m %s\n' "$*"; }

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || ! command -v mariadbd >/dev/null 2>&1 || ! command -v redis-server >/dev/null 2>&1 \
  || ! command -v Xvfb >/dev/null 2>&1 || ! command -v xauth >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    say "installing postgresql, mariadb-server, redis-server and xvfb from Debian (for the template tests)"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql mariadb-server redis-server xvfb xauth >/dev/null
    # The packages start system services; the tests run their own on other ports.
    for s in postgresql mariadb redis-server; do $SUDO service "$s" stop >/dev/null 2>&1 || true; done
  else
    say "missing: PostgreSQL, MariaDB, Redis or Xvfb. Install them with your package manager, then run this again."
    exit 1
  fi
fi

# The interpreter of one CPython version: the newest pyenv build of it, else pythonX.Y on the PATH.
interpreter() {
  local v="$1" root found=""
  if command -v pyenv >/dev/null 2>&1 && root=$(pyenv root 2>/dev/null); then
    found=$(ls -d "$root/versions/$v".* 2>/dev/null | grep -E "/$v\.[0-9]+$" | sort -V | tail -n 1 || true)
    [ -n "$found" ] && [ -x "$found/bin/python" ] && { echo "$found/bin/python"; return; }
  fi
  command -v "python$v" 2>/dev/null || true
}

hash=$(sha256sum "$ROOT/tests/templates/requirements.txt" | cut -c1-16)
export PYCONC_VENVS="$HOME/.cache/pyconc"
mkdir -p "$PYCONC_VENVS"
machine=$(python3 -c 'import sys; print(*sys.version_info[:2], sep=".")')
export PYCONC_VENV=""
newest=""
# The missing environments are made in parallel (pip mostly waits on downloads and the disk).
make_venv() {
  local python="$1" venv="$2"
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$ROOT/tests/templates/requirements.txt"
  touch "$venv/.complete"
}
pids=()
for v in 3.8 3.9 3.10 3.11 3.12 3.13; do
  venv="$PYCONC_VENVS/venv-$hash-py$v"
  if [ ! -x "$venv/bin/python" ] || [ ! -f "$venv/.complete" ]; then
    python=$(interpreter "$v")
    if [ -z "$python" ]; then
      say "CPython $v is not installed: templates will not run on it (pyenv install $v to add it)"
      continue
    fi
    say "creating the template test environment for CPython $v in $venv (pip, a few minutes)"
    make_venv "$python" "$venv" &
    pids+=("$!")
  fi
done
for pid in "${pids[@]}"; do
  wait "$pid" || { say "creating a template test environment failed (see pip's output above)"; exit 1; }
done
for v in 3.8 3.9 3.10 3.11 3.12 3.13; do
  venv="$PYCONC_VENVS/venv-$hash-py$v"
  [ -f "$venv/.complete" ] || continue
  newest="$venv"
  [ "$v" = "$machine" ] && PYCONC_VENV="$venv"
done
[ -z "$PYCONC_VENV" ] && PYCONC_VENV="$newest"
if [ -z "$PYCONC_VENV" ]; then
  say "no CPython from 3.8 to 3.13 found for the template tests"
  exit 1
fi
