import { expect, test } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

// The first load stays within its brotli budget (tests/size-budget.json). The files of the first load are
// read from dist/index.html (every same-origin href and src, and the modules the loader imports), and a
// cold load in the browser checks that nothing else is fetched before the first question is interactive.

const budget = JSON.parse(readFileSync('tests/size-budget.json', 'utf8')).first_load_brotli_bytes as number;
const brotli = (path: string) =>
  brotliCompressSync(readFileSync(path), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

function firstLoadFiles(): string[] {
  const html = readFileSync('dist/index.html', 'utf8');
  const attr = (tag: string, name: string) => tag.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];
  const refs: string[] = [];
  // Stylesheets, preloads and the favicon, which the page fetches as it loads. The manifest and the
  // apple-touch icon are fetched only to install the app.
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const rel = attr(tag, 'rel') ?? '';
    if (['stylesheet', 'modulepreload', 'preload', 'icon'].includes(rel)) refs.push(attr(tag, 'href') ?? '');
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) refs.push(attr(tag, 'src') ?? '');
  // The modules that trunk's inline loader imports, and the .wasm it fetches (handed to its initializer:
  // the build removes trunk's preload of it, scripts/load-order.mjs).
  for (const m of html.matchAll(/(?:from |import\()\s*'([^']+)'|(?:module_or_path:|__trunkInitializer\(init,)\s*'([^']+)'/g)) refs.push(m[1] ?? m[2]);
  // The page names its files relative to itself (`./x.js`, `public/boot.js`; Trunk.toml public_url).
  const local = refs.filter((u) => u && !/^[a-z]+:|^\/\//i.test(u)).map((u) => `/${u.replace(/^\.?\//, '')}`);
  return ['/index.html', ...new Set(local)];
}

test('the first load stays within the brotli budget', () => {
  const files = firstLoadFiles();
  expect(files.some((f) => f.endsWith('.wasm')), `the .wasm is among ${files}`).toBe(true);
  expect(files.some((f) => f.endsWith('.js')), `the loader is among ${files}`).toBe(true);
  let total = 0;
  const rows = files.map((f) => {
    const path = join('dist', f);
    const size = { file: f, raw: statSync(path).size, brotli: brotli(path) };
    total += size.brotli;
    return size;
  });
  console.log(rows.map((r) => `${r.file}: ${r.raw} B raw, ${r.brotli} B brotli`).join('\n'));
  console.log(`first load: ${total} B brotli of a ${budget} B budget (${total > budget ? `over by ${total - budget} B` : `${budget - total} B to spare`})`);
  expect(total, `first load ${total} B brotli, budget ${budget} B`).toBeLessThanOrEqual(budget);
});

test('the code checker\'s worker stays within its brotli budget', () => {
  const workerBudget = JSON.parse(readFileSync('tests/size-budget.json', 'utf8')).checker_worker_brotli_bytes as number;
  const files = ['checker-worker.js', 'checker-worker_bg.wasm'];
  const sizes = files.map((f) => brotli(join('dist', f)));
  const total = sizes.reduce((a, b) => a + b, 0);
  console.log(`checker worker: ${files.map((f, i) => `${f} ${sizes[i]} B`).join(', ')}; ${total} B brotli of a ${workerBudget} B budget`);
  expect(total, `checker worker ${total} B brotli, budget ${workerBudget} B`).toBeLessThanOrEqual(workerBudget);
});

test('a cold load fetches nothing outside that list before the first question', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto('/?v=1');
  await page.waitForFunction(() => performance.getEntriesByName('pc-first-question').length > 0);
  // Resource Timing: every request the page started before the mark (the document itself aside).
  const before = await page.evaluate(() => {
    const mark = performance.getEntriesByName('pc-first-question')[0].startTime;
    return performance.getEntriesByType('resource')
      .filter((e) => e.startTime < mark)
      .map((e) => new URL(e.name).pathname);
  });
  expect(before.some((p) => p.endsWith('.wasm')), `${before}`).toBe(true);
  const listed = new Set(firstLoadFiles());
  const unlisted = before.filter((p) => !listed.has(p));
  expect(unlisted).toEqual([]);
  await context.close();
});

test('the .wasm downloads after the first paint where the static screen serves the address', async ({ browser }) => {
  for (const path of ['/', '/?v=2']) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(path);
    await page.waitForFunction(() => performance.getEntriesByName('pc-mounted').length > 0);
    const t = await page.evaluate(() => ({
      paint: performance.getEntriesByName('first-paint')[0]?.startTime ?? NaN,
      wasm: performance.getEntriesByType('resource').find((e) => e.name.endsWith('_bg.wasm'))?.startTime ?? NaN,
    }));
    expect(t.wasm, `${path}: the .wasm was fetched at ${t.wasm} ms, first paint at ${t.paint} ms`).toBeGreaterThanOrEqual(t.paint);
    await context.close();
  }
});
