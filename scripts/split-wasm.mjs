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
// the loader, which the glue imports at once, gets a modulepreload of its own. No name the tools wrote
// may survive in the page or the JS. index.html names every file relative to itself (Trunk.toml
// public_url = "./"), so the build works under any sub-path; the chunks' URLs are relative to the loader.
//
// The chunk loader is extended (`CHUNK_LOADER`): a host that sends .wasm with another MIME type than
// application/wasm refuses streaming compilation, so a chunk is then compiled from its bytes, and why a
// chunk failed is recorded for the app (src/ui/chunk.rs).
//
// The wasm-opt run is binaryen's of Trunk.toml's pin (package.json installs it in node_modules/.bin);
// another version (Debian's 108 leaves the page blank) fails the build. A step that finds what it expects
// missing throws, and the build fails.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ownMessage, PACKAGE } from './cargo-build.mjs';

// The WebAssembly features wasm-bindgen's output uses, which wasm-opt must be told of.
const WASM_OPT_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
const LOADER = '__wasm_split.js';

/** The binaryen version Trunk.toml pins (`wasm_opt = "version_N"`). */
export function pinnedWasmOpt(toml = readFileSync('Trunk.toml', 'utf8')) {
  const pin = /^\s*wasm_opt\s*=\s*"version_(\d+)"/m.exec(toml)?.[1];
  if (!pin) throw new Error('split: Trunk.toml pins no wasm_opt = "version_N"');
  return pin;
}

/** The wasm-opt to run: node_modules/.bin's (package.json's binaryen), else the one on PATH; throws unless
 *  `wasm-opt --version` says it is binaryen `pin`. */
export function wasmOpt(pin = pinnedWasmOpt()) {
  const local = resolve('node_modules/.bin/wasm-opt');
  const tool = existsSync(local) ? local : 'wasm-opt';
  let version;
  try {
    version = execFileSync(tool, ['--version'], { encoding: 'utf8' }).trim();
  } catch (e) {
    throw new Error(`split: cannot run ${tool} (${e.message}); scripts/setup.sh installs binaryen ${pin}`);
  }
  if (!new RegExp(`\\bversion ${pin}\\b`).test(version)) {
    throw new Error(`split: ${tool} is "${version}", not binaryen ${pin} (Trunk.toml); another version can ship a blank page. Run scripts/setup.sh, or put binaryen ${pin} first on PATH`);
  }
  return tool;
}

// Appended to the chunk loader, whose calls of WebAssembly.instantiateStreaming it takes over.
const CHUNK_LOADER = `
// Added by scripts/split-wasm.mjs. Streaming compilation needs the host to send application/wasm; from a
// host that sends another type (application/octet-stream: nginx before 1.21, many bucket setups), or in
// a browser without it, a chunk is compiled from its bytes, as wasm-bindgen's glue does for the main
// module. Why a chunk failed goes into globalThis.pcChunkFailure for the app (src/ui/chunk.rs): "offline"
// (the request failed), "gone" (404 or 410, or a page where the file was: a newer deploy replaced it) or
// "refused" (another error, or bytes that do not compile).
async function pcInstantiate(source, imports) {
  const fail = (why, error) => {
    globalThis.pcChunkFailure = why;
    throw error;
  };
  let response;
  try {
    response = await source;
  } catch (e) {
    fail('offline', e);
  }
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || /^text\\/html\\b/i.test(type)) {
    const gone = response.status === 404 || response.status === 410 || response.ok;
    fail(gone ? 'gone' : 'refused', new Error(\`chunk \${response.url}: HTTP \${response.status} \${type}\`));
  }
  let bytes;
  try {
    if (typeof WebAssembly.instantiateStreaming === 'function' && /^application\\/wasm\\b/i.test(type)) {
      return await WebAssembly.instantiateStreaming(response, imports);
    }
    bytes = await response.arrayBuffer();
  } catch (e) {
    fail(e instanceof TypeError ? 'offline' : 'refused', e);
  }
  try {
    return await WebAssembly.instantiate(bytes, imports);
  } catch (e) {
    fail('refused', e);
  }
}
`;

/** The chunk loader's text with CHUNK_LOADER taking over its streaming calls; throws if it has none. */
export function extendLoader(text) {
  const calls = text.split('WebAssembly.instantiateStreaming(').length - 1;
  if (calls === 0) throw new Error(`split: ${LOADER} calls no WebAssembly.instantiateStreaming; scripts/split-wasm.mjs must learn its new shape`);
  return text.replaceAll('WebAssembly.instantiateStreaming(', 'pcInstantiate(') + CHUNK_LOADER;
}

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Splits the app's .wasm in `staging` (see above); returns the new files with their sizes. */
export function splitWasm(staging) {
  const linked = ownMessage('compiler-artifact', (m) => m.target.name === PACKAGE && m.target.kind.includes('bin')).executable;
  if (!linked?.endsWith('.wasm')) throw new Error(`split: cargo reported no .wasm for ${PACKAGE} (${linked})`);
  const trunk = { js: trunkFile(staging, '.js'), wasm: trunkFile(staging, '_bg.wasm') };
  const optimiser = wasmOpt();
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
    const loader = join(bound, LOADER);
    writeFileSync(loader, extendLoader(readFileSync(loader, 'utf8')));
    for (const f of readdirSync(bound).filter((f) => f.endsWith('.wasm'))) {
      run(optimiser, ['-Oz', ...WASM_OPT_FEATURES, join(bound, f), '-o', join(bound, f)]);
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
  // fetched URLs (`new URL("./chunk_3.wasm", import.meta.url)`, and the glue's default path of its module,
  // `new URL('app_bg.wasm', import.meta.url)`). The keys of the imports object the glue hands the .wasm
  // stay: they are the module names the .wasm itself imports from.
  const names = [...rename.keys()].map(escape).join('|');
  const refs = new RegExp(`((?:\\bfrom\\s*|\\bnew URL\\()["'](?:\\./)?)(${names})(["'])`, 'g');
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
  const gone = [...rename.keys(), trunk.js, trunk.wasm];
  for (const { file, bytes } of written.filter((w) => w.file.endsWith('.js'))) noOldNames(file, bytes.toString('utf8'), gone);
  noOldNames('index.html', readFileSync(join(staging, 'index.html'), 'utf8'), gone);
  return written.map(({ file, bytes }) => ({ file, size: bytes.length }));
}

/** Throws if `text` (the file `file`) refers to one of the names `gone` as a file: a quoted name, with
 *  or without `./` or `/`, that is not an object key (the glue's imports object keeps the module names
 *  the .wasm imports from). */
export function noOldNames(file, text, gone) {
  for (const name of gone) {
    const ref = new RegExp(`["'\`](?:\\.?/)?${escape(name)}["'\`](?!\\s*:)`);
    const found = ref.exec(text);
    if (found) throw new Error(`split: ${file} still refers to ${name}, which the build renamed: ${text.slice(Math.max(0, found.index - 60), found.index + 80)}`);
  }
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
  // The integrity of every link to the new files (named `./x` or `/x`).
  html = html.replace(/<link\b[^>]*>/g, (tag) => {
    const href = tag.match(/\bhref="\.?\/([^"]*)"/)?.[1];
    if (!href || !(href === glue || href === main)) return tag;
    return tag.replace(/\bintegrity="[^"]*"/, `integrity="${sri(bytesOf(href))}"`);
  });
  // trunk's loader passes the .wasm's size with its path (for its progress report): the new module's.
  const sized = new RegExp(`('\\.?/${escape(main)}',\\s*)\\d+`);
  if (!sized.test(html)) throw new Error(`split: trunk's loader does not pass the size of ${main}`);
  html = html.replace(sized, (_, head) => head + bytesOf(main).length);
  // The split loader, which the glue imports, preloaded with it.
  const gluePreload = html.match(new RegExp(`<link\\b[^>]*\\brel="modulepreload"[^>]*\\bhref="\\.?/${escape(glue)}"[^>]*>`))?.[0];
  if (!gluePreload) throw new Error(`split: no modulepreload of ${glue} in index.html`);
  const loaderPreload = gluePreload.replace(`/${glue}`, `/${loader}`).replace(/\bintegrity="[^"]*"/, `integrity="${sri(bytesOf(loader))}"`);
  html = html.replace(gluePreload, `${gluePreload}\n${loaderPreload}`);
  writeFileSync(indexFile, html);
  rmSync(join(staging, trunkJs));
  rmSync(join(staging, trunkWasm));
}
