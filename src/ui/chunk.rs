//! Parts of the page that come in WebAssembly chunks of their own: the result page and the code-check
//! panel are `wasm_split` functions (with the `split` feature, which index.html builds the app with), and
//! scripts/split-wasm.mjs cuts them out of the app's .wasm, so the first load holds the questions only.
//! [`Chunk`] shows such a part: a placeholder while its chunk is on its way, then the part; if the chunk
//! cannot be had, a notice that says why and offers what can work, and the rest of the page keeps
//! working:
//! - the request failed (offline before the service worker has the chunk, the host out of reach): the
//!   part's own words ("check the connection") and Retry;
//! - the host no longer has the file (a deploy since this page loaded replaced it, and no cache kept it):
//!   the guide was updated, and Reload, which loads the new deploy at the same address, answers included;
//! - the host answered with something else (an error, a file that is not the chunk): that, with Reload
//!   and Retry.
//!
//! The chunk loader (`__wasm_split.js`, which scripts/split-wasm.mjs extends) compiles a chunk from its
//! bytes when the host's MIME type refuses streaming compilation, and records why a chunk failed in
//! `globalThis.pcChunkFailure` ("offline", "gone" or "refused"), which [`last_failure`] reads: the
//! `wasm_split` runtime reports only that a chunk failed.

use crate::content::{Text, ui};
use crate::ui::i18n::tr;
use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use std::future::Future;
use std::pin::Pin;
use wasm_bindgen::JsValue;

/// Why a chunk did not load (the loader's error; without the `split` feature it never happens).
pub use leptos::wasm_split::SplitLoaderError as ChunkError;

/// A part of the page that may have to be fetched first.
pub type ChunkLoad = Pin<Box<dyn Future<Output = Result<AnyView, ChunkError>> + Send>>;

/// Where a chunk's part is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Arrival {
    Waiting,
    Ready,
    Failed(Failure),
}

/// Why a chunk did not arrive (see the module's header).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The request failed: no network, or the host out of reach.
    Offline,
    /// The host no longer has the file: a newer deploy replaced it.
    Gone,
    /// The host answered with an error or with something that is not the chunk.
    Refused,
}

impl Failure {
    /// The loader's word for it (also the notice's `data-why`).
    pub fn word(self) -> &'static str {
        match self {
            Failure::Offline => "offline",
            Failure::Gone => "gone",
            Failure::Refused => "refused",
        }
    }
}

/// The global the chunk loader writes a failure's kind into (scripts/split-wasm.mjs).
const FAILURE_KEY: &str = "pcChunkFailure";

/// Why the last chunk failed, as the loader recorded it (then cleared); offline when the browser says so
/// or the loader recorded nothing (its request failed before it could look).
pub fn last_failure() -> Failure {
    let global = js_sys::global();
    let key = JsValue::from_str(FAILURE_KEY);
    let kind = js_sys::Reflect::get(&global, &key).ok().and_then(|v| v.as_string());
    let _ = js_sys::Reflect::delete_property(&global, &key);
    let online = web_sys::window().is_none_or(|w| w.navigator().on_line());
    match kind {
        _ if !online => Failure::Offline,
        Some(k) if k == Failure::Gone.word() => Failure::Gone,
        Some(k) if k == Failure::Refused.word() => Failure::Refused,
        _ => Failure::Offline,
    }
}

/// Loads the page again at the same address (the answers are in it): from a newer deploy, if there is one.
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Shows what `load` gives: `fallback` until then, and on failure a notice that says why (`failed` when
/// the request failed) with what can work: Retry fetches the chunk anew (the loader keeps no failure),
/// Reload loads the page again.
///
/// The part is made once, untracked and owned by this component, as it would be without a chunk; then
/// it takes the fallback's place. (Not a `Suspense`: a `Suspend` makes its view anew when a signal read
/// while making it changes, and leptos 0.8's `Suspense` can touch disposed values when it goes away.)
#[component]
pub fn Chunk(
    /// Fetches the chunk if need be and makes the part.
    load: impl Fn() -> ChunkLoad + Send + Sync + 'static,
    /// What shows while the chunk is on its way.
    #[prop(into)]
    fallback: ViewFn,
    /// The notice when the request for it failed (offline, the host out of reach).
    failed: Text,
) -> impl IntoView {
    let arrival = RwSignal::new(Arrival::Waiting);
    let part = StoredValue::new_local(None::<AnyView>);
    // The part's owner, also when Retry (an event handler, outside any owner) fetches again.
    let owner = Owner::current().unwrap_or_default();
    let fetch = StoredValue::new(move || {
        arrival.set(Arrival::Waiting);
        let made = owner.with(|| ScopedFuture::new_untracked(load()));
        leptos::task::spawn_local(async move {
            match made.await {
                Ok(view) => {
                    if part.try_update_value(|p| *p = Some(view)).is_some() {
                        arrival.try_set(Arrival::Ready);
                    }
                }
                Err(_) => {
                    arrival.try_set(Arrival::Failed(last_failure()));
                }
            }
        });
    });
    fetch.with_value(|f| f());
    let retry = move |_| fetch.with_value(|f| f());
    move || match arrival.get() {
        Arrival::Waiting => fallback.run(),
        Arrival::Ready => part.try_update_value(Option::take).flatten().unwrap_or_else(|| ().into_any()),
        Arrival::Failed(why) => {
            let (text, can_retry, can_reload) = match why {
                Failure::Offline => (failed, true, false),
                Failure::Gone => (ui::CHUNK_GONE, false, true),
                Failure::Refused => (ui::CHUNK_REFUSED, true, true),
            };
            view! {
                <div class="pc-notice" role="alert" data-testid="chunk-failed" data-why=why.word()>
                    <p>{tr(text)}</p>
                    {can_reload.then(|| view! {
                        <button type="button" class="pc-button pc-button--primary" on:click=move |_| reload()>
                            {tr(ui::RELOAD)}
                        </button>
                    })}
                    {can_retry.then(|| view! {
                        <button type="button" class="pc-button" on:click=retry>
                            {tr(ui::RETRY)}
                        </button>
                    })}
                </div>
            }
            .into_any()
        }
    }
}
