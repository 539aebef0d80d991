//! The answers so far, in the order asked, each with a "Change" button; the current step is marked
//! `aria-current="step"`. Rows are keyed, so a step changes only the rows that differ.

use crate::content::{QuestionId, ui};
use crate::ui::i18n::{LangContext, tr};
use crate::ui::url_state::WizardState;
use leptos::prelude::*;

/// The list of answers given, with the current question last.
#[component]
pub fn AnswerSummary(
    /// The question on screen, marked as the current step; `None` on the result page.
    current: Memo<Option<QuestionId>>,
) -> impl IntoView {
    let lang = LangContext::expect();
    let state = WizardState::expect();
    // One row per answer, and the current question last; a row is kept from one step to the next (keyed
    // by what it shows), so a step adds or changes a row or two instead of writing the list again.
    let rows = Memo::new(move |_| {
        let current = current.get();
        state.link.with(|(link, _)| {
            let answers = &link.answers;
            let mut rows: Vec<(QuestionId, Option<u8>, bool)> =
                answers.path().into_iter().map(|q| (q, answers.get(q), current == Some(q))).collect();
            if let Some(q) = current.filter(|q| answers.get(*q).is_none()) {
                rows.push((q, None, true));
            }
            rows
        })
    });
    let row = move |(q, answer, is_current): (QuestionId, Option<u8>, bool)| {
        let question = q.get();
        let label = move || match answer {
            Some(o) => lang.t(question.options[o as usize].label),
            None => "…",
        };
        view! {
            <li class="pc-summary__item" aria-current=is_current.then_some("step")>
                <span class="pc-summary__q">{move || lang.t(question.short)}</span>
                <span class="pc-summary__a">{label}</span>
                {answer.is_some().then(|| view! {
                    <button
                        type="button"
                        class="pc-link-button"
                        on:click=move |_| state.editing.set(Some(q))
                    >
                        {tr(ui::CHANGE)}
                        <span class="pc-sr-only">{move || lang.t(ui::LABEL_SEP)}{move || lang.t(question.short)}</span>
                    </button>
                })}
            </li>
        }
    };
    view! {
        <nav class="pc-summary" aria-labelledby="summary-title" id="answers">
            <h2 id="summary-title" class="pc-summary__title">{tr(ui::YOUR_ANSWERS)}</h2>
            <ol class="pc-summary__list">
                <For each=move || rows.get() key=|r| *r children=row/>
            </ol>
        </nav>
    }
}
