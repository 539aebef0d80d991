import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The checks that keep the release build from shipping a wrong bundle (scripts/split-wasm.mjs,
// scripts/cargo-build.mjs), each made to fail: a wasm-opt of another binaryen than Trunk.toml's, rust-link
// attributes and Trunk.toml settings the second cargo call would not copy, a name the build renamed
// still referred to, a chunk loader of another shape.

const SCRIPTS = resolve('scripts');

/** Runs `code` (an async function body given the module at `module`) in a node of its own, in `cwd`
 *  with `path` first on PATH; returns its exit status and output. */
function node(module: string, code: string, cwd = process.cwd(), path = '') {
  const program = `import(${JSON.stringify(join(SCRIPTS, module))}).then(async (m) => { ${code} }).catch((e) => { console.error(e.message); process.exit(3); });`;
  const run = spawnSync('node', ['-e', program], { cwd, encoding: 'utf8', env: { ...process.env, PATH: `${path}:${process.env.PATH}` } });
  return { status: run.status, out: run.stdout + run.stderr };
}

test('the split step refuses a wasm-opt that is not binaryen of Trunk.toml\'s pin', () => {
  const bin = mkdtempSync(join(tmpdir(), 'pyconc-binaryen-'));
  try {
    // Debian's binaryen, as the README warns (its output leaves the page blank), on PATH in a folder with
    // no node_modules of its own.
    writeFileSync(join(bin, 'wasm-opt'), '#!/bin/sh\necho "wasm-opt version 108"\n');
    chmodSync(join(bin, 'wasm-opt'), 0o755);
    const pin = /version_(\d+)/.exec(readFileSync('Trunk.toml', 'utf8'))![1];
    const refused = node('split-wasm.mjs', `m.wasmOpt(${JSON.stringify(pin)});`, bin, bin);
    expect(refused.status, refused.out).toBe(3);
    expect(refused.out).toContain(`not binaryen ${pin}`);
    // The project's own, from node_modules/.bin, passes.
    const ok = node('split-wasm.mjs', `console.log(m.wasmOpt(${JSON.stringify(pin)}));`);
    expect(ok.status, ok.out).toBe(0);
    expect(ok.out).toContain('node_modules/.bin/wasm-opt');
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
});

test('the second cargo call refuses what it would not copy from trunk\'s build', () => {
  const html = readFileSync('index.html', 'utf8');
  const app = /<link\b[^>]*\bdata-bin="which-python-concurrency"[^>]*>/.exec(html)![0];
  const variants = {
    'data-cargo-profile': html.replace(app, app.replace('data-bin=', 'data-cargo-profile="small" data-bin=')),
    'data-cargo-no-default-features': html.replace(app, app.replace('data-bin=', 'data-cargo-no-default-features data-bin=')),
    'data-wasm-opt="z"': html.replace(app, app.replace('data-wasm-opt="0"', 'data-wasm-opt="z"')),
  };
  const ok = node('cargo-build.mjs', `console.log(m.appFeatures(${JSON.stringify(html)}, ${JSON.stringify(readFileSync('Trunk.toml', 'utf8'))}));`);
  expect(ok.out.trim()).toBe('split');
  for (const [what, bad] of Object.entries(variants)) {
    const run = node('cargo-build.mjs', `m.appFeatures(${JSON.stringify(bad)}, '');`);
    expect(run.status, `${what}: ${run.out}`).toBe(3);
  }
  const profile = node('cargo-build.mjs', `m.appFeatures(${JSON.stringify(html)}, 'cargo_profile = "small"');`);
  expect(profile.status, profile.out).toBe(3);
  expect(profile.out).toContain('cargo_profile');
});

test('the second cargo call fails when cargo had to build the app again (not the build trunk made)', () => {
  const bin = mkdtempSync(join(tmpdir(), 'pyconc-cargo-'));
  try {
    // A cargo that reports the app's .wasm as built now, as after another profile, other features, or
    // another build of target/ between trunk's and this call.
    const artifact = (fresh: boolean) => JSON.stringify({
      reason: 'compiler-artifact', package_id: 'path+file:///app#which-python-concurrency@0.1.0', fresh,
      target: { name: 'which-python-concurrency', kind: ['bin'] }, executable: '/app/target/app.wasm',
    });
    for (const [name, fresh] of [['stale', false], ['fresh', true]] as const) {
      const dir = join(bin, name);
      mkdirSync(dir);
      writeFileSync(join(dir, 'cargo'), `#!/bin/sh\necho '${artifact(fresh)}'\n`);
      chmodSync(join(dir, 'cargo'), 0o755);
    }
    const ask = 'console.log(m.ownMessage("compiler-artifact").executable);';
    const built = node('cargo-build.mjs', ask, process.cwd(), join(bin, 'stale'));
    expect(built.status, built.out).toBe(3);
    expect(built.out).toContain('not the build trunk made');
    const fresh = node('cargo-build.mjs', ask, process.cwd(), join(bin, 'fresh'));
    expect(fresh.status, fresh.out).toBe(0);
    expect(fresh.out.trim()).toBe('/app/target/app.wasm');
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
});

test('no name the build renamed survives in the JS or the page; the chunk loader is extended or the step fails', () => {
  const refused = node('split-wasm.mjs', 'm.noOldNames("x.js", \'const u = new URL("./chunk_3.wasm", import.meta.url);\', ["chunk_3.wasm"]);');
  expect(refused.status, refused.out).toBe(3);
  expect(refused.out).toContain('chunk_3.wasm');
  const page = node('split-wasm.mjs', 'm.noOldNames("index.html", \'<link rel="modulepreload" href="./which-python-concurrency-0123456789abcdef.js">\', ["which-python-concurrency-0123456789abcdef.js"]);');
  expect(page.status, page.out).toBe(3);
  // The imports object's keys are the module names the .wasm imports from, not files.
  const keys = node('split-wasm.mjs', 'm.noOldNames("x.js", \'const imports = { "./app.js": {} };\', ["app.js"]); console.log("kept");');
  expect(keys.status, keys.out).toBe(0);
  const loader = node('split-wasm.mjs', 'm.extendLoader("export function load(u) { return fetch(u).then((r) => r.arrayBuffer()); }");');
  expect(loader.status, loader.out).toBe(3);
});

test('dist/ names no file it does not hold, and the chunk loader compiles from bytes', () => {
  const html = readFileSync('dist/index.html', 'utf8');
  const refs = [...html.matchAll(/\b(?:href|src)="([^"#?][^"]*)"|'(\.\/[^']+)'/g)]
    .map((m) => m[1] ?? m[2])
    // Files, not the app's own addresses (`./`, `./?v=2`) or other origins.
    .filter((u) => !/^[a-z]+:/.test(u) && !u.includes('?') && !u.endsWith('/'));
  expect(refs.length).toBeGreaterThan(5);
  for (const ref of refs) {
    expect(ref.startsWith('/'), `${ref} is relative, so dist/ works under any sub-path`).toBe(false);
    expect(() => readFileSync(join('dist', ref.replace(/^\.\//, ''))), `${ref} is in dist/`).not.toThrow();
  }
  const loader = /href="\.\/([^"]*-split-[0-9a-f]+\.js)"/.exec(html)?.[1];
  expect(loader, 'the chunk loader is preloaded').toBeTruthy();
  const text = readFileSync(join('dist', loader!), 'utf8');
  expect(text).toContain('async function pcInstantiate(');
  expect(text).not.toMatch(/WebAssembly\.instantiateStreaming\((?!response, imports\))/);
});
