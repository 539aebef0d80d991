// A result link, cold: the time from navigation start until the result's heading is in the page, median
// of BENCH_RUNS (10) runs, CPU slowed 4 times, no HTTP cache, no service worker; once as served on
// 127.0.0.1 and once with BENCH_RTT ms (150) of round trip added, where every request made after another
// one shows. `node scripts/bench/result-link.mjs [dist]` (after `source scripts/setup.sh`).
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, round, serve, stats, walkLink } from './common.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 10);
const RTT = Number(process.env.BENCH_RTT || 150);
const DIST = process.argv[2] || process.env.BENCH_DIST || 'dist';
const LINK = walkLink('asyncio');

async function once(browser, origin, latency) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (latency > 0) {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput: -1, uploadThroughput: -1 });
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // The moment the heading has its text, seen by a MutationObserver from the page's start.
  await page.addInitScript(() => {
    const seen = () => {
      const h = document.querySelector('[data-testid="model-name"]');
      if (h && h.textContent.trim() && !window.__pcHeading) window.__pcHeading = performance.now();
      return !!window.__pcHeading;
    };
    new MutationObserver((_, observer) => { if (seen()) observer.disconnect(); })
      .observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.goto(`${origin}${LINK}`);
  await page.waitForFunction(() => window.__pcHeading, null, { timeout: 60_000, polling: 100 });
  const ms = await page.evaluate(() => window.__pcHeading);
  await context.close();
  return ms;
}

const server = await serve(DIST);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  await once(browser, server.origin, 0); // warm-up (the server compresses on first request)
  for (const latency of [0, RTT]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once(browser, server.origin, latency));
    const s = stats(runs);
    console.log(`result link to heading, CPU x4, +${latency} ms RTT: median ${round(s.median)} ms (min ${round(s.min)}, max ${round(s.max)}, n ${s.n}) ${DIST}${LINK}`);
  }
} finally {
  await browser.close();
  server.stop();
}
