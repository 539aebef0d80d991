import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { query, walkTo } from './walks';
import { WizardPage } from './wizard-page';

test('a copied link opened in a new browser gives the same result', async ({ browser }) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const app = new WizardPage(page);
  await app.open();
  await app.start();
  const walk = walkTo('hybrid');
  await app.walk(walk.answers);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status')).toHaveText('Link copied.');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  // The confirmation goes away by itself.
  await expect(page.getByRole('status')).toHaveText('', { timeout: 5000 });
  const modelHere = await app.model();
  const codeHere = await page.locator('pre code').textContent();
  await context.close();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const there = new WizardPage(other);
  await other.goto(link);
  expect(await there.model()).toBe(modelHere);
  await expect(other.locator('pre code')).toHaveText(codeHere!);
  await expect(other.getByTestId('link-notice')).toHaveCount(0);
  await fresh.close();
});

test('when the clipboard is refused, the link is selected for copying by hand', async ({ browser }) => {
  const context = await browser.newContext({ permissions: [] });
  const page = await context.newPage();
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  await page.goto(`/?${query(walkTo('asyncio').answers)}`);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status')).toContainText('refused');
  const selected = await page.evaluate(() => {
    const input = document.getElementById('share-link') as HTMLInputElement;
    return document.activeElement === input && input.selectionEnd! - input.selectionStart! === input.value.length;
  });
  expect(selected).toBe(true);
  await context.close();
});

test('the template downloads as a .py file whose header holds the link, the answers and the version', async ({ page }) => {
  const walk = walkTo('processes');
  await page.goto(`/?${query(walk.answers)}`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download .py' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('processes.py');
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text).toContain(`# Link: ${page.url()}`);
  expect(text).toMatch(/#\s+Workload: /);
  expect(text).toMatch(/# Content version: \d+\.\d+\.\d+ \(\d{4}-\d{2}-\d{2}\)/);
  expect(text).toContain('ProcessPoolExecutor');
  expect(text).toContain('if __name__ == "__main__":');
  // The object URL is revoked after the download.
  await page.waitForTimeout(1500);
});

test('the report downloads as Markdown with the checklist state', async ({ page }) => {
  const walk = walkTo('asyncio');
  await page.goto(`/?${query(walk.answers)}`);
  const first = page.locator('.pc-check').first();
  const title = (await first.locator('label').textContent())!.trim();
  await first.locator('input[type=checkbox]').check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download report (.md)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('asyncio-report.md');
  const md = readFileSync((await download.path())!, 'utf8');
  expect(md).toMatch(/^# Your recommendation: asyncio/);
  expect(md).toContain(`<${page.url()}>`);
  expect(md).toContain('## Alternatives compared');
  expect(md).toContain(`- [x] **${title}**`);
  expect(md).toMatch(/- \[ \] \*\*/);
  expect(md).toContain('```python');
  expect(md).toContain('## Sources');
});
