//! The root component: language and theme, the header and footer, and the landing or the
//! wizard depending on the address; and when it takes over from the static first screen (`start`).

use crate::content::{Lang, packs, ui};
use crate::ui::checklist::ChecklistTicks;
use crate::ui::i18n::{LangContext, tr};
use crate::ui::landing::Landing;
use crate::ui::question::StaticStep;
use crate::ui::storage;
use crate::ui::theme::ThemeToggle;
use crate::ui::url_state::WizardState;
use crate::ui::wizard::Wizard;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Shell/>
    }
}

/// Starts the app in place of the static first screen of index.html, after the first paint, so the
/// page's first (and largest) content is the static one. When the code may start at all is up to trunk's
/// initializer (src/initializer.js): not while the static screen is in use.
pub fn start() {
    let Some(window) = web_sys::window() else { return mount() };
    let painted = window.performance().is_none_or(|p| p.get_entries_by_type("paint").length() > 0);
    if painted {
        return mount();
    }
    // The code arrived before the first paint: wait for it (at most a frame).
    let next = Closure::once_into_js(|| Timeout::new(0, mount).forget());
    if window.request_animation_frame(next.unchecked_ref()).is_err() {
        mount();
    }
}

/// Replaces the static screen with the app, carrying over what the user did on its first question (a
/// pick, the focus). Removing one and mounting the other happen in one task, so no frame shows neither.
fn mount() {
    let boot = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("pc-boot"));
    let static_step = boot.as_ref().and_then(StaticStep::read);
    if let Some(boot) = boot {
        boot.remove();
    }
    leptos::mount::mount_to_body(move || {
        if let Some(step) = static_step {
            provide_context(step);
        }
        view! { <App/> }
    });
    crate::ui::timing::mark(crate::ui::timing::MOUNTED);
    crate::ui::offline::register();
}

/// The language to start in, and whether the user chose it (only a chosen one goes into links), as
/// public/boot.js decided them before the first paint (the link's `lang=`, a stored choice, the
/// browser's language) and showed the static first screen in: `<html lang>` and `data-lang-chosen`. A
/// page without a known language there (no boot script) starts in the browser's language.
fn initial_lang() -> (Lang, bool) {
    let window = web_sys::window();
    let root = window.as_ref().and_then(|w| w.document()).and_then(|d| d.document_element());
    let decided = root.as_ref().and_then(|r| r.get_attribute("lang")).and_then(|tag| Lang::from_tag(&tag));
    match (decided, root) {
        (Some(lang), Some(root)) => (lang, root.has_attribute("data-lang-chosen")),
        _ => {
            let browser = window.and_then(|w| w.navigator().language()).unwrap_or_default();
            (Lang::from_browser_tag(&browser), false)
        }
    }
}

/// The page: header, landing or wizard, footer.
#[component]
fn Shell() -> impl IntoView {
    let (start_lang, stored) = initial_lang();
    let lang = LangContext::new(start_lang, stored);
    provide_context(lang);
    let state = WizardState::provide();
    provide_context(ChecklistTicks::new());
    crate::ui::packs::load_after_first_paint(lang);

    // A language in the link wins over storage and the browser, also when Back or Forward brings one.
    // Written only when it differs: a write notifies even with an equal value, and every text of the
    // page would be looked up again at each step of a link that names its language.
    Effect::new(move |_| {
        if let Some(l) = state.link.with(|(link, _)| link.lang) {
            if lang.lang.get_untracked() != l {
                lang.lang.set(l);
            }
            if !lang.explicit.get_untracked() {
                lang.explicit.set(true);
            }
        }
    });
    // Keeps the document's language attribute in step, for screen readers and fonts.
    Effect::new(move |_| {
        let l = lang.lang.get();
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", l.tag());
        }
    });

    let apply = move |l: Lang| {
        lang.lang.set(l);
        lang.explicit.set(true);
        storage::set(storage::LANG, l.code());
        state.replace_current();
    };
    // In the wizard, a switch to a language whose pack has not arrived waits for it (or for its failure,
    // which the step then shows with a retry), so the step on screen stays as it is meanwhile: its pick,
    // its focus, what the user opened. A later switch supersedes one still waiting: each switch takes the
    // next number, and a wait that ends applies its language only if no switch came after it.
    let latest = StoredValue::new(0u32);
    let switch = move |l: Lang| {
        let this = latest.get_value().wrapping_add(1);
        latest.set_value(this);
        if !state.started.get_untracked() || packs::is_loaded(l) {
            apply(l);
            return;
        }
        crate::ui::packs::load(lang, l);
        // Scoped: `apply` writes the address, which reads the language from the context.
        leptos::task::spawn_local_scoped(async move {
            crate::ui::packs::settled(lang, l).await;
            if latest.try_get_value() == Some(this) {
                apply(l);
            }
        });
    };
    let switcher = Lang::ALL
        .iter()
        .map(|&l| {
            let name = l.name();
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
            <a class="pc-brand" href="./" on:click=move |ev| { ev.prevent_default(); state.go_home(); }>
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
