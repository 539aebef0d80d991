//! Browser storage that tolerates trouble: storage disabled, full, or holding values of the wrong shape
//! all fall back to defaults. Only preferences and checklist state are kept here; answers live in the
//! address.

/// Storage keys, prefixed so nothing else on the origin collides with them.
pub const LANG: &str = "pyconc.lang";
pub const THEME: &str = "pyconc.theme";
pub const LAST_LINK: &str = "pyconc.last";
pub const CHECKLIST_PREFIX: &str = "pyconc.check.";

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads a value; `None` when absent or storage is unavailable.
pub fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Writes a value; returns false when storage refused it (disabled or full).
pub fn set(key: &str, value: &str) -> bool {
    local().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Removes a value, ignoring failures.
pub fn remove(key: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(key);
    }
}
