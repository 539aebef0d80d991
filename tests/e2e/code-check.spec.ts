import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { query, walkTo } from './walks';
import { WizardPage } from './wizard-page';

// "Check your code" (src/ui/code_check.rs): the panel on a result page and on the landing, the checker's
// worker fetched only when the panel opens and cached for offline use then, findings marking the
// checklist, keyboard-only use, bad input, and axe audits of the open panel in both languages and themes.

/** `time.sleep` inside `async def`, on line 6, column 5. */
const SLEEPY = [
  'import asyncio',
  'import time',
  '',
  '',
  'async def fetch(i):',
  '    time.sleep(0.1)',
  '    return i',
  '',
  '',
  'async def main():',
  '    return await asyncio.gather(*(fetch(i) for i in range(3)))',
  '',
  '',
  'asyncio.run(main())',
  '',
].join('\n');

/** A FastAPI app calling requests, with a Python 2 print statement at the end (line 10). */
const FASTAPI = [
  'import requests',
  'from fastapi import FastAPI',
  '',
  'app = FastAPI()',
  '',
  '',
  '@app.get("/")',
  'async def root():',
  '    return requests.get("https://example.org").json()',
  'print "done"',
  '',
].join('\n');

/** Any file of the checker's worker. */
const CHECKER_FILE = /checker-worker/;
/** The asyncio result: its checklist holds blocking-call-in-coroutine. */
const ASYNCIO = `/?${query(walkTo('asyncio').answers)}`;

/** The panel as a user sees it. */
class CodeCheckPanel {
  constructor(readonly page: Page) {}

  get openButton(): Locator { return this.page.getByTestId('code-check-open'); }
  get input(): Locator { return this.page.locator('#code-check-input'); }
  get runButton(): Locator { return this.page.getByTestId('code-check-run'); }
  get status(): Locator { return this.page.getByTestId('code-check-status'); }
  get findings(): Locator { return this.page.locator('.pc-finding'); }

  async open(): Promise<void> {
    await this.openButton.click();
    await expect(this.input).toBeVisible();
  }

  async check(code: string): Promise<void> {
    await this.input.fill(code);
    await this.runButton.click();
    // The first check waits for the worker's download and compilation.
    await expect(this.status).not.toHaveText(/^(|Checking…|Loading the checker…|正在检查……|正在加载检查器……)$/, { timeout: 20_000 });
  }

  /** The text area's selected text and whether it has the focus. */
  async selection(): Promise<{ text: string; focused: boolean }> {
    return this.input.evaluate((el) => {
      const area = el as HTMLTextAreaElement;
      return { text: area.value.slice(area.selectionStart, area.selectionEnd), focused: document.activeElement === area };
    });
  }
}

/** The paths of every resource the page has fetched so far (Resource Timing). */
async function fetchedPaths(page: Page): Promise<string[]> {
  return page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
}

/** Opens the asyncio result, with its language pack in. */
async function openResult(page: Page, url = ASYNCIO): Promise<WizardPage> {
  const app = new WizardPage(page);
  await page.goto(url);
  // The first load of a test run waits for the server to compress the build.
  await expect(app.modelName).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.pc-check').first()).toBeVisible({ timeout: 20_000 });
  return app;
}

test('a result: time.sleep in async def is found on its line and marks the checklist item', async ({ context, page }) => {
  const requests: string[] = [];
  context.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await openResult(page);
  const panel = new CodeCheckPanel(page);
  const item = page.locator('.pc-check[data-pitfall="blocking-call-in-coroutine"]');
  await expect(item).toBeVisible();
  await expect(item.getByTestId('found-in-code')).toBeHidden();

  // Nothing of the checker before the panel opens, the service worker's precaching included.
  await page.waitForTimeout(500);
  expect((await fetchedPaths(page)).filter((p) => CHECKER_FILE.test(p))).toEqual([]);
  expect(requests.filter((p) => CHECKER_FILE.test(p))).toEqual([]);

  await panel.open();
  await expect(panel.input).toBeFocused();
  await panel.check(SLEEPY);
  await expect(panel.status).toHaveText('1 possible pitfall found. Select it to see the line in your code.');
  await expect(panel.findings).toHaveCount(1);
  const finding = panel.findings.first();
  await expect(finding).toHaveAttribute('data-pitfall', 'blocking-call-in-coroutine');
  await expect(finding).toContainText('Line 6, column 5');
  await expect(finding).toContainText('Keep blocking calls out of coroutines');
  await expect(finding.locator('.pc-finding__code')).toHaveText('time.sleep(0.1)');
  await expect(finding.getByRole('link', { name: 'In your checklist' })).toHaveAttribute('href', '#pitfall-blocking-call-in-coroutine');
  await expect(item.getByTestId('found-in-code')).toHaveText('Found in your code, line 6.');

  // The checker's files came when the panel opened.
  expect(requests.filter((p) => CHECKER_FILE.test(p)).length).toBeGreaterThan(0);

  // Selecting the finding selects its line in the text area.
  await finding.getByRole('button').click();
  expect(await panel.selection()).toEqual({ text: '    time.sleep(0.1)', focused: true });

  // A clean program clears the mark.
  await panel.check('import asyncio\n\nasync def main():\n    await asyncio.sleep(0.1)\n\nasyncio.run(main())\n');
  await expect(panel.status).toContainText('No known pitfall found');
  await expect(item.getByTestId('found-in-code')).toBeHidden();

  // The code is in no link and in no storage.
  expect(page.url()).not.toContain('asyncio.sleep');
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toContain('asyncio.sleep');
});

test('keyboard only: open, paste, check, and go to the finding', async ({ page }) => {
  const app = await openResult(page);
  const panel = new CodeCheckPanel(page);
  await page.locator('body').focus();
  await app.tabTo(panel.openButton);
  await page.keyboard.press('Enter');
  await expect(panel.openButton).toHaveAttribute('aria-expanded', 'true');
  await expect(panel.input).toBeFocused();
  await page.keyboard.insertText(SLEEPY);
  await page.keyboard.press('Tab');
  await expect(panel.runButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.findings).toHaveCount(1);
  const go = panel.findings.first().getByRole('button');
  await app.tabTo(go);
  await page.keyboard.press('Enter');
  expect(await panel.selection()).toEqual({ text: '    time.sleep(0.1)', focused: true });
  // Closing keeps what was pasted; opening shows it again.
  await app.tabTo(panel.openButton, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(panel.input).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(panel.input).toHaveValue(SLEEPY);
});

test('syntax errors with their position, Python 2, and the answers the imports give', async ({ page }) => {
  await openResult(page);
  const panel = new CodeCheckPanel(page);
  await panel.open();
  await panel.check(FASTAPI);
  await expect(panel.findings).toHaveCount(1);
  await expect(panel.findings.first()).toContainText('Line 9, column 12');
  const errors = page.getByTestId('code-check-syntax');
  await expect(errors).toContainText('Line 10, column 7');
  await expect(errors).toContainText('This line looks like Python 2');
  await errors.getByRole('button').first().click();
  expect(await panel.selection()).toEqual({ text: 'print "done"', focused: true });

  // The sure answers are offered as a link, applied only when followed.
  const suggestions = page.getByTestId('code-check-suggestions');
  const link = suggestions.getByRole('link', { name: 'Start the wizard with these answers' });
  const href = (await link.getAttribute('href')) ?? '';
  // Relative: it keeps the path the app is served at.
  expect(href).toMatch(/^\?v=\d+&/);
  expect(href).toContain('where=aweb');
  expect(href).toContain('libs=some');
  expect(href).not.toContain('requests');
  expect(page.url()).toContain('where=script');
  await link.click();
  await expect(page).toHaveURL(/where=aweb/);
  // The page is the result of the new answers, as a fresh load of the address shows it.
  const fresh = await page.context().newPage();
  await openResult(fresh, page.url());
  const parts = (p: Page) => p.evaluate(() => ['article.pc-result', '[data-testid=host-integration]', '.pc-trail']
    .map((s) => { const el = document.querySelector(s); return el ? `${el.getAttribute('data-model') ?? ''} ${el.textContent}` : 'none'; }));
  const expected = await parts(fresh);
  await fresh.close();
  await expect.poll(() => parts(page)).toEqual(expected);
});

test('bad input: empty, binary, nested too deep', async ({ page }) => {
  await openResult(page);
  const panel = new CodeCheckPanel(page);
  await panel.open();
  await panel.check('   \n\n');
  await expect(panel.status).toHaveText('There is nothing to check yet: paste some Python code first.');
  await panel.check('import os\nx = "\u0000\u0001\u0002"\n');
  await expect(panel.status).toContainText('does not look like Python source: line 2, column 6');
  await panel.check('# caf\uFFFD\n');
  await expect(panel.status).toContainText('line 1, column 6');
  await expect(panel.findings).toHaveCount(0);
  await panel.check(`x = ${'('.repeat(300)}1${')'.repeat(300)}\n`);
  await expect(panel.status).toHaveText(/^Line 1, column \d+ nests deeper than Python allows/);
  // After all that, it still checks.
  await panel.check(SLEEPY);
  await expect(panel.findings).toHaveCount(1);
});

test('over 1 MB: the worker refuses it at once', async ({ page }) => {
  // Laying out a text area of 200,000 lines takes the browser seconds on a busy machine.
  test.setTimeout(90_000);
  await openResult(page);
  const panel = new CodeCheckPanel(page);
  await panel.open();
  const big = 'x = 1\n'.repeat(200_000);
  await panel.input.evaluate((el, text) => { (el as HTMLTextAreaElement).value = text; }, big);
  await panel.runButton.click();
  await expect(panel.status).toHaveText(
    `This is ${big.length} bytes; the checker reads at most 1 MB (1,000,000 bytes). Check the modules that do the concurrent work on their own.`,
    { timeout: 30_000 },
  );
  // The refusal itself takes the worker milliseconds: the page never waits on the checker for it.
  const refusal = await page.evaluate(async (text) => {
    const worker = new Worker('/public/checker-worker-loader.js');
    const next = () => new Promise<string>((resolve) => worker.addEventListener('message', (e) => resolve(e.data), { once: true }));
    await next();
    const started = performance.now();
    worker.postMessage(text);
    const reply = await next();
    worker.terminate();
    return { reply, ms: performance.now() - started };
  }, big);
  expect(refusal.reply).toBe(`X\ttoo-large\t${big.length}\n`);
  expect(refusal.ms).toBeLessThan(1_000);
});

test('the landing has the panel too, with a link that starts the wizard', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.pc-landing')).toBeVisible();
  const panel = new CodeCheckPanel(page);
  expect((await fetchedPaths(page)).filter((p) => CHECKER_FILE.test(p))).toEqual([]);
  await panel.open();
  await panel.check(FASTAPI);
  await expect(panel.findings).toHaveCount(1);
  const link = page.getByTestId('code-check-suggestions').getByRole('link');
  expect(await link.getAttribute('href')).toMatch(/^\?v=\d+&where=aweb$/);
  await link.click();
  await expect(page.locator('form.pc-question')).toBeVisible();
  await expect(page).toHaveURL(/where=aweb/);
});

test('offline: the checker is not precached, is cached once opened, and then works with no network', async ({ context, page }) => {
  await openResult(page);
  const inCharge = () => page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  await inCharge();
  const cachedPaths = () => page.evaluate(async () => {
    const paths: string[] = [];
    for (const key of await caches.keys()) {
      for (const request of await (await caches.open(key)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
  // The precache is complete once the worker is in charge: it holds the app, not the checker.
  const precached = await cachedPaths();
  expect(precached.some((p) => p.endsWith('.wasm'))).toBe(true);
  expect(precached.filter((p) => CHECKER_FILE.test(p))).toEqual([]);

  // Offline before the first opening: the panel says the checker could not load, and Retry works once
  // the network is back.
  await context.setOffline(true);
  const panel = new CodeCheckPanel(page);
  await panel.open();
  await panel.input.fill(SLEEPY);
  await panel.runButton.click();
  await expect(panel.status).toHaveText(/could not be loaded/);
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Try again' }).click();
  await panel.runButton.click();
  await expect(panel.findings).toHaveCount(1);
  expect((await cachedPaths()).filter((p) => CHECKER_FILE.test(p)).sort()).toEqual(
    ['/checker-worker.js', '/checker-worker_bg.wasm', '/public/checker-worker-loader.js'],
  );

  // With no network: a new page of another result, the panel, a check.
  await context.setOffline(true);
  const tab = await context.newPage();
  await openResult(tab, `/?${query(walkTo('to_thread').answers)}`);
  const offline = new CodeCheckPanel(tab);
  await offline.open();
  await offline.check(SLEEPY);
  await expect(offline.findings).toHaveCount(1);
  await expect(offline.findings.first()).toContainText('Line 6, column 5');
});

for (const lang of ['en', 'zh'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe: the open panel with findings, errors and answers (${lang}, ${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.addInitScript((l) => localStorage.setItem('pyconc.lang', l), lang);
      await openResult(page);
      await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
      const panel = new CodeCheckPanel(page);
      await panel.open();
      await panel.check(`${SLEEPY}\n${FASTAPI}`);
      await expect(panel.findings).toHaveCount(2);
      await expect(page.getByTestId('code-check-syntax')).toBeVisible();
      await expect(page.locator('.pc-check[data-pitfall="blocking-call-in-coroutine"]').getByTestId('found-in-code')).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      expect(summary, 'axe violations').toEqual([]);
    });
  }
}
