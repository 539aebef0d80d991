import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const server = spawn('node', ['scripts/static-server.mjs', '8384', '/tmp/prof'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ serviceWorkers: 'block' });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await page.goto('http://127.0.0.1:8384/?v=1&work=io&scale=one&where=script&py=3.12&io=http&conc=thousands&libs=all&http=aiohttp&lat=no&input=stream&state=none&cancel=yes');
await page.locator('form.pc-question').waitFor();
await page.waitForTimeout(800);
const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 25 }); await cdp.send('Profiler.start');
await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
const n = 10;
await page.evaluate(async (n) => {
  for (let i = 0; i < n; i++) {
    const form = document.querySelector('form.pc-question');
    form.querySelector('input[type=radio]').click();
    await new Promise((r) => setTimeout(r, 30));
    form.querySelector('button[type=submit]').click();
    await new Promise((r) => setTimeout(r, 300));
    history.back();
    await new Promise((r) => setTimeout(r, 300));
  }
}, n);
await cdp.send('Tracing.end');
await done;
const { profile } = await cdp.send('Profiler.stop');
const sum = new Map();
for (const e of events) if (e.ph === 'X' && e.dur) sum.set(e.name, (sum.get(e.name) || 0) + e.dur);
for (const [k, v] of [...sum].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log((v / 1000 / n).toFixed(2).padStart(8), 'ms/cycle', k);
const byId = new Map(profile.nodes.map((x) => [x.id, x]));
const parent = new Map(); for (const x of profile.nodes) for (const c of x.children || []) parent.set(c, x.id);
const self = new Map(), incl = new Map();
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] || 0;
  const nm = (x) => x.callFrame.functionName || '(anon)';
  self.set(nm(byId.get(id)), (self.get(nm(byId.get(id))) || 0) + dt);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) { const k = nm(byId.get(cur)); if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) || 0) + dt); } }
});
console.log('--- self');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log((v / 1000 / n).toFixed(2).padStart(8), k.slice(0, 130));
console.log('--- inclusive (pyconc)');
for (const [k, v] of [...incl].filter(([k]) => /pyconc/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log((v / 1000 / n).toFixed(2).padStart(8), k.slice(0, 130));
await browser.close(); server.kill();
