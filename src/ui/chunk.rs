//! Parts of the page that come in WebAssembly chunks of their own: the result page and the code-check
//! panel are `wasm_split` functions (with the `split` feature, which index.html builds the app with), and
//! scripts/split-wasm.mjs cuts them out of the app's .wasm, so the first load holds the questions only.
//! [`Chunk`] shows such a part: a placeholder while its chunk is on its way, then the part; if the chunk
//! cannot be fetched (offline before the service worker has it, a failed download), a notice with a
//! Retry button, and the rest of the page keeps working.

use crate::content::{Text, ui};
use crate::ui::i18n::tr;
use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use std::future::Future;
use std::pin::Pin;

/// Why a chunk did not load (the loader's error; without the `split` feature it never happens).
pub use leptos::wasm_split::SplitLoaderError as ChunkError;

/// A part of the page that may have to be fetched first.
pub type ChunkLoad = Pin<Box<dyn Future<Output = Result<AnyView, ChunkError>> + Send>>;

/// Where a chunk's part is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Arrival {
    Waiting,
    Ready,
    Failed,
}

/// Shows what `load` gives: `fallback` until then, and on failure `failed` with a Retry button that
/// fetches the chunk anew (the loader keeps no failure).
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
    /// The notice when it cannot be fetched.
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
                    arrival.try_set(Arrival::Failed);
                }
            }
        });
    });
    fetch.with_value(|f| f());
    let retry = move |_| fetch.with_value(|f| f());
    move || match arrival.get() {
        Arrival::Waiting => fallback.run(),
        Arrival::Ready => part.try_update_value(Option::take).flatten().unwrap_or_else(|| ().into_any()),
        Arrival::Failed => view! {
            <div class="pc-notice" role="alert" data-testid="chunk-failed">
                <p>{tr(failed)}</p>
                <button type="button" class="pc-button" on:click=retry>
                    {tr(ui::RETRY)}
                </button>
            </div>
        }
        .into_any(),
    }
}
