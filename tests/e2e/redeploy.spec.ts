import { expect, test, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { host, newWorkerTakesOver, workerInCharge } from './deploy-host';
import { redeploy } from './redeploy';
import { walkTo } from './walks';
import { WizardPage } from './wizard-page';
import { FIRST } from './schema';

// A tab opened on one deploy, two deploys later (tests/e2e/redeploy.ts makes them from dist/: every
// hashed file renamed, so the chunks, the language packs and the service worker all change, and the old
// files are gone from the host). The tab walks on to a result, opens the code checker, checks code and
// switches language. With the service worker, the tab keeps working on its own build's files; without
// one, a part the host no longer has says so and reloads the page on the newer deploy, at the same
// address, where the walk goes on.

/** `time.sleep` inside `async def`: the checker flags it. */
const SLEEPY = ['import asyncio', 'import time', '', '', 'async def fetch(i):', '    time.sleep(0.1)', '    return i', ''].join('\n');
const ASYNCIO = walkTo('asyncio').answers;

/** Three deploys of dist/, and a host serving the first; `next()` deploys the next one. */
async function deploys() {
  const dist = process.env.PC_DIST || 'dist';
  const dirs = [redeploy(dist, 0), redeploy(dist, 1), redeploy(dist, 2)];
  const root = { dir: dirs[0] };
  const server = await host(root);
  let at = 0;
  return {
    origin: server.origin,
    next: () => { root.dir = dirs[++at]; },
    close: async () => {
      await server.close();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}

/** Which deploy the page was loaded from (redeploy's mark in index.html). */
const deployOf = (page: Page) => page.evaluate(() => document.querySelector('meta[name=deploy]')?.getAttribute('content'));

/** Opens the checker and checks code until a finding shows. */
async function checkCode(page: Page): Promise<void> {
  await page.getByTestId('code-check-open').click();
  await expect(page.locator('#code-check-input')).toBeVisible();
  await page.locator('#code-check-input').fill(SLEEPY);
  await page.getByTestId('code-check-run').click();
  await expect(page.locator('.pc-finding').first()).toBeVisible({ timeout: 20_000 });
}

test('with the service worker, a tab of deploy 1 keeps working on its own files two deploys later', async ({ page }) => {
  const site = await deploys();
  try {
    const wizard = new WizardPage(page);
    await page.goto(`${site.origin}${FIRST}&work=io`);
    await expect(wizard.question).toBeVisible();
    await workerInCharge(page);
    await page.evaluate(() => { (window as unknown as { tab: string }).tab = 'deploy 0'; });
    for (let i = 0; i < 2; i++) {
      site.next();
      await newWorkerTakesOver(page);
    }

    await wizard.walk(ASYNCIO);
    expect(await wizard.model()).toBe('asyncio');
    await checkCode(page);
    await page.getByRole('button', { name: '简体中文' }).click();
    await expect(page.locator('label[for=share-link]')).toHaveText('此结果的链接');
    await expect(page.getByTestId('pack-failed')).toHaveCount(0);
    await expect(page.getByTestId('chunk-failed')).toHaveCount(0);
    // The same tab, never reloaded.
    expect(await page.evaluate(() => (window as unknown as { tab?: string }).tab)).toBe('deploy 0');
    expect(await deployOf(page)).toBe('0');
  } finally {
    await site.close();
  }
});

test.describe('without a service worker', () => {
  test.use({ serviceWorkers: 'block' });

  test('a tab of deploy 1 reaches a result and the checker two deploys later, by a reload at the same address', async ({ page }) => {
    const site = await deploys();
    try {
      const wizard = new WizardPage(page);
      await page.goto(`${site.origin}${FIRST}&work=io`);
      await expect(wizard.question).toBeVisible();
      // The result page's chunk comes once the questions' texts are in.
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /-result_page-/.test(e.name)));
      site.next();
      site.next();

      await wizard.walk(ASYNCIO);
      expect(await wizard.model()).toBe('asyncio');
      const address = page.url();
      // The checker's chunk is gone from the host: the notice says why and offers the reload that works.
      await page.getByTestId('code-check-open').click();
      const notice = page.getByTestId('chunk-failed');
      await expect(notice).toContainText('updated');
      await expect(notice).not.toContainText('connection');
      const reloaded = page.waitForEvent('load');
      await notice.getByRole('button', { name: 'Reload' }).click();
      await reloaded;
      expect(page.url()).toBe(address);
      expect(await deployOf(page)).toBe('2');
      expect(await wizard.model()).toBe('asyncio');
      await checkCode(page);
    } finally {
      await site.close();
    }
  });

  test('a language pack gone after two deploys: Try again reloads on the newer deploy', async ({ page }) => {
    const site = await deploys();
    try {
      const wizard = new WizardPage(page);
      await page.goto(`${site.origin}${FIRST}&work=io`);
      await expect(wizard.question).toBeVisible();
      site.next();
      site.next();
      await page.getByRole('button', { name: '简体中文' }).click();
      const failed = page.getByTestId('pack-failed');
      await expect(failed).toBeVisible();
      const reloaded = page.waitForEvent('load');
      await failed.getByRole('button').click();
      await reloaded;
      expect(await deployOf(page)).toBe('2');
      await expect(page.locator('form.pc-question legend')).toHaveText(/[\u4e00-\u9fff]/);
    } finally {
      await site.close();
    }
  });
});
