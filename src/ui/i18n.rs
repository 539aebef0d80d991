//! The language of the interface: chosen from the link, then storage, then the browser; switching it
//! changes every text at once and keeps the answers.

use crate::content::{Lang, Text};
use leptos::prelude::*;

/// The current language, and whether the user picked it explicitly (only then it goes into links).
#[derive(Clone, Copy)]
pub struct LangContext {
    pub lang: RwSignal<Lang>,
    pub explicit: RwSignal<bool>,
    /// Which language packs have arrived or failed (see `ui::packs`).
    pub packs: PackState,
}

/// The state of the language packs: `arrived` fires when one is installed (whether a pack is there is
/// `content::packs::is_loaded`), `failed` has a bit per language whose fetch failed.
#[derive(Clone, Copy)]
pub struct PackState {
    pub arrived: Trigger,
    pub failed: RwSignal<u8>,
}

impl LangContext {
    /// A context starting in `lang`; `explicit` says whether the user (or the link) chose it.
    pub fn new(lang: Lang, explicit: bool) -> LangContext {
        LangContext {
            lang: RwSignal::new(lang),
            explicit: RwSignal::new(explicit),
            packs: PackState { arrived: Trigger::new(), failed: RwSignal::new(0) },
        }
    }

    /// The context provided by `App`.
    pub fn expect() -> LangContext {
        expect_context::<LangContext>()
    }

    /// A text in the current language, tracked.
    pub fn t(&self, text: Text) -> &'static str {
        if text.is_later() {
            self.packs.arrived.track();
        }
        text.get(self.lang.get())
    }

    /// Whether the current language's pack is there, tracked.
    pub fn pack_ready(&self) -> bool {
        self.packs.arrived.track();
        crate::content::packs::is_loaded(self.lang.get())
    }

    /// Whether fetching the current language's pack failed, tracked.
    pub fn pack_failed(&self) -> bool {
        self.packs.failed.get() & (1 << self.lang.get() as u8) != 0
    }
}

/// A text in the current language, for use inside views: `{tr(ui::START)}`.
pub fn tr(text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let ctx = LangContext::expect();
    move || ctx.t(text)
}

/// Fills `{name}` placeholders (the engine owns it: exports use it too).
pub use crate::engine::export::fill;
