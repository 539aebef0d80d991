// Lint step (scripts/test.sh lint): the crate split keeps ARCHITECTURE's first invariant.
// - The engine crate (engine/Cargo.toml: the content, the engine, the host tools) has no web crate among
//   its dependencies, on any target, its build script's included: the engine knows nothing about the
//   browser, and the compiler now keeps it so, since the UI's crate is the only one that has Leptos.
// - Every tests/*.rs is a test target of the app or the engine crate: both list their tests (the files
//   stay in tests/), so a new file that neither lists would never run.
//   node scripts/check-crates.mjs
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';

const ENGINE = 'pyconc-engine';
const APP = 'which-python-concurrency';
/** Crates that belong to the browser side: none may be a dependency of the engine crate. */
const WEB = ['leptos', 'web-sys', 'wasm-bindgen', 'js-sys', 'wasm-bindgen-futures', 'gloo-timers', 'console_error_panic_hook'];

const cargo = (args) => execFileSync('cargo', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });

const tree = cargo(['tree', '--locked', '-p', ENGINE, '-e', 'normal,build', '--target', 'all', '--prefix', 'none', '--format', '{p}']);
const names = new Set(tree.split('\n').map((line) => line.split(' ')[0]).filter(Boolean));
if (!names.has(ENGINE)) throw new Error(`check-crates: cargo tree -p ${ENGINE} does not list ${ENGINE}:\n${tree}`);
const web = WEB.filter((n) => names.has(n));
if (web.length > 0) {
  throw new Error(`check-crates: ${ENGINE} depends on ${web.join(', ')} (cargo tree -p ${ENGINE} -e normal,build -i ${web[0]} shows how): the engine crate must not know the browser; the UI's crate (Cargo.toml) is where web crates go`);
}

const meta = JSON.parse(cargo(['metadata', '--locked', '--no-deps', '--format-version', '1']));
const tests = new Map();
for (const pkg of meta.packages.filter((p) => p.name === ENGINE || p.name === APP)) {
  for (const t of pkg.targets.filter((t) => t.kind.includes('test'))) tests.set(resolve(t.src_path), pkg.name);
}
const files = readdirSync('tests').filter((f) => f.endsWith('.rs')).map((f) => resolve('tests', f));
const unlisted = files.filter((f) => !tests.has(f));
if (unlisted.length > 0) {
  throw new Error(`check-crates: ${unlisted.map((f) => `tests/${basename(f)}`).join(', ')} is a test of neither crate: add a [[test]] to engine/Cargo.toml (it needs only the engine) or to Cargo.toml (it needs the UI)`);
}
const count = (pkg) => [...tests.values()].filter((p) => p === pkg).length;
console.log(`check-crates: ${ENGINE} has ${names.size - 1} dependencies, none of ${WEB.join(', ')}; tests/*.rs: ${count(ENGINE)} of ${ENGINE}, ${count(APP)} of ${APP}`);
