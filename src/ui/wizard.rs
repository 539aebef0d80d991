//! The wizard: the current question or the result, the answer summary beside it, the document title
//! ("Step X of Y") and the live region that announces each step.

use crate::content::{QuestionId, ui};
use crate::engine::{Answers, Progress};
use crate::ui::address::after_next_paint;
use crate::ui::chunk::{Chunk, ChunkError, ChunkLoad};
use crate::ui::i18n::LangContext;
use crate::ui::link_notice::LinkNotice;
use crate::ui::packs::PackPending;
use crate::ui::question::{QuestionStep, StaticStep, StepPlace};
use crate::ui::result::ResultPage;
use crate::ui::summary::AnswerSummary;
use crate::ui::url_state::WizardState;
use leptos::prelude::*;

/// What the main column shows. The step is built again only when this changes: from one question to
/// the next, `QuestionStep` changes in place, and a language pack arriving or a language switch changes
/// texts only, keeping the pick, the focus and what the user opened. A result is the result of its
/// answers: another complete answer set in the address (a link followed on the page, Back or Forward)
/// is another result page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Screen {
    /// The texts of the step have not arrived (`PackPending`).
    Pending,
    Question,
    Result(Answers),
}

/// The wizard's screen.
#[component]
pub fn Wizard() -> impl IntoView {
    let lang = LangContext::expect();
    let state = WizardState::expect();
    let answers = Memo::new(move |_| state.answers());
    let current = Memo::new(move |_| state.editing.get().or_else(|| answers.with(|a| a.next_question())));
    // Every step but a fresh first question needs the language pack (the summary does too).
    let waiting = Memo::new(move |_| {
        !lang.pack_ready() && (current.get() != Some(QuestionId(0)) || answers.with(|a| !a.path().is_empty()))
    });
    let screen = Memo::new(move |_| match current.get() {
        _ if waiting.get() => Screen::Pending,
        Some(_) => Screen::Question,
        None => Screen::Result(answers.get()),
    });
    // Picks made on a step and not yet confirmed: the step shows them, and keeps them should it be built
    // again or the user come back. The static first question hands over its pick, and where the focus
    // was, once.
    let picks = RwSignal::new(Answers::new());
    let handed_over = use_context::<StaticStep>();
    if let Some((q, o)) = handed_over.as_ref().and_then(StaticStep::pick) {
        picks.update(|p| {
            p.answer_raw(q, o);
        });
    }
    let handed_over = StoredValue::new(handed_over);
    // The question step's state, each a memo of its own so that a step changes only what differs.
    let question = Memo::new(move |_| current.get().unwrap_or(QuestionId(0)));
    let place = Memo::new(move |_| {
        answers.with(|a| StepPlace {
            progress: progress_for(question.get(), a),
            editing: state.editing.with(Option::is_some),
            can_go_back: !a.path().is_empty(),
        })
    });
    let selected = Memo::new(move |_| {
        let q = question.get();
        picks.with(|p| p.get(q)).or_else(|| answers.with(|a| a.get(q))).or_else(|| state.remembered.with(|r| r.get(q)))
    });
    let on_pick = Callback::new(move |option: u8| {
        picks.update(|p| {
            p.answer_raw(question.get_untracked(), option);
        });
    });
    let on_continue = Callback::new(move |option: u8| {
        let q = question.get_untracked();
        picks.update(|p| p.clear_only(q));
        let mut next = answers.get_untracked();
        next.answer(q, option);
        state.go(&next);
    });

    // The result page's chunk: a link that opens on a result fetches it at once, beside the language
    // pack (the page shows once both are in); otherwise it is fetched once the questions' texts are in
    // (every step after the first waits for them): everyone who answers the questions needs it, and then
    // the last answer shows the result at once. Fetching a chunk already there (or on its way) does
    // nothing.
    if answers.with_untracked(|a| a.next_question().is_none()) {
        preload_result_page();
    }
    Effect::new(move |_| {
        if lang.pack_ready() {
            preload_result_page();
        }
    });

    let back = move || {
        if state.editing.get_untracked().is_some() {
            state.editing.set(None);
            return;
        }
        let mut previous = answers.get_untracked();
        let Some(last) = previous.path().last().copied() else { return };
        // The browser's history holds our steps: Back and the in-app Back stay one and the same.
        if state.back_stays_in_app() {
            state.history_back();
            return;
        }
        previous.clear(last);
        state.go(&previous);
    };

    // The document title says where the user is (written after the step is painted).
    Effect::new(move |_| {
        lang.pack_ready();
        let title = match current.get() {
            Some(q) => {
                let p = progress_for(q, &answers.get());
                format!("{} · {} – {}", p.in_words(lang.t(ui::STEP_OF)), lang.t(q.get().short), lang.t(ui::APP_TITLE))
            }
            None => format!("{} – {}", lang.t(ui::RESULT_TITLE), lang.t(ui::APP_TITLE)),
        };
        after_next_paint(move || {
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                doc.set_title(&title);
            }
        });
    });

    let announcement = move || match current.get() {
        Some(q) => {
            let p = progress_for(q, &answers.get());
            crate::engine::export::labelled(&p.in_words(lang.t(ui::STEP_OF)), lang.t(q.get().title), lang.lang.get())
        }
        None => lang.t(ui::RESULT_TITLE).to_string(),
    };

    let step = move || match screen.get() {
        Screen::Pending => view! { <PackPending/> }.into_any(),
        Screen::Question => {
            let handed = handed_over
                .try_update_value(Option::take)
                .flatten()
                .filter(|s| s.question == question.get_untracked().get().id);
            let focus_on = handed.as_ref().and_then(|s| s.focus.clone());
            let help_open = handed.is_some_and(|s| s.help_open);
            let on_back = Callback::new(move |_| back());
            view! {
                <QuestionStep
                    question
                    selected
                    on_pick
                    place
                    on_continue
                    on_back
                    focus_on
                    help_open
                />
            }
            .into_any()
        }
        Screen::Result(answers) => {
            let on_back = Callback::new(move |_| back());
            let load = move || -> ChunkLoad { Box::pin(result_page(answers, on_back)) };
            view! { <Chunk load fallback=PackPending failed=ui::PACK_FAILED/> }.into_any()
        }
    };

    view! {
        <div class="pc-wizard" class:pc-wizard--result=move || current.get().is_none()>
            <div class="pc-wizard__main">
                <LinkNotice/>
                {step}
            </div>
            <aside class="pc-wizard__side">
                {move || (!waiting.get()).then(|| view! { <AnswerSummary current/> })}
            </aside>
            <div class="pc-sr-only" aria-live="polite" aria-atomic="true">{announcement}</div>
        </div>
    }
}

/// The result page, in a WebAssembly chunk of its own (`src/ui/chunk.rs`): the first load holds the
/// questions only. The chunk is fetched once the questions' texts are in, or at once when a link opens on
/// a result; until it arrives the wizard shows what it shows for a language
/// pack on its way.
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(result_page, wasm_split_path = ::leptos::wasm_split, preload(preload_result_chunk), fallible)]
fn result_page(answers: Answers, on_back: Callback<()>) -> Result<AnyView, ChunkError> {
    Ok(view! { <ResultPage answers on_back/> }.into_any())
}

/// Without the `split` feature (host and browser tests), the same page, ready at once.
#[cfg(not(feature = "split"))]
async fn result_page(answers: Answers, on_back: Callback<()>) -> Result<AnyView, ChunkError> {
    Ok(view! { <ResultPage answers on_back/> }.into_any())
}

/// Starts fetching the result page's chunk before it is needed (a failure shows when it is needed).
fn preload_result_page() {
    #[cfg(feature = "split")]
    leptos::task::spawn_local(async {
        let _ = preload_result_chunk().await;
    });
}

/// Progress for question `q`: while editing, the step is the question's place in the path.
fn progress_for(q: QuestionId, answers: &Answers) -> Progress {
    let p = answers.progress();
    let path = answers.path();
    match path.iter().position(|&x| x == q) {
        Some(i) => Progress { step: i + 1, total: p.total.max(path.len()) },
        None => p,
    }
}
