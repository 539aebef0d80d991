import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { walkTo } from './walks';
import { WizardPage } from './wizard-page';
import { nginx, pythonHttpServer, staticServer, withoutWasmType, type Running } from './static-hosts';

// The same dist/ on the static hosts people put it on (README, "Deploying"): Debian's nginx as its
// package configures it, the same nginx with a mime.types that lacks .wasm (it then sends
// application/octet-stream, as older nginx and many bucket setups do), Python's http.server, and the
// project's static server under a sub-path, as a GitHub Pages project site serves it. On each, a person
// starts at the landing, walks to a result, opens the code checker and checks code: every file the page
// asks for is there, and the share link and the downloaded files carry the address the app is served at.
// PC_DIST names another build folder to try (dist/ by default).

const DIST = resolve(process.env.PC_DIST || 'dist');
/** Where a GitHub Pages project site serves the app. */
const SUB_PATH = '/tools/pyconc/';

/** `time.sleep` inside `async def`: the checker flags it. */
const SLEEPY = ['import asyncio', 'import time', '', '', 'async def fetch(i):', '    time.sleep(0.1)', '    return i', ''].join('\n');

/** The Content-Type `host` sends for the app's main .wasm (the one trunk's loader fetches). */
async function wasmType(host: Running): Promise<string> {
  const html = await (await fetch(host.url)).text();
  const name = /__trunkInitializer\(init,\s*'([^']+)'/.exec(html)?.[1];
  if (!name) return 'no loader call in index.html';
  const response = await fetch(new URL(name, host.url));
  return `${response.status} ${response.headers.get('content-type')}`;
}

/** A person's visit: the landing, Start, every question of the asyncio walk by mouse, the result, the
 *  report, the code checker. Fails on any answer of 400 or more and any uncaught error in the page. */
async function visit(page: Page, host: Running): Promise<void> {
  const problems: string[] = [];
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  const wizard = new WizardPage(page);
  await page.goto(host.url);
  // The static first screen is styled (its style sheet was found), then the app takes over.
  await expect(page.locator('.pc-header')).toHaveCSS('display', 'flex');
  await page.waitForFunction(() => performance.getEntriesByName('pc-mounted').length > 0, null, { timeout: 15_000 });
  await wizard.start();
  const walk = walkTo('asyncio');
  await wizard.walk(walk.answers);
  expect(await wizard.model()).toBe('asyncio');
  await expect(page.getByTestId('chunk-failed')).toHaveCount(0);

  // The answers are in an address under the host's path, and the links and files carry it.
  const address = page.url();
  expect(address.startsWith(`${host.url}?`), `${address} is under ${host.url}`).toBe(true);
  await expect(page.locator('#share-link')).toHaveValue(address);
  const [report] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download report (.md)' }).click(),
  ]);
  expect(readFileSync((await report.path())!, 'utf8')).toContain(`<${address}>`);

  // The checker: its chunk, its worker and the worker's WebAssembly.
  await page.getByTestId('code-check-open').click();
  await expect(page.locator('#code-check-input')).toBeVisible();
  await page.locator('#code-check-input').fill(SLEEPY);
  await page.getByTestId('code-check-run').click();
  await expect(page.locator('.pc-finding').first()).toBeVisible({ timeout: 20_000 });
  expect(problems).toEqual([]);
}

test.describe('the same dist/ on the hosts it is deployed to', () => {
  test('Debian nginx, stock MIME types', async ({ page }) => {
    const host = await nginx(DIST);
    try {
      console.log(`nginx stock: .wasm sent as ${await wasmType(host)}`);
      await visit(page, host);
    } finally {
      await host.stop();
    }
  });

  test('Debian nginx without a .wasm MIME type (application/octet-stream)', async ({ page }) => {
    const host = await nginx(DIST, withoutWasmType());
    try {
      const type = await wasmType(host);
      console.log(`nginx without wasm type: .wasm sent as ${type}`);
      expect(type).toBe('200 application/octet-stream');
      await visit(page, host);
    } finally {
      await host.stop();
    }
  });

  test('python3 -m http.server', async ({ page }) => {
    const host = await pythonHttpServer(DIST);
    try {
      console.log(`python http.server: .wasm sent as ${await wasmType(host)}`);
      await visit(page, host);
    } finally {
      await host.stop();
    }
  });

  test(`the project's static server under the sub-path ${SUB_PATH}`, async ({ page }) => {
    const host = await staticServer(DIST, SUB_PATH);
    try {
      // Nothing of the app answers at the root: a file asked for there is a file the app misplaced.
      expect((await fetch(new URL('/index.html', host.url))).status).toBe(404);
      await visit(page, host);
      // The service worker, when it takes over, is the sub-path's own.
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      expect(scope).toBe(host.url);
    } finally {
      await host.stop();
    }
  });
});
