//! Light and dark themes: the system's preference by default, or the user's choice, remembered.

use crate::content::{Text, ui};
use crate::ui::storage;
use leptos::prelude::*;

/// The user's theme choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn from_str(s: &str) -> Theme {
        match s {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }

    fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    fn label(self) -> Text {
        match self {
            Theme::System => ui::THEME_SYSTEM,
            Theme::Light => ui::THEME_LIGHT,
            Theme::Dark => ui::THEME_DARK,
        }
    }
}

/// The theme button for the header.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let lang = crate::ui::i18n::LangContext::expect();
    let theme = RwSignal::new(storage::get(storage::THEME).map_or(Theme::System, |s| Theme::from_str(&s)));
    // Applies the theme to the document and remembers it.
    Effect::new(move |_| {
        let t = theme.get();
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = match t {
                Theme::System => root.remove_attribute("data-theme"),
                _ => root.set_attribute("data-theme", t.as_str()),
            };
        }
        storage::set(storage::THEME, t.as_str());
    });
    view! {
        <button
            type="button"
            class="pc-button pc-button--small pc-theme"
            on:click=move |_| theme.update(|t| *t = t.next())
        >
            {move || crate::engine::export::labelled(lang.t(ui::THEME), lang.t(theme.get().label()), lang.lang.get())}
        </button>
    }
}
