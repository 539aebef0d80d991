// The code checker's web worker, started by the app when the "Check your code" panel opens
// (src/ui/code_check.rs). It loads trunk's no-modules build of checker/worker (checker-worker.js and
// checker-worker_bg.wasm, index.html's data-type="worker" link), whose module posts "ready" once it
// listens. A file that cannot load (offline before the first opening) is reported as "failed …", so the
// panel can say so instead of waiting.
// The paths are relative to this script (in public/), so that the app works under any sub-path.
try {
  importScripts('../checker-worker.js');
  wasm_bindgen({ module_or_path: new URL('../checker-worker_bg.wasm', self.location.href) }).catch((error) => postMessage(`failed ${error}`));
} catch (error) {
  postMessage(`failed ${error}`);
}
