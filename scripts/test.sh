#!/usr/bin/env bash
# Runs every test layer: host tests (engine and content), browser component tests (wasm-bindgen-test in
# headless Chromium), end-to-end tests (Playwright against the release build), every generated Python
# template against real local services, and the content's facts on CPython. Installs what is missing
# first. Each layer prints its runner's own pass/fail summary; the script stops at the first
# layer that fails.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

say "host tests: cargo test"
cargo test --locked
cargo test --locked -p pyconc-checker -p pyconc-checker-worker

say "browser component tests: wasm-bindgen-test in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown --test browser

say "release build: trunk build --release"
trunk build --release --skip-version-check

say "end-to-end tests: Playwright against dist/"
npx playwright test

say "template tests: every distinct template, run against real local services"
source scripts/setup-python.sh
templates_dir=$(mktemp -d)
trap 'rm -rf "$templates_dir"' EXIT
cargo run --locked --quiet --bin templates -- "$templates_dir"
# The code checker must find nothing in the code the app itself recommends.
cargo run --locked --release -p pyconc-checker --bin check-files -- "$templates_dir"
python3 tests/templates/run.py "$templates_dir" "$PYCONC_VENV"

say "content facts, demonstrated on this machine's CPython"
(cd "$templates_dir" && "$PYCONC_VENV/bin/python" "$OLDPWD/tests/facts/facts.py")

say "all test layers passed"
