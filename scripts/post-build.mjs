// trunk post-build hook. trunk starts the hooks of one stage all at once, so the steps that touch the
// build run here, one after the other: the app's .wasm cut into the first load's module and the chunks
// fetched when needed (split-wasm.mjs), the language packs and the static first screen (its words and its
// first question), the .wasm's download moved after the first paint (load-order.mjs), then the
// Content-Security-Policy (it hashes the final inline script), then the service
// worker (its cache name hashes every file, the final index.html and the packs included). A step that
// cannot do its work throws, and the build fails.
//   node scripts/post-build.mjs [dir]     (dir: TRUNK_STAGING_DIR, else the argument, else dist)
// The packs come from the OUT_DIR that cargo reports for the engine crate's build script (build.rs) in the
// build just made (scripts/packs.mjs).
import { appBuild } from './cargo-build.mjs';
import { writeCsp } from './csp.mjs';
import { deferWasm } from './load-order.mjs';
import { copyPacks, outDir } from './packs.mjs';
import { writeServiceWorker, WORKER_FILE } from './service-worker.mjs';
import { splitWasm } from './split-wasm.mjs';
import { fillShell } from './static-shell.mjs';

const staging = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
// Each step's time, printed at the end (ARCHITECTURE.md, "The release build", quotes them).
const times = [];
const step = (what, run) => {
  const started = performance.now();
  const result = run();
  times.push(`${what} ${Math.round(performance.now() - started)} ms`);
  return result;
};
step('cargo', () => appBuild());
const split = step('split', () => splitWasm(staging));
console.log(`split: ${split.map((f) => `${f.file} ${f.size} B`).join(', ')}`);
const out = outDir(staging);
step('packs', () => copyPacks(staging, out));
step('static shell', () => fillShell(staging, out));
step('load order', () => deferWasm(staging));
step('csp', () => writeCsp(staging));
const { name, files } = step('service worker', () => writeServiceWorker(staging));
console.log(`service worker: ${WORKER_FILE}, cache ${name}, ${files.length} files precached`);
console.log(`post-build steps: ${times.join(', ')}`);
