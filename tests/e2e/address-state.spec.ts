import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { SCHEMA } from './schema';
import { query, walkTo } from './walks';
import { WizardPage } from './wizard-page';

// The address is the state: whatever way the address changes under a result (a link in the page, the
// browser's Back and Forward, the in-app Back, an edit then Back, a language switch in between), the page
// then shows what a fresh load of the same address shows: heading, trail, host integration, template,
// checklist, share link, the downloaded report and template; on a question, the question and its step.

test.describe.configure({ timeout: 120_000 });

/** asyncio + to_thread on Python 3.11; with Python 3.8 the same answers give ThreadPoolExecutor. */
const TO_THREAD = `v=${SCHEMA}&work=io&scale=one&where=script&py=3.11&total=slow&io=http&conc=few&libs=some&http=aiohttp&input=list&state=none&cancel=no&fail=all`;

/** A FastAPI app calling requests: the checker offers `where=aweb`, `libs=some`. */
const FASTAPI = [
  'import requests',
  'from fastapi import FastAPI',
  '',
  'app = FastAPI()',
  '',
  '',
  '@app.get("/")',
  'async def root():',
  '    return requests.get("https://example.org").json()',
  '',
].join('\n');

type Shown = Record<string, string>;

/** The text of a download a button starts. */
async function downloaded(page: Page, name: RegExp): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return readFileSync((await download.path())!, 'utf8');
}

/** What the page shows, once it shows a result (its whole page) or a question. */
async function shown(page: Page): Promise<Shown> {
  const result = page.locator('article.pc-result');
  const question = page.locator('form.pc-question');
  await expect(result.locator('.pc-checklist').or(question)).toBeVisible({ timeout: 20_000 });
  // textContent: sections below the fold are not rendered (content-visibility), so they have no innerText.
  const text = async (selector: string) => {
    const l = page.locator(selector);
    return (await l.count()) > 0 ? ((await l.first().textContent()) ?? '').replace(/\s+/g, ' ').trim() : '';
  };
  const common = {
    lang: (await page.locator('html').getAttribute('lang')) ?? '',
    title: await page.title(),
    summary: await text('nav.pc-summary'),
  };
  if ((await question.count()) > 0) {
    return {
      ...common,
      question: (await question.getAttribute('data-question')) ?? '',
      heading: await text('#question-title'),
      step: await text('[data-testid=step]'),
      editing: String(await page.locator('.pc-editing').count()),
    };
  }
  return {
    ...common,
    model: (await result.getAttribute('data-model')) ?? '',
    heading: await text('[data-testid=model-name]'),
    head: await text('.pc-result__head'),
    closeCall: await text('[data-testid=close-call]'),
    host: await text('[data-testid=host-integration]'),
    trail: await text('.pc-trail'),
    template: (await page.locator('section[aria-labelledby=template-title] pre').textContent()) ?? '',
    templateTitle: await text('section[aria-labelledby=template-title] figcaption'),
    checklist: await text('.pc-checklist'),
    share: await page.locator('#share-link').inputValue(),
    report: await downloaded(page, /^(Download report \(\.md\)|下载报告（\.md）)$/),
    py: await downloaded(page, /^(Download \.py|下载 \.py)$/),
  };
}

/** The page shows what a fresh load of its address shows (in a new tab of the same browser: the same
 *  stored language and checklist). */
async function expectAsFresh(page: Page, what: string): Promise<void> {
  const address = (await new WizardPage(page).address()).href;
  const tab = await page.context().newPage();
  await tab.goto(address);
  const fresh = await shown(tab);
  await tab.close();
  expect(fresh.heading, `${what}: the fresh page at ${address} shows something`).not.toBe('');
  // The page may still be changing to the new address: it has a few seconds to show the same.
  await expect.poll(() => shown(page), { message: `${what}: the page at ${address} as a fresh load of it`, timeout: 5_000 })
    .toEqual(fresh);
}

/** Changes an answer from the result's summary: "Change", pick, Continue. */
async function edit(app: WizardPage, short: RegExp, option: string): Promise<void> {
  await app.summary.getByRole('button', { name: short }).click();
  await app.option(option).check();
  await app.continueButton.click();
  await expect(app.modelName).toBeVisible();
}

test('the code checker\'s "Start the wizard with these answers" shows the result of those answers', async ({ page }) => {
  const app = new WizardPage(page);
  await app.open(query(walkTo('asyncio').answers));
  expect(await app.model()).toBe('asyncio');
  await page.getByTestId('code-check-open').click();
  await page.locator('#code-check-input').fill(FASTAPI);
  await page.getByTestId('code-check-run').click();
  const link = page.getByTestId('code-check-suggestions').getByRole('link', { name: 'Start the wizard with these answers' });
  await expect(link).toBeVisible({ timeout: 20_000 });
  await link.click();
  await expect(page).toHaveURL(/where=aweb/);
  await expectAsFresh(page, 'after the checker\'s link');
  // And Back to the result it came from.
  await page.goBack();
  await expect(page).toHaveURL(/where=script/);
  await expectAsFresh(page, 'Back from the checker\'s link');
});

test('an edit from a result, then Back, Forward and the in-app Back', async ({ page }) => {
  const app = new WizardPage(page);
  await app.open(TO_THREAD);
  const first = await app.model();
  await edit(app, /Change.*Python/, '3.8');
  await expect(page).toHaveURL(/py=3\.8/);
  expect(await app.model(), 'Python 3.8 changes the result').not.toBe(first);
  await expectAsFresh(page, 'the edited result');
  await page.goBack();
  await expect(page).toHaveURL(/py=3\.11/);
  await expectAsFresh(page, 'browser Back to the first result');
  await page.goForward();
  await expect(page).toHaveURL(/py=3\.8/);
  await expectAsFresh(page, 'browser Forward to the edited result');
  // The in-app Back on a result goes one entry back in the history, as the browser's does.
  await page.getByRole('article').getByRole('button', { name: /^Back$/ }).click();
  await expect(page).toHaveURL(/py=3\.11/);
  await expectAsFresh(page, 'the in-app Back to the first result');
});

test('a language switch between an edit and Back', async ({ page }) => {
  const app = new WizardPage(page);
  await app.open(TO_THREAD);
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page).toHaveURL(/lang=zh/);
  await edit(app, /修改.*Python/, '3.8');
  await expectAsFresh(page, 'the edited result, in Chinese');
  await page.goBack();
  await expect(page).toHaveURL(/py=3\.11/);
  await expectAsFresh(page, 'Back to the first result, in Chinese');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page).toHaveURL(/lang=en/);
  await expectAsFresh(page, 'the first result, switched to English');
  await page.goForward();
  await expect(page).toHaveURL(/py=3\.8/);
  await expectAsFresh(page, 'Forward to the edited result (its entry says Chinese)');
});

test('Back while editing an answer shows the step of the address, and Continue keeps its answers', async ({ page }) => {
  const app = new WizardPage(page);
  // The last question from a link, then the result as a step of its own (a history entry).
  await app.open(TO_THREAD.replace('&fail=all', ''));
  expect(await app.currentQuestion()).toBe('fail');
  await app.answerByMouse('all');
  await expect(page).toHaveURL(/fail=all/);
  await expectAsFresh(page, 'the result');
  // "Change" opens an edit without a history entry; Back goes to the previous entry.
  await app.summary.getByRole('button', { name: /Change.*Workload/ }).click();
  expect(await app.currentQuestion()).toBe('work');
  await page.goBack();
  await expect(page).not.toHaveURL(/fail=all/);
  await expectAsFresh(page, 'Back while editing');
  expect(await app.currentQuestion()).toBe('fail');
  // Continue answers the question on screen on top of the address's answers.
  await app.answerByMouse('all');
  await expect(page).toHaveURL(/fail=all/);
  await expectAsFresh(page, 'Continue after Back');
  // Forward after an edit opened on the result: the next entry's result.
  await app.summary.getByRole('button', { name: /Change.*Workload/ }).click();
  await page.goBack();
  await page.goForward();
  await expect(page).toHaveURL(/fail=all/);
  await expectAsFresh(page, 'Forward while editing');
});
