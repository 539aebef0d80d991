// What cargo built for the app's .wasm: asks cargo again for the build trunk has just made (the same
// `cargo build`, with the features index.html gives the app's rust link, which is then fresh and only
// reports, with --message-format=json). The post-build steps take from it the app's .wasm as the linker
// wrote it (scripts/split-wasm.mjs) and the OUT_DIR of the crate's build script (scripts/packs.mjs).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const PACKAGE = 'which-python-concurrency';

/** The `data-cargo-features` of the app's rust link in `html` (trunk's source index.html). */
export function appFeatures(html) {
  const link = html.match(new RegExp(`<link\\b[^>]*\\bdata-bin="${PACKAGE}"[^>]*>`))?.[0];
  if (!link) throw new Error(`cargo: no rust link with data-bin="${PACKAGE}" in index.html`);
  return link.match(/\bdata-cargo-features="([^"]*)"/)?.[1] ?? '';
}

let cached;

/** cargo's JSON messages for the app's build, as trunk made it (release unless TRUNK_PROFILE says). */
export function appBuild() {
  if (cached) return cached;
  const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
  const html = readFileSync(process.env.TRUNK_HTML_FILE ?? 'index.html', 'utf8');
  const args = ['build', '--locked', '--target', 'wasm32-unknown-unknown', '--bin', PACKAGE, '--message-format=json'];
  if (release) args.push('--release');
  const features = appFeatures(html);
  if (features) args.push('--features', features);
  cached = execFileSync('cargo', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 })
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
  return cached;
}

// `path+file:///…#which-python-concurrency@0.1.0` (older cargo: `which-python-concurrency 0.1.0 (…)`).
const OWN = new RegExp(`(^|#)${PACKAGE}[@ ]`);

/** The one message of `reason` from the app's own package that `pick` accepts; throws unless one. */
export function ownMessage(reason, pick = () => true) {
  const found = appBuild().filter((m) => m.reason === reason && OWN.test(m.package_id) && pick(m));
  if (found.length !== 1) throw new Error(`cargo: reported ${found.length} ${reason} messages of ${PACKAGE}, expected one`);
  return found[0];
}
