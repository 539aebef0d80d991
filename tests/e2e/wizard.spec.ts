import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { WALKS, query, walkTo } from './walks';
import { WizardPage } from './wizard-page';

for (const [i, walk] of WALKS.entries()) {
  const how = i % 2 === 0 ? 'keyboard' : 'mouse';
  test(`walk by ${how}: ${walk.name} -> ${walk.model}`, async ({ page }) => {
    const app = new WizardPage(page);
    await app.open();
    if (how === 'keyboard') {
      // From the landing to the result with no mouse event: Tab to Start, Enter, then keys only.
      await app.tabTo(page.getByRole('button', { name: /^Start$/ }), 'Tab', 15);
      await page.keyboard.press('Enter');
    } else {
      await app.start();
    }
    const asked = await app.walk(walk.answers, how);
    expect(asked.sort()).toEqual(Object.keys(walk.answers).sort());
    expect(await app.model()).toBe(walk.model);
    await expect(page).toHaveURL(new RegExp(`\\?${query(walk.answers).replace(/\./g, '\\.')}`.replace('?', '\\?')));
    await expect(page).toHaveTitle(/Your recommendation/);
  });
}

test('keyboard only: from the landing to a downloaded template, and an edit from the summary, focus never lost', async ({ page }) => {
  // Any real mouse or pointer event on the page is recorded; the walk must make none.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __mouse: string[] }).__mouse = seen;
    for (const type of ['mousedown', 'mouseup', 'mousemove', 'pointerdown', 'pointerup', 'wheel', 'contextmenu']) {
      window.addEventListener(type, (e) => { if (e.isTrusted) seen.push(type); }, true);
    }
  });
  const app = new WizardPage(page);
  const walk = walkTo('processes');
  await app.open();
  await app.tabTo(page.getByRole('button', { name: /^Start$/ }), 'Tab', 15);
  await page.keyboard.press('Enter');
  await app.expectFocusKept();
  await app.walk(walk.answers, 'keyboard'); // checks the focus after every step change
  expect(await app.model()).toBe('processes');
  await app.expectFocusKept();

  // Export the template: Tab to the button, Enter.
  await app.tabTo(page.getByRole('button', { name: 'Download .py' }));
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe('processes.py');
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('# Which Python concurrency model? — ')).toBe(true);
  expect(text).toContain(`# Link: http`);
  await app.expectFocusKept();

  // Edit an answer from the summary: Tab to its "Change" button, Space; the question comes back focused.
  await app.tabTo(app.summary.getByRole('button', { name: /Change.*On failure/ }));
  await page.keyboard.press(' ');
  expect(await app.currentQuestion()).toBe('fail');
  await app.expectFocusKept();
  await expect(app.option('fast')).toBeChecked();
  await app.answerByKeyboard('all');
  expect(await app.model()).toBe('processes');
  expect((await app.address()).searchParams.get('fail')).toBe('all');
  await expectResultAsFresh(page);

  // The in-app Back: the result of the address before the edit, not the edited one kept on screen.
  await app.tabTo(page.getByRole('article').getByRole('button', { name: /^Back$/ }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/fail=fast/);
  await expectResultAsFresh(page);
  await app.expectFocusKept();

  expect(await page.evaluate(() => (window as unknown as { __mouse: string[] }).__mouse)).toEqual([]);
});

/** The result on screen is the one a fresh load of its address shows: model, trail, checklist, template. */
async function expectResultAsFresh(page: Page): Promise<void> {
  const parts = (p: Page) => p.evaluate(() => ['article.pc-result', '.pc-trail', '.pc-checklist', 'section[aria-labelledby=template-title] pre']
    .map((s) => { const el = document.querySelector(s); return el ? `${s}: ${el.getAttribute('data-model') ?? ''} ${el.textContent}` : `${s}: none`; }));
  const fresh = new WizardPage(await page.context().newPage());
  await fresh.open((await new WizardPage(page).address()).search.slice(1));
  await expect(fresh.page.locator('.pc-checklist')).toBeVisible();
  const expected = await parts(fresh.page);
  await fresh.page.close();
  await expect(page.locator('.pc-checklist')).toBeVisible();
  expect(await parts(page)).toEqual(expected);
}

test('Back and the browser Back both return to the previous question with its answer kept', async ({ page }) => {
  const app = new WizardPage(page);
  await app.begin('io', 'one');
  expect(await app.currentQuestion()).toBe('where');

  await app.backButton.click();
  expect(await app.currentQuestion()).toBe('scale');
  await expect(app.option('one')).toBeChecked();

  await app.continueButton.click();
  expect(await app.currentQuestion()).toBe('where');
  // As a person would: Back once the step is there, history entry included (written after its paint).
  await app.address();
  await page.goBack();
  expect(await app.currentQuestion()).toBe('scale');
  await expect(app.option('one')).toBeChecked();
  await page.goBack();
  expect(await app.currentQuestion()).toBe('work');
  await expect(app.option('io')).toBeChecked();
  await page.goForward();
  expect(await app.currentQuestion()).toBe('scale');
});

test('a browser Back pressed before the step has written its history entry leaves the screen and the address agreeing', async ({ page }) => {
  const app = new WizardPage(page);
  await app.begin('io');
  expect(await app.currentQuestion()).toBe('scale');
  await app.option('one').check();
  // Continue, and Back in the same task: the step is on screen, its history entry not yet written.
  await page.evaluate(() => {
    (document.querySelector('button[type=submit]') as HTMLButtonElement).click();
    history.back();
  });
  // Whatever the browser did first, the page then shows what its address holds: the same address
  // opened afresh shows the same question.
  await expect.poll(() => page.evaluate(() => document.querySelector('[data-question]')?.getAttribute('data-question'))).not.toBe('where');
  const shown = await app.currentQuestion();
  const address = await app.address();
  const fresh = new WizardPage(await page.context().newPage());
  await fresh.open(address.search.slice(1));
  expect(await fresh.currentQuestion(), `screen "${shown}" at ${address.search}`).toBe(shown);
});

test('editing an answer drops the answers that no longer apply and keeps the rest', async ({ page }) => {
  const app = new WizardPage(page);
  const walk = walkTo('asyncio');
  await app.open(query(walk.answers));
  expect(await app.model()).toBe('asyncio');

  // Change "where the time goes" from I/O to pure-Python CPU: the I/O questions no longer apply.
  await app.summary.getByRole('button', { name: /Change.*Workload/ }).click();
  expect(await app.currentQuestion()).toBe('work');
  await expect(app.option('io')).toBeChecked();
  await app.answerByMouse('cpu');

  // It continues from the first question still open, keeping answers that still apply.
  expect(await app.currentQuestion()).toBe('os');
  const url = await app.address();
  expect(url.searchParams.get('work')).toBe('cpu');
  expect(url.searchParams.get('py')).toBe('3.12');
  expect(url.searchParams.get('cancel')).toBe('yes');
  for (const dropped of ['io', 'conc', 'libs', 'http', 'lat']) expect(url.searchParams.has(dropped)).toBe(false);
  await expect(app.summary).not.toContainText('Concurrency');
});

test('switching the language mid-flow changes every text and keeps the answers', async ({ page }) => {
  const app = new WizardPage(page);
  await app.begin('io', 'one');
  const before = page.url();
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(app.heading).toHaveText(/[\u4e00-\u9fff]/);
  await expect(app.heading).not.toHaveText('Where does the code run?');
  await expect(page.getByRole('button', { name: '继续' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(app.summary).toContainText(/[\u4e00-\u9fff]/);
  const url = await app.address();
  expect(url.searchParams.get('work')).toBe('io');
  expect(url.searchParams.get('lang')).toBe('zh');
  expect(before).not.toContain('lang=');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(app.heading).toHaveText('Where does the code run?');
});

test('the checklist state survives a reload', async ({ page }) => {
  const app = new WizardPage(page);
  await app.open(query(walkTo('asyncio').answers));
  const boxes = page.locator('.pc-checklist input[type=checkbox]');
  await boxes.nth(0).check();
  await boxes.nth(2).check();
  await expect(page.getByTestId('checked-count')).toHaveText(/^2 of \d+ checked$/);
  await page.reload();
  await expect(page.getByTestId('checked-count')).toHaveText(/^2 of \d+ checked$/);
  await expect(boxes.nth(0)).toBeChecked();
  await expect(boxes.nth(1)).not.toBeChecked();
  await expect(boxes.nth(2)).toBeChecked();
});

test('"I\'m not sure" shows how to find out, and the result says what to measure', async ({ page }) => {
  const app = new WizardPage(page);
  await app.open();
  await app.start();
  await app.option('unsure').check();
  await expect(page.getByRole('note')).toContainText(/time|cProfile|py-spy/);
  await app.continueButton.click();
  await app.walk({ scale: 'one', where: 'script', py: '3.11', os: 'linux', cores: '2-4', task: 'short', data: 'small', input: 'list', state: 'none', cancel: 'no', fail: 'all' });
  expect(await app.model()).toBe('sequential');
  await expect(page.getByRole('heading', { name: 'Measure first' })).toBeVisible();
});

test('an alternative\'s template can be shown and the recommended one restored', async ({ page }) => {
  const app = new WizardPage(page);
  await app.open(query(walkTo('asyncio').answers));
  const code = page.locator('pre code');
  await expect(code).toContainText('asyncio');
  const processes = page.locator('.pc-alt', { hasText: 'ProcessPoolExecutor' }).first();
  await processes.getByRole('button', { name: 'Show its template' }).click();
  await expect(code).toContainText('ProcessPoolExecutor');
  await page.getByRole('button', { name: 'Back to the recommended template' }).click();
  await expect(code).not.toContainText('ProcessPoolExecutor(');
});
