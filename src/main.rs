//! The panic hook logs the message and shows the "start over" panel; then the app takes over from the
//! static first screen of index.html (`ui::app::start`).

fn main() {
    pyconc::ui::panic_panel::install();
    pyconc::ui::app::start();
}
