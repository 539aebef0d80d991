//! Keeps old links working. When a new schema version changes what an answer means, renames an option
//! or removes a question, a migration step here maps the old key and value onto the new ones. Links
//! carry their schema version (`v=`), and decoding applies every step from that version up.

/// One change between schema `from` and `from + 1`.
#[derive(Debug)]
pub enum Step {
    /// An option of a question was renamed (or merged into another).
    RenameOption { from: u32, key: &'static str, old: &'static str, new: &'static str },
    /// A question was renamed.
    RenameQuestion { from: u32, old: &'static str, new: &'static str },
    /// A question was removed; its answers are dropped silently.
    RemoveQuestion { from: u32, key: &'static str },
}

/// Every migration step ever released, oldest first. Schema 1 is the first release, so there are none
/// yet; the frozen links of `tests/links/` prove that each new step keeps old links working.
pub const STEPS: &[Step] = &[];

/// Maps a key and value from a link of schema `version` to the current schema with `steps`.
/// `None` when the question no longer exists.
pub fn migrate(steps: &[Step], version: u32, key: &str, value: &str) -> Option<(String, String)> {
    let (mut key, mut value) = (key.to_string(), value.to_string());
    for step in steps {
        match *step {
            Step::RenameOption { from, key: k, old, new } if from >= version && key == k && value == old => {
                value = new.to_string();
            }
            Step::RenameQuestion { from, old, new } if from >= version && key == old => key = new.to_string(),
            Step::RemoveQuestion { from, key: k } if from >= version && key == k => return None,
            _ => {}
        }
    }
    Some((key, value))
}
