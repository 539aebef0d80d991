import { expect, test } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The build's and the test server's own scripts, run on small folders of their own: the static server,
// the service worker's idea of a content-hashed name, and the CSP step.

/** trunk names assets with `format!("{hash:x}")` of a u64: unpadded, so one name in 16 has 15 digits. */
const FIFTEEN = 'main-0123456789abcde.css';
const SIXTEEN = 'which-python-concurrency-0123456789abcdef_bg.wasm';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Runs scripts/static-server.mjs on `root`; returns its origin and a stop function. */
async function staticServer(root: string) {
  const port = await freePort();
  const server = spawn('node', ['scripts/static-server.mjs', String(port), root], { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`${origin}/`)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { origin, stop: () => server.kill() };
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pyconc-scripts-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

test('the static server caches content-hashed names as immutable, 15 hex digits included', async () => {
  const dir = folder({ 'index.html': '<!DOCTYPE html>', [FIFTEEN]: 'body{}', [SIXTEEN]: 'wasm', 'icon-192.png': 'png' });
  const { origin, stop } = await staticServer(dir);
  try {
    const cache = async (name: string) => (await fetch(`${origin}/${name}`)).headers.get('cache-control');
    expect(await cache(SIXTEEN)).toContain('immutable');
    expect(await cache(FIFTEEN)).toContain('immutable');
    expect(await cache('icon-192.png')).toBe('no-cache');
    expect(await cache('')).toBe('no-cache');
  } finally {
    stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the service worker treats a 15-digit content hash as a hashed name', async () => {
  const dir = folder({ 'index.html': '<!DOCTYPE html>', [FIFTEEN]: 'body{}', 'icon-192.png': 'png' });
  try {
    const { workerSource } = await import('../../scripts/service-worker.mjs');
    const source: string = workerSource(dir);
    const pattern = /const HASHED = (\/.+\/[a-z]*);/.exec(source)?.[1];
    expect(pattern, 'the worker names its pattern HASHED').toBeTruthy();
    const hashed = new Function(`return ${pattern};`)() as RegExp;
    expect(hashed.test(`/${FIFTEEN}`)).toBe(true);
    expect(hashed.test(`/${SIXTEEN}`)).toBe(true);
    expect(hashed.test('/public/icon-192.png')).toBe(false);
    expect(hashed.test('/index.html')).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the static server survives a broken %-escape in the path', async () => {
  const dir = folder({ 'index.html': '<!DOCTYPE html>' });
  const { origin, stop } = await staticServer(dir);
  try {
    const bad = await fetch(`${origin}/%E0`).catch((e: Error) => e);
    expect(bad instanceof Error ? bad.message : bad.status).toBe(400);
    expect((await fetch(`${origin}/`)).status).toBe(200);
  } finally {
    stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

const LOADER = '<script type="module">import init from "/app.js"; init();</script>';

/** Runs scripts/csp.mjs on an index.html holding `html`; returns its exit status and the result. */
function csp(html: string) {
  const dir = folder({ 'index.html': html });
  try {
    const run = spawnSync('node', ['scripts/csp.mjs', dir], { env: { ...process.env, TRUNK_STAGING_DIR: '' }, encoding: 'utf8' });
    return { status: run.status, stderr: run.stderr, html: readFileSync(join(dir, 'index.html'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the CSP step writes the policy whatever the spelling of the charset', () => {
  const run = csp(`<!DOCTYPE html>\n<html>\n<head>\n  <meta charset="UTF-8" />\n  ${LOADER}\n</head>\n<body></body>\n</html>\n`);
  expect(run.status).toBe(0);
  expect(run.html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'sha256-/);
  // The policy comes right after the charset: the browser reads the charset within the first bytes.
  expect(run.html.indexOf('UTF-8')).toBeLessThan(run.html.indexOf('Content-Security-Policy'));
});

test('the CSP step fails loudly when it finds no place for the policy', () => {
  const run = csp(`<!DOCTYPE html>\n${LOADER}\n<p>no head, no charset</p>\n`);
  expect(run.status, 'the step must fail').not.toBe(0);
  expect(run.stderr).toMatch(/csp/i);
  expect(run.html).not.toContain('Content-Security-Policy');
});
