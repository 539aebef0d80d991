//! Offline use: registers the service worker that the build writes (`sw.js`, from
//! `scripts/service-worker.mjs`), so that after the first visit the app and any result link open with no
//! network. Registration fails silently: where service workers are unavailable (an insecure origin,
//! some private modes, storage refused) the app works as before, online only.

use wasm_bindgen::{JsCast, JsValue};

/// The worker's address, relative to the page: the build's folder (the site root, or the sub-path the
/// app is served under), so that its scope covers every address of the app and nothing else of the host.
const SCRIPT: &str = "sw.js";

/// Registers the service worker, if the browser has them; never fails.
pub fn register() {
    let Some(window) = web_sys::window() else { return };
    // `navigator.serviceWorker` is absent (or its getter throws) where workers are unavailable; web-sys's
    // getter assumes it is there, so look it up by hand first.
    let navigator = window.navigator();
    let Ok(container) = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")) else { return };
    let Ok(container) = container.dyn_into::<web_sys::ServiceWorkerContainer>() else { return };
    let registration = container.register(SCRIPT);
    // A refused registration (a private mode, storage full) rejects the promise: ignore it.
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(registration).await;
    });
}
