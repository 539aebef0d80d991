// Post-build step: copies the language packs (src/content/packs.rs) into the build. build.rs, the engine
// crate's build script, writes them under content-hashed names into its OUT_DIR, which cargo reports
// (scripts/cargo-build.mjs).
// The app's .wasm files in the staging folder must name every pack found there, or the step fails.
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINE, ownMessage } from './cargo-build.mjs';

/// The OUT_DIR of the engine crate's build script in the build that produced the app's .wasm files in
/// `staging`.
export function outDir(staging) {
  const out = ownMessage('build-script-executed', () => true, ENGINE).out_dir;

  // The app's module and its chunks, not the code checker's worker (checker-worker_bg.wasm, see index.html).
  const names = readdirSync(staging).filter((f) => f.endsWith('.wasm') && !f.startsWith('checker-worker'));
  if (names.length === 0) throw new Error(`packs: no .wasm in ${staging}`);
  const wasm = Buffer.concat(names.map((f) => readFileSync(join(staging, f))));
  const packs = readdirSync(join(out, 'packs'));
  const missing = packs.filter((f) => !wasm.includes(Buffer.from(f)));
  if (packs.length === 0 || missing.length > 0) {
    throw new Error(`packs: ${names.join(', ')} do not name the packs of ${out} (${missing.join(', ') || 'none there'})`);
  }
  return out;
}

/// Copies the packs of `out` (the OUT_DIR found by `outDir`) into `staging`.
export function copyPacks(staging, out) {
  const packs = join(out, 'packs');
  const files = readdirSync(packs);
  for (const f of files) copyFileSync(join(packs, f), join(staging, f));
  console.log(`packs: copied ${files.join(', ')}`);
}
