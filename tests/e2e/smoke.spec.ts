import { expect, test } from '@playwright/test';
import { WizardPage } from './wizard-page';

test('the landing renders and Start opens the first question', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new WizardPage(page);
  await app.open();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Which Python concurrency model\?|该用哪种 Python 并发模型/);
  await app.start();
  expect(await app.currentQuestion()).toBe('work');
  await expect(page).toHaveURL(/\?v=2$/);
  await expect(page).toHaveTitle(/Step 1 of about \d+|第 1 步/);
  expect(errors).toEqual([]);
});

test('a complete walk by mouse ends on a recommendation with a template and a checklist', async ({ page }) => {
  const app = new WizardPage(page);
  await app.open();
  await app.start();
  await app.walk({
    work: 'io', scale: 'one', where: 'script', total: 'slow', py: '3.12', io: 'http', conc: 'thousands', libs: 'all',
    http: 'aiohttp', lat: 'no', input: 'stream', state: 'none', cancel: 'yes', fail: 'all',
  });
  expect(await app.model()).toBe('asyncio');
  await expect(page.locator('pre code')).toContainText('import asyncio');
  await expect(page.getByTestId('checked-count')).toHaveText(/^0 of \d+ checked$/);
});
