//! What the checker's web worker answers, apart from the browser glue (src/main.rs) so that the host
//! tests it. The app posts the pasted text as one string; the worker answers each with one string in the
//! checker's text format (`pyconc_checker::outcome_to_text`), plus one record of its own for text that
//! cannot be Python source:
//!
//! ```text
//! X<TAB>not-text<TAB><line>:<column>
//! ```
//!
//! at the first NUL or U+FFFD (what a binary file, or bytes that were not UTF-8, become once pasted).
//! Before anything else, the worker posts [`READY`] once its module has loaded; messages the app posts
//! earlier would find no listener.

use pyconc_checker::{CheckError, MAX_BYTES, check, outcome_to_text};

/// The worker's first message: it is listening.
pub const READY: &str = "ready";

/// The answer to one pasted text: refused without parsing when it is over [`MAX_BYTES`] or is not
/// source text, else the checker's report.
pub fn respond(text: &str) -> String {
    if text.len() > MAX_BYTES {
        return outcome_to_text(&Err(CheckError::TooLarge { bytes: text.len() }));
    }
    if let Some((line, column)) = not_source(text) {
        return format!("X\tnot-text\t{line}:{column}\n");
    }
    outcome_to_text(&check(text))
}

/// Where `text` stops looking like source code: the line and column (1-based, in characters) of its first
/// NUL (CPython refuses source with one) or U+FFFD (the replacement character that stands for bytes that
/// were not UTF-8).
pub fn not_source(text: &str) -> Option<(u32, u32)> {
    let at = text.find(['\0', '\u{FFFD}'])?;
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    Some((line as u32, column as u32))
}
