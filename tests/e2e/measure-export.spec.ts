import { expect, test, type Page } from '@playwright/test';
import Ajv from 'ajv';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEMA } from './schema';
import { query, walkTo } from './walks';

// The exports for tools: from a result, the JSON (validated with Ajv against the schema the site serves)
// and measure.py (run on a CPython of the venvs; the link it prints opens the wizard on the same answers
// and the model it names); and llms.txt at the site root.

/** A CPython 3.12 of the test venvs (scripts/setup-python.sh), else the machine's python3. */
function python(): string {
  const root = join(homedir(), '.cache/pyconc');
  const venv = existsSync(root) ? readdirSync(root).find((d) => /^venv-[0-9a-f]+-py3\.12$/.test(d)) : undefined;
  return venv ? join(root, venv, 'bin/python') : 'python3';
}

/** Clicks the button named `name` and returns the downloaded file's name and text. */
async function download(page: Page, name: string | RegExp): Promise<{ file: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { file: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

/** The answers of a query string, without the version and the language. */
function answersOf(search: string): Record<string, string> {
  const params = new URLSearchParams(search);
  params.delete('v');
  params.delete('lang');
  return Object.fromEntries(params);
}

async function validator(page: Page) {
  const response = await page.request.get('/public/result.schema.json');
  expect(response.status()).toBe(200);
  return new Ajv({ allErrors: true, strict: true }).compile(await response.json());
}

async function openResult(page: Page, model: string, extra = '') {
  const walk = walkTo(model);
  await page.goto(`/?${query(walk.answers)}${extra}`);
  // The result waits for the language pack and the result chunk: slow on a busy machine.
  await expect(page.getByTestId('model-name')).toBeVisible({ timeout: 30_000 });
  return walk;
}

test('the JSON of a result validates against the served schema and says what the page says', async ({ page }) => {
  test.setTimeout(60_000);
  const walk = await openResult(page, 'processes');
  const validate = await validator(page);
  const { file, text } = await download(page, 'Download result (.json)');
  expect(file).toBe('processes-result.json');
  const result = JSON.parse(text);
  expect(validate(result), JSON.stringify(validate.errors, null, 2)).toBe(true);
  expect(result.schema).toBe(1);
  expect(result.lang).toBe('en');
  expect(result.model.id).toBe('processes');
  await expect(page.getByTestId('model-name')).toHaveText(result.model.name);
  expect(answersOf(new URL(result.link).search)).toEqual(walk.answers);
  expect(result.answers.map((a: { question: string }) => a.question)).toEqual(Object.keys(walk.answers));
  // The checklist on the page is the JSON's.
  await expect(page.locator('.pc-check')).toHaveCount(result.pitfalls.length);
  // The same schema rejects a broken copy: the check above can fail.
  expect(validate({ ...result, model: { ...result.model, score: 'high' } })).toBe(false);
  expect(validate({ ...result, pitfalls: undefined })).toBe(false);
});

test('the JSON of a Chinese page has Chinese texts and the same ids', async ({ page }) => {
  test.setTimeout(60_000);
  await openResult(page, 'asyncio', '&lang=zh');
  const validate = await validator(page);
  const result = JSON.parse((await download(page, '下载结果（.json）')).text);
  expect(validate(result), JSON.stringify(validate.errors, null, 2)).toBe(true);
  expect(result.lang).toBe('zh');
  expect(result.model.id).toBe('asyncio');
  expect(result.reasons[0].text).toMatch(/[\u4e00-\u9fff]/);
});

test('measure.py from a result runs, and the link it prints opens the wizard on its answers', async ({ page }) => {
  test.setTimeout(120_000);
  const walk = await openResult(page, 'processes');
  const { file, text } = await download(page, 'Download measure.py');
  expect(file).toBe('measure.py');
  const dir = mkdtempSync(join(tmpdir(), 'pyconc-measure-'));
  writeFileSync(join(dir, 'measure.py'), text);
  // The script's own example work (a pure-Python loop), within the smallest budget it takes.
  const out = execFileSync(python(), ['measure.py', '--budget', '2'], { cwd: dir, encoding: 'utf8', timeout: 90_000 });
  console.log(out);
  expect(out).toMatch(/^Verdict: /m);
  const link = /Open the wizard on what you measured: (\S+)/.exec(out)?.[1];
  expect(link, 'the printed link').toBeTruthy();
  const url = new URL(link!);
  // The link is the page's own address with the measured answers in place of some of the page's.
  expect(`${url.origin}${url.pathname}`).toBe(new URL(page.url()).origin + '/');
  expect(url.searchParams.get('v')).toBe(String(SCHEMA));
  const measured = answersOf(url.search);
  expect(measured.scale).toBe(walk.answers.scale);
  expect(measured.py).toMatch(/^3\.\d+$/);
  const named = /The measured answers give (?:the same model: (.+)\.|a different model: (.+) instead of)/.exec(out);
  expect(named, 'the script names the model the measured answers give').toBeTruthy();

  // Round trip: the wizard reads every answer of the link (no notice, nothing dropped) and shows the model
  // the script named.
  await page.goto(`${url.pathname}${url.search}`);
  await expect(page.getByTestId('model-name')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('model-name')).toHaveText(named![1] ?? named![2]);
  await expect(page.getByTestId('link-notice')).toHaveCount(0);
  const shown = await page.evaluate(() => new Promise<string>((resolve) => {
    requestAnimationFrame(() => setTimeout(() => setTimeout(() => resolve(location.search), 0), 0));
  }));
  expect(answersOf(shown)).toEqual(measured);
});

test('llms.txt is served at the site root and names the link format and the schema', async ({ request }) => {
  const response = await request.get('/llms.txt');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/plain/);
  const text = await response.text();
  expect(text).toMatch(/^# Which Python concurrency model\?/);
  expect(text).toContain(`\`./?v=${SCHEMA}&`);
  expect(text).toContain('./public/result.schema.json');
  for (const [q, a] of Object.entries(walkTo('processes').answers)) expect(text).toContain(`- \`${q}=${a}\`: `);
  expect((await request.get('/public/result.schema.json')).status()).toBe(200);
});
