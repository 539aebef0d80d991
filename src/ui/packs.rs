//! Fetches the language packs (`content::packs`): the current language's pack right after the first
//! screen is painted, another language's when the user switches to it. Until a pack arrives, steps that
//! need it show a short loading state; if the fetch fails, a message with a retry button, and the answers
//! stay in the address. A pack that is gone (404: a deploy since this page loaded replaced it, and no
//! cache kept it) cannot come back, so Retry then reloads the page, which loads the new deploy whole.

use crate::content::{Lang, packs, ui};
use crate::ui::i18n::{LangContext, tr};
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static IN_FLIGHT: Cell<u8> = const { Cell::new(0) };
    /// A bit per language whose pack the server no longer has.
    static GONE: Cell<u8> = const { Cell::new(0) };
}

/// Starts fetching `lang`'s pack unless it is there or on its way.
pub fn load(ctx: LangContext, lang: Lang) {
    let bit = 1u8 << lang as u8;
    if packs::is_loaded(lang) || IN_FLIGHT.get() & bit != 0 {
        return;
    }
    IN_FLIGHT.set(IN_FLIGHT.get() | bit);
    ctx.packs.failed.update(|f| *f &= !bit);
    leptos::task::spawn_local(async move {
        let result = fetch_text(&format!("/{}", packs::file(lang))).await;
        IN_FLIGHT.set(IN_FLIGHT.get() & !bit);
        if result.as_ref().err().and_then(JsValue::as_f64) == Some(404.0) {
            GONE.set(GONE.get() | bit);
        }
        let installed = result.ok().is_some_and(|body| packs::install(lang, body).is_ok());
        if installed {
            ctx.packs.arrived.notify();
        } else {
            ctx.packs.failed.update(|f| *f |= bit);
        }
    });
}

/// Loads the pack of the current language after the next paint, and again whenever the language
/// changes: the first screen never waits for it.
pub fn load_after_first_paint(ctx: LangContext) {
    Effect::new(move |_| {
        let lang = ctx.lang.get();
        let Some(window) = web_sys::window() else { return };
        let later = wasm_bindgen::closure::Closure::once_into_js(move || {
            gloo_timers::callback::Timeout::new(0, move || load(ctx, lang)).forget();
        });
        let _ = window.request_animation_frame(later.unchecked_ref());
    });
}

/// Fetches the current language's pack again, or reloads the page when the server no longer has it.
fn retry(ctx: LangContext) {
    let lang = ctx.lang.get_untracked();
    if GONE.get() & (1u8 << lang as u8) != 0
        && let Some(w) = web_sys::window()
    {
        let _ = w.location().reload();
        return;
    }
    load(ctx, lang);
}

async fn fetch_text(url: &str) -> Result<String, JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url)).await?.dyn_into()?;
    if !response.ok() {
        return Err(JsValue::from(response.status()));
    }
    JsFuture::from(response.text()?).await?.as_string().ok_or(JsValue::NULL)
}

/// What shows in place of a step whose texts have not arrived: a loading line, or the failure and a
/// retry button.
#[component]
pub fn PackPending() -> impl IntoView {
    let ctx = LangContext::expect();
    move || {
        if ctx.pack_failed() {
            view! {
                <div class="pc-notice" role="alert" data-testid="pack-failed">
                    <p>{tr(ui::PACK_FAILED)}</p>
                    <button type="button" class="pc-button" on:click=move |_| retry(ctx)>
                        {tr(ui::RETRY)}
                    </button>
                </div>
            }
            .into_any()
        } else {
            view! { <p class="pc-pending" role="status" aria-busy="true">{tr(ui::PACK_LOADING)}</p> }.into_any()
        }
    }
}
