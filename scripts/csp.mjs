// trunk post-build step (run by scripts/post-build.mjs): writes a strict Content-Security-Policy into
// index.html. The only inline script is trunk's loader, whose text changes with the asset hashes, so its
// sha256 is computed here on every build. Scripts run only from the page's origin, that loader, and
// WebAssembly compilation; forms may submit only to the page's origin (the static first question of
// index.html is a plain GET form). A page the step cannot write the policy into fails the build: a page
// without its policy would still work, so nothing else would notice.
//
//   node scripts/csp.mjs [dir]     (dir: TRUNK_STAGING_DIR, else the argument, else dist)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The policy for a page whose inline scripts are `inline`. */
export function policy(inline) {
  const hashes = inline.map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')} 'wasm-unsafe-eval'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** Writes the policy into `dir`/index.html, right after its charset (or at the top of its head). */
export function writeCsp(dir) {
  const file = join(dir, 'index.html');
  let html = readFileSync(file, 'utf8');
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
  const csp = policy(inline);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${csp}">`;
  html = html.replace(/[ \t]*<meta http-equiv="Content-Security-Policy"[^>]*>\n?/gi, '');
  // The charset must stay within the first bytes, so the policy goes after it; a page without one gets
  // the policy first thing in its head.
  const charset = /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i;
  const head = /<head(\s[^>]*)?>/i;
  if (charset.test(html)) html = html.replace(charset, (m) => `${m}\n  ${meta}`);
  else if (head.test(html)) html = html.replace(head, (m) => `${m}\n  ${meta}`);
  else throw new Error(`csp: ${file} has neither <meta charset> nor <head>: no place for the Content-Security-Policy`);
  if (html.split('Content-Security-Policy').length !== 2) throw new Error(`csp: the policy was not written once into ${file}`);
  writeFileSync(file, html);
  console.log(`csp: ${inline.length} inline script(s) hashed: ${csp}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    writeCsp(process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist');
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
