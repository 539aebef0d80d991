import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

// The parts of the result that make the advice checkable: how the model plugs into the host, a close
// call shown with its runner-up and what separates them, and what would change the answer.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// 3.14, standard build, pure-Python CPU work on macOS: the interpreter pool wins by one point over the
// process pool (spawn makes processes costly to start), so the result is a close call.
const CLOSE_CALL =
  '/?v=2&work=cpu&scale=one&where=script&py=3.14&total=slow&gil=std&subint=none&os=mac&cores=5-16&task=short&data=small&shared=no&input=list&state=none&crash=no&cancel=no&fail=all';
// Pure-Python CPU work inside FastAPI: a process pool created in the app's lifespan.
const ASYNC_WEB_CPU =
  '/?v=2&work=cpu&scale=one&where=aweb&py=3.12&os=linux&cores=5-16&task=short&data=small&shared=no&input=list&state=none&crash=no&cancel=no&fail=fast';

const WORDS = {
  en: { close: 'A close call', host: 'How it plugs into your code', change: 'What would change my answer', would: 'you would get', lifespan: 'lifespan' },
  zh: { close: '难分高下', host: '如何接入你的代码', change: '改哪个回答会换一个推荐', would: '推荐', lifespan: 'lifespan' },
} as const;

for (const lang of ['en', 'zh'] as const) {
  const w = WORDS[lang];

  test(`close call, host integration and what would change (${lang})`, async ({ page }) => {
    await page.goto(`${CLOSE_CALL}&lang=${lang}`);
    await expect(page.getByTestId('model-name')).toBeVisible();
    const close = page.getByTestId('close-call');
    await expect(close.getByRole('heading', { name: w.close })).toBeVisible();
    // The runner-up is named, with at least one answer that separates the two.
    await expect(close.locator('li').first()).toBeVisible();
    // Its template is one click away.
    await close.getByRole('button').click();
    await expect(page.locator('.pc-note').filter({ has: page.locator('button.pc-link-button') })).toBeVisible();

    await expect(page.getByTestId('host-integration').getByRole('heading', { name: w.host })).toBeVisible();
    await expect(page.getByTestId('host-integration').locator('ol li')).not.toHaveCount(0);

    const change = page.getByTestId('what-would-change');
    await change.locator('summary').click();
    const items = change.locator('li');
    await expect(items.first()).toBeVisible();
    await expect(items.first()).toContainText(w.would);
  });

  test(`an async web app gets its pool in the lifespan (${lang})`, async ({ page }) => {
    await page.goto(`${ASYNC_WEB_CPU}&lang=${lang}`);
    await expect(page.getByTestId('model-name')).toBeVisible();
    await expect(page.getByTestId('host-integration')).toContainText(w.lifespan);
    await expect(page.getByTestId('close-call')).toHaveCount(0);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe: close call with what would change open (${lang}, ${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${CLOSE_CALL}&lang=${lang}`);
      await expect(page.getByTestId('close-call')).toBeVisible();
      await page.getByTestId('what-would-change').locator('summary').click();
      await expect(page.getByTestId('what-would-change').locator('li').first()).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      expect(summary, 'axe violations').toEqual([]);
    });
  }
}
