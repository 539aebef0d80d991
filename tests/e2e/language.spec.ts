import { expect, test, type Page } from '@playwright/test';
import { FIRST } from './schema';
import { query, walkTo } from './walks';

// One order decides the language, for public/boot.js (before the first paint) and for the app: the
// link's `lang=`, then a stored choice, then the browser's language.

/** Records every change of <html lang> and every text that changed, from the first script on. */
async function recordChanges(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __langs: string[]; __texts: string[] };
    w.__langs = [];
    w.__texts = [];
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes') w.__langs.push(document.documentElement.getAttribute('lang') ?? '');
        else if (r.type === 'characterData' && r.oldValue?.trim()) w.__texts.push(r.oldValue);
      }
    }).observe(document, { attributes: true, attributeFilter: ['lang'], subtree: true, characterData: true, characterDataOldValue: true });
  });
}

test('the link\'s language wins over a stored one before the first paint', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('pyconc.lang', 'en'));
  await page.route(/\.wasm$/, () => { /* never answered: only the static screen shows */ });
  await page.goto('/?lang=zh', { waitUntil: 'domcontentloaded' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('#pc-boot .pc-landing h1:visible')).toHaveText('该用哪种 Python 并发模型？');
});

test('the app starts in the link\'s language: no other language shows or loads first', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('pyconc.lang', 'en'));
  await recordChanges(page);
  const packs: string[] = [];
  page.on('request', (r) => { if (/\/content-(en|zh)-/.test(r.url())) packs.push(new URL(r.url()).pathname); });
  await page.goto(`${FIRST}&lang=zh`);
  await page.waitForFunction(() => performance.getEntriesByName('pc-first-question').length > 0);
  await expect(page.locator('form.pc-question button[type=submit]')).toHaveText('继续');
  await page.waitForLoadState('networkidle');
  const seen = await page.evaluate(() => {
    const w = window as unknown as { __langs: string[]; __texts: string[] };
    return { langs: w.__langs, texts: w.__texts };
  });
  // The static screen was in Chinese, and so was the app from its first render.
  expect(seen.langs.filter((l) => l !== 'zh-CN'), 'languages set on <html>').toEqual([]);
  expect(seen.texts.filter((t) => /[A-Za-z]{4,}/.test(t) && !/Python|asyncio/.test(t)), 'English texts replaced').toEqual([]);
  expect(packs.every((p) => p.startsWith('/content-zh-')), `packs fetched: ${packs}`).toBe(true);
});

test('a stored language wins over the browser\'s, in the static screen and in the app', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.addInitScript(() => localStorage.setItem('pyconc.lang', 'zh'));
  await page.goto(FIRST);
  await expect(page.locator('form.pc-question button[type=submit]')).toHaveText('继续');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await context.close();
});

test('a language switch on a result changes the reasoning trail\'s answers too', async ({ page }) => {
  const walk = walkTo('asyncio');
  await page.goto(`/?${query(walk.answers)}`);
  const answer = page.locator('.pc-trail__answer').first();
  await expect(answer).toHaveText(/^[\x20-\x7e]+$/);
  const english = await answer.innerText();
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // The question and the answer in Chinese ("并发: …"), no longer the English words.
  await expect(answer).toHaveText(/[\u4e00-\u9fff]/);
  await expect(answer).not.toHaveText(english);
});
