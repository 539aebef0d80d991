//! The first screen: what the tool does, Start, and "continue where you left off".

use crate::content::ui;
use crate::engine::{Answers, ShareLink};
use crate::ui::i18n::{LangContext, fill, tr};
use crate::ui::storage;
use crate::ui::url_state::WizardState;
use leptos::prelude::*;

/// The landing page.
#[component]
pub fn Landing() -> impl IntoView {
    let state = WizardState::expect();
    let lang = LangContext::expect();
    // A previous run is worth offering only if its link still holds at least one answer.
    let saved = storage::get(storage::LAST_LINK).map(|q| ShareLink::decode(&q).0.answers).filter(|a| !a.is_empty());
    // The most questions a walk can ask: the first step's "of about N" (scripts/static-shell.mjs writes the
    // same number into the static landing).
    let total = Answers::new().progress().total.to_string();
    let questions = move || fill(lang.t(ui::LANDING_POINT_1), &[("total", total.clone())]);
    view! {
        <section class="pc-landing" aria-labelledby="landing-title">
            <h1 id="landing-title" tabindex="-1">{tr(ui::APP_TITLE)}</h1>
            <p class="pc-lede">{tr(ui::LANDING_LEDE)}</p>
            <p class="pc-lede">{tr(ui::LANDING_SECOND)}</p>
            <div class="pc-actions pc-actions--start">
                <button
                    type="button"
                    class="pc-button pc-button--primary pc-button--large"
                    on:click=move |_| state.go(&Answers::new())
                >
                    {tr(ui::START)}
                </button>
                {saved.map(|answers| view! {
                    <button
                        type="button"
                        class="pc-button pc-button--large"
                        on:click=move |_| state.go(&answers)
                    >
                        {tr(ui::CONTINUE_SAVED)}
                    </button>
                })}
            </div>
            <ul class="pc-landing__points">
                <li>{questions}</li>
                <li>{tr(ui::LANDING_POINT_2)}</li>
                <li>{tr(ui::LANDING_POINT_3)}</li>
            </ul>
            <crate::ui::code_check::CodeCheck/>
        </section>
    }
}
