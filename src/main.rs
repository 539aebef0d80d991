//! Mounts the app. The panic hook logs the message and shows the "start over" panel; the service worker
//! keeps the app available offline.

fn main() {
    pyconc::ui::panic_panel::install();
    leptos::mount::mount_to_body(pyconc::ui::app::App);
    pyconc::ui::offline::register();
}
