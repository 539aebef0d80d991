//! The root component: language and theme, the header and footer, and the landing or the
//! wizard depending on the address.

use crate::content::{Lang, ui};
use crate::ui::i18n::{LangContext, tr};
use crate::ui::landing::Landing;
use crate::ui::storage;
use crate::ui::theme::ThemeToggle;
use crate::ui::url_state::WizardState;
use crate::ui::wizard::Wizard;
use leptos::prelude::*;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Shell/>
    }
}

/// The language to start in: a stored choice, else the browser's.
fn initial_lang() -> (Lang, bool) {
    if let Some(lang) = storage::get(storage::LANG).and_then(|s| Lang::from_code(&s)) {
        return (lang, true);
    }
    let browser = web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_default();
    (Lang::from_browser_tag(&browser), false)
}

/// The page: header, landing or wizard, footer.
#[component]
fn Shell() -> impl IntoView {
    let (start_lang, stored) = initial_lang();
    let lang = LangContext::new(start_lang, stored);
    provide_context(lang);
    let state = WizardState::provide();
    crate::ui::packs::load_after_first_paint(lang);

    // A language in the link wins over storage and the browser.
    Effect::new(move |_| {
        if let Some(l) = state.link.with(|(link, _)| link.lang) {
            lang.lang.set(l);
            lang.explicit.set(true);
        }
    });
    // Keeps the document's language attribute in step, for screen readers and fonts.
    Effect::new(move |_| {
        let l = lang.lang.get();
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", l.tag());
        }
    });

    let switch = move |l: Lang| {
        lang.lang.set(l);
        lang.explicit.set(true);
        storage::set(storage::LANG, l.code());
        state.replace_current();
    };
    let switcher = Lang::ALL
        .iter()
        .map(|&l| {
            let name = match l {
                Lang::En => "English",
                Lang::Zh => "简体中文",
            };
            view! {
                <button
                    type="button"
                    class="pc-lang__button"
                    lang=l.tag()
                    aria-pressed=move || (lang.lang.get() == l).to_string()
                    on:click=move |_| switch(l)
                >
                    {name}
                </button>
            }
        })
        .collect_view();

    view! {
        <a class="pc-skip" href="#main">{tr(ui::SKIP_TO_CONTENT)}</a>
        <header class="pc-header">
            <a class="pc-brand" href="/" on:click=move |ev| { ev.prevent_default(); state.go_home(); }>
                {tr(ui::APP_TITLE)}
            </a>
            <div class="pc-header__tools">
                <div class="pc-lang" role="group" aria-label=move || lang.t(ui::LANGUAGE)>{switcher}</div>
                <ThemeToggle/>
            </div>
        </header>
        <main id="main" class="pc-main">
            {move || if state.started.get() { view! { <Wizard/> }.into_any() } else { view! { <Landing/> }.into_any() }}
        </main>
        <footer class="pc-footer">
            <p>{tr(ui::FOOTER_PRIVATE)}</p>
        </footer>
    }
}
