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
    /// A question was split in two: an answer to `key` also answers `to` (whichever the other answers
    /// no longer ask is then dropped without a notice).
    CopyAnswer { from: u32, key: &'static str, to: &'static str },
    /// A question was added: links made before it take `value` when the question is asked.
    AddQuestion { from: u32, key: &'static str, value: &'static str },
}

/// Every migration step ever released, oldest first; the frozen links of `tests/links/` prove that each
/// step keeps old links working.
pub const STEPS: &[Step] = &[
    // Schema 2: "compiled dependencies ready" split into free-threading readiness (`ext`, asked only on
    // the free-threaded build) and subinterpreter support (`subint`).
    Step::CopyAnswer { from: 1, key: "ext", to: "subint" },
    // Schema 2: the computing part of mixed work. Schema 1 treated it as Python code.
    Step::AddQuestion { from: 1, key: "comp", value: "py" },
    // Schema 2: how long the whole job takes. Schema 1 assumed it was worth speeding up.
    Step::AddQuestion { from: 1, key: "total", value: "slow" },
    // Schema 2: one large object read by every task. Schema 1 did not ask; `data` covered per-task data.
    Step::AddQuestion { from: 1, key: "shared", value: "no" },
];

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

/// The questions that an answer to `key` in a link of schema `version` also answers (after `migrate`).
pub fn copies<'a>(steps: &'a [Step], version: u32, key: &str) -> Vec<&'a str> {
    steps
        .iter()
        .filter_map(|step| match *step {
            Step::CopyAnswer { from, key: k, to } if from >= version && key == k => Some(to),
            _ => None,
        })
        .collect()
}

/// The answer a link of schema `version` takes for `key` when that question is asked, because the
/// question did not exist when the link was made.
pub fn added_default(steps: &[Step], version: u32, key: &str) -> Option<&'static str> {
    steps.iter().find_map(|step| match *step {
        Step::AddQuestion { from, key: k, value } if from >= version && key == k => Some(value),
        _ => None,
    })
}
