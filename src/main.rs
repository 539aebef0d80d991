//! Mounts the app in place of the static first screen of index.html, carrying over what the user did on
//! its first question. The panic hook logs the message and shows the "start over" panel; the service
//! worker keeps the app available offline.

use leptos::prelude::*;
use pyconc::ui::app::App;
use pyconc::ui::question::StaticStep;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

fn main() {
    pyconc::ui::panic_panel::install();
    // The static first screen is painted before the app replaces it, so the page's first (and largest)
    // content is the static one. If the WebAssembly is here before the first paint, mounting waits for
    // it (at most a frame).
    let painted =
        web_sys::window().and_then(|w| w.performance()).is_none_or(|p| p.get_entries_by_type("paint").length() > 0);
    match web_sys::window() {
        Some(window) if !painted => {
            let after_paint = Closure::once_into_js(|| {
                gloo_timers::callback::Timeout::new(0, mount).forget();
            });
            if window.request_animation_frame(after_paint.unchecked_ref()).is_err() {
                mount();
            }
        }
        _ => mount(),
    }
}

fn mount() {
    // Removing the static screen and mounting happen in one task, so no frame shows neither. What the user
    // did on the static first question (a pick, the focus) is read first and carried into the app.
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
    pyconc::ui::timing::mark(pyconc::ui::timing::MOUNTED);
    pyconc::ui::offline::register();
}
