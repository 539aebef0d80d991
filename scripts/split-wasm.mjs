// Post-build step, the first (scripts/post-build.mjs): cuts the app's WebAssembly into the module of the
// first load and chunks fetched when needed. The result page and the code-check panel are `wasm_split`
// functions (src/ui/chunk.rs); the linker's .wasm (built with the `split` feature and --emit-relocs, see
// build.rs) goes through wasm-split-cli, which writes the main module, one chunk per split function, a
// chunk of what those share, and `__wasm_split.js`, the loader that fetches and links them. Then, as trunk
// does for one module: wasm-bindgen (its glue imports the loader) and wasm-opt -Oz on every module.
//
// The files get one content hash, of all of them together (the glue and the loader import each other, so
// neither name can hash the other's contents), and take the place of the module and glue trunk wrote:
// index.html's loader, its modulepreload and integrity are rewritten, trunk's two files are deleted, and
// the loader, which the glue imports at once, gets a modulepreload of its own. A step that finds what it
// expects missing throws, and the build fails.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ownMessage, PACKAGE } from './cargo-build.mjs';

// The WebAssembly features wasm-bindgen's output uses, which wasm-opt must be told of.
const WASM_OPT_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
const LOADER = '__wasm_split.js';

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Splits the app's .wasm in `staging` (see above); returns the new files with their sizes. */
export function splitWasm(staging) {
  const linked = ownMessage('compiler-artifact', (m) => m.target.name === PACKAGE && m.target.kind.includes('bin')).executable;
  if (!linked?.endsWith('.wasm')) throw new Error(`split: cargo reported no .wasm for ${PACKAGE} (${linked})`);
  const trunk = { js: trunkFile(staging, '.js'), wasm: trunkFile(staging, '_bg.wasm') };
  const work = mkdtempSync(join(tmpdir(), 'pyconc-split-'));
  try {
    const split = join(work, 'split');
    const bound = join(work, 'bound');
    run('wasm-split-cli', [linked, split, '--out-name', 'app']);
    run('wasm-bindgen', [join(split, 'app.wasm'), '--target', 'web', '--keep-lld-exports', '--no-typescript',
      '--out-dir', bound, '--out-name', 'app']);
    // The chunks and the loader, next to the glue and the main module.
    for (const f of readdirSync(split)) {
      if (f !== 'app.wasm') renameSync(join(split, f), join(bound, f));
    }
    for (const f of readdirSync(bound).filter((f) => f.endsWith('.wasm'))) {
      run('wasm-opt', ['-Oz', ...WASM_OPT_FEATURES, join(bound, f), '-o', join(bound, f)]);
    }
    return place(staging, bound, trunk);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The one `<package>-<hash><ext>` trunk wrote into `staging`. */
function trunkFile(staging, ext) {
  const found = readdirSync(staging).filter((f) => new RegExp(`^${escape(PACKAGE)}-[0-9a-f]+${escape(ext)}$`).test(f));
  if (found.length !== 1) throw new Error(`split: expected one ${PACKAGE}-<hash>${ext} of trunk in ${staging}, found ${found.join(', ') || 'none'}`);
  return found[0];
}

/** Moves the files of `bound` into `staging` under hashed names and points index.html at them instead of
 *  trunk's files (`trunk.js`, `trunk.wasm`). */
function place(staging, bound, trunk) {
  const files = readdirSync(bound).sort();
  for (const need of ['app.js', 'app_bg.wasm', LOADER]) {
    if (!files.includes(need)) throw new Error(`split: no ${need} among ${files.join(', ')}`);
  }
  // This script's own text too: a change in how it rewrites the files must change their names.
  const hash = createHash('sha256').update(readFileSync(new URL(import.meta.url)));
  for (const f of files) hash.update(f).update('\0').update(readFileSync(join(bound, f))).update('\0');
  const h = hash.digest('hex').slice(0, 16);
  // app.js, app_bg.wasm, __wasm_split.js and the chunks (`split_<name>_<hash>.wasm`, `chunk_<n>.wasm`).
  const rename = new Map(files.map((f) => {
    if (f === 'app.js') return [f, `${PACKAGE}-${h}.js`];
    if (f === 'app_bg.wasm') return [f, `${PACKAGE}-${h}_bg.wasm`];
    if (f === LOADER) return [f, `${PACKAGE}-split-${h}.js`];
    const stem = f.replace(/\.wasm$/, '').replace(/^split_/, '').replace(/_[0-9a-f]{8,}$/, '');
    return [f, `${PACKAGE}-${stem}-${h}.wasm`];
  }));
  // The JS's references to the other files, by their new names: module specifiers (`from "./app.js"`) and
  // fetched URLs (`new URL("./chunk_3.wasm", import.meta.url)`). The keys of the imports object the glue
  // hands the .wasm stay: they are the module names the .wasm itself imports from.
  const names = [...rename.keys()].map(escape).join('|');
  const refs = new RegExp(`((?:\\bfrom\\s*|\\bnew URL\\()["']\\./)(${names})(["'])`, 'g');
  const written = [];
  for (const [from, to] of rename) {
    let bytes = readFileSync(join(bound, from));
    if (from.endsWith('.js')) bytes = Buffer.from(bytes.toString('utf8').replace(refs, (_, a, name, b) => a + rename.get(name) + b));
    writeFileSync(join(staging, to), bytes);
    written.push({ file: to, bytes });
  }
  if (!written.find((w) => w.file === rename.get('app.js')).bytes.includes(rename.get(LOADER))) {
    throw new Error(`split: the glue does not import the loader ${LOADER}`);
  }
  replaceTrunkFiles(staging, rename, written, trunk);
  return written.map(({ file, bytes }) => ({ file, size: bytes.length }));
}

/** Points staging's index.html at the new glue and main module, and deletes trunk's. */
function replaceTrunkFiles(staging, rename, written, { js: trunkJs, wasm: trunkWasm }) {
  const indexFile = join(staging, 'index.html');
  let html = readFileSync(indexFile, 'utf8');
  const bytesOf = (file) => written.find((w) => w.file === file).bytes;
  const glue = rename.get('app.js');
  const main = rename.get('app_bg.wasm');
  const loader = rename.get(LOADER);
  for (const [from, to] of [[trunkJs, glue], [trunkWasm, main]]) {
    if (!html.includes(`/${from}`)) throw new Error(`split: index.html does not name ${from}`);
    html = html.replaceAll(`/${from}`, `/${to}`);
  }
  // The integrity of every link to the new files.
  html = html.replace(/<link\b[^>]*>/g, (tag) => {
    const href = tag.match(/\bhref="\/([^"]*)"/)?.[1];
    if (!href || !(href === glue || href === main)) return tag;
    return tag.replace(/\bintegrity="[^"]*"/, `integrity="${sri(bytesOf(href))}"`);
  });
  // trunk's loader passes the .wasm's size with its path (for its progress report): the new module's.
  const sized = new RegExp(`('/${escape(main)}',\\s*)\\d+`);
  if (!sized.test(html)) throw new Error(`split: trunk's loader does not pass the size of ${main}`);
  html = html.replace(sized, (_, head) => head + bytesOf(main).length);
  // The split loader, which the glue imports, preloaded with it.
  const gluePreload = html.match(new RegExp(`<link\\b[^>]*\\brel="modulepreload"[^>]*\\bhref="/${escape(glue)}"[^>]*>`))?.[0];
  if (!gluePreload) throw new Error(`split: no modulepreload of ${glue} in index.html`);
  const loaderPreload = gluePreload.replace(`/${glue}`, `/${loader}`).replace(/\bintegrity="[^"]*"/, `integrity="${sri(bytesOf(loader))}"`);
  html = html.replace(gluePreload, `${gluePreload}\n${loaderPreload}`);
  writeFileSync(indexFile, html);
  rmSync(join(staging, trunkJs));
  rmSync(join(staging, trunkWasm));
}
