import { expect, test } from '@playwright/test';
import { query, walkTo } from './walks';
import { WizardPage } from './wizard-page';

// The parts of the app that come in WebAssembly chunks of their own (src/ui/chunk.rs,
// scripts/split-wasm.mjs): the result page and the code-check panel. They stay off the first load, are
// fetched when needed, and a chunk that cannot be fetched gets a notice whose Retry fetches it anew.

// Without the service worker: it precaches the chunks soon after the first load, and its fetches would not
// meet the routes that make a chunk fail.
test.use({ serviceWorkers: 'block' });

const RESULT_CHUNK = '**/*-result_page-*.wasm';
const PANEL_CHUNK = '**/*-code_check_panel-*.wasm';
const ASYNCIO = query(walkTo('asyncio').answers);

/** The paths of every resource the page has fetched so far (Resource Timing). */
const fetched = (page: import('@playwright/test').Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));

test('no chunk is part of the first load; the result page\'s comes after it, the panel\'s only when opened', async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.open(query({}).replace(/&$/, ''));
  await page.waitForFunction(() => performance.getEntriesByName('pc-first-question').length > 0);
  const chunks = () => page.evaluate(() => {
    const mark = performance.getEntriesByName('pc-first-question')[0].startTime;
    return performance.getEntriesByType('resource')
      .map((e) => ({ path: new URL(e.name).pathname, before: e.startTime < mark }))
      .filter((r) => /-(result_page|code_check_panel|chunk_\d+)-[0-9a-f]+\.wasm$/.test(r.path));
  });
  expect((await chunks()).filter((c) => c.before)).toEqual([]);
  await wizard.walk(walkTo('asyncio').answers);
  expect(await wizard.model()).toBe('asyncio');
  const after = (await chunks()).map((c) => c.path);
  expect(after.some((p) => /-result_page-/.test(p))).toBe(true);
  expect(after.some((p) => /-code_check_panel-/.test(p))).toBe(false);
  await page.getByTestId('code-check-open').click();
  await expect(page.locator('#code-check-input')).toBeVisible();
  expect((await chunks()).some((c) => /-code_check_panel-/.test(c.path))).toBe(true);
});

test('a result page whose chunk cannot be fetched says so, keeps the answers, and Retry shows the result', async ({ page }) => {
  await page.route(RESULT_CHUNK, (route) => route.abort('internetdisconnected'));
  const wizard = new WizardPage(page);
  await wizard.open(ASYNCIO);
  const notice = page.getByTestId('chunk-failed');
  await expect(notice).toContainText('The rest of the guide could not be loaded');
  await expect(page.locator('#pc-panic')).toHaveCount(0);
  await expect(wizard.summary).toBeVisible();

  await page.unroute(RESULT_CHUNK);
  await notice.getByRole('button', { name: 'Try again' }).click();
  expect(await wizard.model()).toBe('asyncio');
  await expect(notice).toHaveCount(0);
});

test('a code-check panel whose chunk cannot be fetched says so, and Retry opens it', async ({ page }) => {
  await page.route(PANEL_CHUNK, (route) => route.abort('internetdisconnected'));
  const wizard = new WizardPage(page);
  await wizard.open();
  await page.getByTestId('code-check-open').click();
  const notice = page.getByTestId('chunk-failed');
  await expect(notice).toContainText('The checker could not be loaded');
  await expect(page.locator('#pc-panic')).toHaveCount(0);

  await page.unroute(PANEL_CHUNK);
  await notice.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('#code-check-input')).toBeVisible();
  await expect(notice).toHaveCount(0);
});
