//! Mounts the app. The panic hook logs the message and shows the "start over" panel.

fn main() {
    pyconc::ui::panic_panel::install();
    leptos::mount::mount_to_body(pyconc::ui::app::App);
}
