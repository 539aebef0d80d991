import { expect, test } from '@playwright/test';

// Broken and hostile links: each must give a visible notice and a working page, never run a payload.
const GOOD = 'work=io&scale=one';
const PAYLOADS = [
  '<script>window.__pwned=1</script>', '"><img src=x onerror="window.__pwned=1">', "javascript:window.__pwned=1",
  '<svg onload=window.__pwned=1>', '{{constructor.constructor("window.__pwned=1")()}}', "';window.__pwned=1;//",
];
const enc = encodeURIComponent;
const LINKS: string[] = [
  `v=1&${GOOD}&bogus=1`, `v=1&${GOOD}&work=cpu`, `v=1&work=nonsense&scale=one`, `v=1&${GOOD}&py=2.7`,
  `v=99&${GOOD}`, `v=0&${GOOD}`, `v=abc&${GOOD}`, `v=-1&${GOOD}`, `v=1.5&${GOOD}`, `${GOOD}`,
  `v=1&work=%ZZ&scale=one`, `v=1&work=%&scale=one`, `v=1&work=%E4%B8&scale=one`, `v=1&%FF%FE=1&work=io`,
  `v=1&work=cpu&io=http&conc=few`, `v=1&work=io&gil=ft`, `v=1&${GOOD}&lang=fr`, `v=1&${GOOD}&lang=zh&lang=en`,
  `v=1&${GOOD}&${'x=1&'.repeat(2600)}`, `v=1&${GOOD}&pad=${'a'.repeat(10_000)}`, `v=1&&&&${GOOD}&&=x`,
  `v=1&=io&${GOOD}`, `v=1&work&scale=one`, `v=1&work==io&scale=one`, `v=1&WORK=IO&scale=one`,
  `v=1&work=io%00&scale=one`, `v=1&work=%20io&scale=one`, `v=1&work=io+&scale=one`, `v=1&scale=one&scale=one&work=io`,
  `v=1&${GOOD}&__proto__=1`, `v=1&${GOOD}&constructor=1`,
  ...PAYLOADS.map((p) => `v=1&${GOOD}&${enc(p)}=1`),
  ...PAYLOADS.map((p) => `v=1&work=${enc(p)}&scale=one`),
  `v=1&${GOOD}&lang=${enc(PAYLOADS[0])}`, `v=${enc(PAYLOADS[1])}&${GOOD}`,
];

test.describe('bad links', () => {
  test('the corpus has at least 40 links', () => {
    expect(LINKS.length).toBeGreaterThanOrEqual(40);
  });

  for (const [i, link] of LINKS.entries()) {
    test(`bad link #${i + 1}: ${link.slice(0, 60)}`, async ({ page }) => {
      const dialogs: string[] = [];
      const errors: string[] = [];
      page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`/?${link}`);
      const notice = page.getByTestId('link-notice');
      await expect(notice).toBeVisible();
      // A working page: the first open question (or the result) with its controls.
      await expect(page.locator('form.pc-question, article.pc-result')).toBeVisible();
      if (await page.locator('form.pc-question').isVisible()) {
        await expect(page.getByRole('radio').first()).toBeEnabled();
      }
      // Valid answers were kept: a link carrying work=io never asks "work" again.
      if (/(^|&)work=io(&|$)/.test(link) && !/work=io.*work=|work=cpu/.test(link)) {
        await expect(page.locator('form.pc-question')).not.toHaveAttribute('data-question', 'work');
      }
      // Nothing ran and nothing was injected.
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('img[src="x"], svg[onload], script:not([src]):not([type])').count()).toBe(0);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      // The notice can be dismissed and the page keeps working.
      await notice.getByRole('button').click();
      await expect(notice).toHaveCount(0);
    });
  }
});
