//! Evaluates content conditions against the answers: definitely (for rules, pitfalls and templates) or
//! as "maybe" while some questions are still open (for estimating how many steps remain).

use crate::content::{CmpOp, Cond};
use crate::engine::Answers;

impl Cond {
    /// Whether the condition holds. A question not answered makes `=`, `in` and comparisons false.
    pub fn holds(&self, answers: &Answers) -> bool {
        match *self {
            Cond::Always => true,
            Cond::In(q, options) => answers.get(q).is_some_and(|o| options.contains(&o)),
            Cond::Cmp(q, op, than) => answers.get(q).is_some_and(|o| compare(o, op, than)),
            Cond::Not(inner) => !inner.holds(answers),
            Cond::All(items) => items.iter().all(|c| c.holds(answers)),
            Cond::Any(items) => items.iter().any(|c| c.holds(answers)),
        }
    }

    /// Three-valued evaluation: `None` when the outcome depends on questions in `open`, which may
    /// still be answered.
    pub fn may_hold(&self, answers: &Answers, open: &dyn Fn(crate::content::QuestionId) -> bool) -> Option<bool> {
        match *self {
            Cond::Always => Some(true),
            Cond::In(q, _) | Cond::Cmp(q, _, _) if answers.get(q).is_none() && open(q) => None,
            Cond::In(..) | Cond::Cmp(..) => Some(self.holds(answers)),
            Cond::Not(inner) => inner.may_hold(answers, open).map(|b| !b),
            Cond::All(items) => settle(items, false, answers, open),
            Cond::Any(items) => settle(items, true, answers, open),
        }
    }
}

/// Three-valued `all` (decisive = false) or `any` (decisive = true): the decisive value as soon as one
/// item has it, else `None` if some item is still open, else the other value.
fn settle(
    items: &[Cond],
    decisive: bool,
    answers: &Answers,
    open: &dyn Fn(crate::content::QuestionId) -> bool,
) -> Option<bool> {
    let mut result = Some(!decisive);
    for c in items {
        match c.may_hold(answers, open) {
            Some(b) if b == decisive => return Some(decisive),
            None => result = None,
            Some(_) => {}
        }
    }
    result
}

fn compare(option: u8, op: CmpOp, than: u8) -> bool {
    match op {
        CmpOp::Lt => option < than,
        CmpOp::Le => option <= than,
        CmpOp::Gt => option > than,
        CmpOp::Ge => option >= than,
    }
}
