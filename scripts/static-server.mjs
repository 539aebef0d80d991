// Serves dist/ on 127.0.0.1 the way a static host does: files as they are, gzip or brotli when the
// browser accepts it, no rewrites. Under a sub-path (`/tools/pyconc/`, as a GitHub Pages project site
// serves it) the folder is served there only: every other path answers 404, and the sub-path without
// its last slash is redirected to it, as GitHub Pages does.
// Usage: node scripts/static-server.mjs [port] [dir] [base]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { isHashed } from './hashed.mjs';

const port = Number(process.argv[2] || 8080);
const root = resolve(process.argv[3] || 'dist');
const base = process.argv[4] || '/';
if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`static server: the base ${base} must start and end with /`);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};
const cache = new Map();

async function load(path, encoding) {
  const key = `${path}|${encoding}`;
  if (!cache.has(key)) {
    const raw = await readFile(path);
    const body = encoding === 'br'
      ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
      : encoding === 'gzip' ? gzipSync(raw, { level: 9 }) : raw;
    cache.set(key, body);
  }
  return cache.get(key);
}

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  let path;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    // A broken %-escape (`/%E0`) names no file; the server answers and goes on serving.
    res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
    return;
  }
  if (`${path}/` === base) {
    res.writeHead(301, { location: base + url.search }).end();
    return;
  }
  if (!path.startsWith(base)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  path = path.slice(base.length - 1);
  if (path.endsWith('/')) path += 'index.html';
  const file = resolve(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) { res.writeHead(403).end(); return; }
  const accepts = req.headers['accept-encoding'] || '';
  const type = types[extname(file)] || 'application/octet-stream';
  const compressible = !/\.(png|ico)$/.test(file);
  const encoding = !compressible ? null : accepts.includes('br') ? 'br' : accepts.includes('gzip') ? 'gzip' : null;
  try {
    const body = await load(file, encoding);
    const headers = { 'content-type': type, 'content-length': body.length, 'vary': 'accept-encoding' };
    if (encoding) headers['content-encoding'] = encoding;
    headers['cache-control'] = isHashed(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}${base}`));
