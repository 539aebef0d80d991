//! Renders a content text, with `backticked` spans as inline code. Text only, never markup.

use crate::content::Text;
use crate::ui::i18n::LangContext;
use leptos::prelude::*;

/// A content text in the current language.
#[component]
pub fn RichText(
    /// The text.
    text: Text,
) -> impl IntoView {
    let lang = LangContext::expect();
    move || {
        lang.t(text)
            .split('`')
            .enumerate()
            .map(|(i, piece)| if i % 2 == 1 { view! { <code>{piece}</code> }.into_any() } else { piece.into_any() })
            .collect_view()
    }
}
