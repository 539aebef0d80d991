//! Shows a "start over" panel when the app panics, instead of a blank page. After a panic the reactive
//! system cannot be trusted, so the panel is plain DOM built by hand.

use crate::content::{Lang, ui};
use wasm_bindgen::JsCast;

/// Installs the panic hook: log to the console, then show the panel.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
}

/// Builds and shows the panel (once). Public so a browser test can check what it shows.
pub fn show() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    if document.get_element_by_id("pc-panic").is_some() {
        return;
    }
    let lang = document
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .map_or(Lang::default(), |tag| Lang::from_browser_tag(&tag));
    let Ok(panel) = document.create_element("div") else { return };
    panel.set_id("pc-panic");
    panel.set_class_name("pc-panic");
    let _ = panel.set_attribute("role", "alertdialog");
    let _ = panel.set_attribute("aria-labelledby", "pc-panic-title");
    // A dialog takes the focus: keyboard and screen-reader users land on it, not in the broken page.
    let _ = panel.set_attribute("tabindex", "-1");
    let parts = [("h2", ui::PANIC_TITLE.get(lang)), ("p", ui::PANIC_BODY.get(lang))];
    for (tag, text) in parts {
        if let Ok(el) = document.create_element(tag) {
            el.set_text_content(Some(text));
            if tag == "h2" {
                el.set_id("pc-panic-title");
            }
            let _ = panel.append_child(&el);
        }
    }
    if let Ok(link) = document.create_element("a") {
        // The app's folder (it may be served under a sub-path).
        let _ = link.set_attribute("href", "./");
        link.set_class_name("pc-button pc-button--primary");
        link.set_text_content(Some(ui::START_OVER.get(lang)));
        let _ = panel.append_child(&link);
    }
    let _ = body.append_child(&panel);
    if let Some(panel) = panel.dyn_ref::<web_sys::HtmlElement>() {
        let _ = panel.focus();
    }
}
