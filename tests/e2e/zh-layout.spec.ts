import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { SCHEMA } from './schema';
import { query, walkTo } from './walks';

// Chinese at 390 px: headings do not end on a lone character, and the comparison table's labels do not
// break inside a word (“负载类 / 型”). Screenshots for a reader go to test-results/zh-390/ (not kept).

const SHOTS = 'test-results/zh-390';
mkdirSync(SHOTS, { recursive: true });

/** The lines of an element's text as laid out: its characters grouped by the top of their boxes. */
async function lines(el: Locator): Promise<string[]> {
  return el.evaluate((node) => {
    const rows = new Map<number, string>();
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const text = t.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(t, i);
        range.setEnd(t, i + 1);
        const box = range.getClientRects()[0];
        if (!box || box.width === 0) continue;
        const top = Math.round(box.top);
        const key = [...rows.keys()].find((k) => Math.abs(k - top) < 4) ?? top;
        rows.set(key, (rows.get(key) ?? '') + text[i]);
      }
    }
    return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => s.trim()).filter((s) => s !== '');
  });
}

/** Every visible h1/h2 of the main content: none ends on a line of one or two characters. */
async function headingsBalanced(page: Page): Promise<void> {
  for (const h of await page.locator('main h1:visible, main h2:visible').all()) {
    const ls = await lines(h);
    if (ls.length > 1) expect([...ls[ls.length - 1]].length, `last line of “${ls.join(' / ')}”`).toBeGreaterThan(2);
  }
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
});

test('zh landing at 390 px: the title breaks between words, not before its last character', async ({ page }) => {
  await page.goto('/?lang=zh');
  const h1 = page.locator('main h1:visible').first();
  await expect(h1).toHaveText('该用哪种 Python 并发模型？');
  await headingsBalanced(page);
  await page.screenshot({ path: `${SHOTS}/landing.png`, fullPage: true });
});

test('zh result at 390 px: the comparison table keeps its labels whole', async ({ page }) => {
  await page.goto(`/?${query(walkTo('processes').answers)}&lang=zh`);
  const table = page.locator('.pc-table');
  await expect(table).toBeVisible({ timeout: 20_000 });
  await headingsBalanced(page);
  // Each row label (the question's short name, e.g. 负载类型, 运行环境) sits on one line.
  const rows = table.locator('tbody th[scope="row"]');
  expect(await rows.count()).toBeGreaterThan(3);
  for (const th of await rows.all()) {
    const label = (await th.evaluate((el) => el.firstChild?.textContent ?? '')).trim();
    const labelLines = await th.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el.firstChild as Node);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(labelLines, `row label “${label}”`).toBe(1);
  }
  // Column heads break only between words: no line of a head is a lone fragment of one Han character.
  let hanHeads = 0;
  for (const th of await table.locator('thead th').all()) {
    const head = await th.innerText();
    if (!/[\u4e00-\u9fff]/.test(head)) continue;
    hanHeads++;
    for (const line of await lines(th)) expect([...line].length, `a line of “${head}”`).toBeGreaterThan(1);
  }
  expect(hanHeads, 'column heads in Chinese').toBeGreaterThan(1);
  await table.scrollIntoViewIfNeeded();
  await table.screenshot({ path: `${SHOTS}/compare.png` });
  await page.screenshot({ path: `${SHOTS}/result-top.png` });
});

test('zh result: labels and their values are joined with a full-width colon, no space', async ({ page }) => {
  await page.goto(`/?${query(walkTo('processes').answers)}&lang=zh`);
  await expect(page.locator('.pc-result__because')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.pc-result__because')).toHaveText(/^主要原因：\S/);
  await expect(page.locator('.pc-theme')).toHaveText(/^主题：\S/);
  const change = page.locator('#change-title').locator('xpath=ancestor::details');
  await change.locator('summary').click();
  const sentences = await change.locator('li').allInnerTexts();
  expect(sentences.length).toBeGreaterThan(0);
  for (const s of sentences) {
    expect(s, s).not.toMatch(/[\u4e00-\u9fff）]或[A-Za-z]/);
    expect(s, s).not.toMatch(/: |\bor\b/);
  }
});

test('zh: a dropped answer is named by its question, not by its key in the link', async ({ page }) => {
  await page.goto(`/?v=${SCHEMA}&work=cpu&io=http&lang=zh`);
  const notice = page.getByTestId('link-notice');
  await expect(notice).toContainText('按你的其他回答，“I/O 类型”这一题已不适用，它的回答已移除。', { timeout: 20_000 });
  await expect(notice).not.toContainText('“io”');
});
