// trunk post-build hook. trunk starts the hooks of one stage all at once, so the steps that touch the
// build run here, one after the other: the app's .wasm cut into the first load's module and the chunks
// fetched when needed (split-wasm.mjs), the language packs and the static first screen (its words and its
// first question), the .wasm's download moved after the first paint (load-order.mjs), then the
// Content-Security-Policy (it hashes the final inline script), then the service
// worker (its cache name hashes every file, the final index.html and the packs included). A step that
// cannot do its work throws, and the build fails.
//   node scripts/post-build.mjs [dir]     (dir: TRUNK_STAGING_DIR, else the argument, else dist)
// The packs come from the OUT_DIR that cargo reports for the build just made (scripts/packs.mjs).
import { writeCsp } from './csp.mjs';
import { deferWasm } from './load-order.mjs';
import { copyPacks, outDir } from './packs.mjs';
import { writeServiceWorker, WORKER_FILE } from './service-worker.mjs';
import { splitWasm } from './split-wasm.mjs';
import { fillShell } from './static-shell.mjs';

const staging = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
const split = splitWasm(staging);
console.log(`split: ${split.map((f) => `${f.file} ${f.size} B`).join(', ')}`);
const out = outDir(staging);
copyPacks(staging, out);
fillShell(staging, out);
deferWasm(staging);
writeCsp(staging);
const { name, files } = writeServiceWorker(staging);
console.log(`service worker: ${WORKER_FILE}, cache ${name}, ${files.length} files precached`);
