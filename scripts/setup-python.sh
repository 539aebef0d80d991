#!/usr/bin/env bash
# Installs what the template tests need: PostgreSQL, MariaDB and Redis from Debian, and a Python virtual
# environment with the pinned packages of tests/templates/requirements.txt. Idempotent: the environment
# is kept under ~/.cache/pyconc, keyed by the requirements' hash, and reused while they do not change.
# Sourced by test.sh after setup.sh; exports PYCONC_VENV.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { printf '\033[1m[pyconc]\033[0m %s\n' "$*"; }

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || ! command -v mariadbd >/dev/null 2>&1 || ! command -v redis-server >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    say "installing postgresql, mariadb-server and redis-server from Debian (for the template tests)"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql mariadb-server redis-server >/dev/null
    # The packages start system services; the tests run their own on other ports.
    for s in postgresql mariadb redis-server; do $SUDO service "$s" stop >/dev/null 2>&1 || true; done
  else
    say "missing: PostgreSQL, MariaDB or Redis. Install them with your package manager, then run this again."
    exit 1
  fi
fi

hash=$(sha256sum "$ROOT/tests/templates/requirements.txt" | cut -c1-16)
export PYCONC_VENV="$HOME/.cache/pyconc/venv-$hash"
if [ ! -x "$PYCONC_VENV/bin/python" ] || [ ! -f "$PYCONC_VENV/.complete" ]; then
  say "creating the template test environment in $PYCONC_VENV (pip, a few minutes)"
  rm -rf "$PYCONC_VENV"
  python3 -m venv "$PYCONC_VENV"
  "$PYCONC_VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$ROOT/tests/templates/requirements.txt"
  touch "$PYCONC_VENV/.complete"
fi
