// Post-build step: the app's WebAssembly does not compete with the first screen. trunk preloads the
// .wasm from the head, so its download (most of the first load's bytes) starts while the HTML, the
// style sheet and public/boot.js are still on their way, and on a slow connection it delays the first
// paint of a screen that works without it (the landing, the first question as a plain form). This step
// removes that preload; src/initializer.js then starts the download once the first screen is painted,
// or at once for an address only the app can show. The .wasm is still part of the first load: trunk's
// loader names it (tests/e2e/size.spec.ts counts it from there).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PRELOAD = /<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>/g;

/** Removes trunk's preload of the app's .wasm from `dir`/index.html; throws when there is none. */
export function deferWasm(dir) {
  const file = join(dir, 'index.html');
  const html = readFileSync(file, 'utf8');
  const found = html.match(PRELOAD) ?? [];
  if (found.length !== 1) throw new Error(`load order: expected one .wasm preload in ${file}, found ${found.length}`);
  writeFileSync(file, html.replace(PRELOAD, ''));
}
