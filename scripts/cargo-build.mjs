// What cargo built for the app's .wasm: asks cargo again for the build trunk has just made (the same
// `cargo build`, with the features index.html gives the app's rust link, which is then fresh and only
// reports, with --message-format=json). The post-build steps take from it the app's .wasm as the linker
// wrote it (scripts/split-wasm.mjs) and the OUT_DIR of the engine crate's build script, build.rs, which
// compiles the content (scripts/packs.mjs, scripts/static-shell.mjs).
//
// The second call must ask for exactly trunk's build, or the release ships another artifact. So the
// settings it does not copy are refused (a cargo profile, default or all features, in Trunk.toml or on
// the rust link: `rustLink`), and the units of the app and the engine crate it reports must all be fresh: one that cargo had to
// build again was not trunk's (another configuration, or a build of the same target folder in between),
// and the build fails.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const PACKAGE = 'which-python-concurrency';
/** The engine crate (engine/Cargo.toml): its build script writes the packs, ui.json, languages.json and
 *  shell.json into its OUT_DIR. */
export const ENGINE = 'pyconc-engine';

/** The attributes the app's rust link may have: what this call copies (data-bin, data-cargo-features), the
 *  loader's hook (data-initializer), and data-wasm-opt="0", which only spares trunk a wasm-opt of the
 *  module split-wasm replaces (split-wasm runs wasm-bindgen and wasm-opt with flags of its own). */
const LINK_ATTRIBUTES = new Set(['data-trunk', 'rel', 'data-bin', 'data-cargo-features', 'data-initializer', 'data-wasm-opt']);

/** Throws unless the app's rust link in `html` (trunk's source index.html) has only LINK_ATTRIBUTES and
 *  data-wasm-opt="0", and `trunkToml` sets no cargo profile or feature; returns the link. */
export function rustLink(html, trunkToml = '') {
  const link = html.match(new RegExp(`<link\\b[^>]*\\bdata-bin="${PACKAGE}"[^>]*>`))?.[0];
  if (!link) throw new Error(`cargo: no rust link with data-bin="${PACKAGE}" in index.html`);
  const names = [...link.matchAll(/\s([a-z-]+)(?==|\s|>)/g)].map((m) => m[1]).filter((n) => n !== 'link');
  const extra = names.filter((n) => !LINK_ATTRIBUTES.has(n));
  if (extra.length > 0) throw new Error(`cargo: the app's rust link has ${extra.join(', ')}, which scripts/cargo-build.mjs and split-wasm.mjs do not follow; allowed: ${[...LINK_ATTRIBUTES].join(', ')}`);
  const opt = link.match(/\bdata-wasm-opt="([^"]*)"/)?.[1];
  if (opt !== undefined && opt !== '0') throw new Error(`cargo: data-wasm-opt="${opt}" on the app's rust link has no effect (split-wasm runs wasm-opt -Oz itself); keep "0"`);
  const setting = /^\s*(cargo_profile|no_default_features|all_features|features)\s*=/m.exec(trunkToml)?.[1];
  if (setting) throw new Error(`cargo: Trunk.toml sets ${setting}, which scripts/cargo-build.mjs does not copy into its cargo call`);
  return link;
}

/** The `data-cargo-features` of the app's rust link in `html` (trunk's source index.html). */
export function appFeatures(html, trunkToml = '') {
  return rustLink(html, trunkToml).match(/\bdata-cargo-features="([^"]*)"/)?.[1] ?? '';
}

let cached;

/** cargo's JSON messages for the app's build, as trunk made it (release unless TRUNK_PROFILE says). */
export function appBuild() {
  if (cached) return cached;
  const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
  const html = readFileSync(process.env.TRUNK_HTML_FILE ?? 'index.html', 'utf8');
  const args = ['build', '--locked', '--target', 'wasm32-unknown-unknown', '--bin', PACKAGE, '--message-format=json'];
  if (release) args.push('--release');
  const features = appFeatures(html, readFileSync('Trunk.toml', 'utf8'));
  if (features) args.push('--features', features);
  const messages = execFileSync('cargo', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 })
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
  const built = messages.filter((m) => m.reason === 'compiler-artifact' && (own(PACKAGE).test(m.package_id) || own(ENGINE).test(m.package_id)) && !m.fresh);
  if (built.length > 0) {
    throw new Error(`cargo: asked again for trunk's build, cargo built ${built.map((m) => `${m.target.kind.join('+')} ${m.target.name}`).join(', ')}: not the build trunk made (\`cargo ${args.join(' ')}\`). Same profile and features as trunk, and no other build of target/ in between`);
  }
  cached = messages;
  return cached;
}

// `path+file:///…#which-python-concurrency@0.1.0` (older cargo: `which-python-concurrency 0.1.0 (…)`).
const own = (pkg) => new RegExp(`(^|#)${pkg}[@ ]`);

/** The one message of `reason` from `pkg` (the app's package unless said) that `pick` accepts; throws
 *  unless one. */
export function ownMessage(reason, pick = () => true, pkg = PACKAGE) {
  const found = appBuild().filter((m) => m.reason === reason && own(pkg).test(m.package_id) && pick(m));
  if (found.length !== 1) throw new Error(`cargo: reported ${found.length} ${reason} messages of ${pkg}, expected one`);
  return found[0];
}
