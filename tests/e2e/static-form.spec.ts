import { expect, test, type Page, type Route } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { FIRST, SCHEMA } from './schema';
import { WizardPage } from './wizard-page';

// The first question works before the WebAssembly arrives: index.html holds it as a plain GET form
// (scripts/static-shell.mjs), public/boot.js shows it for /?v=N and after Start, and the app mounts over it
// keeping the pick and the focus.

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

test('with the .wasm held back, a pick and Continue on the static form reach step 2 once the app loads', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto(FIRST, { waitUntil: 'domcontentloaded' });
  const form = page.locator('#pc-boot form.pc-question');
  await expect(form).toBeVisible();
  await expect(page.locator('#pc-boot .pc-landing')).toBeHidden();
  // Both languages are in the markup; the page's shows.
  await expect.poll(() => form.getByRole('heading', { level: 1 }).innerText()).toBe('Where does your program spend its time?');
  await expect(form.getByRole('button', { name: 'Continue' })).toBeDisabled();
  await form.getByRole('radio', { name: /Computing in Python/ }).check();
  await expect(form.getByRole('button', { name: 'Continue' })).toBeEnabled();
  await form.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.searchParams.get('work') === 'cpu');
  expect(new URL(page.url()).search).toBe(`?v=${SCHEMA}&work=cpu`);
  release();
  const app = new WizardPage(page);
  expect(await app.currentQuestion()).toBe('scale');
  await expect(app.summary).toContainText('Computing in Python');
});

test('with the .wasm delayed, a pick made before the mount survives it, and so does the focus', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto(FIRST, { waitUntil: 'domcontentloaded' });
  const staticRadio = page.locator('#pc-boot input[value="ext"]');
  await staticRadio.check();
  await page.locator('#pc-boot details.pc-help summary').click();
  await staticRadio.focus();
  release();
  await mounted(page);
  const app = new WizardPage(page);
  await expect(page.locator('#pc-boot')).toHaveCount(0);
  await expect(app.option('ext')).toBeChecked();
  await expect(app.option('ext')).toBeFocused();
  await expect(page.locator('details.pc-help')).toHaveAttribute('open', '');
  await expect(app.continueButton).toBeEnabled();
  // The app goes on with the pick: the keyboard now works too.
  await page.keyboard.press('Enter');
  expect(await app.currentQuestion()).toBe('scale');
  expect((await app.address()).searchParams.get('work')).toBe('ext');
});

test('Start on the static landing shows the static question at once, at its own address', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await page.locator('#pc-boot').getByRole('link', { name: 'Start' }).click();
  await expect(page).toHaveURL(new RegExp(`/\\?v=${SCHEMA}$`));
  await expect(page.locator('#pc-boot form.pc-question')).toBeVisible();
  await expect(page.locator('#question-title')).toBeFocused();
  await page.locator('#pc-boot input[value="io"]').check();
  release();
  await mounted(page);
  const app = new WizardPage(page);
  await expect(app.option('io')).toBeChecked();
  await expect(app.option('io')).toBeFocused();
  await app.continueButton.click();
  expect(await app.currentQuestion()).toBe('scale');
});

test('the static form takes the link\'s language on to the next step', async ({ page }) => {
  await holdWasm(page);
  await page.goto(`${FIRST}&lang=zh`, { waitUntil: 'domcontentloaded' });
  const form = page.locator('#pc-boot form.pc-question');
  await expect.poll(() => form.getByRole('heading', { level: 1 }).innerText()).toBe('程序的时间主要花在哪里？');
  await form.getByRole('radio').first().check();
  await form.getByRole('button', { name: '继续' }).click();
  await page.waitForURL((url) => url.searchParams.has('work'));
  expect(new URL(page.url()).search).toBe(`?v=${SCHEMA}&work=io&lang=zh`);
});

for (const lang of ['en', 'zh'] as const) {
  test(`the static question and the app's are the same, to a tenth of a pixel (${lang})`, async ({ browser }) => {
    const context = await browser.newContext({ locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
    const parts = ['.pc-step', '.pc-progress', 'form.pc-question h1', '.pc-help', '.pc-option >> nth=0', '.pc-option >> nth=4',
      'form.pc-question .pc-keys', 'form.pc-question .pc-actions', '.pc-summary', '.pc-header', '.pc-footer'];
    const boxes = async (page: Page) => Object.fromEntries(await Promise.all(parts.map(async (p) => [p, await page.locator(p).first().boundingBox()])));
    const before = await context.newPage();
    await holdWasm(before);
    await before.goto(FIRST, { waitUntil: 'domcontentloaded' });
    await expect(before.locator('#pc-boot form.pc-question')).toBeVisible();
    const staticBoxes = await boxes(before);
    const staticText = await before.locator('#pc-boot form.pc-question').innerText();

    const after = await context.newPage();
    await after.goto(FIRST);
    await mounted(after);
    await expect(after.locator('form.pc-question')).toBeVisible();
    const appBoxes = await boxes(after);
    for (const p of parts) {
      for (const k of ['x', 'y', 'width', 'height'] as const) {
        expect(Math.abs(staticBoxes[p]![k] - appBoxes[p]![k]), `${p} ${k}`).toBeLessThan(0.1);
      }
    }
    expect(await after.locator('form.pc-question').innerText()).toBe(staticText);
    await context.close();
  });
}

test('the static landing and the app\'s say the same, the number of questions included', async ({ page }) => {
  await holdWasm(page);
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  const staticPoint = await page.locator('#pc-boot .pc-landing__points li:visible').first().innerText();
  const fresh = await page.context().newPage();
  await fresh.goto('/');
  await mounted(fresh);
  expect(await fresh.locator('.pc-landing__points li').first().innerText()).toBe(staticPoint);
});

test('the first question needs at most 20 KB brotli: the page, its styles and the boot script', () => {
  const html = readFileSync('dist/index.html', 'utf8');
  const css = /<link rel="stylesheet" href="\.?\/?([^"]+\.css)"/.exec(html)?.[1];
  expect(css, 'the stylesheet link').toBeTruthy();
  const files = ['index.html', css!, 'public/boot.js'];
  const brotli = (f: string) => brotliCompressSync(readFileSync(join('dist', f)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const sizes = files.map((f) => [f, brotli(f)] as const);
  const total = sizes.reduce((t, [, b]) => t + b, 0);
  console.log(`first question: ${sizes.map(([f, b]) => `${f} ${b} B`).join(', ')}; ${total} B brotli`);
  expect(total).toBeLessThanOrEqual(20_000);
});
