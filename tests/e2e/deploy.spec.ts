import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIRST } from './schema';
import { host, newWorkerTakesOver, workerInCharge } from './deploy-host';

// A tab opened before a deploy keeps working after it: the new deploy may have changed the language
// packs, and the old tab asks for its own build's pack only when the user switches language.

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
    await newWorkerTakesOver(page);

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

test('a pack the server no longer has: the notice says the guide was updated, and Reload reloads the page', async ({ page }) => {
  // No service worker, no cache: the deploy since this page loaded took its pack away.
  await page.route(/\/content-en-[0-9a-f]+\.txt$/, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
  await page.goto(`${FIRST}&work=io`);
  const failed = page.getByTestId('pack-failed');
  await expect(failed).toBeVisible();
  const reloaded = page.waitForEvent('load');
  await expect(failed).toContainText('updated');
  await expect(failed).not.toContainText('connection');
  await failed.getByRole('button', { name: 'Reload' }).click();
  await reloaded;
  expect(new URL(page.url()).searchParams.get('work')).toBe('io');
});
