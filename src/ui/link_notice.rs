//! The notice shown when a link could not be used in full: what was dropped and why. Values from the
//! link are shown as text, never as markup.

use crate::content::{QUESTIONS, Text, ui};
use crate::engine::Notice;
use crate::ui::i18n::{LangContext, fill, tr};
use crate::ui::url_state::WizardState;
use leptos::prelude::*;

fn describe(notice: &Notice) -> (Text, Vec<(&'static str, String)>) {
    match notice {
        Notice::TooLong => (ui::NOTICE_TOO_LONG, vec![]),
        Notice::BadEscape => (ui::NOTICE_BAD_ESCAPE, vec![]),
        Notice::UnknownKey(k) => (ui::NOTICE_UNKNOWN_KEY, vec![("key", k.clone())]),
        Notice::InvalidValue { key, value } => {
            (ui::NOTICE_INVALID_VALUE, vec![("key", key.clone()), ("value", value.clone())])
        }
        Notice::Repeated(k) => (ui::NOTICE_REPEATED, vec![("key", k.clone())]),
        Notice::NotAsked(k) => (ui::NOTICE_NOT_ASKED, vec![("key", k.clone())]),
        Notice::FutureVersion(v) => (ui::NOTICE_FUTURE_VERSION, vec![("version", v.clone())]),
        Notice::NoVersion => (ui::NOTICE_NO_VERSION, vec![]),
    }
}

/// Lists what the opening link dropped, until the user moves on or dismisses it.
#[component]
pub fn LinkNotice() -> impl IntoView {
    let lang = LangContext::expect();
    let state = WizardState::expect();
    move || {
        if state.dismissed_notices.get() {
            return None;
        }
        let notices = state.notices();
        if notices.is_empty() {
            return None;
        }
        let items = notices
            .iter()
            .map(|n| {
                let (text, mut values) = describe(n);
                // A question the other answers leave out is named as the page names it (its short label,
                // “I/O 类型”), not by its key in the link (`io`).
                let question = match n {
                    Notice::NotAsked(k) => QUESTIONS.iter().find(|q| q.id == k.as_str()),
                    _ => None,
                };
                view! {
                    <li>
                        {move || {
                            if let Some(q) = question {
                                values[0].1 = lang.t(q.short).to_string();
                            }
                            fill(lang.t(text), &values)
                        }}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <div class="pc-notice" role="alert" data-testid="link-notice">
                <h2 class="pc-notice__title">{tr(ui::NOTICE_TITLE)}</h2>
                <ul>{items}</ul>
                <p>{tr(ui::NOTICE_KEPT)}</p>
                <button type="button" class="pc-button pc-button--small" on:click=move |_| state.dismissed_notices.set(true)>
                    {tr(ui::DISMISS)}
                </button>
            </div>
        })
    }
}
