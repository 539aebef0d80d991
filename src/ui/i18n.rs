//! The language of the interface: chosen from the link, then storage, then the browser; switching it
//! changes every text at once and keeps the answers.

use crate::content::{Lang, Text};
use leptos::prelude::*;

/// The current language, and whether the user picked it explicitly (only then it goes into links).
#[derive(Clone, Copy)]
pub struct LangContext {
    pub lang: RwSignal<Lang>,
    pub explicit: RwSignal<bool>,
}

impl LangContext {
    /// The context provided by `App`.
    pub fn expect() -> LangContext {
        expect_context::<LangContext>()
    }

    /// A text in the current language, tracked.
    pub fn t(&self, text: Text) -> &'static str {
        text.get(self.lang.get())
    }
}

/// A text in the current language, for use inside views: `{tr(ui::START)}`.
pub fn tr(text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let ctx = LangContext::expect();
    move || ctx.t(text)
}

/// Fills `{name}` placeholders of an interface text.
pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}
