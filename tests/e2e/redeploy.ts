import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';

// Later deploys of the same app, made from one build without building again (tests/e2e/redeploy.spec.ts):
// every content-hashed name gets another hash of the same length, in the file names and in every file
// that names them (the page, the JS, the .wasm that names the language packs), and then, as the build
// does, the page's integrity attributes and Content-Security-Policy are computed again and the service
// worker is written anew. The deploy is whole and consistent, and every hashed file of the one before it
// is gone from it, as on a host that replaces the folder.

/** A run of 12 to 16 hex digits between separators: a content hash (scripts/hashed.mjs). */
const HASH = /(?<=^|[-_.])[0-9a-f]{12,16}(?=[-_.])/;

/** Every file under `dir`, relative, with `/`. */
function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** `hash` with each hex digit moved on by `n`. */
const shifted = (hash: string, n: number) => [...hash].map((d) => ((parseInt(d, 16) + n) % 16).toString(16)).join('');

/** Every occurrence of `from` in `bytes` replaced by `to` (the same length). */
function replaceBytes(bytes: Buffer, from: string, to: string): Buffer {
  const a = Buffer.from(from);
  const b = Buffer.from(to);
  for (let at = bytes.indexOf(a); at >= 0; at = bytes.indexOf(a, at + b.length)) b.copy(bytes, at);
  return bytes;
}

/** Deploy number `n` (1, 2, …) of the build in `from`: a new folder. */
export function redeploy(from: string, n: number): string {
  const dir = mkdtempSync(join(tmpdir(), `pyconc-deploy-${n}-`));
  cpSync(from, dir, { recursive: true });
  const names = new Map<string, string>();
  for (const f of files(dir)) {
    const hash = HASH.exec(f.split('/').pop()!)?.[0];
    if (hash) names.set(hash, shifted(hash, n));
  }
  if (names.size < 5) throw new Error(`redeploy: only ${names.size} hashed names in ${from}`);
  for (const f of files(dir)) {
    let bytes = readFileSync(join(dir, f));
    if (/\.(html|js|wasm)$/.test(f)) for (const [a, b] of names) bytes = replaceBytes(bytes, a, b);
    let to = f;
    for (const [a, b] of names) to = to.replace(a, b);
    writeFileSync(join(dir, f), bytes);
    if (to !== f) renameSync(join(dir, f), join(dir, to));
  }
  // The integrity of every file the page names with one, and a mark of the deploy.
  const index = join(dir, 'index.html');
  let html = readFileSync(index, 'utf8').replace(/<link\b[^>]*\bintegrity="[^"]*"[^>]*>/g, (tag) => {
    const href = /\bhref="([^"]*)"/.exec(tag)![1].replace(/^\.?\//, '');
    const sri = `sha384-${createHash('sha384').update(readFileSync(join(dirname(index), href))).digest('base64')}`;
    return tag.replace(/\bintegrity="[^"]*"/, `integrity="${sri}"`);
  });
  html = html.replace('<title>', `<meta name="deploy" content="${n}">\n  <title>`);
  writeFileSync(index, html);
  const env = { ...process.env, TRUNK_STAGING_DIR: '' };
  for (const step of ['scripts/csp.mjs', 'scripts/service-worker.mjs']) execFileSync('node', [step, dir], { env, stdio: 'ignore' });
  return dir;
}
