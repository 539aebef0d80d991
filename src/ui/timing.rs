//! Performance marks for the benchmark (`scripts/bench/`): when the app has mounted, and when the first
//! question can first be answered.

use std::cell::Cell;

/// The app has replaced the static first screen.
pub const MOUNTED: &str = "pc-mounted";
/// A question step is on screen with its handlers attached, for the first time in this page.
pub const FIRST_QUESTION: &str = "pc-first-question";

thread_local! {
    static FIRST_QUESTION_MARKED: Cell<bool> = const { Cell::new(false) };
}

/// Sets a performance mark; does nothing where the API is missing.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Marks the first question as interactive, once per page.
pub fn first_question_shown() {
    if !FIRST_QUESTION_MARKED.replace(true) {
        mark(FIRST_QUESTION);
    }
}
