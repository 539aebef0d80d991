import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Static hosts as people deploy the app on them (tests/e2e/hosts.spec.ts): Debian's nginx, Python's
// http.server and the project's own static server, each a process of its own on a free port of
// 127.0.0.1, started here with its own configuration and stopped by its PID.

/** A running host: the address the app is served at (ending in `/`), and how to stop it. */
export type Running = { url: string; stop: () => Promise<void>; log: () => string };

/** A free TCP port of 127.0.0.1 (free when asked; the host binds it right after). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `cmd args` and waits until `url` answers; fails with the process's output if it exits or
 *  never answers. */
async function start(cmd: string, args: string[], url: string, cleanup = () => {}): Promise<Running> {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => { output += d; });
  child.stderr!.on('data', (d) => { output += d; });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid!, 'SIGTERM');
      await exited;
    }
    cleanup();
  };
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) break;
    try {
      await fetch(url);
      return { url, stop, log: () => output };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop();
  throw new Error(`${cmd} ${args.join(' ')} did not serve ${url}:\n${output}`);
}

/** Debian's MIME types for nginx, as its package installs them. */
export const NGINX_MIME_TYPES = '/etc/nginx/mime.types';

/** Debian's nginx serving `dir` at the root, in a prefix of its own. The http block is that of Debian's
 *  stock /etc/nginx/nginx.conf (its mime.types, octet-stream as the default type, sendfile, gzip) and the
 *  server that of its stock default site (index.html, `try_files $uri $uri/ =404`). `mimeTypes` replaces
 *  the stock types file (see `withoutWasmType`). */
export async function nginx(dir: string, mimeTypes = NGINX_MIME_TYPES): Promise<Running> {
  if (!existsSync('/usr/sbin/nginx')) throw new Error('nginx is not installed: run scripts/setup.sh');
  const prefix = mkdtempSync(join(tmpdir(), 'pyconc-nginx-'));
  const port = await freePort();
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => {
    mkdirSync(join(prefix, t));
    return `  ${t}_temp_path ${join(prefix, t)};`;
  });
  const conf = [
    'worker_processes 1;',
    'daemon off;',
    `pid ${join(prefix, 'nginx.pid')};`,
    `error_log ${join(prefix, 'error.log')};`,
    // As root (a container), nginx's workers would run as nobody; the build folder is root's.
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    'events { worker_connections 64; }',
    'http {',
    `  include ${mimeTypes};`,
    '  default_type application/octet-stream;',
    '  sendfile on;',
    '  tcp_nopush on;',
    '  gzip on;',
    '  access_log off;',
    ...temp,
    '  server {',
    `    listen 127.0.0.1:${port};`,
    `    root ${dir};`,
    '    index index.html;',
    '    location / { try_files $uri $uri/ =404; }',
    '  }',
    '}',
    '',
  ].join('\n');
  const file = join(prefix, 'nginx.conf');
  writeFileSync(file, conf);
  return start('/usr/sbin/nginx', ['-p', prefix, '-c', file, '-e', join(prefix, 'error.log')], `http://127.0.0.1:${port}/`,
    () => rmSync(prefix, { recursive: true, force: true }));
}

/** A copy of Debian's mime.types for nginx without the line for .wasm (as before nginx 1.21 added it):
 *  nginx then sends .wasm as its default type, application/octet-stream. Throws if the stock file has
 *  no such line (then the stock host is already this one). */
export function withoutWasmType(): string {
  const stock = readFileSync(NGINX_MIME_TYPES, 'utf8');
  const line = /^[ \t]*application\/wasm[ \t]+wasm;[ \t]*\n/m;
  if (!line.test(stock)) throw new Error(`${NGINX_MIME_TYPES} has no application/wasm line to take out`);
  const file = join(mkdtempSync(join(tmpdir(), 'pyconc-mime-')), 'mime.types');
  writeFileSync(file, stock.replace(line, ''));
  return file;
}

/** `python3 -m http.server` serving `dir` at the root. */
export async function pythonHttpServer(dir: string): Promise<Running> {
  const port = await freePort();
  return start('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir],
    `http://127.0.0.1:${port}/`);
}

/** The project's static server (scripts/static-server.mjs) serving `dir` under `base` (`/a/b/`). */
export async function staticServer(dir: string, base = '/'): Promise<Running> {
  const port = await freePort();
  return start('node', ['scripts/static-server.mjs', String(port), dir, base], `http://127.0.0.1:${port}${base}`);
}
