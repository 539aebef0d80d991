#!/usr/bin/env bash
# Installs every tool the app needs to build, serve and test, pinned and idempotently:
# a tool that is already present at the pinned version is left alone, so a second run installs nothing.
# Sourced by serve.sh, test.sh and bench.sh; it also puts node_modules/.bin (wasm-opt 132) first on PATH.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
WASM_BINDGEN_VERSION="0.2.130"
WASM_OPT_VERSION="132"

say() { printf '\033[1m[pyconc]\033[0m %s\n' "$*"; }
need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    say "missing: $1. $2"
    exit 1
  fi
}

export PATH="$HOME/.cargo/bin:$PATH"
need cargo "Install Rust 1.95 with rustup (https://rustup.rs), then run this again."
need rustup "Install Rust with rustup (https://rustup.rs), then run this again."
need node "Install Node.js 20 or newer, then run this again."
need npm "Install npm (it ships with Node.js), then run this again."
need python3 "Install Python 3.11 or newer, then run this again."

# The WebAssembly target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# trunk, the bundler. 0.22 needs a newer rustc than 1.95.
if ! trunk --version 2>/dev/null | grep -q " ${TRUNK_VERSION}\$"; then
  say "installing trunk ${TRUNK_VERSION} (about 7 minutes on 2 cores)"
  cargo install --locked trunk --version "${TRUNK_VERSION}"
fi

# wasm-bindgen-cli, the same version as the wasm-bindgen crate pinned in Cargo.toml.
# Not --locked: one of its locked dependencies is missing from the registry.
if ! wasm-bindgen --version 2>/dev/null | grep -q " ${WASM_BINDGEN_VERSION}\$"; then
  say "installing wasm-bindgen-cli ${WASM_BINDGEN_VERSION} (about 2 minutes)"
  cargo install wasm-bindgen-cli --version "${WASM_BINDGEN_VERSION}"
fi

# wasm-split, which cuts the app's .wasm at its `wasm_split` functions into the first-load module and the
# chunks fetched on demand (the result page, the code-check panel); scripts/split-wasm.mjs runs it.
# 0.2.4 is the CLI of the same series as the runtime half that leptos 0.8 links (wasm_split_helpers 0.2.3).
WASM_SPLIT_VERSION="0.2.4"
if ! cargo install --list 2>/dev/null | grep -q "^wasm_split_cli_support v${WASM_SPLIT_VERSION}:"; then
  say "installing wasm-split-cli ${WASM_SPLIT_VERSION} (about 2 minutes)"
  cargo install --locked wasm_split_cli_support --version "${WASM_SPLIT_VERSION}" --features build-binary
fi

# Chromium and ChromeDriver, for the browser tests and the benchmark.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "wqy\|noto.*cjk"; then
  if command -v apt-get >/dev/null 2>&1; then
    say "installing chromium and chromium-driver from Debian"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null
  else
    say "missing: chromium and chromedriver. Install them with your package manager"
    say "(they must be at /usr/bin/chromium and /usr/bin/chromedriver), then run this again."
    exit 1
  fi
fi

# nginx, for the end-to-end tests that serve dist/ as a static host does (tests/e2e/hosts.spec.ts starts
# an instance of its own on a free port, with its own configuration and prefix). The package's own
# service is not wanted: if installing it started one, it is stopped again.
if [ ! -x /usr/sbin/nginx ]; then
  if command -v apt-get >/dev/null 2>&1; then
    say "installing nginx from Debian (for tests/e2e/hosts.spec.ts)"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx >/dev/null
    if [ -s /run/nginx.pid ]; then $SUDO /usr/sbin/nginx -s quit 2>/dev/null || true; fi
  else
    say "missing: nginx. Install it with your package manager (it must be at /usr/sbin/nginx), then run this again."
    exit 1
  fi
fi

# Node packages: Playwright, axe-core, Lighthouse and binaryen (wasm-opt) from package-lock.json.
# `npm ci` wipes node_modules, so it runs only when the lock file changed since the last install.
stamp="$ROOT/node_modules/.lock-stamp"
if [ ! -f "$stamp" ] || ! cmp -s "$ROOT/package-lock.json" "$stamp"; then
  say "installing node packages (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$ROOT/package-lock.json" "$stamp"
fi
export PATH="$ROOT/node_modules/.bin:$PATH"

# trunk downloads its own tools unless the ones on PATH match Trunk.toml exactly: check before building.
if ! wasm-opt --version 2>/dev/null | grep -q "version ${WASM_OPT_VERSION}"; then
  say "wasm-opt on PATH is not binaryen ${WASM_OPT_VERSION}: $(command -v wasm-opt || echo none)"
  exit 1
fi
