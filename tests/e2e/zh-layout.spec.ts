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

/** Where an element's text breaks across lines inside a word: within one text node, a line break between
 *  two Latin letters or digits (“Executo / r”) or between two Han characters (“负载类 / 型”). A break at a
 *  space, at punctuation or between two elements (a label and its answer) is fine. */
async function breaksInsideWords(el: Locator): Promise<string[]> {
  return el.evaluate((node) => {
    const inWord = (a: string, b: string) =>
      (/[A-Za-z0-9_]/.test(a) && /[A-Za-z0-9_]/.test(b)) || (/[\u4e00-\u9fff]/.test(a) && /[\u4e00-\u9fff]/.test(b));
    const bad: string[] = [];
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const text = t.textContent ?? '';
      let last: { i: number; top: number } | null = null;
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(t, i);
        range.setEnd(t, i + 1);
        const box = range.getClientRects()[0];
        if (!box || box.width === 0) continue;
        const top = Math.round(box.top);
        if (last && Math.abs(top - last.top) >= 4 && last.i === i - 1 && inWord(text[i - 1], text[i])) {
          bad.push(`${text.slice(0, i)} / ${text.slice(i)}`);
        }
        last = { i, top };
      }
    }
    return bad;
  });
}

/** Whether an element is shown: it has a box wider than the 1 px of a visually hidden one. */
async function shown(el: Locator): Promise<boolean> {
  return el.evaluate((node) => {
    for (let n: Element | null = node; n; n = n.parentElement) if (n.getBoundingClientRect().width <= 1) return false;
    return true;
  });
}

/** The comparison table at this width: it does not scroll sideways, and no row label, answer or model
 *  name that is shown breaks inside a word. Returns how many model names it checked. */
async function tableReadsWell(page: Page, lang: string, width: number): Promise<number> {
  const wrap = page.locator('.pc-table-wrap');
  const table = wrap.locator('.pc-table');
  await expect(table).toBeVisible({ timeout: 20_000 });
  const sideways = await wrap.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(sideways, `the table scrolls sideways by ${sideways} px at ${width} px`).toBeLessThanOrEqual(0);
  const rows = table.locator('tbody th[scope="row"]');
  expect(await rows.count()).toBeGreaterThan(3);
  for (const th of await rows.all()) {
    const label = (await th.evaluate((el) => el.firstChild?.textContent ?? '')).trim();
    // In Chinese the label itself (the question's short name, e.g. 负载类型, 运行环境) sits on one line;
    // an English one may wrap at a space (“Free-threading / support”).
    const labelLines = await th.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el.firstChild as Node);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    if (lang === 'zh') expect(labelLines, `row label “${label}” at ${width} px`).toBe(1);
    expect(await breaksInsideWords(th), `row “${label}” at ${width} px`).toEqual([]);
  }
  // The model names, as column heads where they are shown, or in each cell where the table is stacked.
  const names: Locator[] = [];
  for (const el of [...(await table.locator('thead th').all()), ...(await table.locator('.pc-table__model').all())]) {
    if ((await el.isVisible()) && (await shown(el))) names.push(el);
  }
  for (const name of names) {
    const ls = await lines(name);
    expect(await breaksInsideWords(name), `“${ls.join(' / ')}” at ${width} px`).toEqual([]);
    for (const line of ls) expect([...line].length, `a line of “${ls.join(' / ')}” at ${width} px`).toBeGreaterThan(1);
  }
  return names.length;
}

// The walks whose tables show the longest model names (InterpreterPoolExecutor, the hybrid's three parts)
// and the processes walk of the other tests.
const TABLE_WALKS = ['processes', 'interpreters', 'hybrid'];

for (const lang of ['en', 'zh'] as const) {
  for (const width of [360, 390, 480, 768, 900, 1024, 1280]) {
    test(`${lang} result at ${width} px: the comparison table fits and keeps its words whole`, async ({ page }) => {
      test.setTimeout(120_000); // three result pages, their text measured a character at a time
      await page.setViewportSize({ width, height: 900 });
      for (const model of TABLE_WALKS) {
        await page.goto(`/?${query(walkTo(model).answers)}&lang=${lang}`);
        const names = await tableReadsWell(page, lang, width);
        expect(names, `model names shown for the ${model} walk`).toBeGreaterThan(1);
      }
    });
  }
}

test('zh result at 390 px: headings balanced; screenshot of the comparison table', async ({ page }) => {
  await page.goto(`/?${query(walkTo('processes').answers)}&lang=zh`);
  const table = page.locator('.pc-table');
  await expect(table).toBeVisible({ timeout: 20_000 });
  await headingsBalanced(page);
  // At 390 px the table is stacked: the model names are shown in the rows, the heads are not.
  expect(await table.locator('.pc-table__model:visible').count()).toBeGreaterThan(3);
  expect(await shown(table.locator('thead th').first()), 'the column heads are shown').toBe(false);
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
  await expect(notice).toContainText('根据你的其他回答，“I/O 类型”这一题已不适用，原来的回答已移除。', { timeout: 20_000 });
  await expect(notice).not.toContainText('“io”');
});
