//! The wizard: the current question or the result, the answer summary beside it, the document title
//! ("Step X of Y") and the live region that announces each step.

use crate::content::{QuestionId, ui};
use crate::ui::i18n::{LangContext, fill};
use crate::ui::link_notice::LinkNotice;
use crate::ui::packs::PackPending;
use crate::ui::question::QuestionStep;
use crate::ui::result::ResultPage;
use crate::ui::summary::AnswerSummary;
use crate::ui::url_state::WizardState;
use leptos::prelude::*;

/// The wizard's screen.
#[component]
pub fn Wizard() -> impl IntoView {
    let lang = LangContext::expect();
    let state = WizardState::expect();
    let answers = Memo::new(move |_| state.answers());
    let current = Memo::new(move |_| state.editing.get().or_else(|| answers.with(|a| a.next_question())));
    // Our own Back button uses the browser history while it holds our steps.
    let pushed = RwSignal::new(0usize);

    let back = move || {
        if state.editing.get_untracked().is_some() {
            state.editing.set(None);
            return;
        }
        let mut previous = answers.get_untracked();
        let Some(last) = previous.path().last().copied() else { return };
        if pushed.get_untracked() > 0 {
            pushed.update(|n| *n -= 1);
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                let _ = history.back();
                return;
            }
        }
        previous.clear(last);
        state.go(&previous);
    };

    // The document title says where the user is.
    Effect::new(move |_| {
        lang.pack_ready();
        let title = match current.get() {
            Some(q) => {
                let p = progress_for(q, &answers.get());
                format!(
                    "{} · {} – {}",
                    fill(lang.t(ui::STEP_OF), &[("step", p.step.to_string()), ("total", p.total.to_string())]),
                    lang.t(q.get().short),
                    lang.t(ui::APP_TITLE)
                )
            }
            None => format!("{} – {}", lang.t(ui::RESULT_TITLE), lang.t(ui::APP_TITLE)),
        };
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title);
        }
    });

    let announcement = move || match current.get() {
        Some(q) => {
            let p = progress_for(q, &answers.get());
            format!(
                "{}: {}",
                fill(lang.t(ui::STEP_OF), &[("step", p.step.to_string()), ("total", p.total.to_string())]),
                lang.t(q.get().title)
            )
        }
        None => lang.t(ui::RESULT_TITLE).to_string(),
    };

    // Every step but a fresh first question needs the language pack (the summary does too).
    let waiting =
        move || !lang.pack_ready() && (current.get() != Some(QuestionId(0)) || answers.with(|a| !a.path().is_empty()));

    let step = move || match current.get() {
        _ if waiting() => view! { <PackPending/> }.into_any(),
        Some(q) => {
            let a = answers.get_untracked();
            let preselect = a.get(q).or_else(|| state.remembered.with_untracked(|r| r.get(q)));
            let selected = RwSignal::new(preselect);
            let editing = state.editing.get_untracked().is_some();
            let can_go_back = !a.path().is_empty();
            let on_continue = Callback::new(move |option: u8| {
                let mut next = answers.get_untracked();
                next.answer(q, option);
                pushed.update(|n| *n += 1);
                state.go(&next);
            });
            let on_back = Callback::new(move |_| back());
            view! {
                <QuestionStep
                    question=q
                    selected
                    progress=progress_for(q, &a)
                    editing
                    on_continue
                    on_back
                    can_go_back
                />
            }
            .into_any()
        }
        None => view! { <ResultPage on_back=Callback::new(move |_| back())/> }.into_any(),
    };

    view! {
        <div class="pc-wizard" class:pc-wizard--result=move || current.get().is_none()>
            <div class="pc-wizard__main">
                <LinkNotice/>
                {step}
            </div>
            <aside class="pc-wizard__side">
                {move || (!waiting()).then(|| view! { <AnswerSummary current/> })}
            </aside>
            <div class="pc-sr-only" aria-live="polite" aria-atomic="true">{announcement}</div>
        </div>
    }
}

/// Progress for question `q`: while editing, the step is the question's place in the path.
fn progress_for(q: QuestionId, answers: &crate::engine::Answers) -> crate::engine::Progress {
    let p = answers.progress();
    let path = answers.path();
    match path.iter().position(|&x| x == q) {
        Some(i) => crate::engine::Progress { step: i + 1, total: p.total.max(path.len()) },
        None => p,
    }
}
