import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';

// A deploy, as the tests of offline use and of deploys see it (tests/e2e/deploy.spec.ts,
// tests/e2e/offline.spec.ts): a plain static server of the app whose root folder can be switched while it
// runs, and the page's service worker before and after the switch.

const types: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.txt': 'text/plain',
};

/** Serves `root.dir` on a free port of 127.0.0.1 until `close()`; change `root.dir` to deploy. */
export async function host(root: { dir: string }) {
  const server: Server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url!, 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    try {
      const body = readFileSync(join(root.dir, path.replace(/\.\./g, '')));
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => new Promise((r) => server.close(r)) };
}

/** Waits until the service worker is active and controls the page; returns the origin's cache names. */
export async function workerInCharge(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    return (await caches.keys()).sort();
  });
}

/** After the root was switched: the browser checks for a new worker (here on demand, as on a
 *  navigation), which must be found, activate and take over the page without waiting for it to close
 *  (once activated, its activate step has run). Returns the origin's cache names then. */
export async function newWorkerTakesOver(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const old = registration.active;
    await registration.update();
    const fresh = registration.installing ?? registration.waiting ?? registration.active!;
    if (fresh === old) throw new Error('no new worker was found');
    if (fresh.state !== 'activated') {
      await new Promise<void>((resolve) => fresh.addEventListener('statechange', () => { if (fresh.state === 'activated') resolve(); }));
    }
    if (navigator.serviceWorker.controller !== fresh) throw new Error('the new worker does not control the page');
    return (await caches.keys()).sort();
  });
}
