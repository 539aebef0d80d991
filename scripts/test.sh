#!/usr/bin/env bash
# Runs every test layer: host tests (engine and content), browser component tests (wasm-bindgen-test in
# headless Chromium), and end-to-end tests (Playwright against the release build). Installs what is
# missing first. Each layer prints its runner's own pass/fail summary; the script stops at the first
# layer that fails.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

say "host tests: cargo test"
cargo test --locked

say "browser component tests: wasm-bindgen-test in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown --test browser

say "release build: trunk build --release"
trunk build --release --skip-version-check

say "end-to-end tests: Playwright against dist/"
npx playwright test

say "all test layers passed"
