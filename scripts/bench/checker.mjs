// The code checker's part of the benchmark (scripts/bench.sh): what its worker module weighs, and how fast
// it answers, in headless Chromium against the release build served with gzip and brotli on 127.0.0.1.
//   - size: the worker's files (checker-worker_bg.wasm, checker-worker.js, the loader), raw, gzip -9 and
//     brotli 11 as the static server sends them; none of them is part of the first load;
//   - first result: on a result page in a fresh browser context (no HTTP cache, no service worker), from
//     the click that opens "Check your code" to the first finding on screen, the code pasted and Check
//     clicked at once (so the time is the worker's download, compilation and first check), after one
//     untimed run that lets the server compress the files;
//   - 1,000 lines: the worker's round trip (postMessage to answer) on a 1,000-line program made of whole
//     corpus snippets that parse as plain Python (checker/tests/corpus, as check-timing builds it),
//     and the same check through the panel, from the click on Check to the findings on screen.
// Each timed figure is the median of BENCH_RUNS runs (default 10), with min and max. Writes
// target/bench/checker.json and target/bench/checker.md and prints the table.
//   BENCH_RUNS=10, BENCH_DIST=dist (the build to serve).
import { chromium } from '@playwright/test';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS, serve, sizes, stats, walkLink } from './common.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 10);
const DIST = process.env.BENCH_DIST || 'dist';
const OUT = 'target/bench';
const FILES = ['checker-worker_bg.wasm', 'checker-worker.js', 'public/checker-worker-loader.js'];
// The asyncio result of the browser tests' walks: a page with the panel and a checklist.
const RESULT = walkLink('asyncio');
const SLEEPY = 'import asyncio\nimport time\n\n\nasync def fetch(i):\n    time.sleep(0.1)\n    return i\n\n\nasync def main():\n    return await asyncio.gather(*(fetch(i) for i in range(3)))\n\n\nasyncio.run(main())\n';

const ms = (x) => `${x.toFixed(1)} ms`;

/** Opens the result page in a fresh context and waits until its checklist texts are in. */
async function resultPage(browser, origin) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${origin}${RESULT}`);
  await page.locator('.pc-check').first().waitFor();
  await page.getByTestId('code-check-open').waitFor();
  return { context, page };
}

/** In the page: opens the panel, pastes `code`, clicks Check, and resolves with the ms until a finding shows. */
function firstResult(code) {
  return new Promise((resolve) => {
    const started = performance.now();
    document.querySelector('[data-testid="code-check-open"]').click();
    const paste = () => {
      const area = document.querySelector('#code-check-input');
      if (!area) return requestAnimationFrame(paste);
      area.value = code;
      area.dispatchEvent(new Event('input', { bubbles: true }));
      document.querySelector('[data-testid="code-check-run"]').click();
      const done = () => (document.querySelector('.pc-finding') ? resolve(performance.now() - started) : requestAnimationFrame(done));
      done();
    };
    paste();
  });
}

/** In the page: checks `code` through the open panel, resolves with the ms until the new result shows. */
function panelCheck(code) {
  return new Promise((resolve) => {
    const area = document.querySelector('#code-check-input');
    area.value = code;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    // The result is a new list; mark the old one to tell them apart.
    const old = document.querySelector('.pc-findings');
    if (old) old.dataset.old = '1';
    const started = performance.now();
    document.querySelector('[data-testid="code-check-run"]').click();
    const done = () => {
      const list = document.querySelector('.pc-findings');
      if (list && !list.dataset.old) resolve(performance.now() - started); else requestAnimationFrame(done);
    };
    done();
  });
}

/** In the page: a worker of its own; the program from `snippets`, and `runs` round trips on it. */
async function workerRuns({ snippets, lines, runs }) {
  const worker = new Worker('/public/checker-worker-loader.js');
  const next = () => new Promise((resolve) => worker.addEventListener('message', (e) => resolve(e.data), { once: true }));
  const ready = await next();
  if (ready !== 'ready') throw new Error(`worker: ${ready}`);
  const ask = async (text) => { worker.postMessage(text); return next(); };
  // Whole snippets that parse as plain Python, as many as fit, then comment lines (check-timing's recipe).
  const out = [];
  const plain = [];
  for (const s of snippets) {
    const reply = await ask(s);
    if (!/^[EX]\t/m.test(reply)) plain.push(s);
  }
  fill: for (;;) {
    for (const s of plain) {
      const ls = s.replace(/\n$/, '').split('\n');
      if (out.length + ls.length > lines) break fill;
      out.push(...ls);
    }
  }
  while (out.length < lines) out.push('# (padding)');
  const program = out.join('\n') + '\n';
  const report = await ask(program);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await ask(program);
    times.push(performance.now() - started);
  }
  worker.terminate();
  return {
    program,
    bytes: new TextEncoder().encode(program).length,
    findings: (report.match(/^F\t/gm) || []).length,
    errors: (report.match(/^[EX]\t/gm) || []).length,
    times,
  };
}

const corpusDir = 'checker/tests/corpus';
const snippets = readdirSync(corpusDir).filter((f) => f.endsWith('.py')).sort().map((f) => readFileSync(join(corpusDir, f), 'utf8'));

mkdirSync(OUT, { recursive: true });
const files = FILES.map((f) => ({ file: f, ...sizes(join(DIST, f)) }));
const total = ['raw', 'gzip', 'brotli'].reduce((t, k) => ({ ...t, [k]: files.reduce((s, f) => s + f[k], 0) }), {});

const { origin, stop } = await serve(DIST);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const result = { date: new Date().toISOString(), runs: RUNS, files, total };
try {
  console.error('bench checker: first result');
  // One untimed run first: the server compresses each file on its first request.
  {
    const { context, page } = await resultPage(browser, origin);
    await page.evaluate(firstResult, SLEEPY);
    await context.close();
  }
  const first = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await resultPage(browser, origin);
    first.push(await page.evaluate(firstResult, SLEEPY));
    await context.close();
  }
  result.firstResult = stats(first);

  console.error('bench checker: 1,000 lines');
  const { context, page } = await resultPage(browser, origin);
  const w = await page.evaluate(workerRuns, { snippets, lines: 1000, runs: RUNS });
  result.program = { lines: 1000, bytes: w.bytes, findings: w.findings, syntaxErrors: w.errors };
  result.workerCheck = stats(w.times);
  await page.evaluate(firstResult, SLEEPY);
  const panel = [];
  for (let i = 0; i < RUNS; i++) panel.push(await page.evaluate(panelCheck, w.program));
  result.panelCheck = stats(panel);
  await context.close();
} finally {
  await browser.close();
  stop();
}

const row = (name, s) => `| ${name} | ${ms(s.median)} (${ms(s.min)}–${ms(s.max)}) |`;
const md = [
  '## Code checker',
  '',
  '| file | raw | gzip | brotli |', '| --- | --- | --- | --- |',
  ...files.map((f) => `| ${f.file} | ${f.raw} B | ${f.gzip} B | ${f.brotli} B |`),
  `| **total** (none in the first load) | ${total.raw} B | ${total.gzip} B | ${total.brotli} B |`,
  '',
  `| measure (${RUNS} runs) | median (min–max) |`, '| --- | --- |',
  row('open the panel → first finding on screen (cold: download, compile, check)', result.firstResult),
  row(`1,000-line program: worker round trip (${result.program.bytes} B, ${result.program.findings} findings)`, result.workerCheck),
  row('1,000-line program: Check → findings on screen', result.panelCheck),
  '',
].join('\n');
writeFileSync(join(OUT, 'checker.json'), JSON.stringify(result, null, 2));
writeFileSync(join(OUT, 'checker.md'), md);
console.log(md);
if (result.program.syntaxErrors) console.error(`bench checker: the 1,000-line program has ${result.program.syntaxErrors} syntax errors`);
