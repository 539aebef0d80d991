import { expect, test, type Page } from '@playwright/test';
import { query, walkTo } from './walks';
import { WizardPage } from './wizard-page';

// What a page says when a part of the app cannot be had, by what went wrong (src/ui/chunk.rs,
// src/initializer.js, the chunk loader scripts/split-wasm.mjs extends): only a failed request blames the
// connection; a file the host no longer has says the guide was updated and offers Reload; another answer
// says so and offers Reload and Try again. And a host that sends the chunks as application/octet-stream
// (no streaming compilation) still gets them compiled.

// Without the service worker, whose fetches would not meet the routes below.
test.use({ serviceWorkers: 'block' });

const RESULT_CHUNK = '**/*-result_page-*.wasm';
const ASYNCIO = query(walkTo('asyncio').answers);

/** Opens the asyncio result link with the result chunk answered by `fulfil`; returns the notice. */
async function resultWith(page: Page, fulfil: Parameters<Page['route']>[1]) {
  await page.route(RESULT_CHUNK, fulfil);
  await new WizardPage(page).open(ASYNCIO);
  return page.getByTestId('chunk-failed');
}

test('a chunk sent as application/octet-stream is compiled from its bytes', async ({ page }) => {
  const types: string[] = [];
  await page.route('**/*.wasm', async (route) => {
    const response = await route.fetch();
    types.push(`${new URL(route.request().url()).pathname} ${response.headers()['content-type']}`);
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  const wizard = new WizardPage(page);
  await wizard.open(ASYNCIO);
  expect(await wizard.model()).toBe('asyncio');
  await page.getByTestId('code-check-open').click();
  await expect(page.locator('#code-check-input')).toBeVisible();
  await expect(page.getByTestId('chunk-failed')).toHaveCount(0);
  expect(types.some((t) => /-result_page-/.test(t)), types.join('\n')).toBe(true);
  // The panel's worker may still be on its way through the route when the test ends.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('a chunk the host no longer has (404): the guide was updated, Reload loads it again at the same address', async ({ page }) => {
  const notice = await resultWith(page, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
  await expect(notice).toHaveAttribute('data-why', 'gone');
  await expect(notice).toContainText('updated');
  await expect(notice).not.toContainText('connection');
  await expect(notice.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await page.unroute(RESULT_CHUNK);
  const address = page.url();
  const reloaded = page.waitForEvent('load');
  await notice.getByRole('button', { name: 'Reload' }).click();
  await reloaded;
  expect(page.url()).toBe(address);
  expect(await new WizardPage(page).model()).toBe('asyncio');
});

test('a host that answers with a page where the chunk was: the guide was updated', async ({ page }) => {
  const notice = await resultWith(page, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><p>app</p>' }));
  await expect(notice).toHaveAttribute('data-why', 'gone');
  await expect(notice).not.toContainText('connection');
});

test('a chunk the host refuses (403): said so, with Reload and Try again, which works once it serves it', async ({ page }) => {
  const notice = await resultWith(page, (route) => route.fulfill({ status: 403, contentType: 'text/plain', body: 'forbidden' }));
  await expect(notice).toHaveAttribute('data-why', 'refused');
  await expect(notice).not.toContainText('connection');
  await expect(notice.getByRole('button', { name: 'Reload' })).toBeVisible();
  await page.unroute(RESULT_CHUNK);
  await notice.getByRole('button', { name: 'Try again' }).click();
  expect(await new WizardPage(page).model()).toBe('asyncio');
});

test('a failed request for a chunk (offline): the connection, and Try again', async ({ page }) => {
  const notice = await resultWith(page, (route) => route.abort('internetdisconnected'));
  await expect(notice).toHaveAttribute('data-why', 'offline');
  await expect(notice).toContainText('connection');
  await expect(notice.getByRole('button', { name: 'Reload' })).toHaveCount(0);
});

test('the app\'s code gone from the host (a page from a cache): the panel says the guide was updated, and reloads', async ({ page }) => {
  await page.route('**/*_bg.wasm', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
  await page.goto(`/?${ASYNCIO}`);
  const panel = page.locator('#pc-load-error');
  await expect(panel).toContainText('updated');
  await expect(panel).not.toContainText('connection');
  await page.unroute('**/*_bg.wasm');
  await panel.getByRole('link', { name: 'Reload' }).click();
  expect(await new WizardPage(page).model()).toBe('asyncio');
});
