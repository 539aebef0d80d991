//! The language of the interface: public/boot.js chooses the first one (the link, then storage, then the
//! browser; see `ui::app::initial_lang`); switching it changes every text at once and keeps the answers.

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

/// What the app knows of one language's pack (`ui::packs::load` writes it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PackStatus {
    Missing,
    Loading,
    Loaded,
    Failed,
    /// The server no longer has it (a deploy replaced it): only a reload brings the texts back.
    Gone,
}

/// The state of every language's pack: one signal, and a memo of which are installed that the texts
/// track (so a fetch starting or failing does not write every text again).
#[derive(Clone, Copy)]
pub struct PackState {
    status: RwSignal<[PackStatus; Lang::ALL.len()]>,
    loaded: Memo<[bool; Lang::ALL.len()]>,
}

impl PackState {
    fn new() -> PackState {
        let status =
            RwSignal::new(
                Lang::ALL.map(|l| {
                    if crate::content::packs::is_loaded(l) { PackStatus::Loaded } else { PackStatus::Missing }
                }),
            );
        let loaded = Memo::new(move |_| status.get().map(|s| s == PackStatus::Loaded));
        PackState { status, loaded }
    }

    /// `lang`'s status, tracked.
    pub fn get(&self, lang: Lang) -> PackStatus {
        self.status.with(|s| s[lang as usize])
    }

    /// `lang`'s status, not tracked.
    pub fn get_untracked(&self, lang: Lang) -> PackStatus {
        self.status.with_untracked(|s| s[lang as usize])
    }

    /// Records `lang`'s status (a change only).
    pub fn set(&self, lang: Lang, to: PackStatus) {
        if self.get_untracked(lang) != to {
            self.status.update(|s| s[lang as usize] = to);
        }
    }

    /// Whether `lang`'s pack is installed, tracked through the memo.
    pub fn is_loaded(&self, lang: Lang) -> bool {
        self.loaded.with(|l| l[lang as usize])
    }

    /// Tracks which packs are installed, for what is written from several languages' texts.
    pub fn track_loaded(&self) {
        self.loaded.track();
    }
}

impl LangContext {
    /// A context starting in `lang`; `explicit` says whether the user (or the link) chose it.
    pub fn new(lang: Lang, explicit: bool) -> LangContext {
        LangContext { lang: RwSignal::new(lang), explicit: RwSignal::new(explicit), packs: PackState::new() }
    }

    /// The context provided by `App`.
    pub fn expect() -> LangContext {
        expect_context::<LangContext>()
    }

    /// A text in the current language, tracked.
    pub fn t(&self, text: Text) -> &'static str {
        if text.is_later() {
            self.packs.track_loaded();
        }
        text.get(self.lang.get())
    }

    /// Whether the current language's pack is there, tracked.
    pub fn pack_ready(&self) -> bool {
        self.packs.is_loaded(self.lang.get())
    }

    /// Whether fetching the current language's pack failed, tracked.
    pub fn pack_failed(&self) -> bool {
        matches!(self.packs.get(self.lang.get()), PackStatus::Failed | PackStatus::Gone)
    }
}

/// A text in the current language, for use inside views: `{tr(ui::START)}`.
pub fn tr(text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let ctx = LangContext::expect();
    move || ctx.t(text)
}

/// Fills `{name}` placeholders (the engine owns it: exports use it too).
pub use crate::engine::export::fill;
