import { expect, test, type Locator, type Page, type Route } from '@playwright/test';
import { FIRST, SCHEMA } from './schema';
import { WizardPage } from './wizard-page';

// The static screen's header works before the app arrives (public/boot.js): the language buttons switch
// the static screen's language and the theme button its theme, remembered, and the app starts with them.

/** Holds the .wasm back until `release()`; the page meanwhile shows only the static screen. */
async function holdWasm(page: Page) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.route(/\.wasm$/, async (route: Route) => {
    await held;
    await route.continue().catch(() => { /* the page navigated away meanwhile */ });
  });
  return release;
}

const mounted = (page: Page) => page.waitForFunction(() => performance.getEntriesByName('pc-mounted').length > 0);
const stored = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);
/** The text shown (the static screen holds every language's, all but one hidden). */
const shown = (l: Locator) => expect.poll(() => l.innerText());

test('the static landing: language and theme buttons work before the app, and the app keeps what they set', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  const boot = page.locator('#pc-boot');
  const start = boot.getByRole('link', { name: /^(Start|开始)$/ });
  await shown(start).toBe('Start');
  await boot.getByRole('button', { name: '简体中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await shown(start).toBe('开始');
  expect(await stored(page, 'pyconc.lang')).toBe('zh');
  // The landing is not a step: its address stays.
  expect(new URL(page.url()).search).toBe('');

  const theme = boot.locator('.pc-theme');
  await shown(theme).toMatch(/^主题[:：] ?跟随系统$/);
  await theme.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await shown(theme).toMatch(/^主题[:：] ?浅色$/);
  await theme.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await stored(page, 'pyconc.theme')).toBe('dark');

  release();
  await mounted(page);
  await expect(page.locator('#pc-boot')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^开始$/ })).toBeVisible();
  await expect(page.locator('.pc-theme')).toHaveText(/^主题[:：] ?深色$/);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: '简体中文' })).toHaveAttribute('aria-pressed', 'true');
  // The choice goes into the wizard's links, as one made in the app does.
  await page.getByRole('button', { name: /^开始$/ }).click();
  await expect(page).toHaveURL(/[?&]lang=zh/);
});

test('the static first question: a language switch before the app goes into its address', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto(FIRST, { waitUntil: 'domcontentloaded' });
  const form = page.locator('#pc-boot form.pc-question');
  await shown(form.getByRole('heading', { level: 1 })).toBe('Where does your program spend its time?');
  await page.locator('#pc-boot').getByRole('button', { name: '简体中文' }).click();
  await shown(form.getByRole('heading', { level: 1 })).toMatch(/[\u4e00-\u9fff]/);
  expect(new URL(page.url()).search).toBe(`?v=${SCHEMA}&lang=zh`);
  // The static form's Continue carries it.
  await form.getByRole('radio').first().check();
  await form.getByRole('button', { name: '继续' }).click();
  await page.waitForURL((url) => url.searchParams.get('work') !== null);
  expect(new URL(page.url()).searchParams.get('lang')).toBe('zh');
  release();
  const app = new WizardPage(page);
  expect(await app.currentQuestion()).toBe('scale');
  await expect(app.continueButton).toHaveText('继续');
});
