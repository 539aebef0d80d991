// Post-build step: copies the language packs (src/content/packs.rs) into the build. build.rs writes them,
// under content-hashed names, into the crate's OUT_DIR; several OUT_DIRs can exist (release, debug, stale
// ones), so the right one is the one whose pack names the built WebAssembly refers to.
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/// The OUT_DIR of the build that produced the .wasm in `staging`.
export function outDir(staging) {
  const target = process.env.CARGO_TARGET_DIR || 'target';
  // The app's module, not the code checker's worker (checker-worker_bg.wasm, see index.html).
  const wasmName = readdirSync(staging).find((f) => f.endsWith('.wasm') && !f.startsWith('checker-worker'));
  if (!wasmName) throw new Error(`packs: no .wasm in ${staging}`);
  const wasm = readFileSync(join(staging, wasmName));
  const candidates = [];
  for (const profile of ['release', 'debug']) {
    const build = join(target, 'wasm32-unknown-unknown', profile, 'build');
    if (!existsSync(build)) continue;
    for (const d of readdirSync(build)) {
      const dir = join(build, d, 'out', 'packs');
      if (d.startsWith('which-python-concurrency-') && existsSync(dir)) candidates.push(dir);
    }
  }
  const matching = candidates
    .map((dir) => ({ dir, files: readdirSync(dir), time: statSync(dir).mtimeMs }))
    .filter(({ files }) => files.length > 0 && files.every((f) => wasm.includes(Buffer.from(f))))
    .sort((a, b) => b.time - a.time);
  if (matching.length === 0) {
    throw new Error(`packs: none of ${candidates.length} pack folder(s) under ${target} matches ${wasmName}`);
  }
  return dirname(matching[0].dir);
}

/// Copies the packs of `out` (the OUT_DIR found by `outDir`) into `staging`.
export function copyPacks(staging, out) {
  const packs = join(out, 'packs');
  const files = readdirSync(packs);
  for (const f of files) copyFileSync(join(packs, f), join(staging, f));
  console.log(`packs: copied ${files.join(', ')}`);
}
