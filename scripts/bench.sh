#!/usr/bin/env bash
# The benchmark: builds the release app, measures it in headless Chromium served with gzip and brotli on
# 127.0.0.1 (first-load bytes, where the .wasm bytes go, cold load, step latency, layout shift,
# Lighthouse) and the engine on the host, then writes target/bench/bench.json and target/bench/bench.md and
# prints the table. Not a test: it passes or fails nothing (the size budget is a test, tests/e2e/size.spec.ts).
#   BENCH_RUNS=10 (runs per timed figure), BENCH_LIGHTHOUSE=0 to skip Lighthouse.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
mkdir -p target/bench

say "release build"
trunk build --release --skip-version-check

say "engine: full evaluations over every answer path"
cargo run --locked --release --quiet -p pyconc-engine --bin engine_bench > target/bench/engine.json

say "browser measurements"
node scripts/bench/run.mjs

say "code checker: worker size, time to first result, a 1,000-line check"
node scripts/bench/checker.mjs

say "where a step's time goes: a 4x trace of question steps and steps to the result"
node scripts/bench/step-trace.mjs
