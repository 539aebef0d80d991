import { expect, test } from '@playwright/test';
import { walkTo } from './walks';
import { WizardPage } from './wizard-page';

// Records CSP violations from the first script on, in every page of the test.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
});

test('the page carries a strict CSP built for this build', async ({ page, request }) => {
  const html = await (await request.get('/')).text();
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toMatch(/'unsafe-eval'/);
  await page.goto('/');
  // The app, not the static first screen (which holds each heading once per language).
  await page.waitForFunction(() => performance.getEntriesByName('pc-mounted').length > 0);
  await expect(page.locator('main h1')).toBeVisible();
});

test('a full walk, share and export: no CSP violation, nothing leaves the origin, no cookies', async ({ browser }) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  // The context's requests include the service worker's own (it precaches the build on the first visit).
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const app = new WizardPage(page);
  await app.open();
  await app.start();
  await app.walk(walkTo('processes').answers, 'keyboard');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status')).toHaveText('Link copied.');
  for (const name of ['Download .py', 'Download report (.md)']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.(py|md)$/);
  }
  await page.getByRole('button', { name: '简体中文' }).click();
  await page.locator('.pc-check input[type=checkbox]').first().check();

  const origin = new URL(page.url()).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  expect(foreign).toEqual([]);
  expect(requests.length).toBeGreaterThan(3);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL)).toBe(`${origin}/sw.js`);
  console.log(`requests observed in a full walk, share and export: ${requests.length}, all to ${origin}`);
  expect(await context.cookies()).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  await context.close();
});

test('hostile links run no payload with the CSP on', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  for (const payload of ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '<svg onload=alert(1)>']) {
    await page.goto(`/?v=1&work=io&${encodeURIComponent(payload)}=${encodeURIComponent(payload)}`);
    await expect(page.getByTestId('link-notice')).toContainText(payload.slice(0, 20));
    expect(await page.locator('main img, main svg[onload], main script').count()).toBe(0);
  }
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
});

test('corrupt or unavailable storage falls back to defaults and keeps the answers in the address', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('pyconc.lang', '{"broken": ');
    localStorage.setItem('pyconc.theme', 'purple');
    localStorage.setItem('pyconc.last', '%%%&&&=');
    localStorage.setItem('pyconc.check.asyncio:v=1', '\u0000,,{]');
  });
  await page.goto(`/?v=1&work=io&scale=one`);
  expect(await new WizardPage(page).currentQuestion()).toBe('where');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', 'purple');

  // Storage that throws on every call (disabled, or full): the app still works.
  await page.addInitScript(() => {
    const fail = () => { throw new DOMException('denied', 'SecurityError'); };
    Object.defineProperty(window, 'localStorage', { get: fail });
  });
  await page.goto(`/?v=1&work=io&scale=one`);
  const app = new WizardPage(page);
  expect(await app.currentQuestion()).toBe('where');
  await app.answerByMouse('script');
  expect(await app.currentQuestion()).toBe('py');
});

test('a browser that refuses to change its history still moves through the steps', async ({ page }) => {
  // Safari throws a SecurityError from history.pushState past 100 calls in 30 seconds.
  await page.addInitScript(() => {
    History.prototype.pushState = () => {
      throw new DOMException('Attempt to use history.pushState() more than 100 times per 30 seconds', 'SecurityError');
    };
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByRole('button', { name: /^(Start|开始)$/ }).click();
  await expect(page.locator('form.pc-question')).toBeVisible();
  await expect(page.locator('#pc-panic')).toHaveCount(0);
  expect(errors).toEqual([]);
});
