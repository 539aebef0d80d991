// The benchmark (README: ./scripts/bench.sh). Serves dist/ with gzip and brotli on 127.0.0.1 and measures,
// in headless Chromium: the bytes of the first load and of what loads after it, where the WebAssembly's
// bytes go, cold load to first paint and to the first question being interactive (with and without 4x
// CPU throttling), when the first question is usable (below), step latency over 200+ answers and 200
// result pages (4x throttling), layout shift, Lighthouse (mobile) and, from target/bench/engine.json, the
// engine's evaluations per second. Each timed figure is the median of at least 10 runs, with min and max.
// Writes target/bench/bench.json and target/bench/bench.md and prints the table.
//
// "Usable" is measured from outside, the same way for this app and for any other page (BENCH_PEERS): the
// time from navigation start until the first answer control is visible, enabled and reacts to a real
// click (a trusted click event reaches it; see `usable`). It needs nothing from the page under test,
// unlike "first question interactive", which is the app's own performance mark.
//   BENCH_RUNS=10, BENCH_LIGHTHOUSE=0, BENCH_DIST=dist (the build to serve), CARGO_TARGET_DIR (for the
//   .wasm with names), BENCH_PEERS="url[ selector],…" (more pages to measure "usable" on),
//   BENCH_ONLY=usable,steps,… (only those parts; see the end of this file).
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS, SCHEMA, round, serve, sizes, stats } from './common.mjs';
import { analyse } from './wasm-names.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 10);
const STEPS = 200;
const OUT = 'target/bench';
const DIST = process.env.BENCH_DIST || 'dist';
const TARGET = process.env.CARGO_TARGET_DIR || 'target';
// A fresh first question in this build's link schema.
const FIRST = `/?v=${SCHEMA}`;
// The first answer control of a question page: a radio of a form (ours, and most wizards').
const ANSWER = 'form input[type=radio]';
const BUDGET = JSON.parse(readFileSync('tests/size-budget.json', 'utf8'));
mkdirSync(OUT, { recursive: true });


/** Which files load before the first question is interactive, and which after, on a cold `/?v=1`. */
async function loadSets(browser, origin) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const seen = [];
  let marked = false;
  page.on('request', (r) => seen.push({ path: new URL(r.url()).pathname, before: !marked }));
  await page.goto(`${origin}${FIRST}`);
  await page.waitForFunction(() => performance.getEntriesByName('pc-first-question').length > 0);
  marked = true;
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  await context.close();
  const row = ({ path, before }) => {
    const file = join(DIST, path === '/' ? 'index.html' : decodeURIComponent(path.slice(1)));
    return { path, before, ...(existsSync(file) ? sizes(file) : { raw: 0, gzip: 0, brotli: 0 }) };
  };
  const unique = [...new Map(seen.map((s) => [s.path, s])).values()].map(row);
  const sum = (rows, k) => rows.reduce((t, r) => t + r[k], 0);
  const first = unique.filter((r) => r.before);
  const later = unique.filter((r) => !r.before);
  return {
    first, later,
    firstTotal: { raw: sum(first, 'raw'), gzip: sum(first, 'gzip'), brotli: sum(first, 'brotli') },
    laterTotal: { raw: sum(later, 'raw'), gzip: sum(later, 'gzip'), brotli: sum(later, 'brotli') },
  };
}

function wasmBreakdown() {
  const dir = join(OUT, 'named');
  mkdirSync(dir, { recursive: true });
  const input = join(TARGET, 'wasm32-unknown-unknown/release/which-python-concurrency.wasm');
  execFileSync('wasm-bindgen', ['--keep-debug', '--target', 'web', '--out-dir', dir, input]);
  execFileSync('wasm-opt', ['-Oz', '-g', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
    '--enable-reference-types', join(dir, 'which-python-concurrency_bg.wasm'), '-o', join(dir, 'named.wasm')]);
  const a = analyse(join(dir, 'named.wasm'));
  const code = a.sections.find((s) => s.name === 'code')?.bytes ?? 0;
  const data = a.sections.find((s) => s.name === 'data')?.bytes ?? 0;
  return {
    note: 'release build re-optimised with names kept (wasm-opt -Oz -g); code bytes before compression',
    code, data,
    crates: a.crates.slice(0, 10),
    functions: a.functions.slice(0, 10).map((f) => ({ name: f.name.replace(/::h[0-9a-f]{16}$/, ''), bytes: f.bytes })),
  };
}

/** A fresh context (no service worker, no HTTP cache) with one page, its CPU slowed `throttle` times. */
async function coldPage(browser, throttle) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return { context, page, cdp };
}

async function coldLoads(browser, origin, throttle) {
  const rows = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await coldPage(browser, throttle);
    await page.goto(`${origin}${FIRST}`);
    await page.waitForFunction(() => performance.getEntriesByName('pc-first-question').length > 0, null, { timeout: 60_000 });
    rows.push(await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      return { firstPaint: at('first-paint'), fcp: at('first-contentful-paint'), mounted: at('pc-mounted'), firstQuestion: at('pc-first-question') };
    }));
    await context.close();
  }
  const pick = (k) => stats(rows.map((r) => r[k]));
  return { throttle, runs: RUNS, firstPaint: pick('firstPaint'), fcp: pick('fcp'), mounted: pick('mounted'), firstQuestion: pick('firstQuestion') };
}

/** Where the first `selector` control of `url` sits once laid out (a warm-up load, not timed). */
async function controlAt(browser, url, selector) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url);
  const box = await page.locator(selector).first().boundingBox({ timeout: 30_000 });
  await context.close();
  if (!box) throw new Error(`bench: no ${selector} on ${url}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** "Usable" (see the top): navigation start to the first real click that reaches the first `selector`
 *  control of `url` (so the control is laid out, visible, enabled and the page's main thread free to
 *  take the click), CPU slowed `throttle` times; with first paint, to compare. From navigation start on,
 *  the bench clicks at the control's place again and again, each click sent as soon as the browser took
 *  the last one (Input.dispatchMouseEvent waits for it): the first click to reach the control comes at
 *  most one round trip after the page could take it. */
async function usable(browser, url, throttle, selector = ANSWER) {
  const at = await controlAt(browser, url, selector);
  const rows = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page, cdp } = await coldPage(browser, throttle);
    let reached = null;
    await page.exposeFunction('__pcUsable', (t) => { reached = t; });
    await page.addInitScript((sel) => {
      // Capture phase, before any handler of the page: the click has reached the control.
      document.addEventListener('click', (ev) => {
        if (ev.isTrusted && ev.target instanceof Element && ev.target.matches(sel)) window.__pcUsable(performance.now());
      }, true);
    }, selector);
    const loading = page.goto(url, { waitUntil: 'commit' });
    const deadline = Date.now() + 60_000;
    const mouse = (type) => cdp.send('Input.dispatchMouseEvent', { type, x: at.x, y: at.y, button: 'left', clickCount: 1 });
    await loading;
    while (reached === null && Date.now() < deadline) {
      await mouse('mousePressed').catch(() => {});
      await mouse('mouseReleased').catch(() => {});
      // The binding's call travels back on its own; give it a moment before the next click.
      if (reached === null) await new Promise((r) => setTimeout(r, 1));
    }
    // A click may reach the control before the page has painted (hit testing needs layout, not paint):
    // wait for the paint entry rather than miss it.
    await page.waitForFunction(() => performance.getEntriesByName('first-paint').length > 0, null, { timeout: 10_000 }).catch(() => {});
    const paint = await page.evaluate(() => performance.getEntriesByName('first-paint')[0]?.startTime ?? NaN).catch(() => NaN);
    const t = reached ?? NaN;
    rows.push({ usable: t, firstPaint: paint, afterPaint: t - paint });
    await context.close();
  }
  const pick = (k) => stats(rows.map((r) => r[k]));
  return { url, selector, throttle, runs: RUNS, usable: pick('usable'), firstPaint: pick('firstPaint'), afterPaint: pick('afterPaint') };
}

async function layoutShift(browser, origin, path) {
  const values = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
        .observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${origin}${path}`);
    await page.waitForFunction(() => performance.getEntriesByName('pc-mounted').length > 0);
    await page.waitForTimeout(1000);
    values.push(await page.evaluate(() => window.__cls));
    await context.close();
  }
  return { path, ...stats(values) };
}

/** Answer clicks to the next step on screen, with 4x CPU throttling. */
async function stepLatency(browser, origin) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // From the click event's timestamp until the DOM shows the next step and is laid out. Event Timing
  // (click to next paint) reports only interactions of 16 ms or more: those are counted too.
  await page.addInitScript(() => {
    window.__slow = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.name === 'click') window.__slow.push(e.duration); })
      .observe({ type: 'event', durationThreshold: 16, buffered: true });
    window.__arm = () => new Promise((resolve) => {
      const where = () => document.querySelector('form.pc-question')?.dataset.question
        ?? (document.querySelector('[data-testid="model-name"]') ? 'result' : '');
      const before = where();
      document.addEventListener('click', (ev) => {
        const t0 = ev.timeStamp;
        const check = () => {
          const now = where();
          if (now && now !== before) {
            document.querySelector('h1')?.getBoundingClientRect();
            resolve({ ms: performance.now() - t0, to: now });
          } else setTimeout(check, 0);
        };
        setTimeout(check, 0);
      }, { once: true, capture: true });
    });
  });
  let seed = 12345;
  const random = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const question = [];
  const result = [];
  const models = new Set();
  const answerStep = async () => {
    const radios = page.locator('form.pc-question input[type="radio"]');
    const count = await radios.count();
    await radios.nth(random(count)).check();
    const armed = page.evaluate(() => window.__arm());
    await page.locator('form.pc-question button[type="submit"]').click();
    return armed;
  };
  while (question.length < STEPS || result.length < STEPS) {
    await page.goto(`${origin}${FIRST}`);
    // Steps are the app's: the static first question (a plain form) is measured by "usable".
    await page.waitForFunction(() => performance.getEntriesByName('pc-mounted').length > 0);
    await page.locator('form.pc-question').waitFor();
    for (;;) {
      const r = await answerStep();
      if (r.to !== 'result') { question.push(r.ms); continue; }
      result.push(r.ms);
      models.add(await page.getByTestId('model-name').innerText());
      // Back to the last question and on to the result again, for more result samples.
      for (let i = 0; i < 9 && result.length < STEPS; i++) {
        await page.goBack();
        await page.locator('form.pc-question').waitFor();
        const armed = page.evaluate(() => window.__arm());
        await page.locator('form.pc-question button[type="submit"]').click();
        result.push((await armed).ms);
      }
      break;
    }
  }
  const slow = await page.evaluate(() => window.__slow);
  await context.close();
  return { throttle: 4, question: stats(question), result: stats(result), models: models.size, eventTimingOver16ms: slow.length };
}

async function lighthouseRuns(origin) {
  const rows = [];
  for (let i = 0; i < RUNS; i++) {
    const out = join(OUT, `lighthouse-${i}.json`);
    execFileSync('npx', ['lighthouse', `${origin}/`, '--quiet', '--output=json', `--output-path=${out}`,
      `--chrome-flags=${CHROMIUM_ARGS.join(' ')}`, '--only-categories=performance,accessibility,best-practices,seo'],
    { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'inherit'] });
    const r = JSON.parse(readFileSync(out, 'utf8'));
    rows.push({
      performance: r.categories.performance.score * 100,
      accessibility: r.categories.accessibility.score * 100,
      bestPractices: r.categories['best-practices'].score * 100,
      seo: r.categories.seo.score * 100,
      fcp: r.audits['first-contentful-paint'].numericValue,
      lcp: r.audits['largest-contentful-paint'].numericValue,
      cls: r.audits['cumulative-layout-shift'].numericValue,
    });
  }
  const pick = (k) => stats(rows.map((r) => r[k]));
  return { runs: RUNS, performance: pick('performance'), accessibility: pick('accessibility'), bestPractices: pick('bestPractices'), seo: pick('seo'), fcp: pick('fcp'), lcp: pick('lcp'), cls: pick('cls') };
}

const kb = (b) => `${round(b / 1024, 1)} KB`;
const ms = (s) => `${round(s.median)} ms (${round(s.min)}–${round(s.max)})${s.missing ? `, ${s.missing} run(s) without the entry` : ''}`;

function markdown(r) {
  const lines = [];
  lines.push('| measure | median (min–max) | target |', '| --- | --- | --- |');
  if (r.bytes) {
    lines.push(`| first load, brotli (all assets before the first question) | ${kb(r.bytes.firstTotal.brotli)} (${r.bytes.firstTotal.brotli} B; gzip ${r.bytes.firstTotal.gzip} B, raw ${r.bytes.firstTotal.raw} B) | ≤ ${BUDGET.first_load_brotli_bytes} B |`);
    lines.push(`| loaded after the first question, brotli | ${kb(r.bytes.laterTotal.brotli)} | – |`);
  }
  for (const c of r.cold) {
    lines.push(`| first paint, CPU ×${c.throttle} | ${ms(c.firstPaint)} | – |`);
    // The app's own mark: it has mounted over the first question. The question works before that, as the
    // static form (see "usable").
    lines.push(`| app mounted over the first question, CPU ×${c.throttle} | ${ms(c.firstQuestion)} | – |`);
  }
  for (const u of r.usable) {
    const peer = u.peer ? ` (${u.url})` : '';
    lines.push(`| first question usable${peer}, CPU ×${u.throttle} | ${ms(u.usable)} | – |`);
    lines.push(`| usable after first paint${peer}, CPU ×${u.throttle} | ${ms(u.afterPaint)} | ${u.throttle === 4 && !u.peer ? '≤ 30 ms' : '–'} |`);
  }
  if (r.steps) {
    lines.push(`| step latency p50 / p95, CPU ×4 (${r.steps.question.n} steps) | ${round(r.steps.question.p50)} / ${round(r.steps.question.p95)} ms (max ${round(r.steps.question.max)}) | p95 ≤ 16 ms |`);
    lines.push(`| result page p50 / p95, CPU ×4 (${r.steps.result.n} results, ${r.steps.models} models) | ${round(r.steps.result.p50)} / ${round(r.steps.result.p95)} ms (max ${round(r.steps.result.max)}) | p95 ≤ 50 ms |`);
    lines.push(`| clicks whose next paint took ≥ 16 ms (Event Timing) | ${r.steps.eventTimingOver16ms} of ${r.steps.question.n + r.steps.result.n} | 0 |`);
  }
  for (const s of r.cls) lines.push(`| layout shift (CLS) on ${s.path} | ${round(s.median, 3)} (${round(s.min, 3)}–${round(s.max, 3)}) | 0.00 |`);
  if (r.lighthouse) {
    const l = r.lighthouse;
    lines.push(`| Lighthouse mobile: performance / accessibility / best practices / SEO | ${l.performance.median} / ${l.accessibility.median} / ${l.bestPractices.median} / ${l.seo.median} (min ${l.performance.min} / ${l.accessibility.min} / ${l.bestPractices.min} / ${l.seo.min}) | 100 / 100 / 100 / 100 |`);
    lines.push(`| Lighthouse first contentful paint | ${ms(l.fcp)} | – |`);
    lines.push(`| Lighthouse largest contentful paint | ${ms(l.lcp)} | – |`);
  }
  if (r.engine) {
    lines.push(`| engine, full evaluations per second (all ${r.engine.paths.toLocaleString('en')} paths, ${r.engine.threads} threads) | ${Math.round(r.engine.evals_per_sec).toLocaleString('en')} /s (${r.engine.seconds} s) | – |`);
    lines.push(`| engine, one thread, median of ${r.engine.single_thread.runs} | ${Math.round(r.engine.single_thread.median).toLocaleString('en')} /s (${Math.round(r.engine.single_thread.min).toLocaleString('en')}–${Math.round(r.engine.single_thread.max).toLocaleString('en')}) | – |`);
  }
  if (r.bytes) {
    lines.push('', '| first-load file | raw | gzip | brotli |', '| --- | --- | --- | --- |');
    for (const f of [...r.bytes.first, ...r.bytes.later.map((x) => ({ ...x, path: `${x.path} (after)` }))]) {
      lines.push(`| ${f.path} | ${f.raw} | ${f.gzip} | ${f.brotli} |`);
    }
  }
  if (r.wasm) {
    lines.push('', `WebAssembly: code ${r.wasm.code} B, data ${r.wasm.data} B (raw). Largest crates (code bytes):`, '');
    lines.push('| crate | bytes |', '| --- | --- |', ...r.wasm.crates.map((c) => `| ${c.name} | ${c.bytes} |`));
    lines.push('', 'Largest functions:', '', '| function | bytes |', '| --- | --- |');
    lines.push(...r.wasm.functions.map((f) => `| \`${f.name.slice(0, 110)}\` | ${f.bytes} |`));
  }
  return lines.join('\n') + '\n';
}

// BENCH_ONLY=usable,steps… runs only those parts (bytes, wasm, cold, usable, cls, steps, lighthouse) and
// writes target/bench/bench-<parts>.json and .md; by default everything, into bench.json and bench.md.
const ONLY = (process.env.BENCH_ONLY || '').split(',').map((p) => p.trim()).filter(Boolean);
const part = (name) => ONLY.length === 0 || ONLY.includes(name);
const { origin, stop } = await serve(DIST);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const result = { date: new Date().toISOString(), runs: RUNS, cold: [], usable: [], cls: [] };
  if (part('bytes')) {
    console.error('bench: bytes');
    result.bytes = await loadSets(browser, origin);
  }
  if (part('wasm')) result.wasm = wasmBreakdown();
  if (part('cold')) {
    console.error('bench: cold loads');
    result.cold = [await coldLoads(browser, origin, 1), await coldLoads(browser, origin, 4)];
  }
  if (part('usable')) {
    console.error('bench: usable');
    result.usable = [await usable(browser, `${origin}${FIRST}`, 1), await usable(browser, `${origin}${FIRST}`, 4)];
    for (const peer of (process.env.BENCH_PEERS || '').split(',').map((p) => p.trim()).filter(Boolean)) {
      const [url, selector] = peer.split(/\s+/);
      for (const throttle of [1, 4]) result.usable.push({ ...(await usable(browser, url, throttle, selector || ANSWER)), peer: true });
    }
  }
  if (part('cls')) {
    console.error('bench: layout shift');
    result.cls = [await layoutShift(browser, origin, '/'), await layoutShift(browser, origin, FIRST)];
  }
  if (part('steps')) {
    console.error('bench: step latency');
    result.steps = await stepLatency(browser, origin);
  }
  if (part('lighthouse') && process.env.BENCH_LIGHTHOUSE !== '0') {
    console.error('bench: lighthouse');
    result.lighthouse = await lighthouseRuns(origin);
  }
  const enginePath = join(OUT, 'engine.json');
  if (ONLY.length === 0 && existsSync(enginePath)) result.engine = JSON.parse(readFileSync(enginePath, 'utf8'));
  const name = ONLY.length === 0 ? 'bench' : `bench-${ONLY.join('-')}`;
  writeFileSync(join(OUT, `${name}.json`), JSON.stringify(result, null, 2));
  const md = markdown(result);
  writeFileSync(join(OUT, `${name}.md`), md);
  console.log(md);
} finally {
  await browser.close();
  stop();
}
