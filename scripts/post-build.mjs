// trunk post-build hook. trunk starts the hooks of one stage all at once, so the steps that touch the
// build run here, one after the other: first the Content-Security-Policy (it rewrites index.html), then
// the service worker (its cache name hashes every file, the final index.html included).
//   node scripts/post-build.mjs [dir]     (dir: TRUNK_STAGING_DIR, else the argument, else dist)
await import('./csp.mjs');
const { writeServiceWorker, WORKER_FILE } = await import('./service-worker.mjs');
const { name, files } = writeServiceWorker(process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist');
console.log(`service worker: ${WORKER_FILE}, cache ${name}, ${files.length} files precached`);
