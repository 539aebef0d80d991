//! Fetches the language packs (`content::packs`): the current language's pack right after the first
//! screen is painted, another language's when the user switches to it. Until a pack arrives, steps that
//! need it show a short loading state; if the request fails (offline), a message with a retry button,
//! and the answers stay in the address. A pack the host does not give (404: a deploy since this page
//! loaded replaced it, and no cache kept it; or another answer than the pack) cannot come back, so the
//! message says so and offers Reload, which loads the new deploy whole at the same address. The pack's
//! address is relative to the page, which may be served under a sub-path.

use crate::content::{Lang, packs, ui};
use crate::ui::i18n::{LangContext, PackStatus, tr};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Starts fetching `lang`'s pack unless it is there or on its way; its status (`LangContext::packs`)
/// follows.
pub fn load(ctx: LangContext, lang: Lang) {
    if packs::is_loaded(lang) {
        settle(ctx, lang, PackStatus::Loaded);
        return;
    }
    if ctx.packs.get_untracked(lang) == PackStatus::Loading {
        return;
    }
    ctx.packs.set(lang, PackStatus::Loading);
    leptos::task::spawn_local(async move {
        let status = match fetch_text(packs::file(lang)).await {
            Ok(body) => match packs::install(lang, body) {
                Ok(()) => PackStatus::Loaded,
                // Not this build's pack (a wrong count of texts: a page a host answers with, say).
                Err(_) => gone(None),
            },
            Err(e) => match e.as_f64() {
                Some(code) if code == 404.0 || code == 410.0 => gone(None),
                Some(code) => gone(Some(code as u16)),
                None => PackStatus::Failed,
            },
        };
        settle(ctx, lang, status);
    });
}

/// Whether a pack with this status has stopped loading: arrived, or failed for now or for good.
fn is_settled(status: PackStatus) -> bool {
    matches!(status, PackStatus::Loaded | PackStatus::Failed | PackStatus::Gone)
}

/// Records where `lang`'s load ended and wakes whoever waits for it (`settled`).
fn settle(ctx: LangContext, lang: Lang, status: PackStatus) {
    ctx.packs.set(lang, status);
    let woken: Vec<Waker> = WAITERS.with(|w| {
        let mut w = w.borrow_mut();
        let (now, later) = w.drain(..).partition(|(l, _)| *l == lang);
        *w = later;
        now.into_iter().map(|(_, waker)| waker).collect()
    });
    woken.into_iter().for_each(Waker::wake);
}

/// Resolves once `lang`'s pack has arrived, or its load has failed (`Failed`, `Gone`): at once if it
/// already has. Whoever waits starts the load first (`load`), so a status left from an earlier failure
/// is not taken for this one's.
pub async fn settled(ctx: LangContext, lang: Lang) {
    Settled { ctx, lang }.await
}

/// The future of `settled`: looks at the status when polled, and otherwise leaves its waker for `settle`.
struct Settled {
    ctx: LangContext,
    lang: Lang,
}

impl Future for Settled {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if is_settled(self.ctx.packs.get_untracked(self.lang)) {
            return Poll::Ready(());
        }
        WAITERS.with(|w| w.borrow_mut().push((self.lang, cx.waker().clone())));
        Poll::Pending
    }
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

thread_local! {
    /// The tasks waiting for a language's load to end (`settled`), woken by `settle`.
    static WAITERS: RefCell<Vec<(Lang, Waker)>> = const { RefCell::new(Vec::new()) };
    /// The HTTP error of the last pack the host refused (not 404): the message then says so.
    static REFUSED: Cell<Option<u16>> = const { Cell::new(None) };
}

/// A pack the host does not give: with `refused`, the error it answered instead.
fn gone(refused: Option<u16>) -> PackStatus {
    REFUSED.with(|r| r.set(refused));
    PackStatus::Gone
}

/// Fetches the current language's pack again, or reloads the page when the server no longer has it.
fn retry(ctx: LangContext) {
    let lang = ctx.lang.get_untracked();
    if ctx.packs.get_untracked(lang) == PackStatus::Gone
        && let Some(w) = web_sys::window()
    {
        let _ = w.location().reload();
        return;
    }
    load(ctx, lang);
}

/// The text at `url`; an HTTP error is its status as a number, a failed request anything else.
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
            // Offline: the connection, and Retry. Gone: a newer deploy, or the host's error, and Reload.
            let gone = ctx.packs.get(ctx.lang.get()) == PackStatus::Gone;
            let (text, button) = match gone {
                false => (ui::PACK_FAILED, ui::RETRY),
                true if REFUSED.with(Cell::get).is_some() => (ui::CHUNK_REFUSED, ui::RELOAD),
                true => (ui::CHUNK_GONE, ui::RELOAD),
            };
            view! {
                <div class="pc-notice" role="alert" data-testid="pack-failed">
                    <p>{tr(text)}</p>
                    <button type="button" class="pc-button" on:click=move |_| retry(ctx)>
                        {tr(button)}
                    </button>
                </div>
            }
            .into_any()
        } else {
            view! { <p class="pc-pending" role="status" aria-busy="true">{tr(ui::PACK_LOADING)}</p> }.into_any()
        }
    }
}
