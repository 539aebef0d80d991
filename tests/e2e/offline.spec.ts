import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { host, newWorkerTakesOver, workerInCharge } from './deploy-host';
import { WizardPage } from './wizard-page';

// Offline use: after one visit, the service worker written by the build serves the app and any result
// link with no network, and a new deploy takes over (the previous deploy's cache stays for the tabs
// still running it).

/** The frozen share links of schema version 1: the model each must give, and its query. */
const LINKS = readFileSync('tests/links/v1.txt', 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => {
    const [model, query] = line.trim().split(/\s+/);
    return { model, query };
  });

/** The cache name of the build under test, from its worker. */
function builtCacheName(dir = 'dist'): string {
  return /const CACHE = "([^"]+)"/.exec(readFileSync(join(dir, 'sw.js'), 'utf8'))![1];
}

test('after one visit, result links open with no network', async ({ context, page }) => {
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));

  // Before the first visit, the origin holds the caches of four older deploys of the app, and one of
  // something else: when the worker activates, it deletes the oldest, keeps the three newer ones (tabs
  // opened under those deploys may still ask for their files; scripts/service-worker.mjs KEPT) and leaves
  // the other app's alone.
  await page.goto('/not-the-app');
  const older = ['pyconc-0123456789abcdef', 'pyconc-1123456789abcdef', 'pyconc-fedcba9876543210', 'pyconc-eedcba9876543210'];
  await page.evaluate(async (names) => {
    for (const name of names) await (await caches.open(name)).put('/index.html', new Response(`deploy ${name}`));
    await caches.open('another-app');
  }, older);

  const app = new WizardPage(page);
  await app.open();
  expect(await workerInCharge(page)).toEqual(['another-app', ...older.slice(1), builtCacheName()].sort());

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  const asyncio = LINKS.find((l) => l.model === 'asyncio')!;
  await app.open(asyncio.query);
  expect(await app.model()).toBe('asyncio');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('asyncio');

  // Another link, in a new tab: the page, its code and its styles all come from the cache.
  const tab = await context.newPage();
  const other = LINKS.find((l) => l.model === 'processes')!;
  const second = new WizardPage(tab);
  await second.open(other.query);
  expect(await second.model()).toBe('processes');
  await expect(tab.locator('.pc-header')).toHaveCSS('display', 'flex');

  // Nothing left the origin, the worker's own requests included.
  const origin = new URL(page.url()).origin;
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
  console.log(`offline: ${asyncio.model} and ${other.model} links opened from the cache; ${requests.length} requests observed, all to ${origin}`);
});

test('a new deploy replaces the cache of the old one', async ({ context, page }) => {
  // Two deploys of the same origin: a copy of the build, then the same copy with a changed page (and so
  // a new worker written by the build's own script). A plain server whose root can be switched.
  const first = mkdtempSync(join(tmpdir(), 'pyconc-deploy1-'));
  const second = mkdtempSync(join(tmpdir(), 'pyconc-deploy2-'));
  cpSync('dist', first, { recursive: true });
  cpSync('dist', second, { recursive: true });
  const page2 = join(second, 'index.html');
  writeFileSync(page2, readFileSync(page2, 'utf8').replace('<title>', '<meta name="deploy" content="2">\n  <title>'));
  execFileSync('node', ['scripts/service-worker.mjs', second], { env: { ...process.env, TRUNK_STAGING_DIR: '' } });
  const firstCache = builtCacheName(first);
  const secondCache = builtCacheName(second);
  expect(firstCache).toMatch(/^pyconc-[0-9a-f]{16}$/);
  expect(secondCache).toMatch(/^pyconc-[0-9a-f]{16}$/);
  expect(secondCache).not.toBe(firstCache);

  const root = { dir: first };
  const server = await host(root);
  const origin = server.origin;

  try {
    await page.goto(`${origin}/`);
    // The app, not the static first screen (which holds each heading once per language).
    await page.waitForFunction(() => performance.getEntriesByName('pc-mounted').length > 0);
    await expect(page.locator('main h1')).toBeVisible();
    expect(await workerInCharge(page)).toEqual([firstCache]);

    // Deploy the second build; the browser checks for a new worker (here on demand, as on a navigation).
    root.dir = second;
    const caches = await newWorkerTakesOver(page);
    // The first deploy's cache stays for the tabs still running it (this one, until it navigates).
    expect(caches).toEqual([firstCache, secondCache].sort());

    // Offline, the page now comes from the second deploy's cache.
    await context.setOffline(true);
    await page.goto(`${origin}/?${LINKS[0].query}`);
    await expect(page.locator('meta[name="deploy"]')).toHaveAttribute('content', '2');
    expect(await new WizardPage(page).model()).toBe(LINKS[0].model);
  } finally {
    await context.setOffline(false);
    await server.close();
    rmSync(first, { recursive: true, force: true });
    rmSync(second, { recursive: true, force: true });
  }
});

test('when the code cannot be downloaded, a panel says so in the link\'s language and "Try again" brings the app back', async ({ page }) => {
  await page.route('**/*_bg.wasm', (route) => route.abort('internetdisconnected'));
  const link = LINKS[0];
  await page.goto(`/?${link.query}&lang=zh`);
  const panel = page.locator('#pc-load-error');
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('应用无法加载');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('#pc-panic')).toHaveCount(0);
  // The panel takes the place of the static first screen's landing: one main, under the header.
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.locator('main #pc-load-error')).toBeVisible();

  await page.unroute('**/*_bg.wasm');
  await panel.getByRole('link', { name: '重试' }).click();
  expect(await new WizardPage(page).model()).toBe(link.model);
  await expect(page.locator('#pc-load-error')).toHaveCount(0);
});
