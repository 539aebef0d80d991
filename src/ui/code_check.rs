//! "Check your code": the user pastes Python, and the pitfalls of this guide that the checker finds in it
//! are listed with their line, title, symptom and fix. The checker (`checker/`, ruff's parser) runs in a
//! web worker of its own WebAssembly (`checker/worker/`), which the page fetches only when the panel
//! first opens: the app's own module never links the parser, and the first load does not grow by it.
//!
//! The code stays in the page: it goes to the worker and nowhere else, and is never stored or put in a
//! link. What the worker answers is plain text (`pyconc_checker::outcome_to_text`, plus the worker's own
//! `not-text` refusal), read by [`Outcome::parse`]; that reading and the report's markup are in the
//! engine crate (`engine::code_report`), which needs no browser.
//!
//! On a result page, the findings whose pitfall is in the checklist mark that item "found in your code"
//! through [`CodeFindings`]; the sure answers the imports give become a link that starts the wizard with
//! them, which the user may follow or not.

use crate::content::ui;
use crate::engine::ShareLink;
pub use crate::engine::code_report::{
    CHECK_COUNT, Finding, MAX_LISTED, Outcome, Refusal, Report, ReportPage, SyntaxError, escape, line_range_utf16,
    report_html, suggested_answers,
};
use crate::ui::chunk::{Chunk, ChunkError, ChunkLoad};
use crate::ui::i18n::{LangContext, fill, tr};
use crate::ui::packs::PackPending;
use crate::ui::url_state::WizardState;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// The worker's entry script (`public/checker-worker-loader.js`): it loads trunk's `checker-worker.js`
/// and `checker-worker_bg.wasm`, and says so if they fail to load.
/// Relative to the page, which may be served under a sub-path.
pub const WORKER_SCRIPT: &str = "public/checker-worker-loader.js";
/// Performance mark: the panel was opened (for the benchmark, `scripts/bench/checker.mjs`).
pub const MARK_OPEN: &str = "pc-code-check-open";
/// Performance mark: a check's result is on screen.
pub const MARK_RESULT: &str = "pc-code-check-result";
// ---------------------------------------------------------------------------------------------------
// The checklist's side.

/// The pitfalls found in the pasted code, with the line of the first finding of each, for the result's
/// checklist to mark. The result page provides it (`CodeFindings::provide()`), the panel fills it after
/// each check, and each checklist item reads it through [`FoundInCode`].
#[derive(Clone, Copy)]
pub struct CodeFindings(RwSignal<Vec<(&'static str, u32)>>);

impl CodeFindings {
    /// Provides an empty set for the components below the caller, and returns it.
    pub fn provide() -> CodeFindings {
        let found = CodeFindings(RwSignal::new(Vec::new()));
        provide_context(found);
        found
    }

    /// The line of the first finding of `pitfall`, tracked; `None` when the code did not show it.
    pub fn line_of(&self, pitfall: &str) -> Option<u32> {
        self.0.with(|found| found.iter().find(|(id, _)| *id == pitfall).map(|&(_, line)| line))
    }

    fn publish(&self, report: Option<&Report>) {
        let mut found: Vec<(&'static str, u32)> = Vec::new();
        for f in report.map(|r| r.findings.as_slice()).unwrap_or_default() {
            if let Some(id) = f.pitfall.filter(|p| !found.iter().any(|(seen, _)| seen == p)) {
                found.push((id, f.line));
            }
        }
        self.0.set(found);
    }
}

/// The "found in your code" mark of a checklist item: hidden until a check of the pasted code finds
/// the pitfall, then the line where it first shows. Renders nothing where no [`CodeFindings`] is
/// provided.
#[component]
pub fn FoundInCode(
    /// The pitfall's id.
    pitfall: &'static str,
) -> impl IntoView {
    let lang = LangContext::expect();
    let found = use_context::<CodeFindings>()?;
    let text = move || {
        found.line_of(pitfall).map(|line| fill(lang.t(ui::CODE_CHECK_FOUND_IN_CODE), &[("line", line.to_string())]))
    };
    Some(view! {
        <p class="pc-found" data-testid="found-in-code" hidden=move || found.line_of(pitfall).is_none()>{text}</p>
    })
}

// ---------------------------------------------------------------------------------------------------
// The panel.

/// What the panel shows under the text area.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Status {
    /// Nothing checked yet.
    Idle,
    /// A check waits for the worker to load.
    Loading,
    /// The worker is checking.
    Checking,
    Done(Outcome),
    /// The worker's files could not be loaded (offline before the first opening, a failed fetch).
    LoadFailed,
    /// The worker stopped on the code (it is started anew for the next check).
    Crashed,
}

/// The "Check your code" section: a button that opens the panel, which holds the text area, the Check
/// button and the findings. The panel is made the first time it opens, from a WebAssembly chunk of its own
/// (`ui::chunk`), and starts the checker's worker; before that no file of the checker is fetched. It is
/// kept, with what was pasted, when closed. On a result page, pass the checklist's pitfall ids: findings among them say "in your checklist", and, where the page provides
/// [`CodeFindings`], mark the checklist items.
#[component]
pub fn CodeCheck(
    /// The pitfall ids of the result's checklist; empty (the default) on the landing.
    #[prop(optional)]
    checklist: Vec<&'static str>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    // Whether it has ever been open: the panel is made on the first opening and kept.
    let made = Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || open.get());
    let checklist = StoredValue::new(checklist);
    let toggle = move |_| {
        let opening = !open.get_untracked();
        if opening {
            crate::ui::timing::mark(MARK_OPEN);
        }
        open.set(opening);
    };
    let load = move || -> ChunkLoad { Box::pin(code_check_panel(open, checklist.get_value())) };
    let loading = || view! { <p class="pc-code-check__status" role="status">{tr(ui::CODE_CHECK_LOADING)}</p> };
    let panel = move || made.get().then(|| view! { <Chunk load fallback=loading failed=ui::CODE_CHECK_LOAD_FAILED/> });

    view! {
        <section class="pc-section pc-code-check pc-noprint" aria-labelledby="code-check-title">
            <h2 id="code-check-title">{tr(ui::CODE_CHECK_TITLE)}</h2>
            <p>{tr(ui::CODE_CHECK_LEDE)}</p>
            <button
                type="button"
                class="pc-button"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls="code-check-panel"
                data-testid="code-check-open"
                on:click=toggle
            >
                {tr(ui::CODE_CHECK_OPEN)}
            </button>
            {panel}
        </section>
    }
}

/// The panel, in the chunk fetched on the first opening (`src/ui/chunk.rs`).
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(code_check_panel, wasm_split_path = ::leptos::wasm_split, fallible)]
fn code_check_panel(open: RwSignal<bool>, checklist: Vec<&'static str>) -> Result<AnyView, ChunkError> {
    Ok(view! { <CodeCheckPanel open checklist/> }.into_any())
}

/// Without the `split` feature (host and browser tests), the same panel, ready at once.
#[cfg(not(feature = "split"))]
async fn code_check_panel(open: RwSignal<bool>, checklist: Vec<&'static str>) -> Result<AnyView, ChunkError> {
    Ok(view! { <CodeCheckPanel open checklist/> }.into_any())
}

/// The panel: the text area, the Check button, the status and the findings. Made on the first opening;
/// it starts the checker's worker at once and moves the focus into the text area at each opening.
///
/// The findings, syntax errors and sure answers are written as one string of markup (`report_html`)
/// into a container whose one listener handles their buttons and link: views of their own would add
/// to the chunk for markup that only ever shows as text and buttons.
#[component]
fn CodeCheckPanel(open: RwSignal<bool>, checklist: Vec<&'static str>) -> impl IntoView {
    let lang = LangContext::expect();
    let state = use_context::<WizardState>();
    let status = RwSignal::new(Status::Idle);
    // The code changed since the result on screen was checked.
    let stale = RwSignal::new(false);
    let input = NodeRef::<html::Textarea>::new();
    let worker = StoredValue::new_local(None::<WorkerHandle>);
    let found = use_context::<CodeFindings>();

    // The worker goes with the panel; the page may navigate away while it checks.
    on_cleanup(move || stop(worker));

    ensure_worker(worker, status, found);
    // The text area shows after this turn: move the focus into it at each opening.
    Effect::new(move |_| {
        if open.get() {
            request_animation_frame(move || {
                if let Some(area) = input.get_untracked() {
                    let _ = area.focus();
                }
            });
        }
    });
    let run = move |_| {
        let Some(area) = input.get_untracked() else { return };
        // The value goes to the worker as the JS string it is, without a copy through this module.
        let text = js_sys::Reflect::get(&area, &JsValue::from_str("value")).unwrap_or(JsValue::NULL);
        stale.set(false);
        ensure_worker(worker, status, found);
        let ready = worker.with_value(|w| w.as_ref().is_some_and(|w| w.ready));
        status.set(if ready { Status::Checking } else { Status::Loading });
        worker.update_value(|w| {
            if let Some(w) = w.as_mut() {
                w.submit(text);
            }
        });
    };
    let retry = move |_| {
        stop(worker);
        status.set(Status::Idle);
        ensure_worker(worker, status, found);
    };

    // One live region for every state, so each change is announced where it always was.
    let status_text = move || {
        status.with(|s| match s {
            Status::Idle => String::new(),
            Status::Loading => lang.t(ui::CODE_CHECK_LOADING).to_string(),
            Status::Checking => lang.t(ui::CODE_CHECK_CHECKING).to_string(),
            Status::LoadFailed => lang.t(ui::CODE_CHECK_LOAD_FAILED).to_string(),
            Status::Crashed => lang.t(ui::CODE_CHECK_CRASHED).to_string(),
            Status::Done(Outcome::Refused(refusal)) => refusal_text(lang, *refusal),
            Status::Done(Outcome::Checked(report)) => count_text(lang, report.findings.len()),
        })
    };
    let trouble =
        move || status.with(|s| matches!(s, Status::LoadFailed | Status::Crashed | Status::Done(Outcome::Refused(_))));
    let report = move || {
        // Written anew when the language changes or a language pack arrives.
        lang.packs.track_loaded();
        let lang_now = lang.lang.get();
        status.with(|s| {
            let Status::Done(Outcome::Checked(report)) = s else { return String::new() };
            crate::ui::timing::mark(MARK_RESULT);
            let base = state.map(|s| s.answers()).unwrap_or_default();
            let suggestion = suggested_answers(&base, &report.suggested);
            let explicit = lang.explicit.get_untracked().then_some(lang_now);
            let query =
                suggestion.as_ref().map(|(answers, _)| ShareLink { answers: *answers, lang: explicit }.encode());
            // Without a link: the suggested answers the page's answers already hold (none on the landing).
            let carried = match suggestion {
                Some((_, carried)) => carried,
                None => report.suggested.iter().copied().filter(|&(q, o)| base.get(q) == Some(o)).collect(),
            };
            let page = ReportPage { lang: lang_now, checklist: &checklist, link: query.as_deref(), carried: &carried };
            report_html(report, &page)
        })
    };
    let texts_pending = move || {
        let waiting = status.with(|s| matches!(s, Status::Done(Outcome::Checked(r)) if !r.findings.is_empty()));
        (waiting && !lang.pack_ready()).then(|| view! { <PackPending/> })
    };
    // A finding's button selects its lines in the text area; the wizard link is followed in the app (a
    // click that asks for a new tab or window is the browser's).
    let on_report_click = move |ev: web_sys::MouseEvent| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        if let Ok(Some(button)) = target.closest("[data-lines]") {
            let lines = button.get_attribute("data-lines").unwrap_or_default();
            let mut numbers = lines.split(' ').filter_map(|n| n.parse::<u32>().ok());
            let (Some(first), Some(last), Some(area)) = (numbers.next(), numbers.next(), input.get_untracked()) else {
                return;
            };
            let (start, end) = line_range_utf16(&area.value(), first, last);
            let _ = area.focus();
            let _ = area.set_selection_range(start, end);
            return;
        }
        let plain = ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
        let (Ok(Some(link)), true, Some(state)) = (target.closest("a[data-wizard]"), plain, state) else { return };
        let href = link.get_attribute("href").unwrap_or_default();
        ev.prevent_default();
        state.go(&ShareLink::decode(href.trim_start_matches('/')).0.answers);
    };

    view! {
            // Kept when closed, with what was pasted.
            <div id="code-check-panel" class="pc-code-check__panel" hidden=move || !open.get()>
                <label class="pc-code-check__label" for="code-check-input">{tr(ui::CODE_CHECK_LABEL)}</label>
                <p class="pc-code-check__hint" id="code-check-hint">{tr(ui::CODE_CHECK_HINT)}</p>
                <textarea
                    id="code-check-input"
                    class="pc-code-check__input"
                    node_ref=input
                    aria-describedby="code-check-hint"
                    rows="12"
                    wrap="off"
                    spellcheck="false"
                    autocomplete="off"
                    autocapitalize="off"
                    translate="no"
                    on:input=move |_| if matches!(status.get_untracked(), Status::Done(_)) { stale.set(true) }
                ></textarea>
                // Not a primary button: on the landing, Start stays the one primary action.
                <div class="pc-actions">
                    <button type="button" class="pc-button" data-testid="code-check-run" on:click=run>
                        {tr(ui::CODE_CHECK_RUN)}
                    </button>
                </div>
                <p class="pc-code-check__status" class:pc-notice=trouble role="status" data-testid="code-check-status">
                    {status_text}
                </p>
                <button type="button" class="pc-button" hidden=move || status.with(|s| *s != Status::LoadFailed) on:click=retry>
                    {tr(ui::RETRY)}
                </button>
                <p class="pc-note" hidden=move || !stale.get()>{tr(ui::CODE_CHECK_CHANGED)}</p>
                {texts_pending}
                <div class="pc-code-check__report" inner_html=report on:click=on_report_click></div>
            </div>
    }
}

/// The message for a refused text.
fn refusal_text(lang: LangContext, refusal: Refusal) -> String {
    match refusal {
        Refusal::Empty => lang.t(ui::CODE_CHECK_EMPTY).to_string(),
        Refusal::TooLarge { bytes } => fill(lang.t(ui::CODE_CHECK_TOO_LARGE), &[("size", bytes.to_string())]),
        Refusal::TooDeep { line, column } => {
            fill(lang.t(ui::CODE_CHECK_TOO_DEEP), &[("line", line.to_string()), ("column", column.to_string())])
        }
        Refusal::NotText { line, column } => {
            fill(lang.t(ui::CODE_CHECK_NOT_TEXT), &[("line", line.to_string()), ("column", column.to_string())])
        }
    }
}

/// The count of findings, or what "none" means.
fn count_text(lang: LangContext, n: usize) -> String {
    match n {
        0 => fill(lang.t(ui::CODE_CHECK_NONE), &[("checks", CHECK_COUNT.to_string())]),
        1 => lang.t(ui::CODE_CHECK_FOUND_ONE).to_string(),
        _ => fill(lang.t(ui::CODE_CHECK_FOUND_MANY), &[("n", n.to_string())]),
    }
}

// ---------------------------------------------------------------------------------------------------
// The worker.

#[wasm_bindgen]
extern "C" {
    /// A dedicated `Worker` (bound here: web-sys's needs a feature the app does not otherwise use).
    type Worker;
    #[wasm_bindgen(constructor, catch)]
    fn new(url: &str) -> Result<Worker, JsValue>;
    #[wasm_bindgen(method, js_name = postMessage)]
    fn post_message(this: &Worker, message: &JsValue);
    #[wasm_bindgen(method)]
    fn terminate(this: &Worker);
    #[wasm_bindgen(method, setter)]
    fn set_onmessage(this: &Worker, handler: Option<&js_sys::Function>);
    #[wasm_bindgen(method, setter)]
    fn set_onerror(this: &Worker, handler: Option<&js_sys::Function>);
}

/// The worker and the one check in flight: a text submitted meanwhile waits, and only the newest.
struct WorkerHandle {
    worker: Worker,
    /// The worker's module has loaded (its first message, `ready`).
    ready: bool,
    busy: bool,
    waiting: Option<JsValue>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
}

impl WorkerHandle {
    /// Sends `text` now if the worker is free, else keeps it for when it is.
    fn submit(&mut self, text: JsValue) {
        self.waiting = Some(text);
        self.send_waiting();
    }

    fn send_waiting(&mut self) {
        if self.ready
            && !self.busy
            && let Some(text) = self.waiting.take()
        {
            self.busy = true;
            self.worker.post_message(&text);
        }
    }
}

type Slot = StoredValue<Option<WorkerHandle>, LocalStorage>;

/// Starts the worker unless it runs. Its messages: `ready`, then one answer per text; `failed …` from
/// the loader when trunk's files did not load. Each answer goes to `status`, and its pitfalls to the
/// checklist's `found`.
fn ensure_worker(slot: Slot, status: RwSignal<Status>, found: Option<CodeFindings>) {
    if slot.with_value(Option::is_some) {
        return;
    }
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let data = event.data().as_string().unwrap_or_default();
        if data == "ready" {
            slot.update_value(|w| {
                if let Some(w) = w.as_mut() {
                    w.ready = true;
                    if w.waiting.is_some() {
                        status.set(Status::Checking);
                    }
                    w.send_waiting();
                }
            });
        } else if data.starts_with("failed") {
            stop(slot);
            status.set(Status::LoadFailed);
        } else {
            // The answer to the text in flight; a newer text waiting goes next, and its answer shows.
            let newer = slot.try_update_value(|w| {
                w.as_mut().is_some_and(|w| {
                    w.busy = false;
                    let newer = w.waiting.is_some();
                    w.send_waiting();
                    newer
                })
            });
            if newer == Some(false) {
                let outcome = Outcome::parse(&data);
                if let Some(found) = found {
                    found.publish(match &outcome {
                        Outcome::Checked(report) => Some(report),
                        Outcome::Refused(_) => None,
                    });
                }
                status.set(Status::Done(outcome));
            }
        }
    });
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        // An error event from the worker: its script failed to load, or the check trapped.
        if let Ok(event) = event.dyn_into::<web_sys::Event>() {
            event.prevent_default();
        }
        let loaded = slot.with_value(|w| w.as_ref().is_some_and(|w| w.ready));
        stop(slot);
        status.set(if loaded { Status::Crashed } else { Status::LoadFailed });
    });
    let Ok(worker) = Worker::new(WORKER_SCRIPT) else {
        status.set(Status::LoadFailed);
        return;
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    slot.set_value(Some(WorkerHandle {
        worker,
        ready: false,
        busy: false,
        waiting: None,
        _on_message: on_message,
        _on_error: on_error,
    }));
}

/// Ends the worker; the next check starts a new one.
fn stop(slot: Slot) {
    // The handlers being dropped may be the one running: drop them after this turn.
    let old = slot.try_update_value(Option::take).flatten();
    if let Some(old) = old {
        old.worker.set_onmessage(None);
        old.worker.set_onerror(None);
        old.worker.terminate();
        request_animation_frame(move || drop(old));
    }
}
