//! The answers given so far, and what follows from them: which questions are asked, which comes next,
//! how far along the user is.

use crate::content::QuestionId;

/// The most questions the content may have (checked by build.rs), so answers fit in a fixed array.
pub const MAX_QUESTIONS: usize = 32;

/// Marks a question without an answer.
const NONE: u8 = u8::MAX;

/// One answer per question at most: the option index, by question index. A small fixed array, cheap
/// to copy and hash, because the exhaustive walks handle millions of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Answers {
    picks: [u8; MAX_QUESTIONS],
}

impl Default for Answers {
    fn default() -> Self {
        Answers::new()
    }
}

/// Where the user stands: on step `step` of about `total`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub step: usize,
    pub total: usize,
}

impl Progress {
    /// "Step X of about Y" in the words `step_of` (the interface's `STEP_OF`, in some language).
    pub fn in_words(self, step_of: &str) -> String {
        crate::engine::export::fill(step_of, &[("step", self.step.to_string()), ("total", self.total.to_string())])
    }
}

impl Answers {
    /// No answers yet.
    pub fn new() -> Answers {
        Answers { picks: [NONE; MAX_QUESTIONS] }
    }

    /// The option index chosen for `q`, if any.
    pub fn get(&self, q: QuestionId) -> Option<u8> {
        self.picks.get(q.0 as usize).copied().filter(|&o| o != NONE)
    }

    /// Whether no question has been answered.
    pub fn is_empty(&self) -> bool {
        self.picks.iter().all(|&o| o == NONE)
    }

    /// Answers `q` with option `option`, then drops the answers that no longer apply. Returns the
    /// questions whose answers were dropped. An option index out of range is ignored.
    pub fn answer(&mut self, q: QuestionId, option: u8) -> Vec<QuestionId> {
        if (option as usize) < q.get().options.len() {
            self.picks[q.0 as usize] = option;
        }
        self.prune()
    }

    /// Removes one answer without touching the others (for the merged walks and memoized searches).
    pub fn clear_only(&mut self, q: QuestionId) {
        self.picks[q.0 as usize] = NONE;
    }

    /// Sets an answer without pruning (for decoding, where the order of keys must not matter).
    pub fn answer_raw(&mut self, q: QuestionId, option: u8) -> bool {
        if (option as usize) < q.get().options.len() {
            self.picks[q.0 as usize] = option;
            return true;
        }
        false
    }

    /// Forgets the answer to `q` (and any answers that depended on it).
    pub fn clear(&mut self, q: QuestionId) -> Vec<QuestionId> {
        self.picks[q.0 as usize] = NONE;
        self.prune()
    }

    /// Drops answers to questions that would no longer be asked. `ask_if` reads only earlier questions,
    /// so one pass in order settles everything.
    pub fn prune(&mut self) -> Vec<QuestionId> {
        let mut dropped = Vec::new();
        for q in QuestionId::all() {
            if self.get(q).is_some() && !q.get().ask_if.holds(self) {
                self.picks[q.0 as usize] = NONE;
                dropped.push(q);
            }
        }
        dropped
    }

    /// Whether `q` is asked given the answers so far.
    pub fn is_asked(&self, q: QuestionId) -> bool {
        q.get().ask_if.holds(self)
    }

    /// The first question that is asked and not yet answered.
    pub fn next_question(&self) -> Option<QuestionId> {
        QuestionId::all().find(|&q| self.get(q).is_none() && self.is_asked(q))
    }

    /// The questions answered, in the order they were asked.
    pub fn path(&self) -> Vec<QuestionId> {
        QuestionId::all().filter(|&q| self.get(q).is_some()).collect()
    }

    /// "Step X of about Y": X counts the answers plus the current question; Y adds every later question
    /// that is, or may still be, asked.
    pub fn progress(&self) -> Progress {
        let answered = self.path().len();
        let Some(current) = self.next_question() else {
            return Progress { step: answered, total: answered };
        };
        let open = |q: QuestionId| q >= current && self.get(q).is_none();
        let later = QuestionId::all()
            .filter(|&q| q > current && self.get(q).is_none())
            .filter(|&q| q.get().ask_if.may_hold(self, &open) != Some(false))
            .count();
        Progress { step: answered + 1, total: answered + 1 + later }
    }
}
