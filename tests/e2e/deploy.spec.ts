import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { FIRST } from './schema';

// A tab opened before a deploy keeps working after it: the new deploy may have changed the language
// packs, and the old tab asks for its own build's pack only when the user switches language.

const types: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.txt': 'text/plain',
};

/** A plain server of the app whose root can be switched, like a host receiving a new deploy. */
async function host(root: { dir: string }) {
  const server: Server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url!, 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    try {
      const body = readFileSync(join(root.dir, path.replace(/\.\./g, '')));
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => new Promise((r) => server.close(r)) };
}

/** Waits until a service worker controls the page. */
async function workerInCharge(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

test('a tab of the previous deploy can still switch language after a deploy that changed the packs', async ({ page }) => {
  // The second deploy: the same build with other language packs (new names; the old ones are gone).
  const first = mkdtempSync(join(tmpdir(), 'pyconc-deploy-a-'));
  const second = mkdtempSync(join(tmpdir(), 'pyconc-deploy-b-'));
  cpSync('dist', first, { recursive: true });
  cpSync('dist', second, { recursive: true });
  for (const pack of readdirSync(second).filter((f) => /^content-(en|zh)-[0-9a-f]+\.txt$/.test(f))) {
    renameSync(join(second, pack), join(second, pack.replace(/-[0-9a-f]+\.txt$/, '-0000000000000002.txt')));
  }
  const index = join(second, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('<title>', '<meta name="deploy" content="2">\n  <title>'));
  execFileSync('node', ['scripts/service-worker.mjs', second], { env: { ...process.env, TRUNK_STAGING_DIR: '' } });

  const root = { dir: first };
  const server = await host(root);
  try {
    await page.goto(`${server.origin}${FIRST}&work=io`);
    await expect(page.locator('form.pc-question')).toBeVisible();
    await workerInCharge(page);

    // Deploy; the browser finds the new worker (here on demand), which takes over.
    root.dir = second;
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      const old = registration.active;
      await registration.update();
      const fresh = registration.installing ?? registration.waiting ?? registration.active!;
      if (fresh === old) throw new Error('no new worker was found');
      if (fresh.state !== 'activated') {
        await new Promise<void>((resolve) => fresh.addEventListener('statechange', () => { if (fresh.state === 'activated') resolve(); }));
      }
    });

    // The old tab switches language: it needs its own build's Chinese pack.
    await page.getByRole('button', { name: '简体中文' }).click();
    await expect(page.getByTestId('pack-failed')).toHaveCount(0);
    await expect(page.locator('form.pc-question button[type=submit]')).toHaveText('继续');
    await expect(page.locator('form.pc-question legend')).toHaveText(/[\u4e00-\u9fff]/);
  } finally {
    await server.close();
    rmSync(first, { recursive: true, force: true });
    rmSync(second, { recursive: true, force: true });
  }
});

test('a pack the server no longer has: Retry reloads the page instead of asking again in vain', async ({ page }) => {
  // No service worker, no cache: the deploy since this page loaded took its pack away.
  await page.route(/\/content-en-[0-9a-f]+\.txt$/, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
  await page.goto(`${FIRST}&work=io`);
  const failed = page.getByTestId('pack-failed');
  await expect(failed).toBeVisible();
  const reloaded = page.waitForEvent('load');
  await failed.getByRole('button', { name: 'Try again' }).click();
  await reloaded;
  expect(new URL(page.url()).searchParams.get('work')).toBe('io');
});
