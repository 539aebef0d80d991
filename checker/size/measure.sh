#!/usr/bin/env bash
# Builds the checker as a release WebAssembly module (opt-level z, LTO, as the app's release profile),
# twice: as it is, and with checker/unicode-names-stub patched in for `unicode_names2` (the way the
# workspace would patch it). Each is optimised with wasm-opt -Oz when one is on PATH or in node_modules,
# and its raw, gzip and brotli sizes printed; then the smaller one runs under Node on deeply nested
# inputs and on any files given.
# Usage: checker/size/measure.sh [FILE.py...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
checker="$(dirname "$here")"
target="${CARGO_TARGET_DIR:-$checker/../target/checker}"
opt=""
for candidate in "$(command -v wasm-opt || true)" "$checker/../node_modules/.bin/wasm-opt"; do
  if [ -x "$candidate" ]; then opt="$candidate"; break; fi
done

# build DIR TARGET: builds the crate in DIR and prints the path of the (optimised) module.
build() {
  (cd "$1" && CARGO_TARGET_DIR="$2" cargo build --quiet --release --target wasm32-unknown-unknown)
  local wasm="$2/wasm32-unknown-unknown/release/pyconc_checker_size.wasm"
  if [ -n "$opt" ]; then
    "$opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext "$wasm" -o "${wasm%.wasm}.opt.wasm"
    wasm="${wasm%.wasm}.opt.wasm"
  fi
  echo "$wasm"
}

sizes() {
  node -e '
    const fs = require("fs"), zlib = require("zlib");
    const b = fs.readFileSync(process.argv[2]);
    const gz = zlib.gzipSync(b, { level: 9 }).length;
    const br = zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    console.log(`${process.argv[1]}: raw ${b.length} B, gzip ${gz} B, brotli ${br} B`);
  ' "$1" "$2"
}

as_is=$(build "$here" "$target")
sizes "as is$([ -n "$opt" ] && echo ', wasm-opt -Oz')" "$as_is"

stubbed_dir=$(mktemp -d)
trap 'rm -rf "$stubbed_dir"' EXIT
cp -r "$here/Cargo.toml" "$here/Cargo.lock" "$here/src" "$stubbed_dir/"
sed -i "s|path = \"..\"|path = \"$checker\"|" "$stubbed_dir/Cargo.toml"
printf '\n[patch.crates-io]\nunicode_names2 = { path = "%s/unicode-names-stub" }\n' "$checker" >> "$stubbed_dir/Cargo.toml"
stubbed=$(build "$stubbed_dir" "$target/stubbed")
sizes "with unicode-names-stub$([ -n "$opt" ] && echo ', wasm-opt -Oz')" "$stubbed"

node "$here/run.mjs" "$stubbed" --deep "$@"
