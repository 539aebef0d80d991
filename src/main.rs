//! Mounts the app in place of the static first screen of index.html. The panic hook logs the message and
//! shows the "start over" panel;
//! the service worker keeps the app available offline.

fn main() {
    pyconc::ui::panic_panel::install();
    // Removing the static screen and mounting happen in one task, so no frame shows neither.
    if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("pc-boot")) {
        boot.remove();
    }
    leptos::mount::mount_to_body(pyconc::ui::app::App);
    pyconc::ui::timing::mark(pyconc::ui::timing::MOUNTED);
    pyconc::ui::offline::register();
}
