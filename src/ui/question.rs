//! One question step: the question as a real radio group, its help, and keyboard shortcuts (number
//! keys pick an option, arrows move, Enter goes on). The first question also exists as a static form in
//! index.html, with the same markup, usable before the app arrives (`StaticStep`).

use crate::content::{QuestionId, ui};
use crate::engine::Progress;
use crate::ui::i18n::{LangContext, fill, tr};
use crate::ui::rich_text::RichText;
use leptos::ev::{KeyboardEvent, SubmitEvent};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A question with its options.
#[component]
pub fn QuestionStep(
    /// The question shown.
    question: QuestionId,
    /// The option picked so far (preselected when the user comes back).
    selected: RwSignal<Option<u8>>,
    /// Where the user stands, for "Step X of about Y".
    progress: Progress,
    /// Whether this step edits an earlier answer.
    editing: bool,
    /// Called with the picked option when the user goes on.
    on_continue: Callback<u8>,
    /// Called when the user goes back (or cancels an edit).
    on_back: Callback<()>,
    /// Whether there is a step to go back to.
    can_go_back: bool,
    /// Where the focus was on the static first question this step replaces (see `StaticStep`).
    #[prop(optional_no_strip)]
    focus_on: Option<String>,
    /// Whether the help is open from the start (it was on the static first question).
    #[prop(optional)]
    help_open: bool,
) -> impl IntoView {
    let lang = LangContext::expect();
    let q = question.get();
    let heading = NodeRef::<html::H1>::new();

    // Focus moves to the question heading at each step, so screen readers read the new question; on the
    // step that replaces the static first question, it stays on the control the user was on.
    Effect::new(move |_| {
        let Some(h) = heading.get() else { return };
        match focus_on.as_deref().and_then(crate::ui::focus::find) {
            Some(element) => crate::ui::focus::without_scrolling(&element),
            None => crate::ui::focus::without_scrolling(&h),
        }
        crate::ui::timing::first_question_shown();
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

    // Number keys pick an option anywhere on the page; Enter goes on when focus is not on a control
    // that handles Enter itself.
    let options_len = q.options.len();
    let keys = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let target_tag = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|e| e.tag_name().to_ascii_lowercase())
            .unwrap_or_default();
        if matches!(target_tag.as_str(), "textarea" | "select") {
            return;
        }
        let key = ev.key();
        if let Some(n) = key.parse::<usize>().ok().filter(|n| (1..=options_len).contains(n)) {
            if target_tag == "input" && !is_radio(&ev) {
                return;
            }
            ev.prevent_default();
            selected.set(Some((n - 1) as u8));
            focus_option(n - 1);
        } else if key == "Enter" && !matches!(target_tag.as_str(), "button" | "a" | "input" | "summary") {
            ev.prevent_default();
            go_on();
        }
    });
    on_cleanup(move || keys.remove());

    let step_text = move || {
        fill(lang.t(ui::STEP_OF), &[("step", progress.step.to_string()), ("total", progress.total.to_string())])
    };
    let options = q
        .options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let index = i as u8;
            let id = format!("opt-{i}");
            let label_for = id.clone();
            let hint_id = format!("opt-{i}-explain");
            let checked = move || selected.get() == Some(index);
            view! {
                <label class="pc-option" class:pc-option--checked=checked for=label_for>
                    <input
                        type="radio"
                        name=q.id
                        id=id
                        value=option.id
                        aria-describedby=hint_id.clone()
                        prop:checked=checked
                        on:change=move |_| selected.set(Some(index))
                    />
                    <span class="pc-option__key" aria-hidden="true">{i + 1}</span>
                    <span class="pc-option__text">
                        <span class="pc-option__label">{move || lang.t(option.label)}</span>
                        <span class="pc-option__explain" id=hint_id><RichText text=option.explain/></span>
                    </span>
                </label>
            }
        })
        .collect_view();
    let find_out = move || {
        let option = &q.options[selected.get()? as usize];
        let text = option.find_out?;
        Some(view! {
            <div class="pc-findout" role="note">
                <h3>{tr(ui::HOW_TO_FIND_OUT)}</h3>
                <p><RichText text/></p>
            </div>
        })
    };

    view! {
        <form class="pc-question" on:submit=on_submit aria-labelledby="question-title" data-question=q.id>
            <p class="pc-step" data-testid="step">{step_text}</p>
            <progress
                class="pc-progress"
                max=progress.total
                value=progress.step
                aria-hidden="true"
            ></progress>
            {editing.then(|| view! { <p class="pc-editing">{tr(ui::EDITING)}</p> })}
            <h1 id="question-title" tabindex="-1" node_ref=heading>{move || lang.t(q.title)}</h1>
            <details class="pc-help" open=help_open>
                <summary>{tr(ui::WHY_IT_MATTERS)}</summary>
                <p><RichText text=q.help/></p>
            </details>
            <fieldset class="pc-options">
                <legend class="pc-sr-only">{move || lang.t(q.title)}</legend>
                {options}
            </fieldset>
            {find_out}
            <p class="pc-keys">{tr(ui::KEYS_HINT)}</p>
            <div class="pc-actions">
                <button
                    type="button"
                    class="pc-button pc-button--quiet"
                    on:click=move |_| on_back.run(())
                    disabled=!can_go_back && !editing
                >
                    {move || if editing { lang.t(ui::CANCEL) } else { lang.t(ui::BACK) }}
                </button>
                <button type="submit" class="pc-button pc-button--primary" disabled=move || selected.get().is_none()>
                    {tr(ui::CONTINUE)}
                </button>
            </div>
        </form>
    }
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
