import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type Route } from '@playwright/test';
import { FIRST } from './schema';
import { query, walkTo } from './walks';
import { WizardPage } from './wizard-page';

// How a step behaves around what happens beside it: a language pack arriving, a language switch, a
// browser that refuses to add to its history; and what a step page says about itself (its heading, the
// number of questions).

/** Holds back the language pack of `lang` until `release()` is called. */
async function holdPack(page: Page, lang: 'en' | 'zh') {
  let release!: () => void;
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.route(new RegExp(`/content-${lang}-[0-9a-f]+\\.txt$`), async (route: Route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Opens `address` and waits for the app to take over from the static first screen. */
async function openApp(page: Page, address: string) {
  await page.goto(address);
  await page.waitForFunction(() => performance.getEntriesByName('pc-mounted').length > 0);
}

/** Two animation frames: whatever the page does about an event has been laid out. */
const frames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

test('a pick made while the language pack loads survives its arrival, and so does the focus', async ({ page }) => {
  const release = await holdPack(page, 'en');
  const app = new WizardPage(page);
  await openApp(page, FIRST);
  await app.option('cpu').check();
  await expect(app.option('cpu')).toBeFocused();
  expect(await page.locator('form.pc-question input:checked').count()).toBe(1);

  const arrived = page.waitForResponse(/\/content-en-[0-9a-f]+\.txt$/);
  release();
  await arrived;
  // The pack is installed once its text has been read; then the step has had time to react.
  await page.waitForTimeout(200);
  await frames(page);
  await expect(app.option('cpu')).toBeChecked();
  await expect(app.option('cpu')).toBeFocused();
  await expect(app.continueButton).toBeEnabled();
});

test('a language switch keeps the pick, the focus and the alternative template shown', async ({ page }) => {
  const app = new WizardPage(page);
  await openApp(page, `${FIRST}&work=io`);
  await expect(page.locator('form.pc-question')).toBeVisible();
  const radio = page.locator('form.pc-question input[type=radio]').nth(1);
  await radio.check();
  const chinese = page.getByRole('button', { name: '简体中文' });
  await chinese.click();
  await expect(app.continueButton).toHaveText('继续');
  await expect(radio).toBeChecked();
  await expect(chinese).toBeFocused();

  // On a result, the template of an alternative the user asked for stays shown.
  await page.goto(`/?${query(walkTo('asyncio').answers)}&lang=en`);
  await expect(app.modelName).toBeVisible();
  await page.getByRole('button', { name: 'Show its template' }).first().click();
  const showing = page.getByText(/Showing the template for/);
  await expect(showing).toBeVisible();
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.getByText(/正在显示 .+ 的模板/)).toBeVisible();
});

test('the in-app Back stays in the app when the browser refused every step', async ({ page }) => {
  await page.goto('/not-the-app');
  await page.addInitScript(() => {
    History.prototype.pushState = () => {
      throw new DOMException('Attempt to use history.pushState() more than 100 times per 30 seconds', 'SecurityError');
    };
  });
  const app = new WizardPage(page);
  await openApp(page, FIRST);
  await app.answerByMouse('io');
  expect(await app.currentQuestion()).toBe('scale');
  await app.backButton.click();
  await expect(page).toHaveURL(new RegExp(`${FIRST.replace('?', '\\?')}$`));
  expect(await app.currentQuestion()).toBe('work');
  await expect(app.option('io')).toBeChecked();
});

test('the in-app Back returns to the previous step when the browser refused only the last one', async ({ page }) => {
  // The first step goes into the history; from then on the browser refuses.
  await page.addInitScript(() => {
    const push = History.prototype.pushState;
    let calls = 0;
    History.prototype.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
      calls += 1;
      if (calls > 1) throw new DOMException('Attempt to use history.pushState() too often', 'SecurityError');
      return push.apply(this, args);
    };
  });
  const app = new WizardPage(page);
  await openApp(page, FIRST);
  await app.answerByMouse('io');
  await app.answerByMouse('one');
  const third = await app.currentQuestion();
  expect(third).not.toBe('scale');
  await app.backButton.click();
  expect(await app.currentQuestion()).toBe('scale');
  await app.backButton.click();
  expect(await app.currentQuestion()).toBe('work');
});

test('a question page has one level-one heading: the question', async ({ page }) => {
  for (const address of [FIRST, `${FIRST}&work=io`]) {
    await openApp(page, address);
    await expect(page.locator('form.pc-question')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    const results = await new AxeBuilder({ page }).withRules(['page-has-heading-one', 'heading-order']).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  }
});

test('the landing promises as many questions as the first step counts', async ({ page }) => {
  const app = new WizardPage(page);
  await openApp(page, '/');
  const landing = await page.locator('.pc-landing__points li').first().innerText();
  await app.start();
  const step = await page.getByTestId('step').innerText();
  const total = /(\d+)\D*$/.exec(step)![1];
  expect(landing.match(/\d+/g), `"${landing}" against "${step}"`).toEqual([total]);
});
