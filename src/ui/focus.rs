//! Moving focus at a step change. The page has just been scrolled to the top (`ui::address`), so the
//! browser need not work out how to scroll the heading into view, which on a phone cost more than the
//! rest of the step. Also: carrying the focus from the static first screen over to the app's identical
//! markup when it mounts.

use wasm_bindgen::JsCast;

/// Focuses `element` without scrolling to it.
pub fn without_scrolling(element: &web_sys::HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}

/// The controls of the static first screen that the app renders again, by a selector that finds each
/// in both (elements with an id are found by it).
/// The language buttons are found by their `lang`.
const CONTROLS: &[&str] = &[
    ".pc-skip",
    ".pc-brand",
    ".pc-theme",
    ".pc-help > summary",
    "form.pc-question button[type=submit]",
    "form.pc-question .pc-actions button[type=button]",
];

/// A selector that finds `element` of the static first screen again in the app, if it is one of them.
pub fn selector(element: &web_sys::Element) -> Option<String> {
    let id = element.id();
    if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Some(format!("#{id}"));
    }
    if element.matches(".pc-lang__button").unwrap_or(false) {
        return element.get_attribute("lang").map(|tag| format!(".pc-lang__button[lang=\"{tag}\"]"));
    }
    CONTROLS.iter().find(|s| element.matches(s).unwrap_or(false)).map(|s| s.to_string())
}

/// The element `selector` finds in the page, if it can take the focus.
pub fn find(selector: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?.document()?.query_selector(selector).ok()??.dyn_into().ok()
}

/// Focuses `element` without scrolling once it is in the document, trying for a few frames: a part that
/// comes in a chunk of its own (`ui::chunk`) is made before it takes its placeholder's place.
pub fn when_connected(element: web_sys::HtmlElement) {
    fn attempt(element: web_sys::HtmlElement, frames_left: u8) {
        if element.is_connected() {
            without_scrolling(&element);
        } else if frames_left > 0 {
            leptos::prelude::request_animation_frame(move || attempt(element, frames_left - 1));
        }
    }
    attempt(element, 10);
}
