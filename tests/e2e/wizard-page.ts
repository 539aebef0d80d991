import { expect, type Locator, type Page } from '@playwright/test';

/** Answers by question id, as in share links: { work: 'io', py: '3.12' }. */
export type Answers = Record<string, string>;

/** The app as a user sees it: landing, question steps, result. */
export class WizardPage {
  constructor(readonly page: Page) {}

  get question(): Locator { return this.page.locator('form.pc-question'); }
  get heading(): Locator { return this.page.getByRole('heading', { level: 1 }).first(); }
  get continueButton(): Locator { return this.page.getByRole('button', { name: /^(Continue|继续)$/ }); }
  get backButton(): Locator { return this.question.getByRole('button', { name: /^(Back|上一步|Cancel|取消)$/ }); }
  get modelName(): Locator { return this.page.getByTestId('model-name'); }
  get summary(): Locator { return this.page.getByRole('navigation', { name: /Your answers|你的回答/ }); }

  /** Opens the app at `query` and waits for it to take over from the static first screen. */
  async open(query = ''): Promise<void> {
    await this.page.goto(query ? `/?${query}` : '/');
    await this.page.waitForFunction(() => performance.getEntriesByName('pc-mounted').length > 0);
    await expect(this.page.locator('main')).toBeVisible();
  }

  async start(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Start|开始)$/ }).click();
    await expect(this.question).toBeVisible();
  }

  /** Opens the landing, starts the wizard and answers the first questions with `ids`, by mouse. */
  async begin(...ids: string[]): Promise<void> {
    await this.open();
    await this.start();
    for (const id of ids) await this.answerByMouse(id);
  }

  /** The page's address once the app has written the history entry of the state on screen: it writes it
   *  after the next paint (src/ui/address.rs, `after_next_paint`: a frame, then a zero timeout), so a
   *  test that reads the address right after a step sees the one before. */
  async address(): Promise<URL> {
    const href = await this.page.evaluate(() => new Promise<string>((resolve) => {
      requestAnimationFrame(() => setTimeout(() => setTimeout(() => resolve(location.href), 0), 0));
    }));
    return new URL(href);
  }

  /** The id of the question on screen. */
  async currentQuestion(): Promise<string> {
    await expect(this.question).toBeVisible();
    return (await this.question.getAttribute('data-question')) ?? '';
  }

  /** The radio of an option, by its id. */
  option(id: string): Locator {
    return this.question.getByRole('radio').and(this.page.locator(`[value="${id}"]`));
  }

  /** Answers the question on screen with the mouse. */
  async answerByMouse(id: string): Promise<void> {
    const before = await this.currentQuestion();
    await this.option(id).check();
    await this.continueButton.click();
    await this.waitForStepAfter(before);
  }

  /** Answers the question on screen with the keyboard only: its number key, then Enter. */
  async answerByKeyboard(id: string): Promise<void> {
    const before = await this.currentQuestion();
    const values = await this.question.getByRole('radio').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const index = values.indexOf(id);
    expect(index, `option ${id} of ${before}`).toBeGreaterThanOrEqual(0);
    await this.page.keyboard.press(String(index + 1));
    await expect(this.option(id)).toBeChecked();
    await this.page.keyboard.press('Enter');
    await this.waitForStepAfter(before);
    await this.expectFocusKept();
  }

  /** Presses `key` (Tab, or Shift+Tab) until `target` has the focus; fails after `limit` presses. */
  async tabTo(target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 200): Promise<void> {
    for (let i = 0; i < limit; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await this.page.keyboard.press(key);
    }
    throw new Error(`${key} never reached ${target}`);
  }

  /** Fails when the focus is lost (on the body, or nowhere) once the app has had time to place it. */
  async expectFocusKept(): Promise<void> {
    await expect.poll(() => this.page.evaluate(() => {
      const el = document.activeElement;
      return el && el !== document.body ? el.tagName : 'lost';
    }), { message: 'focus is lost' }).not.toBe('lost');
  }

  private async waitForStepAfter(before: string): Promise<void> {
    await expect.poll(async () => {
      if (await this.modelName.isVisible()) return 'result';
      // Between two screens (the result page's code may still be on its way): not yet.
      if ((await this.question.count()) === 0) return before;
      return (await this.question.getAttribute('data-question')) ?? '';
    }).not.toBe(before);
  }

  /** Answers questions as they come until the result shows; fails on a question the row lacks. */
  async walk(answers: Answers, how: 'mouse' | 'keyboard' = 'mouse'): Promise<string[]> {
    const asked: string[] = [];
    while (!(await this.modelName.isVisible())) {
      const q = await this.currentQuestion();
      const a = answers[q];
      expect(a, `the walk has no answer for question "${q}"`).toBeTruthy();
      asked.push(q);
      if (how === 'keyboard') await this.answerByKeyboard(a); else await this.answerByMouse(a);
    }
    return asked;
  }

  /** The id of the recommended model. */
  async model(): Promise<string> {
    await expect(this.modelName).toBeVisible();
    return (await this.page.locator('article.pc-result').getAttribute('data-model')) ?? '';
  }
}
