import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { query, walkTo } from './walks';

// The Markdown report holds the checklist as the page shows it, whatever storage does.

/** Opens the result of the walk to `model` with storage refused, as some browsers' private modes do. */
async function openWithoutStorage(page: Page, model: string) {
  await page.addInitScript(() => {
    const fail = () => { throw new DOMException('denied', 'SecurityError'); };
    Object.defineProperty(window, 'localStorage', { get: fail });
  });
  const walk = walkTo(model);
  await page.goto(`/?${query(walk.answers)}`);
  return walk;
}

test('with storage disabled, the report still holds the ticks on screen', async ({ page }) => {
  await openWithoutStorage(page, 'asyncio');
  const first = page.locator('.pc-check').first();
  const title = (await first.locator('label').textContent())!.trim();
  await first.locator('input[type=checkbox]').check();
  await expect(page.getByTestId('checked-count')).toContainText('1 of');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download report (.md)' }).click(),
  ]);
  const md = readFileSync((await download.path())!, 'utf8');
  expect(md).toContain(`- [x] **${title}**`);
});

test('with storage disabled, a result shown again keeps the ticks the page showed', async ({ page }) => {
  const walk = await openWithoutStorage(page, 'asyncio');
  await page.locator('.pc-check input[type=checkbox]').first().check();
  await expect(page.getByTestId('checked-count')).toContainText('1 of');
  // Back to the last question and on to the same result: a new result page, the same state.
  await page.getByRole('button', { name: 'Back', exact: true }).first().click();
  await expect(page.locator('form.pc-question')).toBeVisible();
  // The last answer, which came with the link, is still picked.
  const last = Object.values(walk.answers).at(-1)!;
  await expect(page.locator(`form.pc-question input[type=radio][value="${last}"]`)).toBeChecked();
  await page.locator('form.pc-question button[type="submit"]').click();
  await expect(page.getByTestId('checked-count')).toContainText('1 of');
  await expect(page.locator('.pc-check input[type=checkbox]').first()).toBeChecked();
});
