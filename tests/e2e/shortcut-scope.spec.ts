import { expect, test } from '@playwright/test';
import { WizardPage } from './wizard-page';

// WCAG 2.1.4: the one-key shortcuts (number keys pick an option) work only while the focus is in the
// question; elsewhere on the page a digit does nothing.

test('number keys pick an option only while the focus is in the question', async ({ page }) => {
  const app = new WizardPage(page);
  await app.begin('io');
  expect(await app.currentQuestion()).toBe('scale');
  const radios = app.question.getByRole('radio');
  // Focus on the question's heading (where every step puts it): a digit picks.
  await expect(page.locator('#question-title')).toBeFocused();
  await page.keyboard.press('2');
  await expect(radios.nth(1)).toBeChecked();
  await expect(radios.nth(1)).toBeFocused();

  // Focus outside the question (the summary, the header): digits change nothing, Enter does not go on.
  for (const outside of [app.summary.getByRole('button', { name: /Change/ }).first(), page.getByRole('button', { name: 'English' })]) {
    await outside.focus();
    await page.keyboard.press('1');
    await page.keyboard.press('3');
    await expect(radios.nth(1)).toBeChecked();
    await expect(outside).toBeFocused();
  }
  await page.locator('a.pc-brand').focus();
  await page.keyboard.press('1');
  await expect(radios.nth(1)).toBeChecked();
  expect(await app.currentQuestion()).toBe('scale');

  // Back in the question, by Tab: the keys work again.
  await app.tabTo(radios.nth(1));
  await page.keyboard.press('1');
  await expect(radios.nth(0)).toBeChecked();
  await page.keyboard.press('Enter');
  expect(await app.currentQuestion()).not.toBe('scale');
});
