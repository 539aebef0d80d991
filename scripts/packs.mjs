// Post-build step: copies the language packs (src/content/packs.rs) into the build. build.rs writes them,
// under content-hashed names, into the crate's OUT_DIR. Which OUT_DIR is cargo's to say: this asks it
// again for the build trunk has just made (the same `cargo build`, which is then fresh and only reports,
// with --message-format=json) and takes the `out_dir` of the crate's build script. The .wasm in the
// staging folder must name every pack found there, or the step fails.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const PACKAGE = 'which-python-concurrency';

/// The OUT_DIR of the build that produced the .wasm in `staging`.
export function outDir(staging) {
  const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
  const args = ['build', '--locked', '--target', 'wasm32-unknown-unknown', '--bin', PACKAGE, '--message-format=json'];
  if (release) args.push('--release');
  const messages = execFileSync('cargo', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 })
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
  // `path+file:///…#which-python-concurrency@0.1.0` (older cargo: `which-python-concurrency 0.1.0 (…)`).
  const own = new RegExp(`(^|#)${PACKAGE}[@ ]`);
  const dirs = messages.filter((m) => m.reason === 'build-script-executed' && own.test(m.package_id)).map((m) => m.out_dir);
  if (dirs.length !== 1) throw new Error(`packs: cargo reported ${dirs.length} build script runs of ${PACKAGE}, expected one`);
  const out = dirs[0];

  // The app's module, not the code checker's worker (checker-worker_bg.wasm, see index.html).
  const wasmName = readdirSync(staging).find((f) => f.endsWith('.wasm') && !f.startsWith('checker-worker'));
  if (!wasmName) throw new Error(`packs: no .wasm in ${staging}`);
  const wasm = readFileSync(join(staging, wasmName));
  const packs = readdirSync(join(out, 'packs'));
  const missing = packs.filter((f) => !wasm.includes(Buffer.from(f)));
  if (packs.length === 0 || missing.length > 0) {
    throw new Error(`packs: ${wasmName} does not name the packs of ${out} (${missing.join(', ') || 'none there'})`);
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
