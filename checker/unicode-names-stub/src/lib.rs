//! The one function of `unicode_names2` that ruff's parser calls, without the name table.

/// The character a Unicode name stands for: here U+FFFD for any non-empty name, so that
/// `"\N{BULLET}"` parses (to a replacement character) instead of being an "unknown name" error.
pub fn character(name: &str) -> Option<char> {
    if name.trim().is_empty() { None } else { Some('\u{FFFD}') }
}

#[cfg(test)]
mod tests {
    #[test]
    fn any_name_decodes_and_an_empty_one_does_not() {
        assert_eq!(super::character("BULLET"), Some('\u{FFFD}'));
        assert_eq!(super::character(""), None);
    }
}
