import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { query, walkTo } from './walks';

const SHOTS = 'tests/e2e/screenshots';
mkdirSync(SHOTS, { recursive: true });

const pages = [
  { name: 'landing', path: '/' },
  { name: 'question', path: '/?v=1&work=io&scale=one&where=aweb&py=3.12' },
  { name: 'result', path: `/?${query(walkTo('to_thread').answers)}` },
];

for (const width of [360, 390, 1280]) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const p of pages) {
      for (const lang of ['en', 'zh'] as const) {
      const suffix = lang === 'en' ? '' : `-${lang}`;
      test(`${p.name}${suffix} at ${width}px, ${scheme}: nothing overflows sideways`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(lang === 'en' ? p.path : `${p.path}${p.path.includes('?') ? '&' : '?'}lang=${lang}`);
        await expect(page.locator('main h1, main h2').first()).toBeVisible();
        if (p.name === 'result') await page.locator('.pc-check__details').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
        if (width !== 360) await page.screenshot({ path: `${SHOTS}/${p.name}${suffix}-${width}-${scheme}.png`, fullPage: p.name !== 'result' });
      });
      }
    }
  }
}
