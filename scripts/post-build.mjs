// trunk post-build hook. trunk starts the hooks of one stage all at once, so the steps that touch the
// build run here, one after the other: the language packs and the static first screen's words, then the
// Content-Security-Policy (it hashes the final inline script), then the service worker (its cache name
// hashes every file, the final index.html and the packs included).
//   node scripts/post-build.mjs [dir]     (dir: TRUNK_STAGING_DIR, else the argument, else dist)
import { copyPacks, outDir } from './packs.mjs';
import { fillShell } from './static-shell.mjs';

const staging = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
const out = outDir(staging);
copyPacks(staging, out);
fillShell(staging, out);
await import('./csp.mjs');
const { writeServiceWorker, WORKER_FILE } = await import('./service-worker.mjs');
const { name, files } = writeServiceWorker(staging);
console.log(`service worker: ${WORKER_FILE}, cache ${name}, ${files.length} files precached`);
