import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { query, walkTo } from './walks';

// Every state of the app, audited by axe-core against WCAG 2.2 A and AA, in both languages and themes.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const STATES: { name: string; open: (page: Page) => Promise<void> }[] = [
  { name: 'landing', open: async (page) => { await page.goto('/'); await expect(page.locator('.pc-landing')).toBeVisible(); } },
  { name: 'first question', open: async (page) => { await page.goto('/?v=1'); await expect(page.locator('form.pc-question')).toBeVisible(); } },
  {
    name: 'question with help and "not sure" open, and a summary',
    open: async (page) => {
      await page.goto('/?v=1&work=io&scale=one&where=script&py=3.12&io=http');
      await page.locator('.pc-help summary').click();
      await page.locator('input[value="unsure"]').check();
      await expect(page.getByRole('note')).toBeVisible();
    },
  },
  {
    name: 'result with the checklist expanded',
    open: async (page) => {
      await page.goto(`/?${query(walkTo('hybrid').answers)}`);
      await expect(page.getByTestId('model-name')).toBeVisible();
      await page.locator('.pc-check input[type=checkbox]').first().check();
      await page.locator('.pc-check__details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    },
  },
  {
    name: 'bad-link notice',
    open: async (page) => {
      await page.goto('/?v=1&work=io&bogus=%3Cb%3E&py=2.7');
      await expect(page.getByTestId('link-notice')).toBeVisible();
    },
  },
  {
    name: 'error panel: the app could not load',
    open: async (page) => {
      // The WebAssembly download fails (a broken deploy, a proxy error): trunk's initializer shows it.
      await page.route('**/*_bg.wasm', (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }));
      await page.goto('/?v=1&work=io');
      await expect(page.locator('#pc-load-error')).toBeVisible();
    },
  },
  {
    name: 'error panel: the app panicked',
    open: async (page) => {
      // The DOM refuses to create the question's form (as a broken extension or an exhausted page can
      // make it do); the renderer treats a refused element as a bug and panics, so the panic panel shows.
      await page.addInitScript(() => {
        const create = Document.prototype.createElement;
        Document.prototype.createElement = function (this: Document, tag: string, options?: ElementCreationOptions) {
          if (tag === 'form') throw new DOMException('The operation is insecure.', 'SecurityError');
          return create.call(this, tag, options);
        } as typeof Document.prototype.createElement;
      });
      await page.goto('/');
      await page.getByRole('button', { name: /^(Start|开始)$/ }).click();
      await expect(page.locator('#pc-panic')).toBeVisible();
    },
  },
];

for (const lang of ['en', 'zh'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const state of STATES) {
      test(`axe: ${state.name} (${lang}, ${scheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.addInitScript((l) => localStorage.setItem('pyconc.lang', l), lang);
        await state.open(page);
        await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
        const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        expect(summary, 'axe violations').toEqual([]);
      });
    }
  }
}
