// What both benchmarks (run.mjs, checker.mjs) need: the browser's flags, medians with min and max, file
// sizes as the static server sends them, and the release build served on a free port of 127.0.0.1.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Runs where the browser did not report a figure (a missing paint entry) are left out and counted.
export const stats = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return { n: 0, missing: xs.length, median: NaN, p50: NaN, p95: NaN, min: NaN, max: NaN };
  const q = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { n: s.length, missing: xs.length - s.length, median, p50: q(0.5), p95: q(0.95), min: s[0], max: s[s.length - 1] };
};
export const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

export async function freePort() {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Serves `dist` (scripts/static-server.mjs: gzip and brotli) until `stop()`. */
export async function serve(dist) {
  const port = await freePort();
  const server = spawn('node', ['scripts/static-server.mjs', String(port), dist], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { origin: `http://127.0.0.1:${port}`, stop: () => server.kill() };
}

/** Raw, gzip -9 and brotli 11 bytes of a file. */
export function sizes(file) {
  const raw = readFileSync(file);
  return {
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** The link schema of this build (src/content/data/meta.toml). */
export const SCHEMA = Number(/^schema\s*=\s*(\d+)/m.exec(readFileSync('src/content/data/meta.toml', 'utf8'))[1]);

/** The address of the walk to `model`: the `walk = true` row of tests/scenarios.toml that the browser
 *  tests walk (tests/e2e/walks.ts), in this build's link schema. */
export function walkLink(model) {
  const program = 'import json, sys, tomllib; json.dump(tomllib.load(open(sys.argv[1], "rb")), sys.stdout)';
  const rows = JSON.parse(execFileSync('python3', ['-c', program, 'tests/scenarios.toml'], { encoding: 'utf8' })).scenario;
  const row = rows.find((r) => r.walk && r.model === model);
  if (!row) throw new Error(`bench: tests/scenarios.toml has no walk = true row for ${model}`);
  return `/?v=${SCHEMA}&${row.answers}`;
}
