import { expect, test, type Page } from '@playwright/test';

// The static first screen of index.html: painted before the WebAssembly arrives, in the user's language
// and theme, and replaced by the app without anything moving.

// The static screen holds each heading and paragraph once per language, one of them hidden.
const parts = ['.pc-brand', '.pc-landing h1:visible', '.pc-landing .pc-lede:visible >> nth=0',
  '.pc-landing .pc-lede:visible >> nth=1', '.pc-landing .pc-button--primary', '.pc-landing__points',
  '.pc-landing__points li:visible >> nth=2', '.pc-lang', '.pc-theme', '.pc-footer'];

async function boxes(page: Page) {
  const out: Record<string, { x: number; y: number; width: number; height: number } | null> = {};
  for (const p of parts) out[p] = await page.locator(p).boundingBox();
  return out;
}

/** Opens `path` with the .wasm held back, so only the static screen can show. */
async function staticScreen(page: Page, path: string) {
  await page.route(/\.wasm$/, () => { /* never answered */ });
  await page.goto(path, { waitUntil: 'domcontentloaded' });
  await expect(page.locator('#pc-boot')).toBeAttached();
}

async function mounted(page: Page) {
  await page.waitForFunction(() => performance.getEntriesByName('pc-mounted').length > 0);
  await expect(page.locator('#pc-boot')).toHaveCount(0);
}

for (const [lang, title, start] of [
  ['en', 'Which Python concurrency model?', 'Start'],
  ['zh', '该用哪种 Python 并发模型？', '开始'],
] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`the first screen shows before the app, in ${lang} and ${theme}, and mounting moves nothing`, async ({ browser }) => {
      const context = await browser.newContext({ locale: lang === 'zh' ? 'zh-CN' : 'en-US', colorScheme: theme });
      const before = await context.newPage();
      await staticScreen(before, '/');
      expect(await before.locator('.pc-landing h1:visible').innerText()).toBe(title);
      expect(await before.locator('.pc-landing .pc-button--primary').innerText()).toBe(start);
      await expect(before.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
      const staticBoxes = await boxes(before);
      const staticBg = await before.evaluate(() => getComputedStyle(document.body).backgroundColor);

      const after = await context.newPage();
      await after.goto('/');
      await mounted(after);
      await expect(after.locator('.pc-landing h1')).toHaveText(title);
      // Equal to a tenth of a pixel (a text split into spans can round a few hundredths differently).
      const appBoxes = await boxes(after);
      for (const p of parts) {
        const [a, b] = [staticBoxes[p], appBoxes[p]] as { x: number; y: number; width: number; height: number }[];
        for (const k of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(a[k] - b[k]), `${p} ${k}`).toBeLessThan(0.1);
      }
      expect(await after.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(staticBg);
      const shift = await after.evaluate(() => new Promise<number>((resolve) => {
        let sum = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as { value: number }[]) sum += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(sum), 300);
      }));
      expect(shift).toBe(0);
      await context.close();
    });
  }
}

test('a stored language and theme are applied before the first paint', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('pyconc.lang', 'zh');
    localStorage.setItem('pyconc.theme', 'dark');
  });
  await staticScreen(page, '/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await page.locator('.pc-theme').innerText()).toBe('主题：深色');
});

test('a link with answers does not flash the landing', async ({ page }) => {
  await staticScreen(page, '/?v=1&work=io');
  await expect(page.locator('#pc-boot .pc-landing')).toBeHidden();
  await expect(page.locator('#pc-boot .pc-header')).toBeVisible();
});

test('the first question sets its performance mark', async ({ page }) => {
  await page.goto('/?v=1');
  await page.waitForFunction(() => performance.getEntriesByName('pc-first-question').length === 1);
  await expect(page.locator('h1#question-title')).toBeFocused();
});
