#!/usr/bin/env bash
# Builds the checker as a release WebAssembly module (opt-level z, LTO, as the app's release profile),
# optimises it with wasm-opt -Oz when one is on PATH or in node_modules, and prints the raw, gzip and
# brotli sizes; then runs it under Node on the deep-nesting inputs and on any files given.
# Usage: checker/size/measure.sh [FILE.py...]
set -euo pipefail
cd "$(dirname "$0")"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-../../target/checker}"
cargo build --quiet --release --target wasm32-unknown-unknown
wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/pyconc_checker_size.wasm"
opt=""
for candidate in "$(command -v wasm-opt || true)" ../../node_modules/.bin/wasm-opt; do
  if [ -x "$candidate" ]; then opt="$candidate"; break; fi
done
files=("$wasm")
if [ -n "$opt" ]; then
  "$opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext "$wasm" -o "${wasm%.wasm}.opt.wasm"
  files+=("${wasm%.wasm}.opt.wasm")
fi
for f in "${files[@]}"; do
  node -e '
    const fs = require("fs"), zlib = require("zlib");
    const b = fs.readFileSync(process.argv[1]);
    const gz = zlib.gzipSync(b, { level: 9 }).length;
    const br = zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    console.log(`${process.argv[1].split("/").pop()}: raw ${b.length} B, gzip ${gz} B, brotli ${br} B`);
  ' "$f"
done
node run.mjs "${files[-1]}" --deep "$@"
