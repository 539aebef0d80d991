// Where a step's time goes: a Chromium trace of question steps and of steps to the result, CPU slowed 4x,
// each step's main-thread time until the first paint after the click split into script (event handlers,
// the app's WebAssembly; the style and layout that script forces are counted as style and layout), style,
// layout and paint, and the time from the click to the end of that paint. The median (with
// min and max) of BENCH_TRACE_STEPS steps of each kind (default 10). Prints a table and writes
// target/bench/step-trace.json. Not a test; the step latency itself is bench/run.mjs's.
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { CHROMIUM_ARGS, round, serve, stats, walkLink } from './common.mjs';

const STEPS = Number(process.env.BENCH_TRACE_STEPS || 10);
const DIST = process.env.BENCH_DIST || 'dist';
const PARTS = { script: ['FunctionCall', 'TimerFire', 'RunMicrotasks', 'EventDispatch'], style: ['UpdateLayoutTree'], layout: ['Layout'], paint: ['Paint', 'PrePaint'] };

/** Traces one click (`act`), returns each part's main-thread ms and the click to the first paint's end. */
async function traced(browser, page, act) {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await act();
  await page.waitForTimeout(500);
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  const click = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
  if (!click) throw new Error('step trace: no click in the trace');
  // Top-level events of the renderer's main thread from the click on (nested ones are not added twice:
  // script events inside another script event are skipped).
  const main = events.filter((e) => e.pid === click.pid && e.tid === click.tid && e.ph === 'X' && e.ts >= click.ts);
  const firstPaint = main.filter((e) => e.name === 'Paint').sort((a, b) => a.ts - b.ts)[0];
  const until = firstPaint ? firstPaint.ts + firstPaint.dur : Infinity;
  const row = { toPaint: firstPaint ? (until - click.ts) / 1000 : NaN };
  const inside = (e, o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur;
  const of = (part) => main.filter((e) => PARTS[part].includes(e.name) && e.ts < until);
  // Outermost events of each part; script events hold the style and layout they force.
  const outer = (part) => of(part).filter((e) => !of(part).some((o) => inside(e, o)));
  const ms = (events) => events.reduce((t, e) => t + e.dur / 1000, 0);
  const scripts = outer('script');
  const forced = ['style', 'layout', 'paint'].flatMap((part) => outer(part).filter((e) => scripts.some((o) => inside(e, o))));
  row.script = ms(scripts) - ms(forced);
  for (const part of ['style', 'layout', 'paint']) row[part] = ms(outer(part));
  return row;
}

const { origin, stop } = await serve(DIST);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const context = await browser.newContext({ serviceWorkers: 'block' });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
const question = [];
const result = [];
// Question steps: the processes walk, answered in order, from its first question.
const walk = new URLSearchParams(walkLink('processes').slice(2));
const schema = walk.get('v');
walk.delete('v');
const answers = [...walk.entries()];
while (question.length < STEPS) {
  await page.goto(`${origin}/?v=${schema}`);
  await page.waitForFunction(() => performance.getEntriesByName('pc-mounted').length > 0);
  await page.waitForTimeout(1000);
  for (const [, value] of answers.slice(0, -1)) {
    if (question.length >= STEPS) break;
    await page.locator(`form.pc-question input[type=radio][value="${value}"]`).check();
    await page.waitForTimeout(200);
    question.push(await traced(browser, page, () => page.locator('form.pc-question button[type="submit"]').click()));
  }
}
// Steps to the result: Back from it, then Continue again.
await page.goto(origin + walkLink('processes'));
await page.getByTestId('model-name').waitFor();
while (result.length < STEPS) {
  await page.getByRole('button', { name: 'Back', exact: true }).first().click();
  await page.locator('form.pc-question').waitFor();
  await page.waitForTimeout(300);
  result.push(await traced(browser, page, () => page.locator('form.pc-question button[type="submit"]').click()));
  await page.getByTestId('model-name').waitFor();
}
await browser.close();
stop();

const summary = (rows) => Object.fromEntries(['toPaint', ...Object.keys(PARTS)].map((k) => [k, stats(rows.map((r) => r[k]))]));
const out = { throttle: 4, steps: STEPS, question: summary(question), result: summary(result) };
mkdirSync('target/bench', { recursive: true });
writeFileSync('target/bench/step-trace.json', JSON.stringify(out, null, 2));
const cell = (s) => `${round(s.median)} (${round(s.min)}–${round(s.max)})`;
const lines = ['| step, CPU ×4 (traced) | click → first paint ends | script | style | layout | paint |', '| --- | --- | --- | --- | --- | --- |'];
for (const kind of ['question', 'result']) {
  const s = out[kind];
  lines.push(`| ${kind} (${STEPS}) | ${cell(s.toPaint)} | ${cell(s.script)} | ${cell(s.style)} | ${cell(s.layout)} | ${cell(s.paint)} |`);
}
console.log(lines.join('\n'));
