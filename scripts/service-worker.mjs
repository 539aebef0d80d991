// trunk post-build step (run by scripts/post-build.mjs, after the CSP is written): writes the service
// worker `sw.js` into the build's root. Its precache list is every file of the build, and its cache name
// is a hash of their names and contents, so a new deploy (any changed file) gets a new cache. The caches
// of the KEPT deploys before it stay while tabs opened under them may still ask for their files; older
// ones are deleted when the new worker activates. The worker's own code is `worker` below.
//
// Every path is relative to the worker's own address, which is the build's folder: the same build works
// at the root of a host and under any sub-path (`/tools/pyconc/`), and the worker's scope is that folder.
//
//   node scripts/service-worker.mjs [dir]     (dir: TRUNK_STAGING_DIR, else the argument, else dist)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HASHED } from './hashed.mjs';

/** The worker's file name, at the site root so that its scope is the whole app. */
export const WORKER_FILE = 'sw.js';
/** Every cache of the app is named with this prefix; the worker deletes only caches carrying it. */
export const CACHE_PREFIX = 'pyconc-';
/** How many deploys before this one keep their caches for the tabs still running them. A tab older than
 *  that which misses a file says so and reloads on the new deploy (src/ui/chunk.rs, src/ui/packs.rs). */
export const KEPT = 3;
/** The code checker's files (src/ui/code_check.rs): fetched when its panel opens, not precached. */
export const ON_DEMAND = /(^|\/)checker-worker[-_.]/;

/** Every file under `dir` (but the worker), as URL paths relative to the worker (`index.html`,
 *  `public/boot.js`), sorted. */
export function buildFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.filter((p) => p !== WORKER_FILE).sort();
}

/** The cache name for the files under `dir`: changes whenever a file is added, removed or changed. */
export function cacheName(dir, files = buildFiles(dir)) {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file).update('\0').update(readFileSync(join(dir, file))).update('\0');
  }
  return CACHE_PREFIX + hash.digest('hex').slice(0, 16);
}

/** The worker's source for the files under `dir`. */
export function workerSource(dir) {
  const files = buildFiles(dir);
  return worker(cacheName(dir, files), files);
}

/** Writes `sw.js` into `dir`; returns its cache name and precache list. */
export function writeServiceWorker(dir) {
  const files = buildFiles(dir);
  const name = cacheName(dir, files);
  writeFileSync(join(dir, WORKER_FILE), worker(name, files));
  return { name, files };
}

// The worker. Strategy:
// - install: precache every file of this build into this build's cache, but the code checker's
//   (ON_DEMAND): few visitors open it, so they are cached when it first loads them, and it then works
//   offline as well; their names carry no hash, so only this build's cache may answer for them;
// - activate: delete the app's caches of older builds, but keep the KEPT newest ones before this build's:
//   a tab opened before this deploy (or before one of the deploys before it) still runs its build, and
//   it asks for its files later (the result page's and the checker's chunks, the other language's
//   pack), which this deploy no longer has. A tab older than that which misses a file says so and
//   offers a reload;
// - navigations (any address in the scope, such as ./?v=2&work=io&…): network first, so that a new
//   deploy is seen at once; with no network, the cached index.html (the app reads its state from the
//   address);
// - other same-origin GETs (the hashed .js, .wasm, .css, the packs and public/*): this build's cache,
//   then the kept caches of the builds before it, newest first, then the network.
// Requests to other origins are left alone (the app makes none).
function worker(name, files) {
  return `// Written by scripts/service-worker.mjs at build time; do not edit.
const CACHE = ${JSON.stringify(name)};
const PREFIX = ${JSON.stringify(CACHE_PREFIX)};
const KEPT = ${KEPT};
const FILES = ${JSON.stringify(files.filter((f) => !ON_DEMAND.test(f)), null, 2)};
const ON_DEMAND = ${ON_DEMAND};
// Files whose names carry no content hash may be in the HTTP cache from an older deploy: fetch them anew.
const HASHED = ${HASHED};

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(FILES.map((file) => new Request(file, { cache: HASHED.test(file) ? 'default' : 'no-cache' })));
    // Take over from an older worker at once instead of after every tab of the app has closed. A page
    // opened under the old worker keeps finding its build's files: activate keeps that build's cache.
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // caches.keys() lists caches in the order they were created: the last ones before this build's are
    // the builds this one replaces.
    const older = (await caches.keys()).filter((key) => key.startsWith(PREFIX) && key !== CACHE);
    for (const key of older.slice(0, Math.max(0, older.length - KEPT))) await caches.delete(key);
    // Control the page of the first visit too, so that it is served from the cache from now on and
    // tests can see the worker in charge; the page's files came from the same build, so nothing changes.
    await self.clients.claim();
  })());
});

/** A file of this build, else of the newest kept build that has it (a tab still running that build). */
async function cached(request) {
  const own = await caches.match(request, { cacheName: CACHE });
  if (own) return own;
  for (const key of (await caches.keys()).reverse()) {
    if (key === CACHE || !key.startsWith(PREFIX)) continue;
    const kept = await caches.match(request, { cacheName: key });
    if (kept) return kept;
  }
  return undefined;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The fresh page is not stored: the cached index.html must stay the one whose hashed files are in
    // this cache, until the next deploy's worker replaces both.
    event.respondWith(fetch(request).catch(() => caches.match('index.html', { cacheName: CACHE })));
    return;
  }
  if (ON_DEMAND.test(url.pathname)) {
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(request);
      if (hit) return hit;
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone());
      return response;
    })());
    return;
  }
  event.respondWith(cached(request).then((hit) => hit || fetch(request)));
});
`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
  const { name, files } = writeServiceWorker(dir);
  console.log(`service worker: ${WORKER_FILE}, cache ${name}, ${files.length} files`);
}
