//! One question step: the question as a real radio group, its help, and keyboard shortcuts while the
//! focus is in the question (number keys pick an option, arrows move, Enter goes on). The step stays on
//! screen from one question to the next and changes in place: its texts, its options (kept by position
//! while their number stays) and its state, so a step costs a few text changes rather than a new form.
//! The first question also exists as a static form in index.html, with the same markup, usable before
//! the app arrives (`StaticStep`).

use crate::content::{AnswerOption, QuestionId, ui};
use crate::engine::Progress;
use crate::ui::i18n::{LangContext, tr};
use leptos::ev::{KeyboardEvent, SubmitEvent};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where a question step stands: for "Step X of about Y", the Back button and the editing note.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepPlace {
    /// Step X of about Y.
    pub progress: Progress,
    /// Whether this step edits an earlier answer.
    pub editing: bool,
    /// Whether there is a step to go back to.
    pub can_go_back: bool,
}

/// A question with its options.
#[component]
pub fn QuestionStep(
    /// The question shown; when it changes, the step changes in place.
    question: Memo<QuestionId>,
    /// The option picked so far (preselected when the user comes back).
    selected: Memo<Option<u8>>,
    /// Called with an option when the user picks it.
    on_pick: Callback<u8>,
    /// Where the user stands.
    place: Memo<StepPlace>,
    /// Called with the picked option when the user goes on.
    on_continue: Callback<u8>,
    /// Called when the user goes back (or cancels an edit).
    on_back: Callback<()>,
    /// Where the focus was on the static first question this step replaces (see `StaticStep`).
    #[prop(optional_no_strip)]
    focus_on: Option<String>,
    /// Whether the help is open from the start (it was on the static first question).
    #[prop(optional)]
    help_open: bool,
) -> impl IntoView {
    let lang = LangContext::expect();
    let heading = NodeRef::<html::H1>::new();
    let help = NodeRef::<html::Details>::new();
    let q = move || question.get().get();

    // Focus moves to the question heading at each step, so screen readers read the new question; on the
    // step that replaces the static first question, it stays on the control the user was on. A new
    // question starts with its help closed.
    Effect::new(move |previous: Option<QuestionId>| {
        let now = question.get();
        let Some(h) = heading.get() else { return now };
        if previous.is_some()
            && let Some(details) = help.get_untracked()
        {
            let _ = details.remove_attribute("open");
        }
        let handed = if previous.is_none() { focus_on.as_deref().and_then(crate::ui::focus::find) } else { None };
        crate::ui::focus::without_scrolling(handed.as_ref().unwrap_or(&h));
        crate::ui::timing::first_question_shown();
        now
    });

    let go_on = move || {
        if let Some(o) = selected.get_untracked() {
            on_continue.run(o);
        }
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        go_on();
    };

    // Number keys pick an option while the focus is in the question (its heading has it after every
    // step), nowhere else on the page (WCAG 2.1.4: a one-key shortcut only where its component has the
    // focus); Enter goes on when the focus is not on a control that handles Enter itself.
    let on_key = move |ev: KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let target_tag = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|e| e.tag_name().to_ascii_lowercase())
            .unwrap_or_default();
        let options_len = question.with_untracked(|q| q.get().options.len());
        let key = ev.key();
        if let Some(n) = key.parse::<usize>().ok().filter(|n| (1..=options_len).contains(n)) {
            if target_tag == "input" && !is_radio(&ev) {
                return;
            }
            ev.prevent_default();
            on_pick.run((n - 1) as u8);
            focus_option(n - 1);
        } else if key == "Enter" && !matches!(target_tag.as_str(), "button" | "a" | "input" | "summary") {
            ev.prevent_default();
            go_on();
        }
    };

    let progress = move || place.get().progress;
    let editing = move || place.get().editing;
    let step_text = move || progress().in_words(lang.t(ui::STEP_OF));
    let count = Memo::new(move |_| q().options.len());
    // One row per position: the rows stay when the question changes and show the new question's options
    // (all are made again only when the number of options changes).
    let option_row = move |i: usize| {
        let index = i as u8;
        let option = move || q().options.get(i);
        let text = move |f: fn(&AnswerOption) -> crate::content::Text| option().map_or("", |o| lang.t(f(o)));
        let checked = move || selected.get() == Some(index);
        view! {
            <label class="pc-option" class:pc-option--checked=checked for=format!("opt-{i}")>
                <input
                    type="radio"
                    name=move || q().id
                    id=format!("opt-{i}")
                    value=move || option().map_or("", |o| o.id)
                    aria-describedby=format!("opt-{i}-explain")
                    prop:checked=checked
                    on:change=move |_| on_pick.run(index)
                />
                <span class="pc-option__key" aria-hidden="true">{i + 1}</span>
                <span class="pc-option__text">
                    <span class="pc-option__label">{move || text(|o| o.label)}</span>
                    <span class="pc-option__explain" id=format!("opt-{i}-explain")>{move || rich(text(|o| o.explain))}</span>
                </span>
            </label>
        }
    };
    let find_out = move || {
        let text = q().options.get(selected.get()? as usize)?.find_out?;
        Some(view! {
            <div class="pc-findout" role="note">
                <h3>{tr(ui::HOW_TO_FIND_OUT)}</h3>
                <p>{move || rich(lang.t(text))}</p>
            </div>
        })
    };

    view! {
        <form class="pc-question" on:submit=on_submit on:keydown=on_key aria-labelledby="question-title" data-question=move || q().id>
            <p class="pc-step" data-testid="step">{step_text}</p>
            <progress
                class="pc-progress"
                max=move || progress().total
                value=move || progress().step
                aria-hidden="true"
            ></progress>
            {move || editing().then(|| view! { <p class="pc-editing">{tr(ui::EDITING)}</p> })}
            <h1 id="question-title" tabindex="-1" node_ref=heading>{move || lang.t(q().title)}</h1>
            <details class="pc-help" open=help_open node_ref=help>
                <summary>{tr(ui::WHY_IT_MATTERS)}</summary>
                <p>{move || rich(lang.t(q().help))}</p>
            </details>
            <fieldset class="pc-options">
                <legend class="pc-sr-only">{move || lang.t(q().title)}</legend>
                {move || (0..count.get()).map(option_row).collect_view()}
            </fieldset>
            {find_out}
            <p class="pc-keys">{tr(ui::KEYS_HINT)}</p>
            <div class="pc-actions">
                <button
                    type="button"
                    class="pc-button pc-button--quiet"
                    on:click=move |_| on_back.run(())
                    disabled=move || !place.get().can_go_back && !editing()
                >
                    {move || if editing() { lang.t(ui::CANCEL) } else { lang.t(ui::BACK) }}
                </button>
                <button type="submit" class="pc-button pc-button--primary" disabled=move || selected.get().is_none()>
                    {tr(ui::CONTINUE)}
                </button>
            </div>
        </form>
    }
}

/// A content text as `ui::rich_text::RichText` renders it (`backticked` spans as inline code), for a text
/// that changes with the question.
fn rich(text: &'static str) -> impl IntoView + use<> {
    text.split('`')
        .enumerate()
        .map(|(i, piece)| if i % 2 == 1 { view! { <code>{piece}</code> }.into_any() } else { piece.into_any() })
        .collect_view()
}

fn is_radio(ev: &KeyboardEvent) -> bool {
    ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some_and(|i| i.type_() == "radio")
}

fn focus_option(index: usize) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("opt-{index}")))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(e) = element {
        let _ = e.focus();
    }
}

/// What the user did on the static first question of index.html (filled by scripts/static-shell.mjs,
/// shown by public/boot.js) before the app mounted over it: the option picked, where the focus was and
/// whether the help was open. The app's first step carries them on, so mounting changes nothing the user
/// can see or feel. Provided as context by `main`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StaticStep {
    /// The question's id (`work`).
    pub question: String,
    /// The id of the option picked, if any.
    pub option: Option<String>,
    /// A selector for the element that had the focus (see `ui::focus::selector`), if any.
    pub focus: Option<String>,
    /// Whether "Why this matters" was open.
    pub help_open: bool,
}

impl StaticStep {
    /// Reads the static screen `boot` (`#pc-boot`) before it is removed; `None` unless its question is
    /// shown.
    pub fn read(boot: &web_sys::Element) -> Option<StaticStep> {
        let form = boot.query_selector("form.pc-question").ok()??;
        let shown = form.dyn_ref::<web_sys::HtmlElement>().is_some_and(|f| f.offset_parent().is_some());
        if !shown {
            return None;
        }
        let option = form
            .query_selector("input[type=radio]:checked")
            .ok()
            .flatten()
            .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|i| i.value());
        let focus = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .filter(|e| boot.contains(Some(e)))
            .and_then(|e| crate::ui::focus::selector(&e));
        let help_open = form.query_selector("details.pc-help[open]").ok().flatten().is_some();
        Some(StaticStep { question: form.get_attribute("data-question")?, option, focus, help_open })
    }

    /// The pick as the engine knows it: the question and the option's index.
    pub fn pick(&self) -> Option<(QuestionId, u8)> {
        let q = QuestionId::find(&self.question)?;
        let option = self.option.as_deref()?;
        let index = q.get().options.iter().position(|o| o.id == option)?;
        Some((q, index as u8))
    }
}
