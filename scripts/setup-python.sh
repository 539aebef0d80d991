#!/usr/bin/env bash
# Installs what the template tests need: PostgreSQL, MariaDB and Redis from Debian, Xvfb (the Tkinter
# template runs in a virtual display), and one Python virtual environment per CPython version from 3.8 to
# 3.14 (and 3.15, for the forward check) with the pinned packages of tests/templates/requirements.txt.
# Idempotent: everything is kept under ~/.cache/pyconc, keyed by the requirements' hash, and reused while
# it does not change.
# 3.8 to 3.13 come from pyenv (`pyenv root`/versions/X.Y.Z) or from pythonX.Y on the PATH. 3.14 and 3.15
# come from Debian's unstable suite (see python_root below), which needs a newer C library than this
# machine's: their interpreters are relinked to the C library of their own root, so they run here like any
# other program and see the same files, services and display. A version that is missing is reported here
# and again by the runner.
# Sourced by test.sh after setup.sh; exports PYCONC_VENV (the environment of this machine's python3, for
# the content facts), PYCONC_VENVS (the folder holding one environment per version) and puts python3.14
# and python3.15 on the PATH (for the facts).
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

# The interpreter of one CPython version: the newest pyenv build of it, else pythonX.Y on the PATH (3.14
# and 3.15: the relinked ones of the unstable suite's root, put on the PATH below).
interpreter() {
  local v="$1" root found=""
  if command -v pyenv >/dev/null 2>&1 && root=$(pyenv root 2>/dev/null); then
    found=$(ls -d "$root/versions/$v".* 2>/dev/null | grep -E "/$v\.[0-9]+$" | sort -V | tail -n 1 || true)
    [ -n "$found" ] && [ -x "$found/bin/python" ] && { echo "$found/bin/python"; return; }
  fi
  found=$(command -v "python$v" 2>/dev/null || true)
  [ -n "$found" ] && readlink -f "$found"
  return 0
}

hash=$(sha256sum "$ROOT/tests/templates/requirements.txt" | cut -c1-16)
export PYCONC_VENVS="$HOME/.cache/pyconc"
mkdir -p "$PYCONC_VENVS"

# CPython 3.14 and 3.15 from Debian's unstable suite, in a root of their own made by debootstrap (about
# 2 minutes, 330 MB, once). The suite's packages are checked, not trusted: the root is refused unless it
# holds 3.14.X with X >= PY314_MIN_PATCH and a 3.15. Each interpreter is copied beside itself as
# pythonX.Y-here and relinked (patchelf) to the root's own loader and C library, so it runs on this machine
# directly: same paths, services and display, no chroot. Debian's ensurepip looks for its wheels at an
# absolute path (this machine's older ones), so the environments are made without pip and get the root's
# pip wheel instead (make_venv).
SID_PACKAGES="python3.14 python3.14-venv python3.14-tk python3.15 python3.15-venv python3.15-tk"
PY314_MIN_PATCH=10
python_root="$PYCONC_VENVS/debian-sid-python"
# Tcl and Tk look for their scripts where Debian puts them (/usr/share/tcltk), which on this machine holds
# another Tcl's: a .pth file in each site folder of the root's Pythons points them at the root's own.
tcl_pth() {
  mkdir -p "$1"
  printf 'import os; os.environ.setdefault("TCL_LIBRARY", "%s"); os.environ.setdefault("TK_LIBRARY", "%s")\n' \
    "$python_root/usr/share/tcltk/tcl8.6" "$python_root/usr/share/tcltk/tk8.6" > "$1/pyconc-root-tcl.pth"
}
python_root_ready() {
  [ -f "$python_root/.complete" ] && [ "$(tail -n 1 "$python_root/.complete")" = "$SID_PACKAGES" ] \
    && [ -x "$python_root/usr/bin/python3.14-here" ] \
    && "$python_root/usr/bin/python3.14-here" -c 'import sys, tkinter; sys.exit(sys.version_info[:2] != (3, 14))' 2>/dev/null
}
if ! python_root_ready; then
  if ! command -v debootstrap >/dev/null 2>&1 || ! command -v patchelf >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
      SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
      $SUDO apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq debootstrap patchelf >/dev/null
    fi
  fi
  if command -v debootstrap >/dev/null 2>&1 && command -v patchelf >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
    say "making a root with CPython 3.14 and 3.15 from Debian's unstable suite in $python_root (about 2 minutes, once)"
    rm -rf "$python_root"
    if debootstrap --variant=minbase --include="${SID_PACKAGES// /,}" sid "$python_root" http://deb.debian.org/debian \
      > "$PYCONC_VENVS/debootstrap.log" 2>&1; then
      for v in 3.14 3.15; do
        tcl_pth "$python_root/usr/local/lib/python$v/dist-packages"
        cp "$python_root/usr/bin/python$v" "$python_root/usr/bin/python$v-here"
        patchelf --set-interpreter "$python_root/lib64/ld-linux-x86-64.so.2" --force-rpath \
          --set-rpath "$python_root/lib/x86_64-linux-gnu:$python_root/usr/lib/x86_64-linux-gnu" \
          "$python_root/usr/bin/python$v-here"
      done
      got=$("$python_root/usr/bin/python3.14-here" -c 'import sys; print(*sys.version_info[:3], sep=".")' || true)
      got15=$("$python_root/usr/bin/python3.15-here" -c 'import sys; print(*sys.version_info[:3], sep=".")' || true)
      if [[ "$got" =~ ^3\.14\.([0-9]+)$ ]] && [ "${BASH_REMATCH[1]}" -ge "$PY314_MIN_PATCH" ] && [[ "$got15" =~ ^3\.15\. ]]; then
        printf '%s\n%s\n%s\n' "$got" "$got15" "$SID_PACKAGES" > "$python_root/.complete"
      else
        say "the unstable suite gave CPython '$got' and '$got15', not 3.14.$PY314_MIN_PATCH+ and 3.15: refused"
      fi
    else
      say "debootstrap of Debian's unstable suite failed (see $PYCONC_VENVS/debootstrap.log)"
    fi
  fi
  python_root_ready || say "CPython 3.14 is not available: its templates and facts will be reported as not run"
fi
# python3.14 and python3.15 on the PATH, for the facts (they look there for versions pyenv lacks).
mkdir -p "$PYCONC_VENVS/bin"
for v in 3.14 3.15; do
  [ -x "$python_root/usr/bin/python$v-here" ] && ln -sf "$python_root/usr/bin/python$v-here" "$PYCONC_VENVS/bin/python$v"
done
export PATH="$PYCONC_VENVS/bin:$PATH"
machine=$(python3 -c 'import sys; print(*sys.version_info[:2], sep=".")')
export PYCONC_VENV=""
newest=""
# The missing environments are made in parallel (pip mostly waits on downloads and the disk).
make_venv() {
  local python="$1" venv="$2" wheel
  rm -rf "$venv"
  case "$python" in
    "$python_root"/*)
      "$python" -m venv --without-pip "$venv"
      wheel=$(ls "$python_root"/usr/share/python-wheels/pip-*.whl | head -n 1)
      "$venv/bin/python" "$wheel/pip" install --quiet --disable-pip-version-check --no-index "$wheel"
      tcl_pth "$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_path("purelib"))')" ;;
    *) "$python" -m venv "$venv" ;;
  esac
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$ROOT/tests/templates/requirements.txt"
  touch "$venv/.complete"
}
# The forward check's environment (3.15, a pre-release): every requirement that installs there, one by
# one; the ones that do not (no wheel yet) are listed in .missing and their templates reported as not run.
make_forward_venv() {
  local python="$1" venv="$2" wheel line
  rm -rf "$venv"
  "$python" -m venv --without-pip "$venv"
  wheel=$(ls "$python_root"/usr/share/python-wheels/pip-*.whl | head -n 1)
  "$venv/bin/python" "$wheel/pip" install --quiet --disable-pip-version-check --no-index "$wheel"
  tcl_pth "$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_path("purelib"))')"
  : > "$venv/.missing"
  while IFS= read -r line; do
    line="${line%%#*}"
    [ -n "${line// /}" ] || continue
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --only-binary=:all: "$line" >/dev/null 2>&1 \
      || echo "$line" >> "$venv/.missing"
  done < "$ROOT/tests/templates/requirements.txt"
  touch "$venv/.complete"
}
pids=()
for v in 3.8 3.9 3.10 3.11 3.12 3.13 3.14; do
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
forward="$PYCONC_VENVS/venv-$hash-py3.15"
if [ -x "$PYCONC_VENVS/bin/python3.15" ] && [ ! -f "$forward/.complete" ]; then
  say "creating the forward-check environment for CPython 3.15 in $forward (what installs there)"
  make_forward_venv "$PYCONC_VENVS/bin/python3.15" "$forward" &
  pids+=("$!")
fi
for pid in "${pids[@]}"; do
  wait "$pid" || { say "creating a template test environment failed (see pip's output above)"; exit 1; }
done
for v in 3.8 3.9 3.10 3.11 3.12 3.13 3.14; do
  venv="$PYCONC_VENVS/venv-$hash-py$v"
  [ -f "$venv/.complete" ] || continue
  newest="$venv"
  [ "$v" = "$machine" ] && PYCONC_VENV="$venv"
done
[ -z "$PYCONC_VENV" ] && PYCONC_VENV="$newest"
if [ -z "$PYCONC_VENV" ]; then
  say "no CPython from 3.8 to 3.14 found for the template tests"
  exit 1
fi
