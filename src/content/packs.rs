//! The language packs: the texts that are not needed for the first screen (every question after the
//! first, the models, reasons, pitfalls and template code), one file per language. `build.rs` writes them
//! next to the generated content, and the trunk build copies them into `dist/` under content-hashed names
//! (`scripts/packs.mjs`). The browser fetches a pack once the first question is on screen; on the host
//! they are embedded, so the engine, the exports and the tests see every text at once.

use crate::content::Lang;
use std::sync::OnceLock;

pub use crate::content::generated::packs::{COUNT, FILES};

static LOADED: [OnceLock<Vec<&'static str>>; Lang::ALL.len()] = [const { OnceLock::new() }; Lang::ALL.len()];

fn slot(lang: Lang) -> &'static OnceLock<Vec<&'static str>> {
    &LOADED[lang as usize]
}

#[cfg(not(target_arch = "wasm32"))]
fn table(lang: Lang) -> Option<&'static [&'static str]> {
    let embedded = crate::content::generated::packs::EMBEDDED[lang as usize];
    Some(slot(lang).get_or_init(|| embedded.split('\0').collect()))
}

#[cfg(target_arch = "wasm32")]
fn table(lang: Lang) -> Option<&'static [&'static str]> {
    slot(lang).get().map(Vec::as_slice)
}

/// The text at `index` of `lang`'s pack, or "" while the pack has not loaded.
pub fn text(lang: Lang, index: u16) -> &'static str {
    table(lang).and_then(|t| t.get(index as usize)).copied().unwrap_or("")
}

/// Template code at `index`, from any loaded pack.
pub fn code(index: u16) -> &'static str {
    Lang::ALL.iter().map(|&l| text(l, index)).find(|s| !s.is_empty()).unwrap_or("")
}

/// Whether `lang`'s pack is there.
pub fn is_loaded(lang: Lang) -> bool {
    table(lang).is_some()
}

/// The file name of `lang`'s pack, relative to the site root.
pub fn file(lang: Lang) -> &'static str {
    FILES[lang as usize]
}

/// Why a fetched pack was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum PackError {
    /// The file does not hold the number of texts this build expects (a stale or foreign file).
    WrongCount { expected: usize, found: usize },
}

/// Installs a fetched pack. The text is kept for the life of the page.
pub fn install(lang: Lang, body: String) -> Result<(), PackError> {
    let found = body.split('\0').count();
    if found != COUNT {
        return Err(PackError::WrongCount { expected: COUNT, found });
    }
    let body: &'static str = body.leak();
    let _ = slot(lang).set(body.split('\0').collect());
    Ok(())
}
