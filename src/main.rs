//! The panic hook logs the message and shows the "start over" panel; then the app takes over from the
//! static first screen of index.html (`ui::app::start`).

fn main() {
    pyconc_app::ui::panic_panel::install();
    pyconc_app::ui::app::start();
}
