//! The address is the state: the answers (and an explicitly chosen language) live in the query string.
//! This module reads them reactively and writes them through the address bar (`ui::address`), so Back and Forward move
//! through the steps.

use crate::content::Lang;
use crate::engine::{Answers, Notice, ShareLink};
use crate::ui::address::Address;
use crate::ui::i18n::LangContext;
use crate::ui::storage;
use leptos::prelude::*;

/// The wizard's state, derived from the address, plus the little that is not in it.
#[derive(Clone, Copy)]
pub struct WizardState {
    /// The decoded link: answers and language.
    pub link: Memo<(ShareLink, Vec<Notice>)>,
    /// Whether the address says the wizard has started; otherwise the landing shows.
    pub started: Memo<bool>,
    /// Every answer given or opened in this visit, so going back keeps them preselected.
    pub remembered: RwSignal<Answers>,
    /// The question being edited from the summary, if any: on top of the address's answers, until a
    /// step, Back or Forward.
    pub editing: RwSignal<Option<crate::content::QuestionId>>,
    /// What the link that opened the app dropped, shown once as a notice.
    pub dismissed_notices: RwSignal<bool>,
    address: Address,
}

impl WizardState {
    /// Creates the state from the address and provides it as context.
    pub fn provide() -> WizardState {
        let editing = RwSignal::new(None);
        // An edit opened from the summary has no history entry of its own: Back or Forward leaves it, so
        // the page shows what the address it lands on holds (and Continue answers on top of those).
        let address = Address::new(move || {
            if editing.get_untracked().is_some() {
                editing.set(None);
            }
        });
        let search = address.search;
        let link = Memo::new(move |_| ShareLink::decode(&search.get()));
        let started = Memo::new(move |_| search.with(|s| ShareLink::started(s)));
        let state = WizardState {
            link,
            started,
            remembered: RwSignal::new(Answers::new()),
            editing,
            dismissed_notices: RwSignal::new(false),
            address,
        };
        // The answers of every address shown count too: a result opened from a link, then Back, shows the
        // last question with its answer picked.
        Effect::new(move |_| {
            let answers = link.with(|(l, _)| l.answers);
            state.remembered.update(|r| merge(r, &answers));
        });
        provide_context(state);
        state
    }

    /// The context provided by `App`.
    pub fn expect() -> WizardState {
        expect_context::<WizardState>()
    }

    /// The answers in the address, tracked.
    pub fn answers(&self) -> Answers {
        self.link.with(|(l, _)| l.answers)
    }

    /// The notices about the link, tracked.
    pub fn notices(&self) -> Vec<Notice> {
        self.link.with(|(_, n)| n.clone())
    }

    /// The query string for `answers` in the current language choice.
    pub fn query_for(&self, answers: &Answers) -> String {
        let lang = LangContext::expect();
        let explicit: Option<Lang> = lang.explicit.get_untracked().then(|| lang.lang.get_untracked());
        ShareLink { answers: *answers, lang: explicit }.encode()
    }

    /// Goes to the step for `answers`, as a new history entry.
    pub fn go(&self, answers: &Answers) {
        self.editing.set(None);
        self.dismissed_notices.set(true);
        let query = self.query_for(answers);
        // Relative: the app's own path stays (it may be served under a sub-path, `/tools/pyconc/`).
        self.address.go(&format!("?{query}"), false);
        // Kept for "Continue where you left off"; storage can wait until the step is painted.
        crate::ui::address::after_next_paint(move || {
            storage::set(storage::LAST_LINK, &query);
        });
    }

    /// Rewrites the current address in place (for a language switch), keeping the answers.
    pub fn replace_current(&self) {
        if !self.started.get_untracked() {
            return;
        }
        let answers = self.link.with_untracked(|(l, _)| l.answers);
        let query = self.query_for(&answers);
        self.address.go(&format!("?{query}"), true);
    }

    /// Whether the browser's Back shows the step before the one on screen (see `Address`).
    pub fn back_stays_in_app(&self) -> bool {
        self.address.back_stays_in_app()
    }

    /// One entry back in the browser's history.
    pub fn history_back(&self) {
        self.address.back();
    }

    /// Back to the landing page.
    pub fn go_home(&self) {
        self.editing.set(None);
        self.address.go("./", false);
    }

    /// The link of the current state, absolute (with the path the app is served at), for sharing.
    pub fn share_url(&self) -> String {
        let location = web_sys::window().map(|w| w.location());
        let here =
            location.and_then(|l| Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))).unwrap_or_default();
        let answers = self.answers();
        format!("{here}?{}", self.query_for(&answers))
    }
}

/// Copies every answer of `from` into `into`.
fn merge(into: &mut Answers, from: &Answers) {
    for q in crate::content::QuestionId::all() {
        if let Some(o) = from.get(q) {
            into.answer_raw(q, o);
        }
    }
}
