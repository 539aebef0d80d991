import { expect, test } from '@playwright/test';
import { query, walkTo } from './walks';

// "Check your code" (src/ui/code_check.rs) says only what is true of the check that ran: no "Try again"
// after a check that worked, and no "your answers agree with your imports" when the page has no answers.

/** `time.sleep` inside `async def`: one finding. */
const SLEEPY = ['import asyncio', 'import time', '', 'async def fetch():', '    time.sleep(0.1)', '', 'asyncio.run(fetch())', ''].join('\n');

/** Only async clients: the checker suggests `libs = all`, a question the wizard asks late. */
const ASYNC_CLIENTS = [
  'import asyncio',
  'import httpx',
  '',
  'async def main():',
  '    async with httpx.AsyncClient() as client:',
  '        await client.get("https://example.org")',
  '',
  'asyncio.run(main())',
  '',
].join('\n');

async function check(page: import('@playwright/test').Page, code: string): Promise<void> {
  await page.getByTestId('code-check-open').click();
  await page.locator('#code-check-input').fill(code);
  await page.getByTestId('code-check-run').click();
  await expect(page.getByTestId('code-check-status')).not.toHaveText(/^(|Checking…|Loading the checker…)$/, { timeout: 20_000 });
}

test('no “Try again” after a check that worked', async ({ page }) => {
  await page.goto(`/?${query(walkTo('asyncio').answers)}`);
  await expect(page.locator('.pc-check').first()).toBeVisible({ timeout: 20_000 });
  await check(page, SLEEPY);
  await expect(page.locator('.pc-finding')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Try again' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
});

test('the landing, with no answers, does not say they agree with the imports', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.pc-landing')).toBeVisible();
  await check(page, ASYNC_CLIENTS);
  await expect(page.getByTestId('code-check-status')).toBeVisible();
  await expect(page.locator('.pc-code-check__report')).not.toContainText('agree');
  // With answers that do hold what the imports show, it says so.
  // (The asyncio walk answered `libs = all`.)
  await page.goto(`/?${query(walkTo('asyncio').answers)}`);
  await expect(page.locator('.pc-check').first()).toBeVisible({ timeout: 20_000 });
  await check(page, ASYNC_CLIENTS);
  await expect(page.locator('.pc-code-check__report')).toContainText('Your answers already agree with what your imports show.');
});
